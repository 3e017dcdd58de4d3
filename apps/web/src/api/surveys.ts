import type { LocalText, SurveyDefinition } from '@manyi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type SurveyStatus = 'draft' | 'published' | 'archived';
export type SurveyTemplateName = 'servqual-property' | 'satisfaction-annual' | 'kano-services';

/** apps/server/src/surveys/schemas.ts `surveySummary`. */
export type SurveySummary = {
  id: string;
  name: string;
  status: SurveyStatus;
  templateCode: string | null;
  indicatorSystemId: string | null;
  currentVersion: number;
  itemCount: number;
  updatedAt: string;
};

/** apps/server/src/surveys/schemas.ts `surveyDetail`. */
export type SurveyDetail = SurveySummary & {
  version: number;
  frozenAt: string | null;
  indicatorSystemVersion: number | null;
  definition: SurveyDefinition;
  recommendedItemLimit: number;
  warnings: 'too_many_items'[];
  versions: { version: number; frozenAt: string | null; createdAt: string; updatedAt: string }[];
};

export type SurveyTemplateInfo = {
  name: SurveyTemplateName;
  indicatorTemplate: string;
  description: LocalText;
  title: LocalText;
  itemCount: number;
  definition: SurveyDefinition;
};

export function useSurveys(status?: SurveyStatus) {
  return useQuery({
    queryKey: ['surveys', 'list', status ?? null],
    queryFn: ({ signal }) => api.get<{ items: SurveySummary[] }>('/surveys', { status }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: ['surveys', 'detail', id],
    queryFn: ({ signal }) => api.get<SurveyDetail>(`/surveys/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useSurveyTemplates() {
  return useQuery({
    queryKey: ['survey-templates'],
    queryFn: ({ signal }) => api.get<{ items: SurveyTemplateInfo[] }>('/survey-templates', undefined, signal),
    staleTime: Infinity,
  });
}

export type SurveyCreateInput = { name: string; templateName?: SurveyTemplateName; definition?: SurveyDefinition; indicatorSystemId?: string | null };
/** expectedUpdatedAt: the survey's updatedAt as the editor loaded it; the server refuses the save (409 survey_changed) if someone saved since. */
export type SurveySaveInput = { name?: string; definition: SurveyDefinition; indicatorSystemId?: string | null; expectedUpdatedAt?: string };

function useSurveyMutation<Input>(send: (input: Input) => Promise<SurveyDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (survey) => {
      queryClient.setQueryData(['surveys', 'detail', survey.id], survey);
      void queryClient.invalidateQueries({ queryKey: ['surveys', 'list'] });
    },
  });
}

export const useCreateSurvey = () => useSurveyMutation((input: SurveyCreateInput) => api.post<SurveyDetail>('/surveys', input));
export const useSaveSurvey = () => useSurveyMutation(({ id, input }: { id: string; input: SurveySaveInput }) => api.put<SurveyDetail>(`/surveys/${id}`, input));
export const useSurveyStatus = () =>
  useSurveyMutation(({ id, action }: { id: string; action: 'publish' | 'archive' }) => api.post<SurveyDetail>(`/surveys/${id}/${action}`));
