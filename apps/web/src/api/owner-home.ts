import { useMutation, useQuery } from '@tanstack/react-query';
import type { ownerStewards, ownerSurveyLink, ownerSurveys, praise, praiseBody } from '@manyi/contracts/owner-home';
import type { Received, Sent } from '@manyi/contracts/wire';
import { api } from './client';

export type OwnerSteward = Received<typeof ownerStewards>['items'][number];
export type OwnerSurvey = Received<typeof ownerSurveys>['items'][number];

export function useOwnerStewards() {
  return useQuery({ queryKey: ['owner', 'stewards'], queryFn: () => api.get<Received<typeof ownerStewards>>('/owner/stewards') });
}

export function useOwnerSurveys() {
  return useQuery({ queryKey: ['owner', 'surveys'], queryFn: () => api.get<Received<typeof ownerSurveys>>('/owner/surveys') });
}

export function useOpenSurvey() {
  return useMutation({ mutationFn: (invitationId: string) => api.post<Received<typeof ownerSurveyLink>>(`/owner/surveys/${invitationId}/open`) });
}

export function usePraise() {
  return useMutation({ mutationFn: (body: Sent<typeof praiseBody>) => api.post<Received<typeof praise>>('/owner/praises', body) });
}
