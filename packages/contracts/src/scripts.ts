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
