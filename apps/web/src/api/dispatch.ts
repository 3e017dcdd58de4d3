import type { cannedReplyBody } from '@manyi/contracts/canned-replies';
import { dispatchModes, type rule, type ruleBody } from '@manyi/contracts/dispatch';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CannedReply } from './ticket-types';
import type { ItemList } from './types';

/** Dispatch rules and canned replies (packages/contracts/src/dispatch.ts, canned-replies.ts). */

export type DispatchMode = (typeof dispatchModes)[number];
export const dispatchModeValues: readonly DispatchMode[] = dispatchModes;

export type DispatchRule = Received<typeof rule>;

export type DispatchRuleInput = Sent<typeof ruleBody>;

const rulesKey = ['dispatch-rules'] as const;

export function useDispatchRules(projectId: string | undefined) {
  return useQuery({ queryKey: [...rulesKey, projectId], queryFn: () => api.get<ItemList<DispatchRule>>('/dispatch-rules', { projectId }) });
}

export function useSaveDispatchRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DispatchRuleInput) => api.put<DispatchRule>('/dispatch-rules', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useDeleteDispatchRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/dispatch-rules/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export type CannedReplyInput = Sent<typeof cannedReplyBody>;

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
  return useMutation({
    mutationFn: (id: string) => api.delete(`/canned-replies/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['canned-replies'] }),
  });
}
