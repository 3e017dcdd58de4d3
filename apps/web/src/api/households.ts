import type { householdBody, householdFilter } from '@manyi/contracts/households';
import type { Sent } from '@manyi/contracts/wire';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client';
import { useCursorList } from './cursor-list';
import type { Household } from './types';

export type HouseholdFilters = Sent<typeof householdFilter>;

export type HouseholdInput = Sent<typeof householdBody>;

export function useHouseholds(filters: HouseholdFilters, enabled = true) {
  return useCursorList<Household>('households', filters, enabled);
}

/** The export is a plain download link so the browser streams the file and keeps its name. */
export function householdExportUrl(filters: HouseholdFilters): string {
  return apiUrl('/households/export', filters);
}

export function useSaveHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: HouseholdInput }) =>
      id ? api.patch<Household>(`/households/${id}`, input) : api.post<Household>('/households', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      await queryClient.invalidateQueries({ queryKey: ['buildings'] });
    },
  });
}

export function useDeleteHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/households/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      await queryClient.invalidateQueries({ queryKey: ['buildings'] });
    },
  });
}
