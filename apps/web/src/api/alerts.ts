import type { alert, alertPage, readAllResult } from '@manyi/contracts/sla';
import type { Received } from '@manyi/contracts/wire';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** One SLA alert of the console bell (packages/contracts/src/sla.ts `alert`); labels come with it. */
export type Alert = Received<typeof alert>;

export type AlertPage = Received<typeof alertPage>;

const alertsKey = ['alerts'] as const;

/** The bell polls once a minute: the sweep runs on the server's own timer, not on any user action. */
export function useAlerts(projectId: string | undefined) {
  const query = useInfiniteQuery({
    queryKey: [...alertsKey, projectId],
    queryFn: ({ pageParam, signal }) => api.get<AlertPage>('/alerts', { projectId, cursor: pageParam, limit: 20 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: 60_000,
    staleTime: 0,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) ?? [], unreadCount: query.data?.pages[0]?.unreadCount ?? 0 };
}

export function useReadAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Alert>(`/alerts/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey }),
  });
}

export function useReadAllAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string | undefined) => api.post<Received<typeof readAllResult>>(`/alerts/read-all${projectId ? `?projectId=${projectId}` : ''}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey }),
  });
}
