import type {
  indicatorSystemCreate,
  indicatorSystemDetail,
  indicatorSystemList,
  indicatorSystemSummary,
  indicatorSystemUpdate,
  indicatorTemplateList,
} from '@manyi/contracts/indicators';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type IndicatorSystemSummary = Received<typeof indicatorSystemSummary>;

export type IndicatorSystemDetail = Received<typeof indicatorSystemDetail>;

export type IndicatorTemplateInfo = Received<typeof indicatorTemplateList>['items'][number];

export function useIndicatorSystems() {
  return useQuery({
    queryKey: ['indicator-systems', 'list'],
    queryFn: ({ signal }) => api.get<Received<typeof indicatorSystemList>>('/indicator-systems', undefined, signal),
  });
}

/** The current version, or an older one when `version` is given. */
export function useIndicatorSystem(id: string | null | undefined, version?: number) {
  return useQuery({
    queryKey: ['indicator-systems', 'detail', id, version ?? 'current'],
    queryFn: ({ signal }) =>
      api.get<IndicatorSystemDetail>(version ? `/indicator-systems/${id ?? ''}/versions/${version}` : `/indicator-systems/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useIndicatorTemplates() {
  return useQuery({
    queryKey: ['indicator-templates'],
    queryFn: ({ signal }) => api.get<Received<typeof indicatorTemplateList>>('/indicator-templates', undefined, signal),
    staleTime: Infinity,
  });
}

export type IndicatorSystemCreateInput = Sent<typeof indicatorSystemCreate>;
/** expectedVersion: the current version the editor loaded; the server refuses the edit (409) if someone revised the system since. */
export type IndicatorSystemSaveInput = Sent<typeof indicatorSystemUpdate>;

function useIndicatorMutation<Input>(send: (input: Input) => Promise<IndicatorSystemDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['indicator-systems'] }),
  });
}

export const useCreateIndicatorSystem = () =>
  useIndicatorMutation((input: IndicatorSystemCreateInput) => api.post<IndicatorSystemDetail>('/indicator-systems', input));
export const useSaveIndicatorSystem = () =>
  useIndicatorMutation(({ id, input }: { id: string; input: IndicatorSystemSaveInput }) => api.put<IndicatorSystemDetail>(`/indicator-systems/${id}`, input));
