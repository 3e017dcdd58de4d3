import type { categoryPatch } from '@manyi/contracts/categories';
import type { actionBody, handoverBody, noteBody, ticketBody, ticketQuery, ticketStats } from '@manyi/contracts/tickets';
import type { visitBody } from '@manyi/contracts/visits';
import type { Filters, Received, Sent } from '@manyi/contracts/wire';
import type { TicketStatus, TicketType } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noteServerTime } from '../shared/server-clock';
import { useSubmissionKey } from './idempotency';
import { api } from './client';
import { useCursorList } from './cursor-list';
import type {
  Attachment,
  CannedReply,
  CategoryNode,
  ClearFields,
  ClearRecordView,
  RecoveryFields,
  RecoveryRecordView,
  TicketDetail,
  TicketSummary,
  Workload,
} from './ticket-types';
import type { ItemList } from './types';

export type TicketFilters = Filters<typeof ticketQuery>;

export type TicketInput = Sent<typeof ticketBody>;
/** One status-machine command; the server checks the rest (reasons, times, roles). */
export type TicketCommand = Sent<typeof actionBody>;
export type VisitInput = Sent<typeof visitBody>;
export type TicketStats = Received<typeof ticketStats>;

const ticketsKey = ['tickets'] as const;
export const ticketKey = (id: string) => ['tickets', 'detail', id] as const;

export function useTickets(filters: TicketFilters) {
  return useCursorList<TicketSummary>('tickets', filters);
}

export function useTicket(id: string | undefined) {
  return useQuery({
    queryKey: ticketKey(id ?? ''),
    queryFn: () => api.get<TicketDetail>(`/tickets/${id ?? ''}`),
    enabled: Boolean(id),
  });
}

/** The queue's four tiles, counted by the server over the whole backlog (apps/server/src/tickets/stats.ts). */
export function useTicketStats(projectId: string | undefined) {
  return useQuery({
    queryKey: [...ticketsKey, 'stats', projectId],
    queryFn: async ({ signal }) => {
      const stats = await api.get<TicketStats>('/tickets/stats', { projectId }, signal);
      noteServerTime(stats.asOf);
      return stats;
    },
    refetchInterval: 60_000,
  });
}

/** After any change the detail, the queue and the tiles may all read differently. */
function useRefreshTickets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ticketsKey });
}

export function useCreateTicket() {
  const refresh = useRefreshTickets();
  const submission = useSubmissionKey();
  return useMutation({
    mutationFn: (input: TicketInput) => api.submit<TicketSummary>('/tickets', input, submission.keyFor(input)),
    onSuccess: () => {
      submission.done();
      return refresh();
    },
  });
}

export function useTicketAction(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({
    mutationFn: (command: TicketCommand) => api.post<TicketSummary>(`/tickets/${id}/actions`, command),
    onSuccess: refresh,
  });
}

export function useGrabTicket(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: () => api.post<TicketSummary>(`/tickets/${id}/grab`), onSuccess: refresh });
}

export function useHandoverAnswer(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({
    mutationFn: (accept: boolean) => api.post<TicketSummary>(`/tickets/${id}/handover/${accept ? 'accept' : 'decline'}`),
    onSuccess: refresh,
  });
}

export function useRequestHandover(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({
    mutationFn: (body: Sent<typeof handoverBody>) => api.post<TicketSummary>(`/tickets/${id}/handover`, body),
    onSuccess: refresh,
  });
}

export function useAddNote(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({
    mutationFn: (body: Sent<typeof noteBody>) => api.post<TicketSummary>(`/tickets/${id}/notes`, body),
    onSuccess: refresh,
  });
}

export function useSaveClear(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: (body: ClearFields) => api.put<ClearRecordView>(`/tickets/${id}/clear`, body), onSuccess: refresh });
}

export function useSaveRecovery(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: (body: RecoveryFields) => api.put<RecoveryRecordView>(`/tickets/${id}/recovery`, body), onSuccess: refresh });
}

export function useRecordVisit(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: (body: VisitInput) => api.post<TicketSummary>(`/tickets/${id}/visits`, body), onSuccess: refresh });
}

export function useUploadAttachment(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: (file: File) => api.upload<Attachment>(`/tickets/${id}/attachments`, file), onSuccess: refresh });
}

export function attachmentUrl(ticketId: string, attachmentId: string): string {
  return `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`;
}

/** Changes one category (PATCH /ticket-categories/:code): here, whether completing its work needs a photo. */
export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: Sent<typeof categoryPatch> }) =>
      api.patch<CategoryNode>(`/ticket-categories/${encodeURIComponent(code)}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ticket-categories'] }),
  });
}

export function useCategoryTree() {
  return useQuery({
    queryKey: ['ticket-categories'],
    queryFn: () => api.get<ItemList<CategoryNode>>('/ticket-categories'),
    staleTime: 10 * 60_000,
  });
}

export function useCannedReplies(ticketType: TicketType | undefined) {
  return useQuery({
    queryKey: ['canned-replies', ticketType],
    queryFn: () => api.get<ItemList<CannedReply>>('/canned-replies', { ticketType }),
    staleTime: 10 * 60_000,
  });
}

export function useWorkload(projectId: string | undefined) {
  return useQuery({
    queryKey: [...ticketsKey, 'workload', projectId],
    queryFn: () => api.get<ItemList<Workload>>('/workload', { projectId }),
  });
}

/** Statuses grouped the way a desk works through them. */
export const statusGroups: Record<'open' | 'waitingVisit' | 'done', readonly TicketStatus[]> = {
  open: ['new', 'accepted', 'assigned', 'in_progress', 'on_hold', 'reopened'],
  waitingVisit: ['resolved'],
  done: ['visited', 'closed', 'cancelled', 'merged'],
};
