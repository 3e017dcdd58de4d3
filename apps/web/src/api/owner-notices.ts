import type { ownerNotice, ownerNoticeList, ownerNoticeRead } from '@manyi/contracts/incidents';
import type { Received } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Notices of outages sent to the owner's buildings (packages/contracts/src/incidents.ts `ownerNotice`). */
export type OwnerNotice = Received<typeof ownerNotice>;

const noticesKey = ['owner', 'notices'] as const;

export function useOwnerNotices() {
  return useQuery({ queryKey: noticesKey, queryFn: () => api.get<Received<typeof ownerNoticeList>>('/owner/notices') });
}

/** The read receipt: opening a notice tells the project how many owners have seen it. */
export function useReadOwnerNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Received<typeof ownerNoticeRead>>(`/owner/notices/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}
