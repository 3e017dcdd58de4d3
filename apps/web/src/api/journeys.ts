import type { journeyBody, journeyDetail, journeyLive, journeySummary, versionBody } from '@manyi/contracts/journeys';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type JourneySummary = Received<typeof journeySummary>;
export type JourneyDetail = Received<typeof journeyDetail>;
export type JourneyVersion = JourneyDetail['versions'][number];
export type Touchpoint = JourneyVersion['content']['touchpoints'][number];
export type JourneyLive = Received<typeof journeyLive>;
export type TouchpointLive = JourneyLive['touchpoints'][number];

const key = ['journeys'] as const;

export const useJourneys = () =>
  useQuery({ queryKey: [...key], queryFn: ({ signal }) => api.get<{ items: JourneySummary[] }>('/journeys', undefined, signal) });

export const useJourney = (id: string) =>
  useQuery({ queryKey: [...key, id], queryFn: ({ signal }) => api.get<JourneyDetail>(`/journeys/${id}`, undefined, signal) });

export const useJourneyLive = (id: string, number: number | undefined, projectId: string | undefined, days: number) =>
  useQuery({
    queryKey: [...key, id, 'live', number, projectId ?? 'all', days],
    queryFn: ({ signal }) => api.get<JourneyLive>(`/journeys/${id}/versions/${number ?? 0}/live`, { projectId, days }, signal),
    enabled: number !== undefined,
  });

function useJourneyMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useCreateJourney = () => useJourneyMutation((input: Sent<typeof journeyBody>) => api.post<JourneyDetail>('/journeys', input));
export const useSaveDraft = (id: string, number: number) =>
  useJourneyMutation((input: Sent<typeof versionBody>) => api.put<JourneyDetail>(`/journeys/${id}/versions/${number}`, input));
export const usePublishVersion = (id: string) => useJourneyMutation((number: number) => api.post<JourneyDetail>(`/journeys/${id}/versions/${number}/publish`));
export const useStartVersion = (id: string) => useJourneyMutation((changeNote: string) => api.post<JourneyDetail>(`/journeys/${id}/versions`, { changeNote }));
