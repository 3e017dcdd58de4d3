import { journeyIssues, journeyStages, projectTypes, staffPosts } from '@manyi/core';
import { z } from 'zod';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const code = z.string().trim().min(1).max(80);

/** A touchpoint as written; post and standard are checked by journeyIssues so the error names the touchpoint. */
export const touchpointInput = z.object({
  id: z.string().trim().min(1).max(40),
  stage: z.enum(journeyStages.values),
  post: z.enum(staffPosts.values).nullable().optional(),
  name: z.string().trim().max(60),
  standard: z.string().trim().max(500).default(''),
  indicatorCodes: z.array(code).max(10).default([]),
  categoryCodes: z.array(code).max(10).default([]),
  peak: z.boolean().default(false),
  end: z.boolean().default(false),
  delight: z.string().trim().max(300).default(''),
});

export const journeyContent = z.object({ touchpoints: z.array(touchpointInput).min(1).max(200) }).superRefine((content, context) => {
  for (const issue of journeyIssues({ touchpoints: content.touchpoints.map((touchpoint) => ({ ...touchpoint, post: touchpoint.post ?? undefined })) })) {
    context.addIssue({ code: 'custom', message: `journey_${issue.code}`, path: issue.path });
  }
});

export const journeyBody = z.object({
  name: z.string().trim().min(1).max(60),
  projectType: z.enum(projectTypes.values),
  projectId: z.uuid().nullable().default(null),
});

export const versionBody = z.object({ content: journeyContent, changeNote: z.string().trim().max(500).default('') });
export const newVersionBody = z.object({ changeNote: z.string().trim().min(1).max(500) });

export const journeyParams = z.object({ id: z.uuid() });
export const versionParams = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1) });

const touchpoint = z.object({
  id: z.string(),
  stage: z.enum(journeyStages.values),
  post: z.enum(staffPosts.values),
  name: z.string(),
  standard: z.string(),
  indicatorCodes: z.array(z.string()),
  categoryCodes: z.array(z.string()),
  peak: z.boolean(),
  end: z.boolean(),
  delight: z.string(),
});

export const journeyVersion = z.object({
  number: z.number().int(),
  status: z.enum(['draft', 'published']),
  changeNote: z.string(),
  publishedAt: z.date().nullable(),
  content: z.object({ touchpoints: z.array(touchpoint) }),
});

export const journeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  projectType: z.enum(projectTypes.values),
  projectId: z.uuid().nullable(),
  projectName: z.string().nullable(),
  latestNumber: z.number().int(),
  publishedNumber: z.number().int().nullable(),
  touchpointCount: z.number().int(),
});

export const journeyDetail = journeySummary.extend({ versions: z.array(journeyVersion) });

export const liveQuery = z.object({ projectId: z.uuid().optional(), days: z.coerce.number().int().min(7).max(730).default(365) });

/** What the records say about one touchpoint over the period; null where there is nothing to say. */
export const touchpointLive = z.object({
  id: z.string(),
  tickets: z.number().int(),
  /** Share of its resolved tickets that missed their resolution deadline. */
  slaMissedRate: z.number().nullable(),
  visits: z.number().int(),
  csatAverage: z.number().nullable(),
  /** (peak + end)/2 over visits where the owner rated both (core peakEndFromAnswers), beside the average. */
  peakEndScore: z.number().nullable(),
  peakEndRated: z.number().int(),
  /** 满意率 (4–5 of 5) of the survey answers to the indicators it feeds, and how many answers. */
  surveySatisfaction: z.number().nullable(),
  surveyAnswers: z.number().int(),
  /** What owners recalled as the peak and the end, latest first. */
  peakMoments: z.array(z.string()),
  endMoments: z.array(z.string()),
  /** weak: satisfaction or CSAT low, or many deadlines missed, with enough data to say so. */
  health: z.enum(['good', 'watch', 'weak', 'no_data']),
});

export const journeyLive = z.object({
  number: z.number().int(),
  from: z.date(),
  to: z.date(),
  projectIds: z.array(z.uuid()),
  stages: z.array(z.object({ stage: z.enum(journeyStages.values), name: label })),
  touchpoints: z.array(touchpointLive),
});
