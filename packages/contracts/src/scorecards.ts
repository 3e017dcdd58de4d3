import { maxScoreWeight, scoreKinds } from '@manyi/core';
import { z } from 'zod';

/** A month as 'YYYY-MM'. */
export const scoreMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const scoreKind = z.enum(scoreKinds.values);
export const scoreRecordType = z.enum(['ticket', 'finding', 'review', 'moment', 'learning', 'inspection']);
export const objectionStatus = z.enum(['open', 'upheld', 'dismissed']);

export const scorecardQuery = z.object({ month: scoreMonth.optional() });

export const scoreKindRow = z.object({ kind: scoreKind, events: z.number().int(), points: z.number() });

export const scorecard = z.object({
  staffId: z.uuid(),
  name: z.string(),
  post: z.string().nullable(),
  month: scoreMonth,
  total: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  byKind: z.array(scoreKindRow),
  /** The last six months, oldest first. */
  trend: z.array(z.object({ month: scoreMonth, total: z.number(), bonus: z.number(), deduction: z.number() })),
  /** Rank among the people of each project the person serves, with n (how many people hold a card there). */
  ranks: z.array(z.object({ projectId: z.uuid(), projectName: z.string(), rank: z.number().int().nullable(), n: z.number().int() })),
  /** When the rollup behind the totals was last recounted (null before the first pass). */
  countedAt: z.date().nullable(),
});

export const pointsQuery = z.object({ month: scoreMonth.optional(), kind: scoreKind.optional() });

export const scorePoint = z.object({
  kind: scoreKind,
  recordType: scoreRecordType,
  recordId: z.uuid(),
  /** The ticket behind it, when there is one (the console opens it). */
  ticketId: z.uuid().nullable(),
  ticketNumber: z.string().nullable(),
  projectId: z.uuid(),
  title: z.string(),
  occurredAt: z.date(),
  points: z.number(),
  objection: z.object({ id: z.uuid(), status: objectionStatus, resolution: z.string().nullable() }).nullable(),
});

export const objectionBody = z.object({
  kind: scoreKind,
  recordId: z.uuid(),
  reason: z.string().trim().min(2).max(500),
});

export const resolveObjectionBody = z.object({
  decision: z.enum(['upheld', 'dismissed']),
  resolution: z.string().trim().min(1).max(500),
});

export const objection = z.object({
  id: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  kind: scoreKind,
  recordId: z.uuid(),
  occurredAt: z.date(),
  points: z.number(),
  reason: z.string(),
  status: objectionStatus,
  resolution: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const objectionsQuery = z.object({ projectId: z.uuid().optional(), status: objectionStatus.optional() });

export const rankingQuery = z.object({ month: scoreMonth.optional(), by: z.enum(['staff', 'team']).default('staff') });

export const rankingRow = z.object({
  rank: z.number().int(),
  /** staff id, or the post code for a team. */
  key: z.string(),
  name: z.string(),
  post: z.string().nullable(),
  points: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  /** People behind the row (1 for a person, the team's size for a team). */
  n: z.number().int(),
});

export const projectRanking = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  month: scoreMonth,
  by: z.enum(['staff', 'team']),
  n: z.number().int(),
  rows: z.array(rankingRow),
});

export const companyRankingRow = z.object({
  rank: z.number().int(),
  projectId: z.uuid(),
  projectName: z.string(),
  /** Points per person (total ÷ n): bigger projects do not win by size. */
  points: z.number().nullable(),
  total: z.number(),
  n: z.number().int(),
  /** Fewer than core minRankedTeam people: its average moves a lot with one person. */
  small: z.boolean(),
});
export const companyRanking = z.object({ month: scoreMonth, rows: z.array(companyRankingRow) });

export const scoreRulesBody = z.object({ weights: z.partialRecord(scoreKind, z.number().int().min(-maxScoreWeight).max(maxScoreWeight)) });
export const scoreRules = z.object({ weights: z.record(scoreKind, z.number().int()) });
