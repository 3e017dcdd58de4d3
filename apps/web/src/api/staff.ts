import type { directoryEntry, passwordReset, staffBody, staffPatch, staffQuery } from '@manyi/contracts/staff';
import type { Filters, Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { useCursorList } from './cursor-list';
import type { ItemList, Staff } from './types';

export type StaffFilters = Filters<typeof staffQuery>;

export type StaffInput = Sent<typeof staffBody>;

/** PATCH is partial: deactivating sends only `active`. Login and password are not editable here. */
export type StaffPatch = Sent<typeof staffPatch>;

export function useStaffList(filters: StaffFilters) {
  return useCursorList<Staff>('staff', filters);
}

export function useSaveStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { id: string; input: StaffPatch } | { id?: undefined; input: StaffInput }) =>
      change.id ? api.patch<Staff>(`/staff/${change.id}`, change.input) : api.post<Staff>('/staff', change.input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}

/** The photo owners see on their steward card (PUT /staff/:id/photo, JPG/PNG/WebP ≤ 2 MB). */
export function useUploadStaffPhoto() {
  return useMutation({ mutationFn: ({ id, file }: { id: string; file: File }) => api.upload<void>(`/staff/${id}/photo`, file, 'PUT') });
}

export function useResetStaffPassword() {
  return useMutation({
    mutationFn: ({ id, password }: Sent<typeof passwordReset> & { id: string }) => api.post<void>(`/staff/${id}/reset-password`, { password }),
  });
}

/** A colleague to hand work to (GET /staff/directory): every staff role may read it, unlike the staff list. */
export type DirectoryEntry = Received<typeof directoryEntry>;

export function useStaffDirectory(projectId: string | undefined) {
  return useQuery({
    queryKey: ['staff', 'directory', projectId],
    queryFn: () => api.get<ItemList<DirectoryEntry>>('/staff/directory', { projectId }),
    staleTime: 5 * 60_000,
  });
}
