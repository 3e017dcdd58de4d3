import type { ComplaintScope, TicketChannel, TicketPriority, TicketStatus, TicketType } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noteServerTime } from '../shared/server-clock';
import { useSubmissionKey } from './idempotency';
import { api } from './client';
import { useCursorList } from './cursor-list';
import type {
  Attachment, CannedReply, CategoryNode, ClearFields, ClearRecordView, RecoveryFields, RecoveryRecordView, TicketDetail, TicketSummary, VisitOutcome, Workload,
} from './ticket-types';
import type { ItemList } from './types';

export type TicketFilters = {
  projectId?: string;
  /** Comma-separated statuses, as the server reads them. */
  status?: string;
  type?: TicketType;
  categoryCode?: string;
  assigneeId?: string;
  mine?: boolean;
  overdue?: boolean;
  q?: string;
};

export type TicketInput = {
  projectId: string;
  type: TicketType;
  channel: TicketChannel;
  categoryCode?: string | null;
  priority: TicketPriority;
  complaintScope?: ComplaintScope | null;
  title: string;
  description?: string;
  householdId?: string | null;
  reporterPersonId?: string | null;
  reporterName?: string;
  reporterPhone?: string | null;
  location?: string;
};

/** One status-machine command; the server checks the rest (reasons, times, roles). */
export type TicketCommand =
  | { action: 'accept' | 'start' | 'resume' | 'resolve' | 'close'; note?: string }
  | { action: 'assign'; assigneeId: string; note?: string }
  | { action: 'hold'; reason: string; resumeAt: string; note?: string }
  | { action: 'reopen'; reason: 'owner_rejected' | 'recurred'; note: string }
  | { action: 'cancel'; reason: string }
  | { action: 'merge'; intoTicketId: string; note?: string };

export type VisitInput = {
  method: 'phone' | 'visit';
  outcome: VisitOutcome;
  csat?: number | null;
  peakMoment?: string | null;
  endMoment?: string | null;
  comment: string;
};

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

export type TicketStats = {
  open: number;
  overdue: number;
  dueToday: number;
  slaComplianceThisMonth: { met: number; total: number; rate: number | null };
  /** The Shanghai month the compliance covers, e.g. '2026-11'. */
  month: string;
  asOf: string;
};

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
    mutationFn: (command: TicketCommand & { version?: number }) => api.post<TicketSummary>(`/tickets/${id}/actions`, command),
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
    mutationFn: (body: { toStaffId: string; note?: string }) => api.post<TicketSummary>(`/tickets/${id}/handover`, body),
    onSuccess: refresh,
  });
}

export function useAddNote(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({
    mutationFn: (body: { body: string; visibleToOwner: boolean }) => api.post<TicketSummary>(`/tickets/${id}/notes`, body),
    onSuccess: refresh,
  });
}

export function useSaveClear(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: (body: Partial<ClearFields>) => api.put<ClearRecordView>(`/tickets/${id}/clear`, body), onSuccess: refresh });
}

export function useSaveRecovery(id: string) {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: (body: Partial<RecoveryFields>) => api.put<RecoveryRecordView>(`/tickets/${id}/recovery`, body), onSuccess: refresh });
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
