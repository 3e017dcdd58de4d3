import type { projectBody, projectQuery } from '@manyi/contracts/projects';
import type { Filters, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { useCursorList } from './cursor-list';
import type { Page, Project } from './types';

export type ProjectFilters = Filters<typeof projectQuery>;
export type ProjectInput = Sent<typeof projectBody>;

export function useProjects(filters: ProjectFilters) {
  return useCursorList<Project>('projects', filters);
}

/** Every project the user can see, for pickers (100 is the page limit; tenants rarely exceed it). */
export function useProjectOptions() {
  return useQuery({
    queryKey: ['projects', 'options'],
    queryFn: () => api.get<Page<Project>>('/projects', { limit: 100 }),
    select: (page) => page.items,
  });
}

export function useSaveProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ProjectInput }) =>
      id ? api.patch<Project>(`/projects/${id}`, input) : api.post<Project>('/projects', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      // The header's project switcher lists the projects from /auth/me.
      await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}

export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/projects/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}
