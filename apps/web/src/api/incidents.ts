import type {
  detectionSettings,
  incidentBody,
  incidentDetail,
  incidentEvent,
  incidentPatch,
  incidentQuery,
  incidentSummary,
  incidentTemplate,
  templateList,
} from '@manyi/contracts/incidents';
import type { Filters, Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ItemList } from './types';

/** Group, planned and emergency incidents (packages/contracts/src/incidents.ts). */

export type Incident = Received<typeof incidentSummary>;

export type IncidentEvent = Received<typeof incidentEvent>;
export type IncidentDetail = Received<typeof incidentDetail>;

export type IncidentTemplate = Received<typeof incidentTemplate>;

export type IncidentInput = Sent<typeof incidentBody>;

/** PATCH /incidents/:id: only the fields sent change; `version` refuses a save over someone else's. */
export type IncidentPatch = Sent<typeof incidentPatch>;

export type IncidentFilters = Filters<typeof incidentQuery>;

const incidentsKey = ['incidents'] as const;

export function useIncidents(filters: IncidentFilters, enabled = true) {
  return useQuery({
    queryKey: [...incidentsKey, 'list', filters],
    queryFn: ({ signal }) => api.get<ItemList<Incident>>('/incidents', { ...filters, limit: 100 }, signal),
    enabled,
  });
}

export function useIncident(id: string | undefined) {
  return useQuery({ queryKey: [...incidentsKey, 'detail', id], queryFn: () => api.get<IncidentDetail>(`/incidents/${id ?? ''}`), enabled: Boolean(id) });
}

/** What a hotline agent should say right now to a caller from this household about this category. */
export function useActiveIncidents(params: { projectId?: string; householdId?: string; categoryCode?: string }) {
  return useQuery({
    queryKey: [...incidentsKey, 'active', params],
    queryFn: ({ signal }) => api.get<ItemList<Incident>>('/incidents/active', params, signal),
    enabled: Boolean(params.projectId),
    staleTime: 60_000,
  });
}

export function useIncidentTemplates() {
  return useQuery({
    queryKey: ['incident-templates'],
    queryFn: () => api.get<Received<typeof templateList>>('/incident-templates'),
    staleTime: 10 * 60_000,
  });
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IncidentInput) => api.post<IncidentDetail>('/incidents', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentsKey }),
  });
}

export type IncidentCommand = 'publish' | 'confirm' | 'dismiss' | 'close';

export function useIncidentCommand(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ command, note }: { command: IncidentCommand; note?: string }) =>
      api.post<IncidentDetail>(`/incidents/${id}/${command}`, command === 'publish' ? undefined : { note: note ?? '' }),
    onSuccess: (detail) => {
      queryClient.setQueryData([...incidentsKey, 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: incidentsKey });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

/** Corrections while the incident is live; buildings added to a published outage get its notice. */
export function useUpdateIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: IncidentPatch) => api.patch<IncidentDetail>(`/incidents/${id}`, patch),
    onSuccess: (detail) => {
      queryClient.setQueryData([...incidentsKey, 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: incidentsKey });
    },
  });
}

/** Group-complaint detection: K distinct households within T hours (company-wide). */
export type DetectionSettings = Received<typeof detectionSettings>;

const detectionSettingsKey = ['incident-settings'] as const;

export function useDetectionSettings() {
  return useQuery({ queryKey: detectionSettingsKey, queryFn: () => api.get<DetectionSettings>('/incident-settings') });
}

export function useSaveDetectionSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: DetectionSettings) => api.put<DetectionSettings>('/incident-settings', settings),
    onSuccess: (saved) => queryClient.setQueryData(detectionSettingsKey, saved),
  });
}
