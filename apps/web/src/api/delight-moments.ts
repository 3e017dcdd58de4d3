import type { delightBody, delightMoment, praiseCandidate, rewardBody } from '@manyi/contracts/delight-moments';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type DelightMoment = Received<typeof delightMoment>;
export type PraiseCandidate = Received<typeof praiseCandidate>;

const key = ['delight-moments'] as const;

export const useDelightMoments = (projectId: string | undefined) =>
  useQuery({ queryKey: [...key, projectId ?? 'all'], queryFn: ({ signal }) => api.get<{ items: DelightMoment[] }>('/delight-moments', { projectId }, signal) });

export const usePraiseCandidates = (projectId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'praise', projectId ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: PraiseCandidate[] }>('/delight-moments/praise-candidates', { projectId }, signal),
    enabled,
  });

function useDelightMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useRecordDelight = () => useDelightMutation((input: Sent<typeof delightBody>) => api.post<DelightMoment>('/delight-moments', input));
export const useDelightFromPraise = () =>
  useDelightMutation((input: { ticketId: string; staffId: string }) => api.post<DelightMoment>('/delight-moments/from-praise', input));
export const useRewardDelight = () =>
  useDelightMutation((input: { id: string } & Sent<typeof rewardBody>) =>
    api.post<DelightMoment>(`/delight-moments/${input.id}/reward`, { points: input.points, note: input.note }),
  );
