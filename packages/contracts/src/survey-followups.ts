import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

export const followupQuery = z.object({
  campaignId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  state: z.enum(['open', 'closed', 'overdue']).optional(),
  ...pageQuery,
});
export type FollowupQuery = z.infer<typeof followupQuery>;

export const followupReason = z.object({
  questionKey: z.string(),
  item: z.string(),
  value: z.number(),
  reason: z.enum(['detractor', 'dissatisfied']),
  /** The question title (with the matrix row) in Chinese, as the questionnaire read when the follow-up opened. */
  label: z.string(),
});

export const followupItem = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  responseId: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  projectId: z.uuid(),
  reasons: z.array(followupReason),
  dueAt: z.date(),
  overdue: z.boolean(),
  createdAt: z.date(),
  /** null: nobody on file to call yet, the follow-up is a task without a ticket. */
  ticket: z.object({ id: z.uuid(), number: z.string(), status: z.string(), reporterName: z.string().nullable(), resolvedAt: z.date().nullable() }).nullable(),
});
export const followupPage = pageOf(followupItem);

export const conversionReport = z.object({
  campaignId: z.uuid(),
  previousCampaignId: z.uuid().nullable(),
  /** The NPS question read in each wave (first NPS question of each questionnaire, same key preferred). */
  previousQuestionKey: z.string().nullable(),
  questionKey: z.string().nullable(),
  previousDetractors: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  /** Answered this wave but skipped the NPS question. */
  noNpsAnswer: z.number().int(),
  notAnswered: z.number().int(),
  /** (promoters + passives) ÷ previous detractors who gave an NPS answer this wave; null when none did. */
  conversionRate: z.number().nullable(),
});
export type ConversionReport = z.infer<typeof conversionReport>;
