import type { LocalText, SurveyAnalysis, WaveComparison } from '@manyi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client';

/** Cross-filters of the results page (apps/server/src/results/schemas.ts `resultsQuery`). */
export type ResultsFilter = { projectId?: string | undefined; buildingId?: string | undefined; post?: string | undefined; tags?: string[] | undefined };

export type ResponseRate = { invited: number; completed: number; responseRate: number | null };
export type NamedResponseRate = ResponseRate & { id: string; name: string; projectId: string };

export type WaveSummary = {
  campaignId: string; name: string; createdAt: string; responses: number;
  satisfactionRate: number | null; nps: number | null; weightedIndex: number | null;
};

/** GET /campaigns/:id/results; `analysis` and `comparison` are the JSON of @manyi/core's analyseTally and compareWaves. */
export type CampaignResults = {
  campaign: { id: string; name: string; previousCampaignId: string | null };
  source: 'rollup' | 'raw';
  pending: number;
  analysis: SurveyAnalysis;
  /** Indicator-tree node names by code (dimensions, indicators). */
  indicatorNames: Record<string, LocalText>;
  responseRates: { total: ResponseRate; projects: NamedResponseRate[]; buildings: NamedResponseRate[] };
  previous: { campaignId: string; name: string; responses: number; comparison: WaveComparison } | null;
  trend: WaveSummary[];
};

const params = (filter: ResultsFilter) => ({
  projectId: filter.projectId, buildingId: filter.buildingId, post: filter.post, tags: filter.tags && filter.tags.length > 0 ? filter.tags.join(',') : undefined,
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
    mutationFn: () => api.post<{ counted: number }>(`/campaigns/${campaignId ?? ''}/results/refresh`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'results'] }),
  });
}

/** The .xlsx download address under the same filter (a plain link: the browser streams the file). */
export function resultsExportUrl(campaignId: string, filter: ResultsFilter): string {
  return apiUrl(`/campaigns/${campaignId}/export.xlsx`, params(filter));
}

export type CampaignOption = { id: string; name: string; status: string };

export function useCampaignOptions() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: () => api.get<{ items: CampaignOption[] }>('/campaigns'),
    select: (list) => list.items,
  });
}
