import { checkDecomposition, onTrack, periodsOverlap, shanghaiDate, smartCheck, staffPosts, targetProgress, type TargetMetric } from '@manyi/core';
import type { targetChild, targetCommit, targetCreate, targetDecompose, targetQuery, targetRecord } from '@manyi/contracts/targets';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { feeTotals, placeNow, ticketMonths, type ScopeFilter } from '../analytics/repository';
import { overview } from '../analytics/service';
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

type ScopeOf = Pick<TargetRow, 'scopeKind' | 'regionId' | 'projectId' | 'post' | 'staffId'>;

/** The Shanghai month ('YYYY-MM-01') an instant falls in. */
const monthOf = (at: Date) => `${shanghaiDate(at).slice(0, 7)}-01`;

const peopleOf = (scope: ScopeOf) =>
  scope.projectId && (scope.scopeKind === 'team' || scope.scopeKind === 'person')
    ? { projectId: scope.projectId, post: scope.post, staffId: scope.staffId }
    : undefined;

/** The analytics filter of a company, region or project scope, within the projects the reader may see. */
const filterOf = (context: Context, scope: ScopeOf): ScopeFilter => ({
  tenantId: context.principal.tenantId,
  projectIds: context.principal.projectIds,
  regionId: scope.regionId ?? undefined,
  projectId: scope.projectId ?? undefined,
});

/** Whether the reader may see the analytics of a company, region or project scope. */
const readsAnalytics = (context: Context, scope: ScopeOf) =>
  can(context.principal, 'analytics.read') &&
  (scope.scopeKind === 'project' ? inScope(context.principal, scope.projectId ?? '') : isCompanyWide(context.principal.roles));

/**
 * The metric over [from, to) where its records are counted over a time range: the inspection score of a project or
 * a team (its rounds), the red-line rate of any scope (its staff texts that crossed a red line ÷ those checked),
 * 收缴率 of a company, region or project (received ÷ receivable of its monthly entries), SLA of a team or person (the
 * tickets they resolved, as their scorecard counts them). Null where the range holds no records or the metric has
 * no meaning for the scope (survey answers, complaints and fees belong to places, not to people); undefined where
 * the metric is read from the scope's analytics instead.
 */
async function measureOver(context: Context, metric: TargetMetric, scope: ScopeOf, from: Date, to: Date): Promise<number | null | undefined> {
  const tenantId = context.principal.tenantId;
  const people = peopleOf(scope);
  switch (metric) {
    case 'inspection_score': {
      if (!scope.projectId || (scope.scopeKind !== 'project' && scope.scopeKind !== 'team')) return null;
      const scores = await inspectionScoresOf(context, { projectId: scope.projectId, from, to });
      const found =
        scope.scopeKind === 'project'
          ? scores.projects.find((item) => item.projectId === scope.projectId)
          : scores.teams.find((item) => item.projectId === scope.projectId && item.post === scope.post);
      return found?.score ?? null;
    }
    case 'red_line_rate': {
      const counts = await redLineCounts(context.db, tenantId, { regionId: scope.regionId, projectId: scope.projectId, people }, from, to);
      return percent(counts.crossed, counts.checked);
    }
    case 'fee_collection': {
      if (people || (scope.projectId && !inScope(context.principal, scope.projectId))) return null;
      const [total] = await feeTotals(context.db, filterOf(context, scope), 'total', monthOf(from), monthOf(new Date(to.getTime() - 1)));
      return total ? percent(total.received, total.receivable) : null;
    }
    default: {
      if (!people) return undefined;
      if (metric !== 'sla') return null;
      const counts = await resolvedByPeople(context.db, tenantId, people, from, to);
      return percent(counts.met, counts.judged);
    }
  }
}

/**
 * The live value of a target's metric for its scope, or null where the data cannot say: measureOver's metrics over
 * the period so far; for a company, region or project the rest as its analytics overview shows them
 * (analytics/service.ts): this month's SLA compliance and complaints per 1,000 households, and 满意率, NPS and the
 * weighted index of the latest wave.
 */
async function actualOf(context: Context, row: TargetRow, cache: Map<string, unknown>): Promise<number | null> {
  const metric = row.metric as TargetMetric;
  const now = context.clock.now();
  if (now < row.periodStart) return null;
  const measured = await measureOver(context, metric, row, row.periodStart, now < row.periodEnd ? now : row.periodEnd);
  if (measured !== undefined) return measured;
  if (!readsAnalytics(context, row)) return null;
  const level = row.scopeKind as 'company' | 'region' | 'project';
  const id = row.regionId ?? row.projectId ?? undefined;
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
    default:
      return null;
  }
}

/** SLA compliance or complaints per 1,000 households a month of a company, region or project over [from, to), from the monthly ticket rollup. */
async function ticketFiguresOver(context: Context, metric: 'sla' | 'complaints_per_1000', scope: ScopeOf, from: Date, to: Date): Promise<number | null> {
  const filter = filterOf(context, scope);
  const lastMonth = monthOf(new Date(to.getTime() - 1));
  const [rows, places] = await Promise.all([ticketMonths(context.db, filter, 'total', monthOf(from), lastMonth, true), placeNow(context.db, filter, 'total')]);
  if (metric === 'sla') {
    const met = rows.reduce((sum, row) => sum + row.slaMet, 0);
    return percent(
      met,
      rows.reduce((sum, row) => sum + row.slaJudged, 0),
    );
  }
  const households = places[0]?.households ?? 0;
  if (rows.length === 0 || households === 0) return null;
  const complaints = rows.reduce((sum, row) => sum + row.complaints, 0);
  return round2((1000 * complaints) / households / rows.length);
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

/**
 * The metric in each of the four periods of the target's length before it, oldest first, for the "achievable"
 * criterion: measureOver's metrics, and SLA and complaints of a company, region or project from the ticket rollup.
 * Survey metrics have none (a wave or two a year is too sparse to say what a period can move).
 */
async function historyOf(context: Context, input: z.output<typeof targetCreate>, key: ReturnType<typeof normaliseScope>): Promise<number[]> {
  const scope: ScopeOf = { scopeKind: input.scopeKind, ...key };
  const length = input.periodEnd.getTime() - input.periodStart.getTime();
  const values: number[] = [];
  for (let back = 4; back >= 1; back -= 1) {
    const from = new Date(input.periodStart.getTime() - back * length);
    const to = new Date(from.getTime() + length);
    let value = await measureOver(context, input.metric, scope, from, to);
    if (value === undefined && (input.metric === 'sla' || input.metric === 'complaints_per_1000') && readsAnalytics(context, scope))
      value = await ticketFiguresOver(context, input.metric, scope, from, to);
    if (value !== undefined && value !== null) values.push(value);
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
    history: await historyOf(context, input, key),
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
