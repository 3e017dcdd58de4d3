/**
 * The role homes (issue 16 §1–2): company overview with drill-down region → project → building,
 * fair rankings of projects, the project manager's home and the steward's home.
 *
 * Scope: admins and the quality department see the company; a project manager sees the projects
 * assigned to them (their "company" level is the sum of those). Rankings name every project of the
 * company to every reader who may read analytics: a league table within the company is the point of
 * 适度竞争 (seed 002); the figures are aggregates, no owner record leaves its project.
 */
import {
  analyseTally,
  compareNpsWithCompany,
  compareRateWithCompany,
  competitionRanks,
  shanghaiDate,
  shanghaiMidnight,
  addLocalDays,
  type SurveyDefinition,
} from '@manyi/core';
import type {
  AnalyticsLevel,
  Figures,
  OverviewQuery,
  RankingMetric,
  TargetBody,
  overviewView,
  projectHomeView,
  rankingView,
  stewardHomeView,
} from '@manyi/contracts/analytics';
import { rankingMetrics } from '@manyi/contracts/analytics';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { requirePermission, requireProjectScope } from '../policy/policy';
import { tallyFromRows } from '../results/cells';
import { campaignSurvey, readRollup } from '../results/repository';
import { conversionCounts } from '../survey-followups/repository';
import { emptySurvey, figuresOf, sumRows, surveyByKey, type KeyRows, type WaveQuestions } from './figures';
import {
  answerCounts,
  buildingRow,
  buildingsOf,
  campaignsWithResults,
  feeTotals,
  lastRefresh,
  noPlace,
  noticeReads,
  openFollowups,
  placeNow,
  projectsOf,
  regionsOf,
  stewardQueue,
  stewardRatings,
  stewardVisitsDue,
  surveyDefinitionOf,
  targetsOf,
  ticketMonths,
  upsertTargets,
  type CampaignRow,
  type Grouping,
  type ScopeFilter,
} from './repository';

type OverviewView = z.infer<typeof overviewView>;
type RankingView = z.infer<typeof rankingView>;
type ProjectHomeView = z.infer<typeof projectHomeView>;
type StewardHomeView = z.infer<typeof stewardHomeView>;

const currentMonthOf = (context: Context) => shanghaiDate(context.clock.now()).slice(0, 7);
const monthStart = (month: string) => `${month}-01`;
const monthsBack = (month: string, count: number) => {
  let day = monthStart(month);
  for (let i = 0; i < count; i += 1) day = `${addLocalDays(day, -1).slice(0, 7)}-01`;
  return day.slice(0, 7);
};

function waveQuestions(campaign: CampaignRow, definition: unknown): WaveQuestions {
  const questions = (definition as SurveyDefinition | undefined)?.questions ?? [];
  return {
    campaignId: campaign.id,
    satisfactionKey: questions.find((question) => question.overall && question.type === 'satisfaction')?.key ?? null,
    npsKey: questions.find((question) => question.type === 'nps')?.key ?? null,
  };
}

const asked = (wave: WaveQuestions | null) =>
  wave
    ? [wave.satisfactionKey, wave.npsKey].filter((key): key is string => key !== null).map((questionKey) => ({ campaignId: wave.campaignId, questionKey }))
    : [];

/** The wave of the figures: the one asked for, or the newest with responses in scope. */
async function chooseWave(
  context: Context,
  filter: ScopeFilter,
  campaignId: string | undefined,
): Promise<{ campaign: CampaignRow; wave: WaveQuestions } | null> {
  const candidates = await campaignsWithResults(context.db, filter, campaignId ? 50 : 1);
  const campaign = campaignId ? candidates.find((row) => row.id === campaignId) : candidates[0];
  if (campaignId && !campaign) throw notFound();
  if (!campaign) return null;
  return {
    campaign,
    wave: waveQuestions(campaign, await surveyDefinitionOf(context.db, context.principal.tenantId, campaign.surveyId, campaign.surveyVersion)),
  };
}

/**
 * The headline answer counts of a wave under a filter, kept 20 s per instance: at 2,000 projects
 * they are hundreds of thousands of index rows, and the survey rollup they read lags its
 * responses by ~5 s, so a figure stays within half a minute of the answers.
 */
function cachedAnswerCounts(context: Context, filter: ScopeFilter, grouping: Grouping, questions: { campaignId: string; questionKey: string }[]) {
  const key = `answers/${JSON.stringify([filter, grouping, questions])}`;
  return remembered(context, key, () => answerCounts(context.db, filter, grouping, questions), 20_000);
}

/** Every rollup row of the filter grouped by `grouping`, keyed, for one month and one wave. */
async function rowsByKey(context: Context, filter: ScopeFilter, grouping: Grouping, month: string, wave: WaveQuestions | null): Promise<Map<string, KeyRows>> {
  const [tickets, places, answers, fees] = await Promise.all([
    ticketMonths(context.db, filter, grouping, monthStart(month), monthStart(month), false),
    placeNow(context.db, filter, grouping),
    cachedAnswerCounts(context, filter, grouping, asked(wave)),
    feeTotals(context.db, filter, grouping, monthStart(month), monthStart(month)),
  ]);
  const survey = wave ? surveyByKey(answers, wave) : new Map();
  // Keyed once: at the project level there are thousands of keys, and a search per key would be quadratic.
  const ticketsOf = new Map(tickets.map((row) => [row.key, row]));
  const placeOf = new Map(places.map((row) => [row.key, row]));
  const feeOf = new Map(fees.map((row) => [row.key, row]));
  const keys = new Set([...ticketsOf.keys(), ...placeOf.keys(), ...survey.keys(), ...feeOf.keys()]);
  return new Map([...keys].map((key) => [key, { tickets: ticketsOf.get(key), place: placeOf.get(key), survey: survey.get(key), fee: feeOf.get(key) }]));
}

type Scope = { level: AnalyticsLevel; id: string | null; name: string; filter: ScopeFilter; path: OverviewView['path']; projectIds: string[] | null };

// Data names, like project names; the console shows its own label for the company and for the nil id (no region, no building).
const companyName = '全公司';
const unplacedName = (level: 'region' | 'building') => (level === 'region' ? '未分区' : '未关联楼栋');

async function resolveScope(context: Context, level: AnalyticsLevel, id: string | undefined): Promise<Scope> {
  const tenantId = context.principal.tenantId;
  const projectIds = context.principal.projectIds;
  const company = { level: 'company' as const, id: null, name: companyName };
  const base: ScopeFilter = { tenantId, projectIds };
  if (level === 'company') return { ...company, filter: base, path: [company], projectIds };
  if (!id) throw notFound();
  const regions = await regionsOf(context.db, tenantId);
  const regionRef = (regionId: string | null) => ({
    level: 'region' as const,
    id: regionId ?? noPlace,
    name: regions.find((region) => region.id === regionId)?.name ?? unplacedName('region'),
  });
  if (level === 'region') {
    if (id !== noPlace && !regions.some((region) => region.id === id)) throw notFound();
    const inRegion = (await projectsOf(context.db, tenantId, projectIds))
      .filter((project) => (project.regionId ?? noPlace) === id)
      .map((project) => project.id);
    const ref = regionRef(id === noPlace ? null : id);
    return { ...ref, filter: { ...base, regionId: id }, path: [company, ref], projectIds: inRegion };
  }
  const projectId = level === 'project' ? id : (await buildingRow(context.db, tenantId, id))?.projectId;
  if (!projectId) throw notFound();
  requireProjectScope(context.principal, projectId);
  const [project] = await projectsOf(context.db, tenantId, [projectId]);
  if (!project) throw notFound();
  const projectRef = { level: 'project' as const, id: project.id, name: project.name };
  const path = [company, regionRef(project.regionId), projectRef];
  if (level === 'project') return { ...projectRef, filter: { ...base, projectId }, path, projectIds: [projectId] };
  const building = await buildingRow(context.db, tenantId, id);
  const buildingRef = { level: 'building' as const, id, name: building?.name ?? unplacedName('building') };
  return { ...buildingRef, filter: { ...base, projectId, buildingId: id }, path: [...path, buildingRef], projectIds: [projectId] };
}

const childLevels: Record<AnalyticsLevel, AnalyticsLevel | null> = { company: 'region', region: 'project', project: 'building', building: null };
const groupings: Record<AnalyticsLevel, Grouping> = { company: 'region', region: 'project', project: 'building', building: 'total' };

async function childNames(context: Context, scope: Scope, childLevel: AnalyticsLevel | null): Promise<Map<string, string>> {
  const tenantId = context.principal.tenantId;
  if (childLevel === 'region') {
    const names = new Map((await regionsOf(context.db, tenantId)).map((region) => [region.id, region.name]));
    names.set(noPlace, unplacedName('region'));
    return names;
  }
  if (childLevel === 'project') return new Map((await projectsOf(context.db, tenantId, scope.projectIds)).map((project) => [project.id, project.name]));
  if (childLevel === 'building' && scope.id) {
    const names = new Map((await buildingsOf(context.db, tenantId, scope.id)).map((building) => [building.id, building.name]));
    names.set(noPlace, unplacedName('building'));
    return names;
  }
  return new Map();
}

/**
 * The two headline figures that read more than the headline rows — the weighted index (the wave's
 * whole rollup) and detractor conversion (the two waves' responses) — are kept per instance for
 * 30 s per scope: at 2,000 projects they cost seconds, and a home is refreshed every minute.
 * Within the 60 s freshness budget either way.
 */
const slowFigures = new Map<string, { at: number; value: Promise<unknown> }>();
const slowFiguresTtlMs = 30_000;

function remembered<T>(context: Context, key: string, load: () => Promise<T>, ttlMs = slowFiguresTtlMs): Promise<T> {
  const now = context.clock.now().getTime();
  const hit = slowFigures.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  if (slowFigures.size > 5_000) slowFigures.clear();
  const value = load();
  slowFigures.set(key, { at: now, value });
  value.catch(() => slowFigures.delete(key));
  return value;
}

const scopeKey = (context: Context, scope: Scope, campaignId: string) =>
  [context.principal.tenantId, campaignId, scope.level, scope.id ?? '', scope.projectIds?.join(',') ?? '*'].join('/');

/** The wave's weighted satisfaction index under the scope, as the results page computes it (analyseTally of the rollup cells). */
function weightedIndex(context: Context, scope: Scope, campaignId: string): Promise<number | null> {
  return remembered(context, `index/${scopeKey(context, scope, campaignId)}`, () => computeWeightedIndex(context, scope, campaignId));
}

async function computeWeightedIndex(context: Context, scope: Scope, campaignId: string): Promise<number | null> {
  const survey = await campaignSurvey(context.db, context.principal.tenantId, campaignId);
  if (!survey?.tree) return null;
  const rollup = await readRollup(context.db, {
    tenantId: context.principal.tenantId,
    campaignId,
    projectIds: scope.projectIds,
    buildingId: scope.filter.buildingId,
  });
  const tally = tallyFromRows(survey.definition, survey.tree, rollup.responses, rollup.counts, rollup.moments);
  return analyseTally(survey.definition, tally, survey.tree).weightedIndex?.index ?? null;
}

/** Issue 4 §7's detractor conversion under the scope: earlier detractors now passive or promoter ÷ those who answered. */
function detractorConversion(context: Context, scope: Scope, campaign: CampaignRow, wave: WaveQuestions): Promise<OverviewView['detractorConversion']> {
  return remembered(context, `conversion/${scopeKey(context, scope, campaign.id)}`, () => computeConversion(context, scope, campaign, wave));
}

async function computeConversion(context: Context, scope: Scope, campaign: CampaignRow, wave: WaveQuestions): Promise<OverviewView['detractorConversion']> {
  if (!campaign.previousCampaignId || scope.level === 'building' || !wave.npsKey) return null;
  const [previous] = (await campaignsWithResults(context.db, { tenantId: context.principal.tenantId, projectIds: null }, 50)).filter(
    (row) => row.id === campaign.previousCampaignId,
  );
  if (!previous) return null;
  const previousWave = waveQuestions(previous, await surveyDefinitionOf(context.db, context.principal.tenantId, previous.surveyId, previous.surveyVersion));
  if (!previousWave.npsKey) return null;
  const counts = await conversionCounts(context.db, {
    tenantId: context.principal.tenantId,
    previousCampaignId: previous.id,
    campaignId: campaign.id,
    previousKey: previousWave.npsKey,
    currentKey: wave.npsKey,
    projectIds: scope.projectIds,
  });
  const rated = counts.promoters + counts.passives + counts.detractors;
  return {
    converted: counts.promoters + counts.passives,
    previousDetractors: counts.previousDetractors,
    rate: rated === 0 ? null : (counts.promoters + counts.passives) / rated,
  };
}

export async function overview(context: Context, query: OverviewQuery): Promise<OverviewView> {
  requirePermission(context.principal, 'analytics.read');
  const scope = await resolveScope(context, query.level, query.id);
  const month = query.month ?? currentMonthOf(context);
  const isCurrent = month === currentMonthOf(context);
  const chosen = await chooseWave(context, scope.filter, query.campaignId);
  const wave = chosen?.wave ?? null;
  const childLevel = childLevels[scope.level];
  const [byKey, names, monthly, waves, asOf] = await Promise.all([
    rowsByKey(context, scope.filter, groupings[scope.level], month, wave),
    childNames(context, scope, childLevel),
    trendMonths(context, scope.filter, month),
    trendWaves(context, scope.filter),
    lastRefresh(context.db, context.principal.tenantId),
  ]);
  const children = childLevel
    ? [...byKey.entries()]
        .map(([id, rows]) => ({ id, name: names.get(id) ?? id, figures: figuresOf(rows, isCurrent) }))
        .sort((a, b) => (a.id === noPlace ? 1 : b.id === noPlace ? -1 : a.name.localeCompare(b.name, 'zh-CN')))
    : [];
  // The headline is the children added up: a dashboard and its drill-down cannot disagree.
  const headline = figuresOf(sumRows([...byKey.values()]), isCurrent);
  const [index, conversion] = chosen
    ? await Promise.all([weightedIndex(context, scope, chosen.campaign.id), detractorConversion(context, scope, chosen.campaign, chosen.wave)])
    : [null, null];
  return {
    scope: { level: scope.level, id: scope.id, name: scope.name },
    path: scope.path,
    month,
    campaign: chosen ? { id: chosen.campaign.id, name: chosen.campaign.name } : null,
    asOf,
    headline,
    weightedIndex: index,
    detractorConversion: conversion,
    childLevel,
    children,
    trendMonths: monthly,
    trendWaves: waves,
  };
}

async function trendMonths(context: Context, filter: ScopeFilter, month: string): Promise<OverviewView['trendMonths']> {
  const from = monthsBack(month, 11);
  const [rows, places] = await Promise.all([
    ticketMonths(context.db, filter, 'total', monthStart(from), monthStart(month), true),
    placeNow(context.db, filter, 'total'),
  ]);
  const households = places[0]?.households ?? 0;
  const months: string[] = [];
  for (let current = from; months.length < 12; current = `${addLocalDays(`${current}-28`, 5).slice(0, 7)}`) months.push(current);
  const place = { key: 'total', households, open: 0, overdue: 0, dueToday: 0, openComplaints: 0 };
  return months.map((m) => ({
    month: m,
    figures: figuresOf({ tickets: rows.find((row) => row.month === m), place, survey: undefined, fee: undefined }, false),
  }));
}

async function trendWaves(context: Context, filter: ScopeFilter): Promise<OverviewView['trendWaves']> {
  const campaigns = (await campaignsWithResults(context.db, filter, 6)).reverse();
  const waves = await Promise.all(
    campaigns.map(async (campaign) =>
      waveQuestions(campaign, await surveyDefinitionOf(context.db, context.principal.tenantId, campaign.surveyId, campaign.surveyVersion)),
    ),
  );
  const answers = await cachedAnswerCounts(context, filter, 'total', waves.flatMap(asked));
  return campaigns.map((campaign, index) => {
    const survey = surveyByKey(answers, waves[index]!).get('total') ?? emptySurvey();
    const figures = figuresOf({ tickets: undefined, place: undefined, survey, fee: undefined }, false);
    return { campaignId: campaign.id, name: campaign.name, createdAt: campaign.createdAt, satisfaction: figures.satisfaction, nps: figures.nps.score };
  });
}

// ---- rankings ----

const higherIsBetter: Record<RankingMetric, boolean> = {
  satisfaction: true,
  nps: true,
  sla: true,
  complaintsPer1000: false,
  repeatComplaints: false,
  visits: true,
};

type RateCounts = { satisfied: number; valid: number };

/** The counts a metric is tested on (a rate's numerator and base); null for NPS, which is tested on its three counts. */
function rateCounts(metric: RankingMetric, figures: Figures): RateCounts | null {
  switch (metric) {
    case 'satisfaction':
      return { satisfied: figures.satisfaction.count, valid: figures.satisfaction.base };
    case 'sla':
      return { satisfied: figures.sla.met, valid: figures.sla.judged + figures.sla.overdueNow };
    case 'complaintsPer1000':
      return { satisfied: figures.complaints.count, valid: figures.complaints.households };
    case 'repeatComplaints':
      return { satisfied: figures.repeatComplaints.count, valid: figures.repeatComplaints.base };
    case 'visits':
      return { satisfied: figures.visits.count, valid: figures.visits.base };
    case 'nps':
      return null;
  }
}

type ProjectTable = { month: string; campaign: CampaignRow | null; projects: { id: string; name: string; figures: Figures }[]; company: Figures };

/**
 * Every project's figures for the month and wave, and the company's as their sum (the ranking's
 * population). Kept 10 s per instance and reader scope: the project homes of a company all rank
 * against the same table, which at 2,000 projects costs about a second to build.
 */
function projectTable(context: Context, monthQuery: string | undefined, campaignId: string | undefined): Promise<ProjectTable> {
  const key = `table/${context.principal.tenantId}/${monthQuery ?? ''}/${campaignId ?? ''}/${context.principal.projectIds?.join(',') ?? '*'}`;
  return remembered(context, key, () => buildProjectTable(context, monthQuery, campaignId), 10_000);
}

async function buildProjectTable(context: Context, monthQuery: string | undefined, campaignId: string | undefined): Promise<ProjectTable> {
  const month = monthQuery ?? currentMonthOf(context);
  const isCurrent = month === currentMonthOf(context);
  const filter: ScopeFilter = { tenantId: context.principal.tenantId, projectIds: null };
  // The wave is one the reader can see (with responses in their projects); its figures are then every project's.
  const chosen = await chooseWave(context, { ...filter, projectIds: context.principal.projectIds }, campaignId);
  const [byKey, projects] = await Promise.all([
    rowsByKey(context, filter, 'project', month, chosen?.wave ?? null),
    projectsOf(context.db, context.principal.tenantId, null),
  ]);
  return {
    month,
    campaign: chosen?.campaign ?? null,
    projects: projects.map((project) => ({
      id: project.id,
      name: project.name,
      figures: figuresOf(byKey.get(project.id) ?? { tickets: undefined, place: undefined, survey: undefined, fee: undefined }, isCurrent),
    })),
    company: figuresOf(sumRows([...byKey.values()]), isCurrent),
  };
}

function rank(table: ProjectTable, metric: RankingMetric, mine: (projectId: string) => boolean): RankingView {
  const companyRate = rateCounts(metric, table.company);
  const rows = table.projects.map((project) => {
    const counts = rateCounts(metric, project.figures);
    if (counts && companyRate) {
      const comparison = compareRateWithCompany(counts, companyRate);
      const scale = metric === 'complaintsPer1000' ? 1000 : 1;
      return {
        projectId: project.id,
        name: project.name,
        value: comparison.value === null ? null : comparison.value * scale,
        n: comparison.n,
        differenceFromCompany: comparison.differenceFromCompany === null ? null : comparison.differenceFromCompany * scale,
        marginOfError: null,
        pValue: comparison.pValue,
        mark: comparison.mark,
        mine: mine(project.id),
      };
    }
    const comparison = compareNpsWithCompany(project.figures.nps, table.company.nps);
    return {
      projectId: project.id,
      name: project.name,
      value: comparison.value,
      n: comparison.n,
      differenceFromCompany: comparison.differenceFromCompany,
      marginOfError: comparison.marginOfError,
      pValue: null,
      mark: comparison.mark,
      mine: mine(project.id),
    };
  });
  const ranks = competitionRanks(
    rows.map((row) => row.value),
    higherIsBetter[metric],
  );
  const ranked = rows.map((row, index) => ({ ...row, rank: ranks[index] ?? null }));
  ranked.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name, 'zh-CN'));
  const companyValue =
    companyRate === null
      ? { value: table.company.nps.score, n: table.company.nps.promoters + table.company.nps.passives + table.company.nps.detractors }
      : {
          value: companyRate.valid === 0 ? null : (companyRate.satisfied / companyRate.valid) * (metric === 'complaintsPer1000' ? 1000 : 1),
          n: companyRate.valid,
        };
  return {
    metric,
    month: table.month,
    campaign: table.campaign ? { id: table.campaign.id, name: table.campaign.name } : null,
    higherIsBetter: higherIsBetter[metric],
    company: companyValue,
    rows: ranked,
  };
}

const isMine = (context: Context) => (projectId: string) => context.principal.projectIds?.includes(projectId) ?? false;

/**
 * Every project of the company ranked; a reader limited to some projects sees the others as
 * unnamed peers (no id, no name), so the league table stays visible without opening other
 * projects' records to them (ARCHITECTURE: a record outside the caller's scope does not exist for them).
 */
export async function rankings(
  context: Context,
  query: { metric: RankingMetric; month?: string | undefined; campaignId?: string | undefined },
): Promise<RankingView> {
  requirePermission(context.principal, 'analytics.read');
  const ranking = rank(await projectTable(context, query.month, query.campaignId), query.metric, isMine(context));
  if (context.principal.projectIds === null) return ranking;
  const visible = new Set(context.principal.projectIds);
  return { ...ranking, rows: ranking.rows.map((row) => (row.projectId && visible.has(row.projectId) ? row : { ...row, projectId: null, name: '' })) };
}

// ---- project manager's home ----

export async function projectHome(
  context: Context,
  query: { projectId?: string | undefined; month?: string | undefined; campaignId?: string | undefined },
): Promise<ProjectHomeView> {
  requirePermission(context.principal, 'analytics.read');
  const tenantId = context.principal.tenantId;
  const mine = await projectsOf(context.db, tenantId, context.principal.projectIds);
  const projectId = query.projectId ?? mine[0]?.id;
  if (!projectId) throw notFound();
  requireProjectScope(context.principal, projectId);
  const project = mine.find((row) => row.id === projectId);
  if (!project) throw notFound();
  const table = await projectTable(context, query.month, query.campaignId);
  const figures = table.projects.find((row) => row.id === projectId)?.figures ?? table.company;
  const since = shanghaiMidnight(addLocalDays(shanghaiDate(context.clock.now()), -90));
  const [targets, followups, notices] = await Promise.all([
    targetsOf(context.db, tenantId, projectId),
    openFollowups(context.db, tenantId, projectId),
    noticeReads(context.db, tenantId, projectId, since),
  ]);
  return {
    project: { id: project.id, name: project.name },
    projects: mine.map((row) => ({ id: row.id, name: row.name })),
    month: table.month,
    campaign: table.campaign ? { id: table.campaign.id, name: table.campaign.name } : null,
    figures,
    company: table.company,
    targets,
    ranks: rankingMetrics.map((metric) => {
      const ranking = rank(table, metric, () => false);
      const row = ranking.rows.find((entry) => entry.projectId === projectId);
      return { metric, rank: row?.rank ?? null, of: ranking.rows.filter((entry) => entry.rank !== null).length, mark: row?.mark ?? 'no_data' };
    }),
    openFollowups: followups,
    notices: { ...notices, rate: notices.delivered === 0 ? null : notices.read / notices.delivered },
  };
}

export async function setTargets(context: Context, projectId: string, body: TargetBody): Promise<TargetBody> {
  requirePermission(context.principal, 'analytics.manage');
  requireProjectScope(context.principal, projectId);
  const tenantId = context.principal.tenantId;
  const [project] = await projectsOf(context.db, tenantId, [projectId]);
  if (!project) throw notFound();
  await context.db.transaction(async (tx) => {
    const before = await targetsOf(tx, tenantId, projectId);
    await upsertTargets(tx, { tenantId, projectId, ...body }, context.clock.now());
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'project_targets',
      entityId: projectId,
      summary: `设定项目目标 ${project.name}`,
      before,
      after: body,
    });
  });
  return targetsOf(context.db, tenantId, projectId);
}

// ---- steward's home ----

export async function stewardHome(context: Context): Promise<StewardHomeView> {
  const tenantId = context.principal.tenantId;
  const staffId = context.principal.staffId;
  const now = context.clock.now();
  const month = currentMonthOf(context);
  const [queue, ratings, due] = await Promise.all([
    stewardQueue(context.db, tenantId, staffId, now),
    stewardRatings(context.db, tenantId, staffId, shanghaiMidnight(monthStart(month))),
    stewardVisitsDue(context.db, tenantId, staffId, 20),
  ]);
  return {
    month,
    queue,
    ratings: {
      rated: ratings.rated,
      satisfied: ratings.satisfied,
      rate: ratings.rated === 0 ? null : ratings.satisfied / ratings.rated,
      mean: ratings.rated === 0 ? null : ratings.sum / ratings.rated,
    },
    visitsDue: due.map((row) => ({ ...row, visitDueAt: new Date(row.visitDueAt), overdue: new Date(row.visitDueAt).getTime() < now.getTime() })),
  };
}
