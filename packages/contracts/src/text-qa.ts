import { companyRedLineRule, redLineCodes } from '@manyi/core';
import { z } from 'zod';

export { redLineCodes, ruleMatchKinds } from '@manyi/core';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** The five red lines of seed 001 (烦躁, 拒绝, 质疑, 随意, 推诿), as @manyi/text names them. */
export const qaSourceTypes = ['ticket_update', 'visit_remark', 'notice', 'canned_reply', 'script', 'homework'] as const;
export const findingStatuses = ['open', 'accepted', 'rejected'] as const;
/** The manual review rubric (as Zendesk QA / MaestroQA categories), each scored 0–5. */
export const rubricItems = ['greeting', 'listening', 'empathy', 'solution', 'commitment', 'closing'] as const;

/** Texts up to 100,000 characters are accepted; the engine analyses the first part of longer ones and says so. */
export const checkBody = z.object({ text: z.string().max(100_000) });

export const checkFinding = z.object({
  ruleId: z.string(),
  redLine: z.enum(redLineCodes),
  redLineName: label,
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  why: label,
  severity: z.enum(['low', 'medium', 'high']),
  autoFail: z.boolean(),
});

export const checkResult = z.object({
  findings: z.array(checkFinding),
  autoFail: z.boolean(),
  score: z.number().int(),
  warmth: z.object({
    score: z.number().int(),
    present: z.array(z.string()),
    missing: z.array(z.object({ code: z.string(), labels: label, suggestion: z.string() })),
  }),
  rewrite: z.object({ text: z.string(), facts: z.array(z.string()) }).nullable(),
  notices: z.array(z.object({ code: z.string(), messages: label })),
});

export const findingQuery = z.object({
  status: z.enum(findingStatuses).optional(),
  redLine: z.enum(redLineCodes).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const storedFinding = z.object({
  id: z.uuid(),
  textId: z.uuid(),
  sourceType: z.enum(qaSourceTypes),
  ticketId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  ruleId: z.string(),
  redLine: z.enum(redLineCodes),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  why: label,
  severity: z.string(),
  autoFail: z.boolean(),
  rewrite: z.string().nullable(),
  status: z.enum(findingStatuses),
  reviewNote: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const findingParams = z.object({ id: z.uuid() });
export const findingReview = z.object({ decision: z.enum(['accepted', 'rejected']), note: z.string().trim().max(500).optional() });

/**
 * The company's additions to the engine (rules, sentiment terms, topic terms…), checked on the server by
 * @manyi/text validateCompanyAdditions: a broken regex is refused with the compiler's reason.
 */
export const textRules = z.object({ additions: z.record(z.string(), z.unknown()) });

/** Scorecards: automatic scores of every owner-facing text, grouped. */
export const scorecardQuery = z.object({
  by: z.enum(['staff', 'team', 'project']).default('staff'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const scorecardRow = z.object({
  key: z.string(),
  name: z.string(),
  texts: z.number().int(),
  averageScore: z.number().nullable(),
  autoFails: z.number().int(),
  redLines: z.record(z.string(), z.number().int()),
  reviewed: z.number().int(),
  averageReview: z.number().nullable(),
});
export const scorecard = z.object({
  rows: z.array(scorecardRow),
  trend: z.array(z.object({ month: z.string(), texts: z.number().int(), averageScore: z.number().nullable(), autoFails: z.number().int() })),
});

export const reviewQueueItem = z.object({
  textId: z.uuid(),
  sourceType: z.enum(qaSourceTypes),
  authorName: z.string().nullable(),
  body: z.string(),
  score: z.number().int(),
  autoFailed: z.boolean(),
  redLines: z.array(z.string()),
  reviews: z.array(
    z.object({ reviewerName: z.string(), total: z.number().int(), rubric: z.record(z.string(), z.number().int()), comment: z.string().nullable() }),
  ),
  createdAt: z.date(),
});
export const reviewParams = z.object({ textId: z.uuid() });
const rubricScore = z.number().int().min(0).max(5);
export const reviewBody = z.object({
  rubric: z.object(Object.fromEntries(rubricItems.map((item) => [item, rubricScore])) as Record<(typeof rubricItems)[number], typeof rubricScore>),
  comment: z.string().trim().max(1000).optional(),
});
/** Calibration: texts two or more reviewers scored, and how far apart they were. */
export const calibration = z.object({
  texts: z.number().int(),
  averageSpread: z.number().nullable(),
  reviewers: z.array(z.object({ name: z.string(), reviews: z.number().int(), averageTotal: z.number(), offset: z.number() })),
});

/** Owner voice (贬损点). */
export const voiceQuery = z.object({
  projectId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  post: z.string().max(40).optional(),
  campaignId: z.uuid().optional(),
});
export const npsGroups = ['promoter', 'passive', 'detractor'] as const;
export const voiceTopic = z.object({
  code: z.string(),
  name: label,
  count: z.number().int(),
  byGroup: z.object({ promoter: z.number().int(), passive: z.number().int(), detractor: z.number().int() }),
  negative: z.number().int(),
  /** NPS (points) if the detractors who mention this topic had been passives instead. */
  npsGain: z.number(),
});
export const voiceSummary = z.object({
  total: z.number().int(),
  nps: z.number().nullable(),
  topics: z.array(voiceTopic),
  words: z.array(z.object({ word: z.string(), weight: z.number() })),
  trend: z.array(z.object({ month: z.string(), total: z.number().int(), negative: z.number().int(), detractors: z.number().int() })),
});
export const verbatimQuery = voiceQuery.extend({ topic: z.string().max(64), group: z.enum(npsGroups).optional() });
export const verbatim = z.object({
  id: z.uuid(),
  sourceType: z.string(),
  body: z.string(),
  polarity: z.string(),
  npsGroup: z.enum(npsGroups).nullable(),
  occurredAt: z.date(),
});

/**
 * One company rule as the console's rule form edits it (the engine's RedLineRule, packages/text config/types.ts):
 * keywords any / all / at least N in a sentence, a regular expression, or sample phrasings matched by similarity;
 * exceptions (`unless`); staff side only; severity; auto-fail. The server checks it again with the engine
 * (validateCompanyAdditions), which refuses a regular expression that does not compile, with the compiler's reason.
 */
export const companyRule = companyRedLineRule;
export type CompanyRule = z.infer<typeof companyRule>;

/**
 * The manual review sample (issue 17 §3): the share of each staff member's saved owner-facing texts that goes to the
 * review queue — the staff member's own rate if set, else their team's (post), else the company's; auto-failed
 * texts and homework always go.
 */
const rate = z.number().min(0).max(1);
export const qaSampling = z.object({
  defaultRate: rate,
  byPost: z.record(z.string().trim().min(1).max(40), rate),
  byStaff: z.record(z.uuid(), rate),
});
export type QaSampling = z.infer<typeof qaSampling>;
export const defaultQaSampling: QaSampling = { defaultRate: 0.2, byPost: {}, byStaff: {} };
