import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { actionComplete, actionCreate, actionRecord } from '@manyi/contracts/actions';
import type { agenda, meetingCreate, meetingPatch, meetingRecord, questionRecord, townHall } from '@manyi/contracts/meetings';
import type { targetCommit, targetCreate, targetDecompose, targetRecord } from '@manyi/contracts/targets';
import type { Received, Sent } from '@manyi/contracts/wire';
import { api } from './client';

/** SMART targets, action plans and meetings (issue 18 §3, §5, §7). */
export type Target = Received<typeof targetRecord>;
export type TargetInput = Sent<typeof targetCreate>;
export type DecomposeInput = Sent<typeof targetDecompose>;
export type Action = Received<typeof actionRecord>;
export type ActionInput = Sent<typeof actionCreate>;
export type Meeting = Received<typeof meetingRecord>;
export type MeetingInput = Sent<typeof meetingCreate>;
export type MeetingNotes = Sent<typeof meetingPatch>;
export type TownHall = Received<typeof townHall>;
export type Agenda = Received<typeof agenda>;
export type Question = Received<typeof questionRecord>;

const key = ['plans'] as const;

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useTargets(projectId: string | undefined) {
  return useQuery({ queryKey: [...key, 'targets', projectId], queryFn: () => api.get<{ items: Target[] }>('/targets', { projectId }) });
}
export function useCreateTarget() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TargetInput) => api.post<Target>('/targets', body), onSuccess: refresh });
}
export function useDecompose() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecomposeInput }) => api.post<{ items: Target[] }>(`/targets/${id}/decompose`, body),
    onSuccess: refresh,
  });
}
export function useCommit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Sent<typeof targetCommit> }) => api.post<Target>(`/targets/${id}/commit`, body),
    onSuccess: refresh,
  });
}

export function useActions(projectId: string | undefined) {
  return useQuery({ queryKey: [...key, 'actions', projectId], queryFn: () => api.get<{ items: Action[] }>('/actions', { projectId }) });
}
export function useCreateAction() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ActionInput) => api.post<Action>('/actions', body), onSuccess: refresh });
}
export function useClaimAction() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.post<Action>(`/actions/${id}/claim`), onSuccess: refresh });
}
export function useCompleteAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, body, photos }: { id: string; body: Sent<typeof actionComplete>; photos: File[] }) => {
      for (const photo of photos) await api.upload<Action>(`/actions/${id}/photos`, photo);
      return api.post<Action>(`/actions/${id}/complete`, body);
    },
    onSuccess: refresh,
  });
}

export function useMeetings(projectId: string | undefined) {
  return useQuery({ queryKey: [...key, 'meetings', projectId], queryFn: () => api.get<{ items: Meeting[] }>('/meetings', { projectId }) });
}
export function useCreateMeeting() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: MeetingInput) => api.post<Meeting>('/meetings', body), onSuccess: refresh });
}
export function useMeetingNotes() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: MeetingNotes }) => api.patch<Meeting>(`/meetings/${id}`, body), onSuccess: refresh });
}
export function useTownHall(id: string) {
  // The projector refreshes on its own while the meeting runs.
  return useQuery({ queryKey: [...key, 'town-hall', id], queryFn: () => api.get<TownHall>(`/meetings/${id}/town-hall`), refetchInterval: 30_000 });
}

export function useAgenda(projectId: string | undefined) {
  return useQuery({
    queryKey: [...key, 'agenda', projectId],
    queryFn: () => api.get<Agenda>('/meeting-agenda', { projectId }),
    enabled: projectId !== undefined,
  });
}
export function useAskQuestion() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: { projectId: string; question: string }) => api.post<Question>('/meeting-questions', body), onSuccess: refresh });
}
export function useAnswerQuestion() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) => api.post<Question>(`/meeting-questions/${id}/answer`, { answer }),
    onSuccess: refresh,
  });
}
