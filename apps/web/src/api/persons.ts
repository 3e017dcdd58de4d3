import type { personBody, personLookup, personQuery } from '@manyi/contracts/persons';
import type { Filters, Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { useCursorList } from './cursor-list';
import type { Invite, Person, PersonProfile } from './types';

export type PersonFilters = Filters<typeof personQuery>;

export type PersonInput = Sent<typeof personBody>;

export function usePersons(filters: PersonFilters, enabled = true) {
  return useCursorList<Person>('persons', filters, enabled);
}

/** The hotline's owner search: an address, phone, name or initials as the caller says it, best match first. */
export function usePersonLookup(q: string, projectId: string | undefined) {
  return useQuery({
    queryKey: ['persons', 'lookup', q, projectId],
    queryFn: () => api.get<Received<typeof personLookup>>('/persons/lookup', { q, projectId }),
    enabled: q.length > 0,
  });
}

export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: ['persons', 'one', id],
    queryFn: () => api.get<Person>(`/persons/${id ?? ''}`),
    enabled: Boolean(id),
  });
}

export function usePersonProfile(id: string | undefined) {
  return useQuery({
    queryKey: ['persons', 'profile', id],
    queryFn: () => api.get<PersonProfile>(`/persons/${id ?? ''}/profile`),
    enabled: Boolean(id),
  });
}

export function useSavePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: PersonInput }) => (id ? api.patch<Person>(`/persons/${id}`, input) : api.post<Person>('/persons', input)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      // Household rows list their members.
      await queryClient.invalidateQueries({ queryKey: ['households'] });
    },
  });
}

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/persons/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      await queryClient.invalidateQueries({ queryKey: ['households'] });
    },
  });
}

export function useCreateInvite() {
  return useMutation({ mutationFn: (personId: string) => api.post<Invite>(`/persons/${personId}/invites`) });
}
