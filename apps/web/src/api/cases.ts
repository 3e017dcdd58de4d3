import type { casePatch, caseQuery, caseRecord } from '@manyi/contracts/cases';
import type { Filters, Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type CaseRecord = Received<typeof caseRecord>;
export type CaseFilters = Filters<typeof caseQuery>;

const key = ['cases'] as const;

export const useCases = (filters: CaseFilters) =>
  useQuery({ queryKey: [...key, 'list', filters], queryFn: ({ signal }) => api.get<{ items: CaseRecord[] }>('/cases', filters, signal) });

function useCaseMutation<Input>(run: (input: Input) => Promise<CaseRecord>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useEditCase = () =>
  useCaseMutation((input: { id: string; patch: Sent<typeof casePatch> }) => api.patch<CaseRecord>(`/cases/${input.id}`, input.patch));
export const usePublishCase = () => useCaseMutation((id: string) => api.post<CaseRecord>(`/cases/${id}/publish`));
export const useFlagCase = () =>
  useCaseMutation((input: { id: string; flagged: boolean }) => api.post<CaseRecord>(`/cases/${input.id}/meeting`, { flagged: input.flagged }));
