import type { StaffPost, StaffRole } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { useCursorList } from './cursor-list';
import type { ItemList, Staff } from './types';

export type StaffFilters = { role?: StaffRole; post?: StaffPost; projectId?: string; q?: string };

export type StaffInput = {
  login?: string;
  name: string;
  phone?: string | null;
  password?: string;
  roles: StaffRole[];
  post?: StaffPost | null;
  projectIds: string[];
  active?: boolean;
};

/** PATCH is partial: deactivating sends only `active`. Login and password are not editable here. */
export type StaffPatch = Partial<Omit<StaffInput, 'login' | 'password'>>;

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

export function useResetStaffPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api.post<void>(`/staff/${id}/reset-password`, { password }),
  });
}

/** A colleague to hand work to (GET /staff/directory): every staff role may read it, unlike the staff list. */
export type DirectoryEntry = { id: string; name: string; post: StaffPost | null; projectIds: string[] };

export function useStaffDirectory(projectId: string | undefined) {
  return useQuery({
    queryKey: ['staff', 'directory', projectId],
    queryFn: () => api.get<ItemList<DirectoryEntry>>('/staff/directory', { projectId }),
    staleTime: 5 * 60_000,
  });
}
