import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { gapQuestionnaireInput, gapSwot, gapSwotInput, gapWorkspace } from '@manyi/contracts/gaps';
import type { Received, Sent } from '@manyi/contracts/wire';
import { api } from './client';

export type GapWorkspace = Received<typeof gapWorkspace>;
export type GapCard = GapWorkspace['gaps'][number];
export type GapSwot = Received<typeof gapSwot>;
export type GapSwotInput = Sent<typeof gapSwotInput>;
export type GapQuestionnaireInput = Sent<typeof gapQuestionnaireInput>;

const key = ['gaps'] as const;

export function useGapWorkspace(projectId: string | undefined, period: string) {
  return useQuery({
    queryKey: [...key, projectId, period],
    queryFn: () => api.get<GapWorkspace>('/gaps', { projectId: projectId!, period }),
    enabled: Boolean(projectId),
  });
}

export function useSaveGapSwot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GapSwotInput) => api.put<GapSwot>('/gaps/swot', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useSaveGapQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GapQuestionnaireInput) => api.put<{ answers: Record<string, number> }>('/gaps/questionnaire', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
