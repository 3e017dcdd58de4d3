import type { IndicatorTreeNode, LocalText, StaffPost } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** apps/server/src/indicators/schemas.ts `indicatorSystemSummary`. */
export type IndicatorSystemSummary = {
  id: string;
  name: string;
  post: StaffPost | null;
  templateCode: string | null;
  currentVersion: number;
  archived: boolean;
  updatedAt: string;
};

export type IndicatorSystemDetail = IndicatorSystemSummary & {
  version: number;
  tree: IndicatorTreeNode[];
  versions: { version: number; createdAt: string; createdById: string | null }[];
};

export type IndicatorTemplateInfo = { code: string; name: LocalText; description: LocalText; roots: IndicatorTreeNode[] };

export function useIndicatorSystems() {
  return useQuery({
    queryKey: ['indicator-systems', 'list'],
    queryFn: ({ signal }) => api.get<{ items: IndicatorSystemSummary[] }>('/indicator-systems', undefined, signal),
  });
}

/** The current version, or an older one when `version` is given. */
export function useIndicatorSystem(id: string | null | undefined, version?: number) {
  return useQuery({
    queryKey: ['indicator-systems', 'detail', id, version ?? 'current'],
    queryFn: ({ signal }) => api.get<IndicatorSystemDetail>(version ? `/indicator-systems/${id ?? ''}/versions/${version}` : `/indicator-systems/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useIndicatorTemplates() {
  return useQuery({
    queryKey: ['indicator-templates'],
    queryFn: ({ signal }) => api.get<{ items: IndicatorTemplateInfo[] }>('/indicator-templates', undefined, signal),
    staleTime: Infinity,
  });
}

export type IndicatorSystemCreateInput = { name: string; post?: StaffPost | null; templateCode?: string; tree?: IndicatorTreeNode[] };
/** expectedVersion: the current version the editor loaded; the server refuses the edit (409) if someone revised the system since. */
export type IndicatorSystemSaveInput = { name?: string; post?: StaffPost | null; tree: IndicatorTreeNode[]; expectedVersion?: number };

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
