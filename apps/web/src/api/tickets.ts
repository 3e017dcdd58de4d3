import type { ComplaintScope, TicketChannel, TicketPriority, TicketStatus, TicketType } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { useCursorList } from './cursor-list';
import type {
  Attachment, CannedReply, CategoryNode, ClearFields, ClearRecordView, RecoveryFields, RecoveryRecordView, TicketDetail, TicketSummary, VisitOutcome, Workload,
} from './ticket-types';
import type { ItemList, Page } from './types';

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

/**
 * Every ticket matching a filter, fetched 100 at a time up to `cap`, for the queue's tiles: the
 * list endpoint returns no totals, so counts are made here (and shown as "cap+" beyond it).
 */
export function useTicketSample(filters: TicketFilters, cap = 500) {
  return useQuery({
    queryKey: [...ticketsKey, 'sample', filters, cap],
    queryFn: async ({ signal }) => {
      const items: TicketSummary[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<TicketSummary> = await api.get<Page<TicketSummary>>('/tickets', { ...filters, cursor, limit: 100 }, signal);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < cap);
      return { items, capped: cursor !== null };
    },
    staleTime: 60_000,
  });
}

/** After any change the detail, the queue and the tiles may all read differently. */
function useRefreshTickets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ticketsKey });
}

export function useCreateTicket() {
  const refresh = useRefreshTickets();
  return useMutation({ mutationFn: (input: TicketInput) => api.post<TicketSummary>('/tickets', input), onSuccess: refresh });
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
