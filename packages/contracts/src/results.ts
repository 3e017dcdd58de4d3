import { staffPosts } from '@manyi/core';
import { z } from 'zod';

export const campaignParams = z.object({ id: z.uuid() });

/** Cross-filters of the results page (issue 4 §6); tags may repeat (?tags=a&tags=b) or be comma-separated. */
export const resultsQuery = z.object({
  projectId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  post: z.enum(staffPosts.values).optional(),
  tags: z.preprocess(
    (value) =>
      value === undefined
        ? []
        : (Array.isArray(value) ? value : [value])
            .flatMap((item) => String(item).split(','))
            .map((item) => item.trim())
            .filter(Boolean),
    z.array(z.string().min(1).max(40)).max(20),
  ),
});
export type ResultsQuery = z.infer<typeof resultsQuery>;

const rateRow = z.object({ invited: z.number().int(), completed: z.number().int(), responseRate: z.number().nullable() });
const namedRate = rateRow.extend({ id: z.uuid(), name: z.string(), projectId: z.uuid() });
const waveSummary = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  responses: z.number().int(),
  satisfactionRate: z.number().nullable(),
  nps: z.number().nullable(),
  weightedIndex: z.number().nullable(),
});

/**
 * The analysis and comparison are the JSON of @manyi/core analyseTally / compareWaves
 * (packages/core/src/surveys/analysis/analyse.ts documents every field and rule); they are passed
 * through unchanged rather than restated here.
 */
export const resultsView = z.object({
  campaign: z.object({ id: z.uuid(), name: z.string(), previousCampaignId: z.uuid().nullable() }),
  filter: z.object({ projectId: z.uuid().optional(), buildingId: z.uuid().optional(), post: z.string().optional(), tags: z.array(z.string()) }),
  source: z.enum(['rollup', 'raw']).describe('rollup: from the aggregated cells; raw: read from the responses (owner-tag filter), slower'),
  pending: z.number().int().describe('complete responses not yet counted by the aggregator'),
  analysis: z.record(z.string(), z.unknown()).describe('SurveyAnalysis of @manyi/core'),
  indicatorNames: z.record(z.string(), z.object({ 'zh-CN': z.string(), 'en-US': z.string().optional() })),
  responseRates: z.object({ total: rateRow, projects: z.array(namedRate), buildings: z.array(namedRate) }),
  previous: z
    .object({
      campaignId: z.uuid(),
      name: z.string(),
      responses: z.number().int(),
      comparison: z.record(z.string(), z.unknown()).describe('WaveComparison of @manyi/core'),
    })
    .nullable(),
  trend: z.array(waveSummary),
});

export const aggregationView = z.object({ counted: z.number().int(), recounted: z.number().int(), batches: z.number().int() });
