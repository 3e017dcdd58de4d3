/**
 * The words both the text engine (packages/text) and the API contracts (packages/contracts) use for red-line rules,
 * kept here because both may import core and neither may import the other.
 */
import { z } from 'zod';

/** The five red lines of seed 001 (服务技巧篇 第一讲 一、消极沟通5大红线). */
export const redLineCodes = ['impatient', 'refusing', 'doubting', 'casual', 'shirking'] as const;
export type RedLineCode = (typeof redLineCodes)[number];

export const severities = ['low', 'medium', 'high'] as const;
export type Severity = (typeof severities)[number];

const term = z.string().trim().min(1).max(50);

/** How a rule a company writes may match: keywords in a sentence (any / all / at least N), a regular expression, or sample phrasings by similarity. */
export const companyRuleMatches = [
  z.object({
    kind: z.literal('keywords'),
    terms: z.array(term).min(1).max(200),
    mode: z.enum(['any', 'all', 'atLeast']),
    count: z.number().int().min(1).max(50).optional(),
  }),
  z.object({
    kind: z.literal('regex'),
    pattern: z.string().min(1).max(1000),
    flags: z
      .string()
      .regex(/^[iu]*$/)
      .optional(),
  }),
  z.object({ kind: z.literal('similar'), samples: z.array(z.string().trim().min(2).max(200)).min(1).max(100), threshold: z.number().min(0.3).max(1) }),
] as const;
export const ruleMatchKinds = ['keywords', 'regex', 'similar'] as const;

/**
 * One rule's fields apart from how it matches: its red line, exceptions (`unless`), severity, auto-fail, staff side
 * only (judge the staff's own words, not an owner quoted in them), the reason shown and a warmer replacement.
 */
export const redLineRuleFields = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/),
  redLine: z.enum(redLineCodes),
  unless: z
    .array(z.object({ pattern: z.string().min(1).max(1000), scope: z.enum(['sentence', 'text']) }))
    .max(20)
    .optional(),
  severity: z.enum(severities).optional(),
  autoFail: z.boolean().optional(),
  staffSideOnly: z.boolean().optional(),
  why: z.object({ 'zh-CN': z.string().min(1).max(200), 'en-US': z.string().min(1).max(200) }),
  replacement: z.string().max(200).optional(),
  enabled: z.boolean().optional(),
};

/** A company rule as the console's rule form writes it. */
export const companyRedLineRule = z.object({ ...redLineRuleFields, match: z.discriminatedUnion('kind', [...companyRuleMatches]) });
