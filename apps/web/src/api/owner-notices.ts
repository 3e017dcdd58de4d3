import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Notices of outages sent to the owner's buildings (apps/server/src/incidents/schemas.ts `ownerNotice`). */
export type OwnerNotice = {
  id: string;
  kind: 'planned' | 'emergency';
  title: string;
  noticeText: string;
  startsAt: string | null;
  endsAt: string | null;
  ended: boolean;
  deliveredAt: string;
  readAt: string | null;
};

const noticesKey = ['owner', 'notices'] as const;

export function useOwnerNotices() {
  return useQuery({ queryKey: noticesKey, queryFn: () => api.get<{ items: OwnerNotice[]; unread: number }>('/owner/notices') });
}

/** The read receipt: opening a notice tells the project how many owners have seen it. */
export function useReadOwnerNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ id: string; readAt: string }>(`/owner/notices/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}
