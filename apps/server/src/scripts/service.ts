/**
 * The script library (话术库, packages/core scripts/library.ts): searched by words or pinyin (全拼 or 首字母, by
 * pinyin-pro), and the homework of seed 001 (话术温度优化): a steward rewrites a scenario's cold script, the red-line
 * QA scores it (stored like every owner-facing text, so the quality department reviews and comments on it in the
 * review queue), and the steward sees the reviewers' comments.
 */
import { discStyles, scriptScenarios, type ScriptScenario } from '@manyi/core';
import { companyScriptBody, type CompanyScriptBody, type homeworkItem, type scriptScenario } from '@manyi/contracts/scripts';
import type { Executor } from '@manyi/db';
import { match } from 'pinyin-pro';
import { z } from 'zod';
import { recordAudit } from '../audit/record';
import { mergeSettingsData, readSettingsData } from '../company-settings/repository';
import type { Context } from '../http/context';
import { messages } from '../http/messages';
import { HttpProblem, notFound } from '../http/problem';
import { can, requirePermission } from '../policy/policy';
import { checkWithCompanyRules, recordStaffText } from '../text-qa/record';
import { homeworkTexts, reviewsOf } from '../text-qa/repository';
import { presentCheck } from '../text-qa/presenter';

function phrasings(scenario: ScriptScenario): string[] {
  return [scenario.title['zh-CN'], scenario.title['en-US'], scenario.standard, ...Object.values(scenario.disc)];
}

type Scenario = z.output<typeof scriptScenario>;
const storedScripts = z.array(companyScriptBody.extend({ key: z.string() }));

/** The company's own scripts (tenant_settings.data `scripts`), each with its key. */
async function companyScripts(db: Executor, tenantId: string): Promise<(CompanyScriptBody & { key: string })[]> {
  const parsed = storedScripts.safeParse((await readSettingsData(db, tenantId))?.scripts);
  return parsed.success ? parsed.data : [];
}

/** The built-in scenarios with the company's edits in their place, then the company's own. */
async function libraryOf(db: Executor, tenantId: string): Promise<Scenario[]> {
  const own = await companyScripts(db, tenantId);
  const byKey = new Map(own.map((item) => [item.key, item]));
  const builtIn = scriptScenarios.map((scenario) => {
    const edited = byKey.get(scenario.key);
    return edited ? { ...edited, companyOwned: true } : { ...scenario, companyOwned: false };
  });
  const added = own.filter((item) => !scriptScenarios.some((scenario) => scenario.key === item.key)).map((item) => ({ ...item, companyOwned: true }));
  return [...builtIn, ...added];
}

/** Words match anywhere; pinyin matches the scenario's title (the way stewards type 首字母 in the editor). */
export async function searchScripts(context: Context, query: string | undefined): Promise<Scenario[]> {
  const library = await libraryOf(context.db, context.principal.tenantId);
  const q = query?.trim().toLowerCase();
  if (!q) return library;
  const compact = q.replace(/\s+/g, '');
  return library.filter(
    (scenario) =>
      phrasings(scenario).some((text) => text.toLowerCase().includes(q)) ||
      (/^[a-z]+$/.test(compact) && match(scenario.title['zh-CN'], compact, { continuous: true }) !== null),
  );
}

export async function submitHomework(context: Context, key: string, text: string) {
  const scenario = (await libraryOf(context.db, context.principal.tenantId)).find((item) => item.key === key);
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

/**
 * Adds or replaces one of the company's scripts. The standard phrasing and each DISC variant must pass the red-line
 * QA with the company's rules, else 422 with the red line, the words and why on the field; the accepted phrasings
 * are stored as scored texts of their author (source `script`), like every owner-facing text.
 */
export async function saveCompanyScript(context: Context, key: string, input: CompanyScriptBody): Promise<Scenario> {
  requirePermission(context.principal, 'text_qa.manage');
  const tenantId = context.principal.tenantId;
  const phrasings = [{ field: 'standard', text: input.standard }, ...discStyles.values.map((style) => ({ field: `disc.${style}`, text: input.disc[style] }))];
  const problems = [];
  for (const phrasing of phrasings) {
    const check = await checkWithCompanyRules(context.db, tenantId, phrasing.text);
    for (const finding of check.findings)
      problems.push({
        field: phrasing.field,
        messages: {
          'zh-CN': `含红线「${finding.labels['zh-CN']}」：「${finding.excerpt}」，${finding.why['zh-CN']}`,
          'en-US': `Crosses the red line "${finding.labels['en-US']}": "${finding.excerpt}" — ${finding.why['en-US']}`,
        },
      });
  }
  if (problems.length > 0) throw new HttpProblem(422, 'validation', messages.validation, problems);
  await context.db.transaction(async (tx) => {
    const own = await companyScripts(tx, tenantId);
    const before = own.find((item) => item.key === key) ?? null;
    const next = [...own.filter((item) => item.key !== key), { key, ...input }];
    await mergeSettingsData(tx, tenantId, { scripts: next }, context.clock.now());
    for (const phrasing of phrasings) await recordStaffText(tx, context, { sourceType: 'script', sourceId: `${key}:${phrasing.field}`, text: phrasing.text });
    await recordAudit(tx, context, {
      action: before ? 'update' : 'create',
      entityType: 'script',
      entityId: null,
      summary: `${before ? '修改' : '新增'}话术「${input.title['zh-CN']}」（${key}）`,
      before,
      after: input,
    });
  });
  const saved = (await libraryOf(context.db, tenantId)).find((item) => item.key === key);
  if (!saved) throw notFound();
  return saved;
}

/** Removes a company script; a built-in scenario the company had edited comes back as shipped. */
export async function deleteCompanyScript(context: Context, key: string): Promise<void> {
  requirePermission(context.principal, 'text_qa.manage');
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const own = await companyScripts(tx, tenantId);
    const before = own.find((item) => item.key === key);
    if (!before) throw notFound();
    await mergeSettingsData(tx, tenantId, { scripts: own.filter((item) => item.key !== key) }, context.clock.now());
    await recordAudit(tx, context, { action: 'delete', entityType: 'script', entityId: null, summary: `删除话术「${before.title['zh-CN']}」`, before });
  });
}
