/**
 * The 5-GAP workspace (issue 18 §2, seed 001 第四讲): the five gaps of one project in one quarter, each measured
 * from records by @manyi/core management/gaps.ts (the formulas are there), with its trend over the last four
 * quarters, the records behind it and the SWOT the managers wrote beside it; and gap 1's questionnaire.
 *
 * Gaps 1, 2 and 5 read the last survey wave with SERVQUAL answers from the project dated before the quarter's
 * end (its close, else its opening): a quarter without a wave of its own carries the last one, and says which.
 * Gap 2's standards are those in force now (the indicator tree and the published journey maps), its
 * expectations the wave's. Scope: the quality department everywhere, project managers in their projects (404 else).
 */
import {
  analyseTally,
  deliveryGap,
  differenceOnSevenPoints,
  flattenIndicatorTree,
  gapKey,
  indicatorTemplate,
  managementPerceptionGap,
  periodOf,
  periodRange,
  minimumWaveAnswers,
  periodsUpTo,
  promiseGap,
  promiseOutcome,
  standardsGap,
  toSevenPoint,
  type GapNumber,
  type IndicatorTreeNode,
  type LocalText,
  type SurveyAnalysis,
} from '@manyi/core';
import type { gapCard, gapEvidence, gapQuery, gapQuestionnaireInput, gapSwot, gapSwotInput, GapWorkspace } from '@manyi/contracts/gaps';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { fieldProblem, notFound } from '../http/problem';
import { findIndicatorTree } from '../inspections/repository';
import { can, requirePermission, requireProjectScope } from '../policy/policy';
import { tallyFromRows } from '../results/cells';
import { campaignSurvey, readRollup, type CampaignSurvey } from '../results/repository';
import {
  appointments,
  clearPromises,
  evidenceLimit,
  findProject,
  findSwot,
  inspectionChecks,
  insertSwot,
  journeyStandardCodes,
  outages,
  projectWaves,
  questionnaireAnswers,
  redLineChecks,
  slaChecks,
  swotNotes,
  updateSwot,
  upsertQuestionnaire,
  worksNotices,
  type Range,
} from './repository';

type Card = z.output<typeof gapCard>;
type Evidence = z.output<typeof gapEvidence>;
type Swot = z.output<typeof gapSwot>;
type Scope = { tenantId: string; projectId: string };
type Project = NonNullable<Awaited<ReturnType<typeof findProject>>>;

/** An appointment counts as kept when the technician arrives within half an hour of the agreed time. */
const appointmentGraceMs = 30 * 60_000;
const trendQuarters = 4;

/** Seed 001's five red lines (消极沟通5大红线) and the SLA targets, as the evidence lists name them. */
const redLineNames: Record<string, string> = { impatient: '烦躁', refusing: '拒绝', doubting: '质疑', casual: '随意', shirking: '推诿' };
const slaTargetNames: Record<string, string> = { response: '响应', arrival: '到场', resolution: '解决', visit: '回访', update: '进展更新' };
const named = (names: Record<string, string>, codes: readonly string[]) => codes.map((code) => names[code] ?? code).join('、');

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const fixed = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));
const dayText = (at: Date | null) => (at ? new Date(at).toISOString().slice(0, 16).replace('T', ' ') : '—');

/** A wave's SERVQUAL figures for the project: mean expectation and gap per dimension on the 7-point scale. */
type Wave = {
  survey: CampaignSurvey;
  at: Date;
  analysis: SurveyAnalysis;
  scalePoints: number;
  dimensions: Map<string, { expectation: number; perception: number; gap: number }>;
};

function servqualDimensions(analysis: SurveyAnalysis, tree: readonly IndicatorTreeNode[]) {
  const rootOf = new Map<string, string>();
  for (const root of tree) for (const node of flattenIndicatorTree([root])) rootOf.set(node.code, root.code);
  const sums = new Map<string, { expectation: number[]; perception: number[] }>();
  let scalePoints = 7;
  for (const question of analysis.questions) {
    if (question.type !== 'servqual' || question.gap.expectation === null || question.gap.perception === null || !question.indicatorCode) continue;
    scalePoints = question.scalePoints;
    const dimension = rootOf.get(question.indicatorCode) ?? question.indicatorCode.split('.')[0]!;
    const entry = sums.get(dimension) ?? sums.set(dimension, { expectation: [], perception: [] }).get(dimension)!;
    entry.expectation.push(toSevenPoint(question.gap.expectation, question.scalePoints));
    entry.perception.push(toSevenPoint(question.gap.perception, question.scalePoints));
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const dimensions = new Map(
    [...sums].map(([code, entry]) => [
      code,
      { expectation: mean(entry.expectation), perception: mean(entry.perception), gap: mean(entry.perception) - mean(entry.expectation) },
    ]),
  );
  return { dimensions, scalePoints };
}

/** The last wave with SERVQUAL answers from the project before each quarter's end, analysed once per campaign. */
async function wavesFor(context: Context, project: Project, periods: readonly string[], fallbackTree: IndicatorTreeNode[]) {
  const scope = { tenantId: context.principal.tenantId, projectId: project.id };
  const candidates = await projectWaves(context.db, scope, periodRange(periods.at(-1)!).end);
  const analysed = new Map<string, Wave | null>();
  const analyse = async (candidate: (typeof candidates)[number]): Promise<Wave | null> => {
    if (analysed.has(candidate.id)) return analysed.get(candidate.id)!;
    const survey = await campaignSurvey(context.db, scope.tenantId, candidate.id);
    let wave: Wave | null = null;
    const rollup =
      survey && survey.definition.questions.some((question) => question.type === 'servqual')
        ? await readRollup(context.db, { tenantId: scope.tenantId, campaignId: survey.campaignId, projectIds: [project.id] })
        : null;
    if (survey && rollup && rollup.responses >= minimumWaveAnswers) {
      const analysis = analyseTally(
        survey.definition,
        tallyFromRows(survey.definition, survey.tree, rollup.responses, rollup.counts, rollup.moments),
        survey.tree,
      );
      const { dimensions, scalePoints } = servqualDimensions(analysis, survey.tree ?? fallbackTree);
      if (dimensions.size > 0) wave = { survey, at: new Date(candidate.at), analysis, scalePoints, dimensions };
    }
    analysed.set(candidate.id, wave);
    return wave;
  };
  const byPeriod = new Map<string, Wave | null>();
  for (const period of periods) {
    const end = periodRange(period).end.getTime();
    let found: Wave | null = null;
    for (const candidate of candidates) {
      if (new Date(candidate.at).getTime() >= end) continue;
      found = await analyse(candidate);
      if (found) break;
    }
    byPeriod.set(period, found);
  }
  return byPeriod;
}

/** The company's SERVQUAL indicator tree (the one inspections check against), else the built-in template. */
async function servqualTree(context: Context): Promise<IndicatorTreeNode[]> {
  const row = await findIndicatorTree(context.db, context.principal.tenantId, undefined);
  return (row?.tree as IndicatorTreeNode[] | undefined) ?? indicatorTemplate('servqual-property')?.roots ?? [];
}

type Measured = Omit<Card, 'gap' | 'key' | 'trend' | 'swot'>;
const emptyCard = (unit: Card['unit'], missing: string): Measured => ({ size: null, unit, missing, figures: {}, evidence: [], evidenceTotal: 0 });

function resultsLink(wave: Wave, projectId: string) {
  return `/campaigns/${wave.survey.campaignId}/results?projectId=${projectId}`;
}

function gapOne(
  wave: Wave | null,
  dimensions: readonly { code: string; name: LocalText }[],
  answers: readonly Record<string, number>[],
  projectId: string,
): Measured {
  if (!wave) return emptyCard('points', 'no_wave');
  if (answers.length === 0) return emptyCard('points', 'no_questionnaire');
  const expected = Object.fromEntries(dimensions.map((dimension) => [dimension.code, wave.dimensions.get(dimension.code)?.expectation ?? null]));
  const result = managementPerceptionGap(
    dimensions.map((dimension) => dimension.code),
    answers,
    expected,
  );
  const evidence = result.items.map((item): Evidence => ({
    kind: 'dimension',
    id: item.code,
    title: dimensions.find((dimension) => dimension.code === item.code)?.name['zh-CN'] ?? item.code,
    detail: `管理者预估 ${fixed(item.predicted)}（${item.answers} 人）· 业主期望 ${fixed(item.expected)} · 差 ${fixed(item.difference)}`,
    at: null,
    link: resultsLink(wave, projectId),
  }));
  return {
    size: round2(result.size),
    unit: 'points',
    missing: null,
    figures: { bias: round2(result.bias), managers: answers.length },
    evidence,
    evidenceTotal: evidence.length,
  };
}

function gapTwo(wave: Wave | null, tree: readonly IndicatorTreeNode[], standards: Set<string>): Measured {
  const leaves = tree.flatMap((root) =>
    flattenIndicatorTree([root])
      .filter((node) => !node.children || node.children.length === 0)
      .filter((node) => node.code !== root.code)
      .map((node) => ({ node, dimensionCode: root.code })),
  );
  const result = standardsGap(
    tree.map((root) => ({ code: root.code, weight: root.weight, expectation: wave?.dimensions.get(root.code)?.expectation ?? null })),
    leaves.map(({ node, dimensionCode }) => ({ code: node.code, dimensionCode, hasStandard: Boolean(node.post) || standards.has(node.code) })),
  );
  const nameOf = new Map(tree.flatMap((root) => flattenIndicatorTree([root]).map((node) => [node.code, node.name['zh-CN']] as const)));
  const evidence: Evidence[] = [
    ...result.missing.map((code): Evidence => ({
      kind: 'indicator_standard',
      id: code,
      title: nameOf.get(code) ?? code,
      detail: '没有服务标准：既无巡检岗位，也无旅程触点标准',
      at: null,
      link: '/indicator-systems',
    })),
    ...result.weights
      .filter((check) => check.disagrees)
      .map((check): Evidence => ({
        kind: 'dimension_weight',
        id: check.code,
        title: nameOf.get(check.code) ?? check.code,
        detail: `权重 ${fixed(check.weight)}% · 业主重视度 ${fixed(check.importance)}% · 差 ${fixed(check.difference)} 个百分点`,
        at: null,
        link: '/indicator-systems',
      })),
  ];
  return {
    size: result.size,
    unit: 'count',
    missing: null,
    figures: {
      indicatorsWithoutStandard: result.missing.length,
      weightsDisagreeing: result.weights.filter((check) => check.disagrees).length,
      weightDistance: round2(result.distance),
    },
    evidence,
    evidenceTotal: evidence.length,
  };
}

async function gapThree(context: Context, scope: Scope, range: Range, withEvidence: boolean): Promise<Measured> {
  const [inspections, sla, redLines] = await Promise.all([
    inspectionChecks(context.db, scope, range),
    slaChecks(context.db, scope, range),
    redLineChecks(context.db, scope, range),
  ]);
  const result = deliveryGap({ inspections, sla, redLines });
  if (result.size === null) return emptyCard('percent', 'no_checks');
  const evidence: Evidence[] = withEvidence
    ? [
        ...inspections.deducted.map((item): Evidence => ({
          kind: 'inspection_item',
          id: item.roundId,
          title: `${item.dimension} · ${item.name}`,
          detail: `巡检扣 ${item.deduction} 分${item.note ? `：${item.note}` : ''}`,
          at: item.at,
          link: `/inspections?projectId=${scope.projectId}`,
        })),
        ...sla.breached.map((ticket): Evidence => ({
          kind: 'sla_breach',
          id: ticket.id,
          title: `${ticket.number} ${ticket.title}`,
          detail: `SLA 超时：${named(slaTargetNames, ticket.targets)}`,
          at: ticket.at,
          link: `/service-desk/${ticket.id}`,
        })),
        ...redLines.crossed.map((text): Evidence => ({
          kind: 'red_line',
          id: text.id,
          title: text.body.slice(0, 60),
          detail: `触碰红线：${named(redLineNames, text.redLines)}`,
          at: text.at,
          link: text.ticketId ? `/service-desk/${text.ticketId}` : '/quality?tab=findings',
        })),
      ]
        .sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))
        .slice(0, evidenceLimit)
    : [];
  return {
    size: round2(result.size),
    unit: 'percent',
    missing: null,
    figures: {
      inspectionRounds: inspections.rounds,
      inspectionScore: round2(inspections.meanScore),
      inspectionItems: inspections.checks,
      inspectionDeducted: inspections.failed,
      slaTickets: sla.checks,
      slaBreached: sla.failed,
      qaTexts: redLines.checks,
      redLineTexts: redLines.failed,
    },
    evidence,
    evidenceTotal: result.failed,
  };
}

async function gapFour(context: Context, scope: Scope, range: Range, withEvidence: boolean): Promise<Measured> {
  const now = context.clock.now();
  const [visits, promises, outageRows, noticeRows] = await Promise.all([
    appointments(context.db, scope, range),
    clearPromises(context.db, scope, range),
    outages(context.db, scope, range),
    worksNotices(context.db, scope, range),
  ]);
  type Promised = {
    kind: Evidence['kind'];
    id: string;
    title: string;
    promisedAt: Date | null;
    fulfilledAt: Date | null;
    graceMs: number;
    link: string;
    what: string;
  };
  const all: Promised[] = [
    ...visits.map((row) => ({
      kind: 'appointment' as const,
      id: row.id,
      title: `${row.number} ${row.title}`,
      promisedAt: row.promisedAt,
      fulfilledAt: row.fulfilledAt,
      graceMs: appointmentGraceMs,
      link: `/service-desk/${row.id}`,
      what: '预约上门',
    })),
    ...promises.map((row) => ({
      kind: 'clear_promise' as const,
      id: row.id,
      title: `${row.number} ${row.title}`,
      promisedAt: row.promisedAt,
      fulfilledAt: row.fulfilledAt,
      graceMs: 0,
      link: `/service-desk/${row.id}`,
      what: '承诺解决',
    })),
    ...outageRows.map((row) => ({
      kind: 'outage' as const,
      id: row.id,
      title: row.title,
      promisedAt: row.promisedAt,
      fulfilledAt: row.fulfilledAt,
      graceMs: 0,
      link: `/incidents?open=${row.id}`,
      what: '公告恢复',
    })),
    ...noticeRows.map((row) => ({
      kind: 'notice' as const,
      id: row.id,
      title: row.title,
      promisedAt: row.promisedAt,
      fulfilledAt: row.fulfilledAt,
      graceMs: 0,
      link: '/notices',
      what: '施工开始前告知',
    })),
  ];
  const outcomes = all.map((promise) => ({
    promise,
    outcome: promiseOutcome(new Date(promise.promisedAt!), promise.fulfilledAt ? new Date(promise.fulfilledAt) : null, now, promise.graceMs),
  }));
  const result = promiseGap(outcomes.map((entry) => entry.outcome));
  if (result.size === null) return { ...emptyCard('percent', 'no_promises'), figures: { pending: result.pending } };
  const missedOf = (kind: Evidence['kind']) => outcomes.filter((entry) => entry.promise.kind === kind && entry.outcome === 'missed').length;
  const missed = outcomes.filter((entry) => entry.outcome === 'missed');
  return {
    size: round2(result.size),
    unit: 'percent',
    missing: null,
    figures: {
      kept: result.kept,
      missed: result.missed,
      pending: result.pending,
      appointmentsMissed: missedOf('appointment'),
      clearPromisesMissed: missedOf('clear_promise'),
      outagesOverrun: missedOf('outage'),
      noticesLate: missedOf('notice'),
    },
    evidence: withEvidence
      ? missed.slice(0, evidenceLimit).map(({ promise }) => ({
          kind: promise.kind,
          id: promise.id,
          title: promise.title,
          detail: `${promise.what} ${dayText(promise.promisedAt)}，实际 ${dayText(promise.fulfilledAt)}`,
          at: promise.promisedAt ? new Date(promise.promisedAt) : null,
          link: promise.link,
        }))
      : [],
    evidenceTotal: missed.length,
  };
}

function gapFive(wave: Wave | null, dimensions: readonly { code: string; name: LocalText }[], projectId: string): Measured {
  if (!wave) return emptyCard('points', 'no_wave');
  const servqual = wave.analysis.servqual;
  const raw = servqual?.weightedGap ?? servqual?.totalGap ?? null;
  if (raw === null) return emptyCard('points', 'no_servqual');
  const evidence = [...wave.dimensions].map(([code, dimension]): Evidence => ({
    kind: 'dimension',
    id: code,
    title: dimensions.find((item) => item.code === code)?.name['zh-CN'] ?? code,
    detail: `期望 ${fixed(dimension.expectation, 2)} · 感知 ${fixed(dimension.perception, 2)} · 差距 ${fixed(dimension.gap, 2)}`,
    at: wave.at,
    link: resultsLink(wave, projectId),
  }));
  return {
    size: round2(differenceOnSevenPoints(raw, wave.scalePoints)),
    unit: 'points',
    missing: null,
    figures: {
      weightedGap: round2(
        servqual?.weightedGap === null || servqual?.weightedGap === undefined ? null : differenceOnSevenPoints(servqual.weightedGap, wave.scalePoints),
      ),
      totalGap: round2(servqual?.totalGap === null || servqual?.totalGap === undefined ? null : differenceOnSevenPoints(servqual.totalGap, wave.scalePoints)),
      responses: wave.analysis.responses,
    },
    evidence: evidence.sort((a, b) => a.detail.localeCompare(b.detail)),
    evidenceTotal: evidence.length,
  };
}

function presentSwot(
  note: {
    id: string;
    projectId: string;
    period: string;
    gap: number;
    strengths: string;
    weaknesses: string;
    opportunities: string;
    threats: string;
    createdAt: Date;
    updatedAt: Date;
    updatedById: string;
  },
  updatedByName: string,
): Swot {
  return {
    key: gapKey(note.projectId, note.period, note.gap as GapNumber),
    gap: note.gap as GapNumber,
    strengths: note.strengths,
    weaknesses: note.weaknesses,
    opportunities: note.opportunities,
    threats: note.threats,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    updatedById: note.updatedById,
    updatedByName,
  };
}

async function readableProject(context: Context, projectId: string): Promise<Project> {
  requirePermission(context.principal, 'gap.read');
  requireProjectScope(context.principal, projectId);
  const project = await findProject(context.db, { tenantId: context.principal.tenantId, projectId });
  if (!project) throw notFound();
  return project;
}

export async function gapWorkspaceOf(context: Context, query: z.output<typeof gapQuery>): Promise<GapWorkspace> {
  const project = await readableProject(context, query.projectId);
  const scope = { tenantId: context.principal.tenantId, projectId: project.id };
  const period = query.period ?? periodOf(context.clock.now());
  const periods = periodsUpTo(period, trendQuarters);
  const tree = await servqualTree(context);
  const [waves, answers, standards, notes] = await Promise.all([
    wavesFor(context, project, periods, tree),
    questionnaireAnswers(context.db, scope, periods),
    journeyStandardCodes(context.db, scope, project.type),
    swotNotes(context.db, scope, period),
  ]);
  const dimensions = tree.map((root) => ({ code: root.code, name: root.name }));
  const answersIn = (quarter: string) => answers.filter((row) => row.period === quarter).map((row) => row.answers as Record<string, number>);

  const measure = async (quarter: string, withEvidence: boolean): Promise<Measured[]> => {
    const wave = waves.get(quarter) ?? null;
    const range = periodRange(quarter);
    return [
      gapOne(wave, dimensions, answersIn(quarter), project.id),
      gapTwo(wave, tree, standards),
      await gapThree(context, scope, range, withEvidence),
      await gapFour(context, scope, range, withEvidence),
      gapFive(wave, dimensions, project.id),
    ];
  };
  const earlier: Measured[][] = [];
  for (const quarter of periods.slice(0, -1)) earlier.push(await measure(quarter, false));
  const current = await measure(period, true);
  const wave = waves.get(period) ?? null;
  const mine = answers.find((row) => row.period === period && row.staffId === context.principal.staffId);
  return {
    projectId: project.id,
    projectName: project.name,
    period,
    wave: wave && {
      campaignId: wave.survey.campaignId,
      name: wave.survey.name,
      at: wave.at,
      responses: wave.analysis.responses,
      scalePoints: wave.scalePoints,
    },
    gaps: current.map((measured, index): Card => {
      const gap = (index + 1) as GapNumber;
      const note = notes.find((row) => row.note.gap === gap);
      return {
        ...measured,
        gap,
        key: gapKey(project.id, period, gap),
        trend: periods.map((quarter, at) => ({ period: quarter, size: at === periods.length - 1 ? measured.size : earlier[at]![index]!.size })),
        swot: note ? presentSwot(note.note, note.updatedByName ?? '') : null,
      };
    }),
    questionnaire: {
      dimensions,
      mine: mine ? (mine.answers as Record<string, number>) : null,
      respondents: answersIn(period).length,
    },
    canWrite: can(context.principal, 'gap.analyse'),
  };
}

async function writableProject(context: Context, projectId: string, period: string): Promise<Project> {
  requirePermission(context.principal, 'gap.analyse');
  requireProjectScope(context.principal, projectId);
  const project = await findProject(context.db, { tenantId: context.principal.tenantId, projectId });
  if (!project) throw notFound();
  if (periodRange(period).start.getTime() > context.clock.now().getTime())
    throw fieldProblem('period', { 'zh-CN': '该季度尚未开始，不能填写分析', 'en-US': 'That quarter has not started yet' });
  return project;
}

const swotFields = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

/** Saves the SWOT beside one gap (one per gap, rewritten in place); the audit row keeps before and after. */
export async function saveGapSwot(context: Context, input: z.output<typeof gapSwotInput>): Promise<Swot> {
  const project = await writableProject(context, input.projectId, input.period);
  if (swotFields.every((field) => input[field] === ''))
    throw fieldProblem('strengths', {
      'zh-CN': '请至少填写优势、劣势、机会、威胁中的一项',
      'en-US': 'Write at least one of strengths, weaknesses, opportunities, threats',
    });
  const scope = { tenantId: context.principal.tenantId, projectId: project.id };
  const now = context.clock.now();
  const text = Object.fromEntries(swotFields.map((field) => [field, input[field]])) as Record<(typeof swotFields)[number], string>;
  const saved = await context.db.transaction(async (tx) => {
    const before = await findSwot(tx, scope, input.period, input.gap);
    const row = before
      ? await updateSwot(tx, scope.tenantId, before.id, { ...text, updatedById: context.principal.staffId, updatedAt: now })
      : await insertSwot(tx, {
          tenantId: scope.tenantId,
          projectId: project.id,
          period: input.period,
          gap: input.gap,
          ...text,
          createdById: context.principal.staffId,
          createdAt: now,
          updatedById: context.principal.staffId,
          updatedAt: now,
        });
    await recordAudit(tx, context, {
      action: before ? 'update' : 'create',
      entityType: 'gap_swot',
      entityId: row.id,
      summary: `${project.name} ${input.period} 差距${input.gap} SWOT 分析`,
      before: before ?? null,
      after: row,
    });
    return row;
  });
  return presentSwot(saved, context.principal.name);
}

/** Gap 1's questionnaire: every SERVQUAL dimension of the company's tree answered 1–7, once per manager and quarter (a second answer replaces the first). */
export async function saveGapQuestionnaire(
  context: Context,
  input: z.output<typeof gapQuestionnaireInput>,
): Promise<{ answers: Record<string, number>; updatedAt: Date }> {
  const project = await writableProject(context, input.projectId, input.period);
  const dimensions = (await servqualTree(context)).map((root) => root.code);
  for (const code of Object.keys(input.answers))
    if (!dimensions.includes(code)) throw fieldProblem(`answers.${code}`, { 'zh-CN': '不是服务质量维度', 'en-US': 'Not a service quality dimension' });
  const unanswered = dimensions.find((code) => input.answers[code] === undefined);
  if (unanswered) throw fieldProblem(`answers.${unanswered}`, { 'zh-CN': '请为每个维度打分（1–7）', 'en-US': 'Rate every dimension (1–7)' });
  const now = context.clock.now();
  const saved = await context.db.transaction(async (tx) => {
    const row = await upsertQuestionnaire(tx, {
      tenantId: context.principal.tenantId,
      projectId: project.id,
      period: input.period,
      staffId: context.principal.staffId,
      answers: input.answers,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'gap_questionnaire',
      entityId: row.id,
      summary: `${project.name} ${input.period} 管理者期望问卷`,
      after: row,
    });
    return row;
  });
  return { answers: saved.answers as Record<string, number>, updatedAt: saved.updatedAt };
}
