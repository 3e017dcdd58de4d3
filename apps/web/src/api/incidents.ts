import type { Label } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { TicketSummary } from './ticket-types';
import type { ItemList } from './types';

/** Group, planned and emergency incidents (apps/server/src/incidents/schemas.ts). */

export type IncidentKind = 'group' | 'planned' | 'emergency';
export type IncidentStatus = 'proposed' | 'confirmed' | 'dismissed' | 'draft' | 'published' | 'closed';
export const incidentKindValues: readonly IncidentKind[] = ['group', 'planned', 'emergency'];
export const incidentStatusValues: readonly IncidentStatus[] = ['proposed', 'confirmed', 'dismissed', 'draft', 'published', 'closed'];

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
