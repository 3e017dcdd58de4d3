import type { regionBody } from '@manyi/contracts/regions';
import type { Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ItemList, Region } from './types';

const regionsKey = ['regions'] as const;

export function useRegions() {
  return useQuery({ queryKey: regionsKey, queryFn: () => api.get<ItemList<Region>>('/regions') });
}

export function useSaveRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: Sent<typeof regionBody> & { id?: string }) =>
      id ? api.patch<Region>(`/regions/${id}`, { name }) : api.post<Region>('/regions', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionsKey }),
  });
}

export function useDeleteRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/regions/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: regionsKey });
      // Projects show the region name, which is gone now.
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
