import type { conversionReport, followupItem, followupQuery } from '@manyi/contracts/survey-followups';
import type { Received, Sent } from '@manyi/contracts/wire';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useCursorList } from './cursor-list';

/** One recovery follow-up (packages/contracts/src/survey-followups.ts `followupItem`). */
export type SurveyFollowup = Received<typeof followupItem>;

export type FollowupState = NonNullable<Sent<typeof followupQuery>['state']>;

export type DetractorConversion = Received<typeof conversionReport>;

export function useSurveyFollowups(filter: { campaignId?: string | undefined; projectId?: string | undefined; state?: FollowupState | undefined }) {
  return useCursorList<SurveyFollowup>('survey-followups', filter);
}

export function useDetractorConversion(campaignId: string | undefined) {
  return useQuery({
    queryKey: ['campaigns', campaignId, 'detractor-conversion'],
    queryFn: ({ signal }) => api.get<DetractorConversion>(`/campaigns/${campaignId ?? ''}/detractor-conversion`, undefined, signal),
    enabled: campaignId !== undefined,
  });
}
