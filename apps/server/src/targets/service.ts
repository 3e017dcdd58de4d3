import { checkDecomposition, onTrack, periodsOverlap, shanghaiDate, smartCheck, staffPosts, targetProgress, type TargetMetric } from '@manyi/core';
import type { RankingMetric } from '@manyi/contracts/analytics';
import type { targetChild, targetCommit, targetCreate, targetDecompose, targetQuery, targetRecord } from '@manyi/contracts/targets';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { feeTotals } from '../analytics/repository';
import { overview, rankings } from '../analytics/service';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { inspectionScoresOf } from '../inspections/service';
import { can, inScope, isCompanyWide, requirePermission } from '../policy/policy';
import {
  findTarget,
  householdCounts,
  insertTargets,
  listTargets,
  names,
  redLineCounts,
  resolvedByPeople,
  sameScopeTargets,
  updateTarget,
  type TargetRow,
} from './repository';

type TargetRecord = z.output<typeof targetRecord>;
type Scope = Pick<z.output<typeof targetChild>, 'scopeKind' | 'regionId' | 'projectId' | 'post' | 'staffId'>;
type Names = Awaited<ReturnType<typeof names>>;

/** The analytics ranking that measures a metric, and the factor from its unit to the target's (rates 0–1 → percent). */
const rankingOf: Partial<Record<TargetMetric, { metric: RankingMetric; scale: number }>> = {
  satisfaction: { metric: 'satisfaction', scale: 100 },
  nps: { metric: 'nps', scale: 1 },
  sla: { metric: 'sla', scale: 100 },
  complaints_per_1000: { metric: 'complaintsPer1000', scale: 1 },
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Who may set a target at a scope: company and region targets company-wide, the rest within one's projects. */
function requireScope(context: Context, scope: Scope) {
  requirePermission(context.principal, 'target.manage');
  if (scope.scopeKind === 'company' || scope.scopeKind === 'region') {
    if (!isCompanyWide(context.principal.roles)) throw new HttpProblem(403, 'forbidden');
  } else if (!scope.projectId || !inScope(context.principal, scope.projectId)) throw notFound();
}

/** The columns a scope fills; the others are null, so the same scope is always stored the same way. */
function normaliseScope(scope: Scope, index?: number): { regionId: string | null; projectId: string | null; post: string | null; staffId: string | null } {
  const field = (name: string) => (index === undefined ? name : `children.${index}.${name}`);
  const need = (value: string | null | undefined, name: string) => {
    if (!value) throw fieldProblem(field(name), { 'zh-CN': '请选择目标范围', 'en-US': 'Choose the scope' });
    return value;
  };
  switch (scope.scopeKind) {
    case 'company':
      return { regionId: null, projectId: null, post: null, staffId: null };
    case 'region':
      return { regionId: need(scope.regionId, 'regionId'), projectId: null, post: null, staffId: null };
    case 'project':
      return { regionId: null, projectId: need(scope.projectId, 'projectId'), post: null, staffId: null };
    case 'team':
      return { regionId: null, projectId: need(scope.projectId, 'projectId'), post: need(scope.post, 'post'), staffId: null };
    case 'person':
      return { regionId: null, projectId: need(scope.projectId, 'projectId'), post: null, staffId: need(scope.staffId, 'staffId') };
  }
}

async function refuseOverlap(
  context: Context,
  metric: string,
  scopeKind: string,
  key: ReturnType<typeof normaliseScope>,
  start: Date,
  end: Date,
  field: string,
) {
  const same = await sameScopeTargets(context.db, context.principal.tenantId, { metric, scopeKind, ...key });
  if (same.some((row) => periodsOverlap({ start, end }, { start: row.periodStart, end: row.periodEnd })))
    throw new HttpProblem(
      409,
      'target_period_overlap',
      { 'zh-CN': '同一范围、同一指标的目标期间重叠', 'en-US': 'A target of this metric and scope already covers part of the period' },
      [{ field, messages: { 'zh-CN': '期间与已有目标重叠', 'en-US': 'Overlaps an existing target' } }],
    );
}

/** A rate as the target's percent, or null without a base. */
const percent = (part: number, whole: number) => (whole === 0 ? null : round2((100 * part) / whole));

/**
 * The live value of a target's metric for its scope, or null where the data cannot say:
 * - a company, region or project: the analytics overview of the scope (analytics/service.ts), the figures its home
 *   shows: this month's SLA compliance and complaints per 1,000 households, and 满意率, NPS and the weighted index of
 *   the latest wave; its 收缴率 over the months of the period so far;
 * - SLA of a team or a person: the tickets they resolved in the period so far, counted as their scorecard counts them;
 * - the red-line rate of any scope: the share of its staff texts in the period so far that crossed a red line (text QA);
 * - the inspection score of a project or a team: its rounds in the period.
 * Survey answers, complaints and fees belong to places, not to people, so a team's or a person's target on those
 * metrics has no live value.
 */
async function actualOf(context: Context, row: TargetRow, cache: Map<string, unknown>): Promise<number | null> {
  const metric = row.metric as TargetMetric;
  const tenantId = context.principal.tenantId;
  const now = context.clock.now();
  if (now < row.periodStart) return null;
  const soFar = now < row.periodEnd ? now : row.periodEnd;
  const people =
    row.projectId && (row.scopeKind === 'team' || row.scopeKind === 'person') ? { projectId: row.projectId, post: row.post, staffId: row.staffId } : undefined;
  if (metric === 'inspection_score') {
    if (!row.projectId || (row.scopeKind !== 'project' && row.scopeKind !== 'team')) return null;
    const key = `inspections:${row.periodStart.toISOString()}`;
    if (!cache.has(key)) cache.set(key, await inspectionScoresOf(context, { from: row.periodStart, to: row.periodEnd }));
    const scores = cache.get(key) as Awaited<ReturnType<typeof inspectionScoresOf>>;
    const found =
      row.scopeKind === 'project'
        ? scores.projects.find((item) => item.projectId === row.projectId)
        : scores.teams.find((item) => item.projectId === row.projectId && item.post === row.post);
    return found?.score ?? null;
  }
  if (metric === 'red_line_rate') {
    const counts = await redLineCounts(context.db, tenantId, { regionId: row.regionId, projectId: row.projectId, people }, row.periodStart, soFar);
    return percent(counts.crossed, counts.checked);
  }
  if (metric === 'fee_collection') {
    // Fees are entered per project and month: the months of the period so far, added up (a quarter's 收缴率).
    if (people || (row.projectId && !inScope(context.principal, row.projectId))) return null;
    const monthOf = (at: Date) => `${shanghaiDate(at).slice(0, 7)}-01`;
    const filter = { tenantId, projectIds: context.principal.projectIds, regionId: row.regionId ?? undefined, projectId: row.projectId ?? undefined };
    const [total] = await feeTotals(context.db, filter, 'total', monthOf(row.periodStart), monthOf(soFar));
    return total ? percent(total.received, total.receivable) : null;
  }
  if (people) {
    if (metric !== 'sla') return null;
    const counts = await resolvedByPeople(context.db, tenantId, people, row.periodStart, soFar);
    return percent(counts.met, counts.judged);
  }
  const level = row.scopeKind as 'company' | 'region' | 'project';
  const id = row.regionId ?? row.projectId ?? undefined;
  const readable =
    can(context.principal, 'analytics.read') &&
    (level === 'project' ? inScope(context.principal, row.projectId ?? '') : isCompanyWide(context.principal.roles));
  if (!readable) return null;
  const key = `overview:${level}:${id ?? ''}`;
  if (!cache.has(key)) cache.set(key, await overview(context, { level, id }));
  const view = cache.get(key) as Awaited<ReturnType<typeof overview>>;
  const figures = view.headline;
  const scaled = (value: number | null, scale: number) => (value === null ? null : round2(value * scale));
  switch (metric) {
    case 'satisfaction':
      return scaled(figures.satisfaction.rate, 100);
    case 'nps':
      return scaled(figures.nps.score, 1);
    case 'weighted_index':
      return scaled(view.weightedIndex, 1);
    case 'sla':
      return scaled(figures.sla.rate, 100);
    case 'complaints_per_1000':
      return scaled(figures.complaints.per1000, 1);
  }
}

const postName = (post: string | null) => (post ? ((staffPosts.labels as Record<string, { 'zh-CN': string } | undefined>)[post]?.['zh-CN'] ?? post) : '');

function scopeName(row: TargetRow, known: Names): string {
  const project = row.projectId ? (known.projects.get(row.projectId)?.name ?? '') : '';
  switch (row.scopeKind) {
    case 'company':
      return '全公司';
    case 'region':
      return known.regions.get(row.regionId ?? '') ?? '';
    case 'project':
      return project;
    case 'team':
      // A name people read (the action form, the weekly agenda and its export), like the project's: the post's label.
      return `${project} · ${postName(row.post)}`;
    default:
      return `${project} · ${known.staff.get(row.staffId ?? '') ?? ''}`;
  }
}

/** Targets as the API shows them, with live progress; other modules (actions, meetings) present targets through this. */
export async function presentTargets(context: Context, rows: TargetRow[]): Promise<TargetRecord[]> {
  const known = await names(context.db, context.principal.tenantId);
  const cache = new Map<string, unknown>();
  const now = context.clock.now();
  const records: TargetRecord[] = [];
  for (const row of rows) {
    const metric = row.metric as TargetMetric;
    const actual = await actualOf(context, row, cache);
    const progress = targetProgress(metric, row.baseline, row.value, actual);
    const period = { start: row.periodStart, end: row.periodEnd };
    records.push({
      id: row.id,
      parentId: row.parentId,
      metric,
      scopeKind: row.scopeKind as TargetRecord['scopeKind'],
      scopeName: scopeName(row, known),
      regionId: row.regionId,
      projectId: row.projectId,
      post: row.post as TargetRecord['post'],
      staffId: row.staffId,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      value: row.value,
      baseline: row.baseline,
      basis: row.basis as TargetRecord['basis'],
      weight: row.weight,
      actual,
      progress,
      onTrack: onTrack(progress, period, now),
      smart: smartCheck({ metric, value: row.value, baseline: row.baseline, history: [], period, now: row.createdAt }),
      commitment: row.commitment,
      committedAt: row.committedAt,
      committedByName: row.committedById ? (known.staff.get(row.committedById) ?? null) : null,
      createdAt: row.createdAt,
    });
  }
  return records;
}

export async function listTargetsOf(context: Context, query: z.output<typeof targetQuery>): Promise<{ items: TargetRecord[] }> {
  const projectIds = query.projectId ? (inScope(context.principal, query.projectId) ? [query.projectId] : []) : context.principal.projectIds;
  return { items: await presentTargets(context, await listTargets(context.db, context.principal.tenantId, projectIds)) };
}

/** The metric's values in the four months before the period, for the "achievable" criterion (ticket metrics only; waves are too sparse). */
async function historyOf(context: Context, input: z.output<typeof targetCreate>, projectId: string | null): Promise<number[]> {
  const ranking = rankingOf[input.metric];
  if (!ranking || !['sla', 'complaintsPer1000'].includes(ranking.metric) || !can(context.principal, 'analytics.read')) return [];
  if (input.scopeKind !== 'company' && input.scopeKind !== 'project') return [];
  const values: number[] = [];
  for (let back = 4; back >= 1; back -= 1) {
    const at = new Date(Date.UTC(input.periodStart.getUTCFullYear(), input.periodStart.getUTCMonth() - back, 1));
    const month = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
    const view = await rankings(context, { metric: ranking.metric, month });
    const value = projectId ? (view.rows.find((row) => row.projectId === projectId)?.value ?? null) : view.company.value;
    if (value !== null) values.push(round2(value * ranking.scale));
  }
  return values;
}

export async function createTarget(context: Context, input: z.output<typeof targetCreate>): Promise<TargetRecord> {
  requireScope(context, input);
  const key = normaliseScope(input);
  const now = context.clock.now();
  const check = smartCheck({
    metric: input.metric,
    value: input.value,
    baseline: input.baseline ?? null,
    history: await historyOf(context, input, key.projectId),
    period: { start: input.periodStart, end: input.periodEnd },
    now,
  });
  const failed = check.filter((criterion) => !criterion.passed);
  if (failed.length > 0) {
    const fieldOf = { specific: 'value', measurable: 'baseline', achievable: 'value', relevant: 'metric', time_bound: 'periodEnd' } as const;
    const words: { [code: string]: { 'zh-CN': string; 'en-US': string } } = {
      out_of_range: { 'zh-CN': '目标值超出该指标的取值范围', 'en-US': 'The value is outside the metric’s range' },
      no_improvement: { 'zh-CN': '目标应优于基线', 'en-US': 'The target should improve on the baseline' },
      baseline_missing: { 'zh-CN': '请填写基线（当前水平），目标才可衡量', 'en-US': 'Give the baseline so that the target is measurable' },
      too_far: { 'zh-CN': '相对近四期的变化幅度，目标跨度过大，难以达成', 'en-US': 'Too far a step compared with the last four periods' },
      deadline_passed: { 'zh-CN': '截止日期须晚于开始日期且在今天之后', 'en-US': 'The deadline must follow the start and lie ahead' },
    };
    throw new HttpProblem(
      422,
      'target_not_smart',
      { 'zh-CN': '目标不符合 SMART 原则', 'en-US': 'The target is not SMART' },
      failed.map((criterion) => ({ field: fieldOf[criterion.criterion], messages: words[criterion.code] ?? words.out_of_range! })),
    );
  }
  await refuseOverlap(context, input.metric, input.scopeKind, key, input.periodStart, input.periodEnd, 'periodStart');
  const id = uuidv7();
  await context.db.transaction(async (tx) => {
    const [row] = await insertTargets(tx, [
      {
        id,
        tenantId: context.principal.tenantId,
        metric: input.metric,
        scopeKind: input.scopeKind,
        ...key,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        value: input.value,
        baseline: input.baseline ?? null,
        createdById: context.principal.staffId,
        createdAt: now,
      },
    ]);
    await recordAudit(tx, context, { action: 'create', entityType: 'target', entityId: id, summary: `目标 ${input.metric} ${input.value}`, after: row });
  });
  return (await presentTargets(context, [(await findTarget(context.db, context.principal.tenantId, id))!]))[0]!;
}

async function requireTarget(context: Context, id: string) {
  const row = await findTarget(context.db, context.principal.tenantId, id);
  if (!row || (row.projectId !== null && !inScope(context.principal, row.projectId))) throw notFound();
  return row;
}

/**
 * Decomposes a target into its children (all written or none): each child lies inside the parent's
 * scope, takes the parent's metric and period, and the children add up (core checkDecomposition).
 */
export async function decomposeTarget(context: Context, id: string, input: z.output<typeof targetDecompose>): Promise<{ items: TargetRecord[] }> {
  const parent = await requireTarget(context, id);
  requireScope(context, { scopeKind: parent.scopeKind as Scope['scopeKind'], projectId: parent.projectId });
  const order = ['company', 'region', 'project', 'team', 'person'];
  const keys = input.children.map((child, index) => {
    requireScope(context, child);
    const key = normaliseScope(child, index);
    const below = order.indexOf(child.scopeKind) > order.indexOf(parent.scopeKind);
    const inside = parent.scopeKind === 'company' || (parent.scopeKind === 'region' ? true : key.projectId === parent.projectId);
    if (!below || !inside)
      throw fieldProblem(`children.${index}.scopeKind`, { 'zh-CN': '子目标须在上级目标的范围之内', 'en-US': 'A child lies within its parent’s scope' });
    return key;
  });
  const counts =
    input.basis === 'households'
      ? await householdCounts(
          context.db,
          context.principal.tenantId,
          keys.map((key) => key.projectId).filter((value): value is string => value !== null),
        )
      : new Map();
  const weights = input.children.map((child, index) => {
    const key = keys[index]!;
    const counted = input.basis === 'households' && child.scopeKind === 'project' && key.projectId ? counts.get(key.projectId) : undefined;
    const weight = child.weight ?? counted;
    if (!(weight && weight > 0))
      throw fieldProblem(`children.${index}.weight`, {
        'zh-CN': input.basis === 'sample' ? '请填写样本量' : input.basis === 'households' ? '请填写户数' : '请填写权重',
        'en-US': input.basis === 'sample' ? 'Give the sample size' : input.basis === 'households' ? 'Give the household count' : 'Give the weight',
      });
    return weight;
  });
  const check = checkDecomposition(
    parent.metric as TargetMetric,
    parent.value,
    input.children.map((child, index) => ({ value: child.value, weight: weights[index]! })),
  );
  if (!check.adds)
    throw new HttpProblem(
      422,
      'target_does_not_add_up',
      {
        'zh-CN': `子目标按${input.basis === 'households' ? '户数' : input.basis === 'sample' ? '样本量' : '权重'}加权合计为 ${check.combined}，达不到上级目标 ${parent.value}`,
        'en-US': `The children combine (weighted by ${input.basis}) to ${check.combined}, short of the parent’s ${parent.value}`,
      },
      [{ field: 'children', messages: { 'zh-CN': '子目标合计达不到上级目标', 'en-US': 'The children do not add up to the parent' } }],
    );
  for (const [index, key] of keys.entries())
    await refuseOverlap(context, parent.metric, input.children[index]!.scopeKind, key, parent.periodStart, parent.periodEnd, `children.${index}`);
  const now = context.clock.now();
  const ids = await context.db.transaction(async (tx) => {
    await updateTarget(tx, parent.tenantId, parent.id, { basis: input.basis });
    const rows = await insertTargets(
      tx,
      input.children.map((child, index) => ({
        tenantId: parent.tenantId,
        parentId: parent.id,
        metric: parent.metric,
        scopeKind: child.scopeKind,
        ...keys[index]!,
        periodStart: parent.periodStart,
        periodEnd: parent.periodEnd,
        value: child.value,
        baseline: parent.baseline,
        weight: weights[index]!,
        createdById: context.principal.staffId,
        createdAt: now,
      })),
    );
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'target',
      entityId: parent.id,
      summary: `目标分解为 ${rows.length} 个子目标（${input.basis}）`,
    });
    return rows.map((row) => row.id);
  });
  const children = await Promise.all(ids.map((childId) => findTarget(context.db, parent.tenantId, childId)));
  return {
    items: await presentTargets(
      context,
      children.filter((row): row is TargetRow => row !== undefined),
    ),
  };
}

/** 当众承诺: the owner of the target says it in front of the team; who and when are kept. */
export async function commitTarget(context: Context, id: string, input: z.output<typeof targetCommit>): Promise<TargetRecord> {
  const row = await requireTarget(context, id);
  if (row.committedAt) throw new HttpProblem(409, 'target_committed', { 'zh-CN': '该目标已当众承诺', 'en-US': 'This target has already been committed to' });
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    await updateTarget(tx, row.tenantId, id, { commitment: input.statement, committedAt: now, committedById: context.principal.staffId });
    await recordAudit(tx, context, { action: 'update', entityType: 'target', entityId: id, summary: `当众承诺：${input.statement}` });
  });
  return (await presentTargets(context, [(await findTarget(context.db, row.tenantId, id))!]))[0]!;
}

/** The targets of one project (its own, its teams' and people's), presented. */
export async function projectTargets(context: Context, projectId: string): Promise<TargetRecord[]> {
  if (!inScope(context.principal, projectId)) return [];
  const rows = await listTargets(context.db, context.principal.tenantId, [projectId]);
  return presentTargets(
    context,
    rows.filter((row) => row.projectId === projectId),
  );
}

/** One target of the caller's scope, presented, or undefined. */
export async function targetOf(context: Context, id: string): Promise<TargetRecord | undefined> {
  const row = await findTarget(context.db, context.principal.tenantId, id);
  if (!row || (row.projectId !== null && !inScope(context.principal, row.projectId))) return undefined;
  return (await presentTargets(context, [row]))[0];
}
