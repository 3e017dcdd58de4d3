import type { noticeBody, noticeDetail, noticeSummary, noticeTemplate, remindResult } from '@manyi/contracts/notices';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type NoticeSummary = Received<typeof noticeSummary>;
export type NoticeDetail = Received<typeof noticeDetail>;
export type NoticeTemplate = Received<typeof noticeTemplate>;

const key = ['notices'] as const;

export const useNotices = (projectId: string | undefined) =>
  useQuery({ queryKey: [...key, 'list', projectId ?? 'all'], queryFn: ({ signal }) => api.get<{ items: NoticeSummary[] }>('/notices', { projectId }, signal) });

export const useNotice = (id: string | null) =>
  useQuery({ queryKey: [...key, 'detail', id], queryFn: ({ signal }) => api.get<NoticeDetail>(`/notices/${id}`, undefined, signal), enabled: id !== null });

export const useNoticeTemplates = () =>
  useQuery({
    queryKey: [...key, 'templates'],
    queryFn: ({ signal }) => api.get<{ items: NoticeTemplate[] }>('/notices/templates', undefined, signal),
    staleTime: Infinity,
  });

function useNoticeMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useCreateNotice = () => useNoticeMutation((input: Sent<typeof noticeBody>) => api.post<NoticeDetail>('/notices', input));
export const usePublishNotice = () => useNoticeMutation((id: string) => api.post<NoticeDetail>(`/notices/${id}/publish`));
export const useRemindNotice = () => useNoticeMutation((id: string) => api.post<Received<typeof remindResult>>(`/notices/${id}/remind`));
