import type {
  calendarDaysBody,
  calendarSaved,
  calendarYear,
  slaMatch,
  slaPolicy,
  slaPolicyInput,
  slaPolicyList,
  slaPolicySaved,
  webhook,
  webhookBody,
  webhookList,
  webhookTestResult,
} from '@manyi/contracts/sla';
import type { Filled, Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Company-wide SLA settings (packages/contracts/src/sla.ts): policies, the holiday calendar, group-bot webhooks. */

export type SlaCalendar = SlaTargetSetting['calendar'];
export type SlaTargetSetting = NonNullable<SlaPolicy['targets'][keyof SlaPolicy['targets']]>;

export type SlaMatch = Sent<typeof slaMatch>;

export type SlaPolicy = Received<typeof slaPolicy>;

/** The editor keeps every field of a policy filled in. */
export type SlaPolicyInput = Filled<typeof slaPolicyInput>;
export type SlaPoliciesSaved = Received<typeof slaPolicySaved>;

const policiesKey = ['sla-policies'] as const;

export function useSlaPolicies() {
  return useQuery({ queryKey: policiesKey, queryFn: () => api.get<Received<typeof slaPolicyList>>('/sla-policies') });
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

export type CalendarDayKind = CalendarDay['kind'];
export type CalendarDay = CalendarYear['days'][number];
export type CalendarYear = Received<typeof calendarYear>;

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: ['calendar-days', year], queryFn: () => api.get<CalendarYear>('/calendar-days', { year }) });
}

export function useSaveCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Sent<typeof calendarDaysBody>) => api.put<Received<typeof calendarSaved>>('/calendar-days', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['calendar-days', saved.year], saved);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export type WebhookFormat = Webhook['format'];
export type Webhook = Received<typeof webhook>;
export type WebhookInput = Sent<typeof webhookBody>;

const webhooksKey = ['webhooks'] as const;

export function useWebhooks() {
  return useQuery({ queryKey: webhooksKey, queryFn: () => api.get<Received<typeof webhookList>>('/webhooks') });
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
  return useMutation({ mutationFn: (id: string) => api.post<Received<typeof webhookTestResult>>(`/webhooks/${id}/test`) });
}
