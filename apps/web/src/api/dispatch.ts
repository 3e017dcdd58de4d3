import type { StaffPost, TicketType } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CannedReply } from './ticket-types';
import type { ItemList } from './types';

/** Dispatch rules and canned replies (apps/server/src/dispatch, apps/server/src/canned-replies). */

export type DispatchMode = 'assign' | 'round_robin' | 'grab';
export const dispatchModeValues: readonly DispatchMode[] = ['assign', 'round_robin', 'grab'];

export type DispatchRule = {
  id: string;
  projectId: string;
  post: StaffPost;
  mode: DispatchMode;
  defaultAssignee: { id: string; name: string } | null;
  members: { id: string; name: string }[];
};

export type DispatchRuleInput = { projectId: string; post: StaffPost; mode: DispatchMode; defaultAssigneeId?: string | null; memberIds: string[] };

const rulesKey = ['dispatch-rules'] as const;

export function useDispatchRules(projectId: string | undefined) {
  return useQuery({ queryKey: [...rulesKey, projectId], queryFn: () => api.get<ItemList<DispatchRule>>('/dispatch-rules', { projectId }) });
}

export function useSaveDispatchRule() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: DispatchRuleInput) => api.put<DispatchRule>('/dispatch-rules', input), onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }) });
}

export function useDeleteDispatchRule() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/dispatch-rules/${id}`), onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }) });
}

export type CannedReplyInput = { ticketType: TicketType | null; title: string; body: string };

export function useSaveCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { id?: string; input: CannedReplyInput }) =>
      change.id ? api.patch<CannedReply>(`/canned-replies/${change.id}`, change.input) : api.post<CannedReply>('/canned-replies', change.input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['canned-replies'] }),
  });
}

export function useDeleteCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/canned-replies/${id}`), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['canned-replies'] }) });
}
