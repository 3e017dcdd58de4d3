import type { ownerTicketBody } from '@manyi/contracts/owner-tickets';
import type { ownerConfirmBody, ownerRejectBody } from '@manyi/contracts/visits';
import type { Sent } from '@manyi/contracts/wire';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubmissionKey } from './idempotency';
import { api } from './client';
import type { Attachment, CategoryNode, OwnerTicketDetail, OwnerTicketSummary } from './ticket-types';
import type { ItemList, Page } from './types';

export type OwnerTicketInput = Sent<typeof ownerTicketBody>;
export type OwnerConfirmInput = Sent<typeof ownerConfirmBody>;

const ownerTicketsKey = ['owner', 'tickets'] as const;

export function useOwnerTickets() {
  const query = useInfiniteQuery({
    queryKey: [...ownerTicketsKey, 'list'],
    queryFn: ({ pageParam, signal }) => api.get<Page<OwnerTicketSummary>>('/owner/tickets', { cursor: pageParam, limit: 20 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}

export function useOwnerTicket(id: string | undefined) {
  return useQuery({
    queryKey: [...ownerTicketsKey, 'detail', id],
    queryFn: () => api.get<OwnerTicketDetail>(`/owner/tickets/${id ?? ''}`),
    enabled: Boolean(id),
  });
}

export function useReportIssue() {
  const queryClient = useQueryClient();
  const submission = useSubmissionKey();
  return useMutation({
    mutationFn: (input: OwnerTicketInput) => api.submit<OwnerTicketDetail>('/owner/tickets', input, submission.keyFor(input)),
    onSuccess: () => {
      submission.done();
      return queryClient.invalidateQueries({ queryKey: ownerTicketsKey });
    },
  });
}

export function useUploadOwnerPhoto() {
  return useMutation({
    mutationFn: ({ ticketId, file }: { ticketId: string; file: File }) => api.upload<Attachment>(`/owner/tickets/${ticketId}/attachments`, file),
  });
}

/** Confirm with a rating, or reject with a reason (which reopens the ticket). */
export function useAnswerResolution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: { confirm: OwnerConfirmInput } | { reject: Sent<typeof ownerRejectBody> }) =>
      'confirm' in answer
        ? api.post<OwnerTicketDetail>(`/owner/tickets/${id}/confirm`, answer.confirm)
        : api.post<OwnerTicketDetail>(`/owner/tickets/${id}/reject`, answer.reject),
    onSuccess: (detail) => {
      queryClient.setQueryData([...ownerTicketsKey, 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: [...ownerTicketsKey, 'list'] });
    },
  });
}

export function ownerAttachmentUrl(ticketId: string, attachmentId: string): string {
  return `/api/v1/owner/tickets/${ticketId}/attachments/${attachmentId}`;
}

/** The active categories an owner may report under, as the same tree the console reads. */
export function useOwnerCategories() {
  return useQuery({
    queryKey: ['owner', 'ticket-categories'],
    queryFn: () => api.get<ItemList<CategoryNode>>('/owner/ticket-categories'),
    staleTime: 10 * 60_000,
  });
}
