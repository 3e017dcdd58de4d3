/**
 * The script library (话术库, packages/core scripts/library.ts): searched by words or pinyin (全拼 or 首字母, by
 * pinyin-pro), and the homework of seed 001 (话术温度优化): a steward rewrites a scenario's cold script, the red-line
 * QA scores it (stored like every owner-facing text, so the quality department reviews and comments on it in the
 * review queue), and the steward sees the reviewers' comments.
 */
import { findScriptScenario, scriptScenarios, type ScriptScenario } from '@manyi/core';
import type { homeworkItem } from '@manyi/contracts/scripts';
import { match } from 'pinyin-pro';
import type { z } from 'zod';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { can } from '../policy/policy';
import { recordStaffText } from '../text-qa/record';
import { homeworkTexts, reviewsOf } from '../text-qa/repository';
import { presentCheck } from '../text-qa/presenter';

function phrasings(scenario: ScriptScenario): string[] {
  return [scenario.title['zh-CN'], scenario.title['en-US'], scenario.standard, ...Object.values(scenario.disc)];
}

/** Words match anywhere; pinyin matches the scenario's title (the way stewards type 首字母 in the editor). */
export function searchScripts(query: string | undefined): ScriptScenario[] {
  const q = query?.trim().toLowerCase();
  if (!q) return scriptScenarios;
  const compact = q.replace(/\s+/g, '');
  return scriptScenarios.filter(
    (scenario) =>
      phrasings(scenario).some((text) => text.toLowerCase().includes(q)) ||
      (/^[a-z]+$/.test(compact) && match(scenario.title['zh-CN'], compact, { continuous: true }) !== null),
  );
}

export async function submitHomework(context: Context, key: string, text: string) {
  const scenario = findScriptScenario(key);
  if (!scenario) throw notFound();
  const { score, check } = await context.db.transaction((tx) => recordStaffText(tx, context, { sourceType: 'homework', sourceId: key, text }));
  return presentCheck(check, score);
}

/** My homework with the reviewers' comments; the quality department sees everyone's. */
export async function listHomework(context: Context): Promise<{ items: z.output<typeof homeworkItem>[] }> {
  const tenantId = context.principal.tenantId;
  const rows = await homeworkTexts(context.db, tenantId, can(context.principal, 'text_qa.manage') ? null : context.principal.staffId);
  const reviews = await reviewsOf(
    context.db,
    tenantId,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({
      textId: row.id,
      scenarioKey: row.sourceId,
      authorName: row.authorName,
      text: row.body,
      score: row.score,
      redLines: row.redLines,
      reviews: reviews
        .filter((review) => review.textId === row.id)
        .map((review) => ({ reviewerName: review.reviewerName, total: review.total, comment: review.comment })),
      createdAt: row.createdAt,
    })),
  };
}
