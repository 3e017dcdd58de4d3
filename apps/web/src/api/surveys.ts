import type { SurveyDefinition } from '@manyi/core';
import type { surveyCreate, surveyDetail, surveyList, surveyStatuses, surveySummary, surveyTemplateList, surveyUpdate } from '@manyi/contracts/surveys';
import type { Received, Sent } from '@manyi/contracts/wire';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type SurveyStatus = (typeof surveyStatuses)[number];
export type SurveyTemplateName = SurveyTemplateInfo['name'];

/** apps/server/src/surveys/schemas.ts `surveySummary`. */
export type SurveySummary = Received<typeof surveySummary>;

/** apps/server/src/surveys/schemas.ts `surveyDetail`. */
/** The definition travels as a JSON object in the contract; it is @manyi/core's SurveyDefinition, checked on every save. */
export type SurveyDetail = Omit<Received<typeof surveyDetail>, 'definition'> & { definition: SurveyDefinition };

export type SurveyTemplateInfo = Received<typeof surveyTemplateList>['items'][number];

export function useSurveys(status?: SurveyStatus) {
  return useQuery({
    queryKey: ['surveys', 'list', status ?? null],
    queryFn: ({ signal }) => api.get<Received<typeof surveyList>>('/surveys', { status }, signal),
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
    queryFn: ({ signal }) => api.get<Received<typeof surveyTemplateList>>('/survey-templates', undefined, signal),
    staleTime: Infinity,
  });
}

export type SurveyCreateInput = Sent<typeof surveyCreate>;
/** expectedUpdatedAt: the survey's updatedAt as the editor loaded it; the server refuses the save (409 survey_changed) if someone saved since. */
export type SurveySaveInput = Sent<typeof surveyUpdate>;

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
