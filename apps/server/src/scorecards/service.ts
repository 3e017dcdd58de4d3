/**
 * Scorecards (积分, issue 18 §4): a person's points per month from the rollup, the records behind each point,
 * objections (once per point) and their resolution, rankings inside a project (people or teams) and across
 * projects (points per person, n shown). The weights are the company's (core checkScoreRules over the defaults).
 */
import {
  checkScoreRules,
  defaultScoreRules,
  projectAverage,
  rankByPoints,
  scoreKindRecord,
  scoreKinds,
  scoreTotals,
  shanghaiDate,
  type KindCount,
  type ScoreKind,
  type ScoreRules,
} from '@manyi/core';
import type {
  companyRanking,
  objection,
  objectionBody,
  objectionsQuery,
  pointsQuery,
  projectRanking,
  rankingQuery,
  resolveObjectionBody,
  scorecard,
  scorePoint,
  scoreRules,
  scoreRulesBody,
} from '@manyi/contracts/scorecards';
import type { Executor } from '@manyi/db';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { mergeSettingsData, readSettingsData } from '../company-settings/repository';
import type { Context } from '../http/context';
import { HttpProblem, fieldProblem, notFound } from '../http/problem';
import { can, inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import {
  countedAt,
  findObjection,
  findStaff,
  insertObjection,
  listObjectionRows,
  peopleOf,
  personCounts,
  personEvents,
  projectCounts,
  projectNames,
  projectsOfStaff,
  removeCountedPoint,
  resolveObjectionRow,
  type EventRow,
  type MonthCount,
  type ObjectionRow,
} from './repository';
import { scoreSources } from './sources';

type Scorecard = z.output<typeof scorecard>;
type Point = z.output<typeof scorePoint>;
type Objection = z.output<typeof objection>;

/** The company's weights: the defaults with its stored overrides (tenant_settings.scorecards.weights); a stored value that no longer passes is ignored. */
export async function readScoreRules(db: Executor, tenantId: string): Promise<ScoreRules> {
  const stored = (await readSettingsData(db, tenantId))?.scorecards as { weights?: Record<string, number> } | undefined;
  return stored?.weights ? checkScoreRules(stored.weights).rules : { ...defaultScoreRules };
}

const isKind = (kind: string): kind is ScoreKind => (scoreKinds.values as readonly string[]).includes(kind);
const counts = (rows: readonly MonthCount[]): KindCount[] =>
  rows.flatMap((row) => (isKind(row.kind) ? [{ kind: row.kind, events: row.events, amount: row.amount }] : []));

const currentMonth = (context: Context) => shanghaiDate(context.clock.now()).slice(0, 7);
const firstDay = (month: string) => `${month}-01`;
/** 'YYYY-MM' shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const instantOf = (month: string) => new Date(`${month}-01T00:00:00+08:00`);

/** Oneself always; someone else with scorecard.review when they serve a project in the caller's scope (else 404). */
async function requireCardAccess(context: Context, staffId: string) {
  const staff = await findStaff(context.db, context.principal.tenantId, staffId);
  if (!staff) throw notFound();
  const projects = await projectsOfStaff(context.db, context.principal.tenantId, staffId);
  if (staffId === context.principal.staffId) return { staff, projects };
  if (!can(context.principal, 'scorecard.review')) throw notFound();
  if (context.principal.projectIds !== null && !projects.some((project) => inScope(context.principal, project.projectId))) throw notFound();
  return { staff, projects };
}

type Ranked = { key: string; name: string; post: string | null; points: number; bonus: number; deduction: number; n: number };

/** People of one project ranked by their points earned in it (everyone who serves it, zero points included). */
async function rankPeople(db: Executor, tenantId: string, projectId: string, month: string, rules: ScoreRules) {
  const [people, rows] = await Promise.all([peopleOf(db, tenantId, [projectId]), projectCounts(db, tenantId, [projectId], firstDay(month))]);
  const byStaff = new Map<string, MonthCount[]>();
  for (const row of rows) byStaff.set(row.staffId, [...(byStaff.get(row.staffId) ?? []), row]);
  const entries: Ranked[] = people.map((person) => {
    const totals = scoreTotals(counts(byStaff.get(person.staffId) ?? []), rules);
    return { key: person.staffId, name: person.name, post: person.post, points: totals.total, bonus: totals.bonus, deduction: totals.deduction, n: 1 };
  });
  return rankByPoints(entries);
}

export async function getScorecard(context: Context, staffId: string, month = currentMonth(context)): Promise<Scorecard> {
  const tenantId = context.principal.tenantId;
  const { staff, projects } = await requireCardAccess(context, staffId);
  const from = shiftMonth(month, -5);
  const [rules, rows, at] = await Promise.all([
    readScoreRules(context.db, tenantId),
    personCounts(context.db, tenantId, staffId, firstDay(from), firstDay(month)),
    countedAt(context.db, tenantId, staffId),
  ]);
  const totals = scoreTotals(counts(rows.filter((row) => row.month === month)), rules);
  const trend = Array.from({ length: 6 }, (_, index) => {
    const m = shiftMonth(from, index);
    const { total, bonus, deduction } = scoreTotals(counts(rows.filter((row) => row.month === m)), rules);
    return { month: m, total, bonus, deduction };
  });
  const ranks = await Promise.all(
    projects.map(async (project) => {
      const ranked = await rankPeople(context.db, tenantId, project.projectId, month, rules);
      return { ...project, rank: ranked.find((entry) => entry.key === staffId)?.rank ?? null, n: ranked.length };
    }),
  );
  return { staffId, name: staff.name, post: staff.post, month, ...totals, trend, ranks, countedAt: at };
}

function presentPoint(row: EventRow, rules: ScoreRules): Point {
  const kind = row.kind as ScoreKind;
  return {
    kind,
    recordType: scoreKindRecord(kind),
    recordId: row.record_id,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    projectId: row.project_id,
    title: row.title ?? '',
    occurredAt: new Date(row.occurred_at),
    points: rules[kind] * row.amount,
    objection: row.objection_id
      ? { id: row.objection_id, status: row.objection_status as 'open' | 'upheld' | 'dismissed', resolution: row.objection_resolution }
      : null,
  };
}

/** The records behind a person's points of one month (newest first): the drill-down. */
export async function listPoints(context: Context, staffId: string, query: z.output<typeof pointsQuery>): Promise<{ items: Point[] }> {
  await requireCardAccess(context, staffId);
  const month = query.month ?? currentMonth(context);
  const rules = await readScoreRules(context.db, context.principal.tenantId);
  const rows = await personEvents(context.db, scoreSources, {
    tenantId: context.principal.tenantId,
    staffId,
    from: instantOf(month),
    to: instantOf(shiftMonth(month, 1)),
  });
  return { items: rows.filter((row) => !query.kind || row.kind === query.kind).map((row) => presentPoint(row, rules)) };
}

async function findPoint(context: Context, staffId: string, kind: ScoreKind, recordId: string): Promise<EventRow | undefined> {
  const rows = await personEvents(context.db, scoreSources, { tenantId: context.principal.tenantId, staffId, recordId, from: new Date(0) });
  return rows.find((row) => row.kind === kind);
}

function presentObjection(row: ObjectionRow, staffName: string, projectName: string): Objection {
  return {
    id: row.id,
    staffId: row.staffId,
    staffName,
    projectId: row.projectId,
    projectName,
    kind: row.kind as ScoreKind,
    recordId: row.recordId,
    occurredAt: row.occurredAt,
    points: row.points,
    reason: row.reason,
    status: row.status as Objection['status'],
    resolution: row.resolution,
    resolvedAt: row.resolvedAt,
    createdAt: row.createdAt,
  };
}

const objectedTwice = () =>
  new HttpProblem(409, 'score_objection_exists', {
    'zh-CN': '这一项积分您已经提出过异议,每项只能申诉一次',
    'en-US': 'You already objected to this point; one objection per point',
  });

/** A person objects to one of their own points, once (让人口服心服: every point can be questioned, with its record). */
export async function raiseObjection(context: Context, input: z.output<typeof objectionBody>): Promise<Objection> {
  const staffId = context.principal.staffId;
  const point = await findPoint(context, staffId, input.kind, input.recordId);
  if (!point) throw fieldProblem('recordId', { 'zh-CN': '没有找到这项积分', 'en-US': 'No such point on your scorecard' });
  const rules = await readScoreRules(context.db, context.principal.tenantId);
  const created = await context.db.transaction(async (tx) => {
    const row = await insertObjection(tx, {
      tenantId: context.principal.tenantId,
      staffId,
      projectId: point.project_id,
      kind: input.kind,
      recordId: input.recordId,
      occurredAt: new Date(point.occurred_at),
      points: rules[input.kind] * point.amount,
      reason: input.reason,
    });
    if (!row) throw objectedTwice();
    await recordAudit(tx, context, { action: 'create', entityType: 'score_objection', entityId: row.id, summary: '对积分提出异议', after: row });
    return row;
  });
  return (await listObjections(context, {})).items.find((item) => item.id === created.id)!;
}

export async function listObjections(context: Context, query: z.output<typeof objectionsQuery>): Promise<{ items: Objection[] }> {
  const review = can(context.principal, 'scorecard.review');
  const rows = await listObjectionRows(context.db, context.principal.tenantId, {
    projectIds: review ? scopedProjectIds(context.principal, query.projectId) : null,
    staffId: review ? undefined : context.principal.staffId,
    status: query.status,
  });
  return { items: rows.map((row) => presentObjection(row.objection, row.staffName, row.projectName)) };
}

/** A manager resolves an objection in their projects, once; upheld, the point stops counting at once. */
export async function resolveObjection(context: Context, id: string, input: z.output<typeof resolveObjectionBody>): Promise<Objection> {
  requirePermission(context.principal, 'scorecard.review');
  const tenantId = context.principal.tenantId;
  const row = await findObjection(context.db, tenantId, id);
  if (!row || !inScope(context.principal, row.projectId)) throw notFound();
  if (row.staffId === context.principal.staffId) {
    throw new HttpProblem(403, 'score_objection_own', { 'zh-CN': '不能处理自己的积分异议', 'en-US': 'You cannot resolve your own objection' });
  }
  const point = input.decision === 'upheld' ? await findPoint(context, row.staffId, row.kind as ScoreKind, row.recordId) : undefined;
  await context.db.transaction(async (tx) => {
    const resolved = await resolveObjectionRow(tx, tenantId, id, {
      status: input.decision,
      resolution: input.resolution,
      resolvedById: context.principal.staffId,
      resolvedAt: context.clock.now(),
    });
    if (!resolved) throw new HttpProblem(409, 'score_objection_resolved', { 'zh-CN': '这项异议已经处理过了', 'en-US': 'This objection was already resolved' });
    if (point) await removeCountedPoint(tx, row, `${shanghaiDate(row.occurredAt).slice(0, 7)}-01`, point.amount);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'score_objection',
      entityId: id,
      summary: input.decision === 'upheld' ? '积分异议成立,该项不再计分' : '积分异议不成立',
      before: row,
      after: resolved,
    });
  });
  return (await listObjections(context, {})).items.find((item) => item.id === id)!;
}

/** A project's people (or teams: posts, ranked by points per person) for one month. */
export async function getProjectRanking(context: Context, projectId: string, query: z.output<typeof rankingQuery>): Promise<z.output<typeof projectRanking>> {
  requirePermission(context.principal, 'scorecard.review');
  if (!inScope(context.principal, projectId)) throw notFound();
  const tenantId = context.principal.tenantId;
  const names = await projectNames(context.db, tenantId, [projectId]);
  const projectName = names.get(projectId);
  if (!projectName) throw notFound();
  const month = query.month ?? currentMonth(context);
  const rules = await readScoreRules(context.db, tenantId);
  const people = await rankPeople(context.db, tenantId, projectId, month, rules);
  if (query.by === 'staff') return { projectId, projectName, month, by: 'staff', n: people.length, rows: people };
  const teams = new Map<string, Ranked>();
  for (const person of people) {
    const key = person.post ?? 'none';
    const team = teams.get(key) ?? { key, name: key, post: person.post, points: 0, bonus: 0, deduction: 0, n: 0 };
    team.points += person.points;
    team.bonus += person.bonus;
    team.deduction += person.deduction;
    team.n += 1;
    teams.set(key, team);
  }
  const rows = rankByPoints([...teams.values()].map((team) => ({ ...team, points: projectAverage(team.points, team.n).average ?? 0 })));
  return { projectId, projectName, month, by: 'team', n: people.length, rows };
}

/** Projects in scope ranked by points per person (fair across sizes), n and a small-team mark with every row. */
export async function getCompanyRanking(context: Context, query: { month?: string | undefined }): Promise<z.output<typeof companyRanking>> {
  requirePermission(context.principal, 'scorecard.review');
  const tenantId = context.principal.tenantId;
  const month = query.month ?? currentMonth(context);
  const scope = context.principal.projectIds;
  const [rules, names, people, rows] = await Promise.all([
    readScoreRules(context.db, tenantId),
    projectNames(context.db, tenantId, scope),
    peopleOf(context.db, tenantId, scope),
    projectCounts(context.db, tenantId, scope, firstDay(month)),
  ]);
  const byProject = new Map<string, MonthCount[]>();
  for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
  const size = new Map<string, number>();
  for (const person of people) size.set(person.projectId, (size.get(person.projectId) ?? 0) + 1);
  const entries = [...names].map(([projectId, projectName]) => {
    const total = scoreTotals(counts(byProject.get(projectId) ?? []), rules).total;
    const n = size.get(projectId) ?? 0;
    const { average, small } = projectAverage(total, n);
    return { projectId, projectName, name: projectName, total, n, small, average, points: average ?? Number.NEGATIVE_INFINITY };
  });
  return {
    month,
    rows: rankByPoints(entries).map(({ rank, projectId, projectName, total, n, small, average }) => ({
      rank,
      projectId,
      projectName,
      points: average,
      total,
      n,
      small,
    })),
  };
}

export async function getScoreRules(context: Context): Promise<z.output<typeof scoreRules>> {
  return { weights: await readScoreRules(context.db, context.principal.tenantId) };
}

/** The company's weights per kind; a bonus cannot become a deduction nor the other way round (core checkScoreRules). */
export async function saveScoreRules(context: Context, input: z.output<typeof scoreRulesBody>): Promise<z.output<typeof scoreRules>> {
  requirePermission(context.principal, 'scorecard.manage');
  const { rules, problems } = checkScoreRules(input.weights);
  const first = problems[0];
  if (first) {
    throw fieldProblem(`weights.${first.kind}`, {
      'zh-CN': first.reason === 'sign' ? '加分项不能设为负数,扣分项不能设为正数' : '分值须为 -20 到 20 之间的整数',
      'en-US': first.reason === 'sign' ? 'A bonus cannot be negative nor a deduction positive' : 'A whole number from -20 to 20',
    });
  }
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const before = await readScoreRules(tx, tenantId);
    await mergeSettingsData(tx, tenantId, { scorecards: { weights: rules } }, context.clock.now());
    await recordAudit(tx, context, { action: 'update', entityType: 'tenant_settings', entityId: tenantId, summary: '修改积分规则', before, after: rules });
  });
  return { weights: rules };
}
