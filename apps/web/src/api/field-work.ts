import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { appointmentBody, completeBody, confirmationCodeSent, fieldTask } from '@manyi/contracts/field-work';
import type { attachment } from '@manyi/contracts/tickets';
import type { Received, Sent } from '@manyi/contracts/wire';
import { api } from './client';

export type FieldTask = Received<typeof fieldTask>;
export type FieldView = 'mine' | 'pool' | 'today';
export type CompleteInput = Sent<typeof completeBody>;
export type AppointmentInput = Sent<typeof appointmentBody>;
type CodeSent = Received<typeof confirmationCodeSent>;
type Attachment = Received<typeof attachment>;

const fieldKey = ['field-tasks'] as const;

export function useFieldTasks(view: FieldView) {
  return useQuery({ queryKey: [...fieldKey, 'list', view], queryFn: () => api.get<{ items: FieldTask[] }>('/field/tasks', { view }) });
}

export function useFieldTask(id: string) {
  return useQuery({ queryKey: [...fieldKey, 'one', id], queryFn: () => api.get<FieldTask>(`/field/tasks/${id}`) });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fieldKey });
}

export function useGrab(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api.post(`/tickets/${id}/grab`), onSuccess: refresh });
}

export function useArrive(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (version: number) => api.post<FieldTask>(`/tickets/${id}/arrive`, { version }), onSuccess: refresh });
}

export function useAppointment(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: AppointmentInput) => api.put<FieldTask>(`/tickets/${id}/appointment`, body), onSuccess: refresh });
}

export function useSendCode(id: string) {
  return useMutation({ mutationFn: () => api.post<CodeSent>(`/tickets/${id}/confirmation-code`) });
}

export function useUploadPhoto(id: string) {
  return useMutation({ mutationFn: (file: File) => api.upload<Attachment>(`/tickets/${id}/attachments`, file) });
}

export function useComplete(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CompleteInput) => api.post<FieldTask>(`/tickets/${id}/complete`, body), onSuccess: refresh });
}
