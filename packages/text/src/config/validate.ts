/**
 * The check a company's additions pass before they are stored: the zod schema the server's route uses, plus a
 * compile of every regular expression, so that a broken pattern is refused with the engine's reason instead
 * of failing later while a steward types. Messages in Chinese and English, with the path of the field.
 */
import { companyRuleMatches, redLineRuleFields } from '@manyi/core';
import { z } from 'zod';
import { redLineCodes, severities, type CompanyTextAdditions } from './types';

const label = z.object({ 'zh-CN': z.string().min(1).max(200), 'en-US': z.string().min(1).max(200) });
const term = z.string().trim().min(1).max(50);

/** The engine also knows `brevity` (a reply too short to be courteous), which only the built-in rules use. */
const ruleMatch = z.discriminatedUnion('kind', [...companyRuleMatches, z.object({ kind: z.literal('brevity'), maxChars: z.number().int().min(1).max(50) })]);

const rule = z.object({ ...redLineRuleFields, match: ruleMatch });

export const companyTextAdditionsSchema = z
  .object({
    rules: z.array(rule).max(500).optional(),
    redLines: z
      .array(z.object({ code: z.enum(redLineCodes), severity: z.enum(severities).optional(), autoFail: z.boolean().optional() }))
      .max(5)
      .optional(),
    sentimentTerms: z.record(term, z.number().min(-5).max(5)).optional(),
    negations: z.array(term).max(200).optional(),
    degrees: z.record(term, z.number().min(0).max(5)).optional(),
    topics: z
      .array(
        z.object({
          code: z.string().regex(/^[a-z][a-z0-9._-]{0,79}$/),
          labels: label,
          categoryCode: z.string().min(1).max(80),
          terms: z.array(term).min(1).max(500),
        }),
      )
      .max(100)
      .optional(),
    topicTerms: z.record(z.string(), z.array(term).max(500)).optional(),
    dictionary: z
      .array(
        z.object({
          word: term,
          tag: z
            .string()
            .regex(/^[a-z]{1,4}$/)
            .optional(),
        }),
      )
      .max(5000)
      .optional(),
    formalEquivalents: z.record(term, z.string().max(50)).optional(),
    stopWords: z.array(term).max(2000).optional(),
  })
  .strict();

export type AdditionsIssue = { path: string; messages: { 'zh-CN': string; 'en-US': string } };
export type AdditionsCheck = { ok: true; value: CompanyTextAdditions } | { ok: false; issues: AdditionsIssue[] };

/** Null when the pattern compiles (with the flags the engine adds), else the engine's reason. */
export function regexProblem(pattern: string, flags = ''): string | null {
  try {
    new RegExp(pattern, `${flags.replace(/[^iu]/g, '')}u`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function brokenRegexes(value: CompanyTextAdditions): AdditionsIssue[] {
  const issues: AdditionsIssue[] = [];
  (value.rules ?? []).forEach((item, index) => {
    const patterns = [
      ...(item.match.kind === 'regex' ? [{ path: `rules.${index}.match.pattern`, pattern: item.match.pattern, flags: item.match.flags }] : []),
      ...(item.unless ?? []).map((unless, unlessIndex) => ({
        path: `rules.${index}.unless.${unlessIndex}.pattern`,
        pattern: unless.pattern,
        flags: undefined,
      })),
    ];
    for (const candidate of patterns) {
      const problem = regexProblem(candidate.pattern, candidate.flags);
      if (problem) {
        issues.push({
          path: candidate.path,
          messages: { 'zh-CN': `正则表达式无法编译：${problem}`, 'en-US': `The regular expression does not compile: ${problem}` },
        });
      }
    }
  });
  return issues;
}

export function validateCompanyAdditions(input: unknown): AdditionsCheck {
  const parsed = companyTextAdditionsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        messages: { 'zh-CN': `格式不正确：${issue.message}`, 'en-US': `Invalid: ${issue.message}` },
      })),
    };
  }
  const issues = brokenRegexes(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}
