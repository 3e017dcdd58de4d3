import { discStyles } from '@manyi/core';
import { z } from 'zod';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** Search by words or by pinyin (全拼 or 首字母, e.g. "tsaf" finds 投诉安抚). */
export const scriptQuery = z.object({ q: z.string().trim().max(50).optional() });
export const scriptScenario = z.object({
  key: z.string(),
  title: label,
  categoryCode: z.string().nullable(),
  standard: z.string(),
  disc: z.record(z.enum(discStyles.values), z.string()),
  cold: z.string(),
  /** Added or edited by the company in the console (else one of the built-in scenarios of packages/core). */
  companyOwned: z.boolean(),
});
export const scriptParams = z.object({ key: z.string().trim().min(1).max(64) });

/** Homework (话术温度优化): a steward's warm rewrite of a scenario's cold script, scored by the red-line QA. */
export const homeworkBody = z.object({ text: z.string().trim().min(1).max(2000) });
export const homeworkItem = z.object({
  textId: z.uuid(),
  scenarioKey: z.string(),
  authorName: z.string().nullable(),
  text: z.string(),
  score: z.number().int(),
  redLines: z.array(z.string()),
  reviews: z.array(z.object({ reviewerName: z.string(), total: z.number().int(), comment: z.string().nullable() })),
  createdAt: z.date(),
});

/**
 * A company's own script (话术), added or edited in the console: a key of its own creates one, the key of a built-in
 * scenario replaces that scenario for the company. The standard phrasing and every DISC variant must pass the
 * red-line QA with the company's rules (refused with the red line, the words and why, per field); the cold
 * phrasing is the homework's starting point and is not checked.
 */
const phrasing = z.string().trim().min(1).max(500);
export const scriptKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
export const companyScriptBody = z.object({
  title: z.object({ 'zh-CN': z.string().trim().min(1).max(40), 'en-US': z.string().trim().min(1).max(80) }),
  categoryCode: z.string().trim().min(1).max(80).nullable(),
  standard: phrasing,
  disc: z.object({ peacock: phrasing, owl: phrasing, tiger: phrasing, panda: phrasing }),
  cold: z.string().trim().max(500).default(''),
});
export type CompanyScriptBody = z.infer<typeof companyScriptBody>;
export const companyScriptParams = z.object({ key: scriptKey });
