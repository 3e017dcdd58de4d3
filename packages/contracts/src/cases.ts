import { caseOutcomes, discStyles, redLineCodes } from '@manyi/core';
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

export const caseContent = z.object({
  background: text(2000),
  cause: text(2000),
  ownerWords: text(2000),
  clear: z.object({ control: text(1000), listen: text(1000), establish: text(1000), apologize: text(1000), resolve: text(1000) }),
  recovery: text(2000),
  result: text(1000),
  lesson: text(2000),
});

export const casePatch = z.object({
  title: z.string().trim().min(1).max(80).optional(),
  content: caseContent.optional(),
  redLines: z.array(z.enum(redLineCodes)).max(5).optional(),
  discStyle: z.enum(discStyles.values).nullable().optional(),
});

export const caseQuery = z.object({
  status: z.enum(['draft', 'published']).optional(),
  category: z.string().trim().max(80).optional(),
  redLine: z.enum(redLineCodes).optional(),
  disc: z.enum(discStyles.values).optional(),
  outcome: z.enum(caseOutcomes.values).optional(),
  q: z.string().trim().max(50).optional(),
  projectId: z.uuid().optional(),
  /** yes: only cases flagged for the weekly meeting (周例会). */
  meeting: z.enum(['yes']).optional(),
});

/** Flag a case for the project's weekly meeting pack, or take the flag off. */
export const caseMeetingBody = z.object({ flagged: z.boolean() });

export const caseRecord = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  ticketId: z.uuid(),
  ticketNumber: z.string(),
  status: z.enum(['draft', 'published']),
  title: z.string(),
  categoryCode: z.string().nullable(),
  /** The category's name in the company's category tree; null without a category (or one since removed). */
  categoryName: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }).nullable(),
  discStyle: z.enum(discStyles.values).nullable(),
  redLines: z.array(z.enum(redLineCodes)),
  outcome: z.enum(caseOutcomes.values),
  content: caseContent,
  publishedAt: z.date().nullable(),
  /** Flagged for the weekly meeting (周例会, issue 18 §7): when; null when not. */
  meetingFlaggedAt: z.date().nullable(),
  /** The training drill this published case is offered as (GET /training/drills/:key); null for a draft. */
  drillKey: z.string().nullable(),
  createdAt: z.date(),
});
