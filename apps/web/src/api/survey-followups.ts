import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useCursorList } from './cursor-list';

/** One recovery follow-up (apps/server/src/survey-followups/schemas.ts `followupItem`). */
export type SurveyFollowup = {
  id: string;
  campaignId: string;
  campaignName: string;
  responseId: string;
  householdId: string;
  householdLabel: string;
  projectId: string;
  /** label: the question title (and matrix row) in Chinese. */
  reasons: { questionKey: string; item: string; value: number; reason: 'detractor' | 'dissatisfied'; label: string }[];
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  ticket: { id: string; number: string; status: string; reporterName: string | null; resolvedAt: string | null } | null;
};

export type FollowupState = 'open' | 'closed' | 'overdue';

export type DetractorConversion = {
  campaignId: string;
  previousCampaignId: string | null;
  previousQuestionKey: string | null;
  questionKey: string | null;
  previousDetractors: number;
  promoters: number;
  passives: number;
  detractors: number;
  noNpsAnswer: number;
  notAnswered: number;
  conversionRate: number | null;
};

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
