import type { campaignView } from '@manyi/contracts/campaigns';
import type { aggregationView, resultsQuery, resultsView } from '@manyi/contracts/results';
import type { Filters, Received } from '@manyi/contracts/wire';
import type { SurveyAnalysis, WaveComparison } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client';

/** Cross-filters of the results page (packages/contracts/src/results.ts `resultsQuery`: tags go comma-separated). */
export type ResultsFilter = Omit<Filters<typeof resultsQuery>, 'tags'> & { tags?: string[] | undefined };

export type ResponseRate = CampaignResults['responseRates']['total'];
export type NamedResponseRate = CampaignResults['responseRates']['projects'][number];

export type WaveSummary = CampaignResults['trend'][number];

/** GET /campaigns/:id/results; `analysis` and `comparison` are the JSON of @manyi/core's analyseTally and compareWaves. */
export type CampaignResults = Omit<Received<typeof resultsView>, 'analysis' | 'previous'> & {
  analysis: SurveyAnalysis;
  previous: (Omit<NonNullable<Received<typeof resultsView>['previous']>, 'comparison'> & { comparison: WaveComparison }) | null;
};

const params = (filter: ResultsFilter) => ({
  projectId: filter.projectId,
  buildingId: filter.buildingId,
  post: filter.post,
  tags: filter.tags && filter.tags.length > 0 ? filter.tags.join(',') : undefined,
});

export function useCampaignResults(campaignId: string | undefined, filter: ResultsFilter) {
  return useQuery({
    queryKey: ['campaigns', campaignId, 'results', filter],
    queryFn: ({ signal }) => api.get<CampaignResults>(`/campaigns/${campaignId ?? ''}/results`, params(filter), signal),
    enabled: Boolean(campaignId),
    // Keep the figures on screen while a new filter loads, so the charts change rather than flash.
    placeholderData: (previous) => previous,
  });
}

/** Counts new responses now (the server does it every few seconds anyway), then reloads the figures. */
export function useRefreshResults(campaignId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Received<typeof aggregationView>>(`/campaigns/${campaignId ?? ''}/results/refresh`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'results'] }),
  });
}

/** The .xlsx download address under the same filter (a plain link: the browser streams the file). */
export function resultsExportUrl(campaignId: string, filter: ResultsFilter): string {
  return apiUrl(`/campaigns/${campaignId}/export.xlsx`, params(filter));
}

export type CampaignOption = Pick<Received<typeof campaignView>, 'id' | 'name' | 'status'>;

export function useCampaignOptions() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: () => api.get<{ items: CampaignOption[] }>('/campaigns'),
    select: (list) => list.items,
  });
}
