import type { Label, SlaTargetKind, TicketChannel, TicketPriority, TicketType } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ItemList } from './types';

/** Company-wide SLA settings (apps/server/src/sla/schemas.ts): policies, the holiday calendar, group-bot webhooks. */

export type SlaCalendar = '24x7' | 'working_hours';
export type SlaTargetSetting = { minutes: number; calendar: SlaCalendar };

export type SlaMatch = {
  types?: TicketType[];
  categoryPrefixes?: string[];
  priorities?: TicketPriority[];
  channels?: TicketChannel[];
  projectIds?: string[];
};

export type SlaPolicy = {
  code: string;
  position: number;
  name: Label;
  match: SlaMatch;
  targets: Partial<Record<SlaTargetKind, SlaTargetSetting>>;
  warnShare: number;
  active: boolean;
  rationale: Label;
};

export type SlaPolicyInput = Pick<SlaPolicy, 'code' | 'name' | 'match' | 'targets' | 'warnShare' | 'active'>;
export type SlaPoliciesSaved = ItemList<SlaPolicy> & { recomputedTickets: number };

const policiesKey = ['sla-policies'] as const;

export function useSlaPolicies() {
  return useQuery({ queryKey: policiesKey, queryFn: () => api.get<ItemList<SlaPolicy>>('/sla-policies') });
}

export function useSaveSlaPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policies: SlaPolicyInput[]) => api.put<SlaPoliciesSaved>('/sla-policies', { policies }),
    onSuccess: (saved) => {
      queryClient.setQueryData(policiesKey, { items: saved.items });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export function useResetSlaPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SlaPoliciesSaved>('/sla-policies/reset'),
    onSuccess: (saved) => {
      queryClient.setQueryData(policiesKey, { items: saved.items });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export type CalendarDayKind = 'holiday' | 'workday';
export type CalendarDay = { day: string; kind: CalendarDayKind; name: string };
export type CalendarYear = { year: number; days: CalendarDay[]; national: { holidays: string[]; workdays: string[] } };

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: ['calendar-days', year], queryFn: () => api.get<CalendarYear>('/calendar-days', { year }) });
}

export function useSaveCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; days: CalendarDay[] }) => api.put<CalendarYear & { recomputedTickets: number }>('/calendar-days', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['calendar-days', saved.year], saved);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export type WebhookFormat = 'wecom' | 'dingtalk';
export type Webhook = { id: string; format: WebhookFormat; url: string; projectId: string | null; projectName: string | null; minimumLevel: number; active: boolean; createdAt: string };
export type WebhookInput = { format: WebhookFormat; url: string; projectId: string | null; minimumLevel: number; active: boolean };

const webhooksKey = ['webhooks'] as const;

export function useWebhooks() {
  return useQuery({ queryKey: webhooksKey, queryFn: () => api.get<ItemList<Webhook>>('/webhooks') });
}

export function useSaveWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { id?: string; input: WebhookInput }) =>
      change.id ? api.patch<Webhook>(`/webhooks/${change.id}`, change.input) : api.post<Webhook>('/webhooks', change.input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/webhooks/${id}`), onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }) });
}

export function useTestWebhook() {
  return useMutation({ mutationFn: (id: string) => api.post<{ ok: boolean; error: 'address_not_allowed' | 'delivery_failed' | null }>(`/webhooks/${id}/test`) });
}
