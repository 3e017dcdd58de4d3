import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  inspectionCreate,
  inspectionItemPatch,
  inspectionRecord,
  inspectionScores,
  inspectionSummary,
  reInspection,
  rectificationRecord,
} from '@manyi/contracts/inspections';
import type { Received, Sent } from '@manyi/contracts/wire';
import { api } from './client';

export type Inspection = Received<typeof inspectionRecord>;
export type InspectionSummary = Received<typeof inspectionSummary>;
export type InspectionItem = Inspection['items'][number];
export type Rectification = Received<typeof rectificationRecord>;
export type InspectionScores = Received<typeof inspectionScores>;
export type InspectionInput = Sent<typeof inspectionCreate>;
export type ItemCheck = Sent<typeof inspectionItemPatch>;
export type ReInspectionInput = Sent<typeof reInspection>;

const key = ['inspections'] as const;

export function useInspections(filters: { mine?: boolean; status?: string } = {}) {
  return useQuery({ queryKey: [...key, 'list', filters], queryFn: () => api.get<{ items: InspectionSummary[] }>('/inspections', filters) });
}

export function useInspection(id: string) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: () => api.get<Inspection>(`/inspections/${id}`) });
}

export function useInspectionScores() {
  return useQuery({ queryKey: [...key, 'scores'], queryFn: () => api.get<InspectionScores>('/inspections/scores') });
}

export function useRectifications() {
  return useQuery({ queryKey: [...key, 'rectifications'], queryFn: () => api.get<{ items: Rectification[] }>('/rectifications') });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateInspection() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: InspectionInput) => api.post<Inspection>('/inspections', body), onSuccess: refresh });
}

export function useStartInspection(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { location: string; latitude?: number | null; longitude?: number | null }) => api.post<Inspection>(`/inspections/${id}/start`, body),
    onSuccess: refresh,
  });
}

export function useCheckItem(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: ItemCheck }) => api.put<Inspection>(`/inspections/${id}/items/${itemId}`, body),
    onSuccess: refresh,
  });
}

export function useItemPhoto(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ itemId, file }: { itemId: string; file: File }) => api.upload<Inspection>(`/inspections/${id}/items/${itemId}/photos`, file),
    onSuccess: refresh,
  });
}

export function useSubmitInspection(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (rectifyWithinDays: number) => api.post<Inspection>(`/inspections/${id}/submit`, { rectifyWithinDays }),
    onSuccess: refresh,
  });
}

export function useFixRectification() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.post<Rectification>(`/rectifications/${id}/fix`, { note }),
    onSuccess: refresh,
  });
}

export function useReInspect() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReInspectionInput }) => api.post<Rectification>(`/rectifications/${id}/re-inspect`, body),
    onSuccess: refresh,
  });
}
