import { householdStatuses } from '@manyi/core';
import { z } from 'zod';

/**
 * Who a campaign reaches (issue 4 §3). An empty list puts no restriction on that level; owner tags
 * admit a household when any of its residents carries one of them. The responses module reads the
 * same projectIds/buildingIds when an owner claims a building poster.
 */
export const populationFilter = z.object({
  projectIds: z.array(z.uuid()).max(500).default([]),
  buildingIds: z.array(z.uuid()).max(2000).default([]),
  householdStatuses: z.array(z.enum(householdStatuses.values)).default([]),
  ownerTags: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
});
export type PopulationFilter = z.infer<typeof populationFilter>;

const planFields = {
  /** Target margin of error for a proportion such as 满意率, e.g. 0.05 for ±5 points. */
  marginOfError: z.number().min(0.01).max(0.2),
  confidence: z.union([z.literal(0.9), z.literal(0.95), z.literal(0.99)]).default(0.95),
  /**
   * The share of invited households expected to complete the questionnaire; invitations per
   * stratum are the required completes divided by it (capped at the stratum), so the plan still
   * reaches its margin when not everyone answers.
   */
  expectedResponseRate: z.number().min(0.05).max(1).default(1),
  /** Fixes the random draw: the same seed over the same population invites the same households. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
};

export const samplingInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('census') }),
  z.object({ kind: z.literal('simple'), ...planFields }),
  z.object({ kind: z.literal('stratified'), by: z.enum(['project', 'building']), ...planFields }),
]);
export type SamplingInput = z.infer<typeof samplingInput>;

export const quota = z.object({
  level: z.enum(['project', 'building']),
  id: z.uuid(),
  /** The most complete responses the campaign accepts from that project or building. */
  maxCompleted: z.number().int().min(1).max(1_000_000),
});
export type Quota = z.infer<typeof quota>;

const contactIntervalDays = z.number().int().min(0).max(730).default(90);

export const previewBody = z.object({
  population: populationFilter.default({ projectIds: [], buildingIds: [], householdStatuses: [], ownerTags: [] }),
  sampling: samplingInput,
  contactIntervalDays,
});
export type PreviewInput = z.infer<typeof previewBody>;

export const campaignBody = previewBody.extend({
  surveyId: z.uuid(),
  surveyVersion: z.number().int().min(1),
  name: z.string().trim().min(1).max(100),
  opensAt: z.coerce.date().nullable().default(null),
  closesAt: z.coerce.date().nullable().default(null),
  previousCampaignId: z.uuid().nullable().default(null),
  quotas: z.array(quota).max(2000).default([]),
  /** A household is sent at most one reminder SMS within this many hours. */
  reminderIntervalHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
});
export type CampaignInput = z.infer<typeof campaignBody>;

export const stratumView = z.object({
  id: z.string(),
  name: z.string(),
  /** Eligible households in the stratum (after the contact-frequency rule). */
  population: z.number().int(),
  /** Complete responses the plan needs from it. */
  sample: z.number().int(),
  /** Households to invite: sample ÷ expected response rate, at most the stratum. */
  invite: z.number().int(),
});

export const planView = z.object({
  kind: z.enum(['census', 'simple', 'stratified']),
  by: z.enum(['project', 'building']).nullable(),
  marginOfError: z.number().nullable(),
  confidence: z.number().nullable(),
  expectedResponseRate: z.number().nullable(),
  seed: z.number().int().nullable(),
  /** Households matching the filters before the contact-frequency rule. */
  matched: z.number().int(),
  excludedByContact: z.number().int(),
  /** N: the eligible population the sample size is computed for. */
  population: z.number().int(),
  /** n₀ before the finite population correction (null for a census). */
  sampleWithoutCorrection: z.number().nullable(),
  /** n: complete responses needed (the whole population for a census). */
  sampleSize: z.number().int(),
  invitations: z.number().int(),
  strata: z.array(stratumView),
});
export type PlanView = z.infer<typeof planView>;

export const campaignStatuses = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const campaignView = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(campaignStatuses),
  surveyId: z.uuid(),
  surveyName: z.string(),
  surveyVersion: z.number().int(),
  opensAt: z.date().nullable(),
  closesAt: z.date().nullable(),
  previousCampaignId: z.uuid().nullable(),
  contactIntervalDays: z.number().int(),
  reminderIntervalHours: z.number().int(),
  population: populationFilter,
  quotas: z.array(quota),
  /** The plan as computed when saved; a launched campaign's plan is the one its draw used. */
  plan: planView,
  createdAt: z.date(),
});
export type CampaignView = z.infer<typeof campaignView>;

export const campaignParams = z.object({ id: z.uuid() });
export const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
export const campaignQuery = z.object({ status: z.enum(campaignStatuses).optional(), surveyId: z.uuid().optional() });

const counts = {
  invited: z.number().int(),
  opened: z.number().int(),
  partial: z.number().int(),
  completed: z.number().int(),
  expired: z.number().int(),
  /** Completed ÷ invited. */
  responseRate: z.number().nullable(),
};
export const progressRow = z.object({
  id: z.uuid(),
  name: z.string(),
  projectId: z.uuid(),
  ...counts,
  /** Complete responses the plan needs here (stratified plans only), and a quota when one is set. */
  target: z.number().int().nullable(),
  quota: z.number().int().nullable(),
});
export const progressView = z.object({
  total: z.object({ ...counts, target: z.number().int() }),
  projects: z.array(progressRow),
  buildings: z.array(progressRow),
});
export type ProgressRow = z.infer<typeof progressRow>;
export type ProgressView = z.infer<typeof progressView>;

export const scopeFilter = z.object({ projectId: z.uuid().optional(), buildingId: z.uuid().optional() });
export type ScopeFilter = z.infer<typeof scopeFilter>;

/** An empty POST (no body at all) means the whole campaign. */
export const optionalScope = z.preprocess((value) => value ?? {}, scopeFilter);
export const reminderBody = optionalScope;
export const reminderResult = z.object({
  /** Households whose owners were sent a reminder. */
  households: z.number().int(),
  messages: z.number().int(),
  /** Reminded within the interval already, so skipped. */
  skippedRecent: z.number().int(),
  /** No owner with a phone number on file. */
  withoutPhone: z.number().int(),
});

/** invited → opened → partial → completed, or expired when the campaign closes unanswered. */
export const invitationStatuses = ['invited', 'opened', 'partial', 'completed', 'expired'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export const invitationView = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  projectId: z.uuid(),
  buildingId: z.uuid().nullable(),
  status: z.enum(invitationStatuses),
  invitedAt: z.date(),
  openedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  remindedAt: z.date().nullable(),
  reminderCount: z.number().int(),
});
export const invitationQuery = scopeFilter.extend({ status: z.enum(invitationStatuses).optional() });
export type InvitationQuery = z.infer<typeof invitationQuery>;
export const linkView = z.object({ invitationId: z.uuid(), link: z.url() });
export const posterQuery = z.object({ buildingId: z.uuid().optional(), projectId: z.uuid().optional() });
