import type { HouseholdStatus } from '@manyi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client';
import { useCursorList } from './cursor-list';
import type { Household } from './types';

export type HouseholdFilters = {
  projectId?: string;
  buildingId?: string;
  unitId?: string;
  status?: HouseholdStatus;
  q?: string;
};

export type HouseholdInput = {
  buildingId: string;
  unitId?: string | null;
  room: string;
  area?: number | null;
  status?: HouseholdStatus;
};

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
