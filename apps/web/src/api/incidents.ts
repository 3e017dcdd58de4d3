import type { IncidentKind, IncidentStatus, Label } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { TicketSummary } from './ticket-types';
import type { ItemList } from './types';

/** Group, planned and emergency incidents (apps/server/src/incidents/schemas.ts); kinds and statuses come from @manyi/core. */

export type Incident = {
  id: string;
  projectId: string;
  projectName: string;
  kind: IncidentKind;
  status: IncidentStatus;
  title: string;
  categoryCode: string | null;
  categoryName: Label | null;
  buildings: { id: string; name: string }[];
  startsAt: string | null;
  endsAt: string | null;
  callScript: string;
  noticeText: string;
  detected: boolean;
  active: boolean;
  ticketCount: number;
  householdCount: number;
  notice: { notified: number; read: number; readRate: number | null };
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type IncidentEvent = { id: string; kind: string; actorKind: 'staff' | 'system'; actorName: string; note: string; recipientRole: string | null; data: unknown; at: string };
export type IncidentDetail = Incident & { tickets: TicketSummary[]; events: IncidentEvent[] };

export type IncidentTemplate = { code: string; kind: 'planned' | 'emergency'; name: Label; categoryCode: string | null; title: string; callScript: string; noticeText: string };

export type IncidentInput = {
  projectId: string;
  kind: 'planned' | 'emergency';
  templateCode?: string;
  title?: string;
  categoryCode?: string | null;
  buildingIds: string[];
  startsAt: string;
  endsAt?: string | null;
  reason?: string;
  callScript?: string;
  noticeText?: string;
  publish: boolean;
};

/** PATCH /incidents/:id: only the fields sent change; `version` refuses a save over someone else's. */
export type IncidentPatch = {
  title?: string;
  categoryCode?: string | null;
  buildingIds?: string[];
  startsAt?: string;
  endsAt?: string | null;
  callScript?: string;
  noticeText?: string;
  version: number;
};

export type IncidentFilters = { projectId?: string; status?: string; kind?: IncidentKind; ticketId?: string };

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
    queryFn: () => api.get<{ placeholders: string[]; items: IncidentTemplate[] }>('/incident-templates'),
    staleTime: 10 * 60_000,
  });
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: IncidentInput) => api.post<IncidentDetail>('/incidents', input), onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentsKey }) });
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
export type DetectionSettings = { minimumHouseholds: number; windowHours: number };

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
