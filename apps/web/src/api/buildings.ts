import type { buildingBody, unitBody } from '@manyi/contracts/buildings';
import type { Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Building, ItemList, Unit } from './types';

export function useBuildings(projectId: string | undefined) {
  return useQuery({
    queryKey: ['buildings', 'list', projectId],
    queryFn: () => api.get<ItemList<Building>>('/buildings', { projectId }),
    enabled: Boolean(projectId),
    select: (list) => list.items,
  });
}

export type BuildingInput = Sent<typeof buildingBody>;

function useInvalidateBuildings() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['buildings'] });
    // Counts on the project list depend on buildings and households.
    await queryClient.invalidateQueries({ queryKey: ['projects'] });
  };
}

export function useSaveBuilding() {
  const invalidate = useInvalidateBuildings();
  return useMutation({
    mutationFn: ({ id, input, stewardId }: { id?: string; input: BuildingInput; stewardId?: string | null }) =>
      id
        ? api.patch<Building>(`/buildings/${id}`, { name: input.name, floors: input.floors ?? null, ...(stewardId !== undefined && { stewardId }) })
        : api.post<Building>('/buildings', input),
    onSuccess: invalidate,
  });
}

export function useDeleteBuilding() {
  const invalidate = useInvalidateBuildings();
  return useMutation({ mutationFn: (id: string) => api.delete(`/buildings/${id}`), onSuccess: invalidate });
}

export function useSaveUnit() {
  const invalidate = useInvalidateBuildings();
  return useMutation({
    mutationFn: ({ id, buildingId, name }: Sent<typeof unitBody> & { id?: string }) =>
      id ? api.patch<Unit>(`/units/${id}`, { name }) : api.post<Unit>('/units', { buildingId, name }),
    onSuccess: invalidate,
  });
}

export function useDeleteUnit() {
  const invalidate = useInvalidateBuildings();
  return useMutation({ mutationFn: (id: string) => api.delete(`/units/${id}`), onSuccess: invalidate });
}
