import type { visitSettings, visitSettingsBody } from '@manyi/contracts/visits';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/**
 * The company's return-visit policy (apps/server/src/company-settings/return-visits.ts): the share, 0–1, of
 * resolved tickets of each kind that owe a 回访. Complaints are always 1; the server says so too.
 */
export type VisitSettings = Received<typeof visitSettings>;

const visitSettingsKey = ['visit-settings'] as const;

export function useVisitSettings() {
  return useQuery({ queryKey: visitSettingsKey, queryFn: () => api.get<VisitSettings>('/visit-settings') });
}

export function useSaveVisitSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Sent<typeof visitSettingsBody>) => api.put<VisitSettings>('/visit-settings', settings),
    onSuccess: (saved) => queryClient.setQueryData(visitSettingsKey, saved),
  });
}
