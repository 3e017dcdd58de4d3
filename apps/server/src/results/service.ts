/**
 * Campaign results (issue 4 §6): the rollup cells of the caller's filter merged into one tally and
 * analysed with the campaign's pinned survey version and indicator tree (@manyi/core analyseTally),
 * the response rate per project and building, and the comparison with the previous wave.
 *
 * Scope: the quality department and admins see every project; a project manager sees only their
 * projects — unfiltered means "all of mine", and a project outside them reads as empty.
 * The owner-tag filter cannot use the rollups (tags belong to people, not cells): it tallies the
 * matching responses themselves and says so with source 'raw'.
 */
import {
  analyseTally,
  compareWaves,
  flattenIndicatorTree,
  questionKeysForPost,
  tallyResponses,
  type LocalText,
  type SurveyAnalysis,
  type WaveComparison,
} from '@manyi/core';
import { buildingRows, projectNames } from '../campaigns/repository';
import { campaignInScope } from '../campaigns/service';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { requirePermission, scopedProjectIds } from '../policy/policy';
import { runResultsAggregation, type AggregationResult } from './aggregator';
import { noPlace, tallyFromRows } from './cells';
import { queuedCount } from '../responses/queue';
import {
  answersWithTags,
  campaignSurvey,
  cellResponses,
  invitedPerPlace,
  readRollup,
  type CampaignSurvey,
  type CellFilter,
  type PlaceCount,
} from './repository';
import type { ResultsQuery } from '@manyi/contracts/results';

export type ResponseRateRow = { id: string; name: string; projectId: string; invited: number; completed: number; responseRate: number | null };

export type WaveSummary = {
  campaignId: string;
  name: string;
  createdAt: Date;
  responses: number;
  satisfactionRate: number | null;
  nps: number | null;
  weightedIndex: number | null;
};

export type CampaignResults = {
  campaign: { id: string; name: string; previousCampaignId: string | null };
  filter: ResultsQuery;
  /** rollup: from the aggregated cells; raw: read from the responses (owner-tag filter), slower. */
  source: 'rollup' | 'raw';
  /** Complete responses the aggregator has not counted yet (the rollup lags by about 5 s). */
  pending: number;
  analysis: SurveyAnalysis;
  /** Names of the indicator tree's nodes by code (dimensions, indicators), for labelling the charts. */
  indicatorNames: Record<string, LocalText>;
  responseRates: { total: Omit<ResponseRateRow, 'id' | 'name' | 'projectId'>; projects: ResponseRateRow[]; buildings: ResponseRateRow[] };
  previous: { campaignId: string; name: string; responses: number; comparison: WaveComparison } | null;
  /** The headline figures of this wave and up to five earlier ones, oldest first. */
  trend: WaveSummary[];
};

const maxEarlierWaves = 5;

function cellFilter(context: Context, campaignId: string, query: ResultsQuery): CellFilter {
  return { tenantId: context.principal.tenantId, campaignId, projectIds: scopedProjectIds(context.principal, query.projectId), buildingId: query.buildingId };
}

/** The analysis of one campaign under a filter, from the rollups or (owner tags) the raw responses. */
async function analyse(context: Context, survey: CampaignSurvey, query: ResultsQuery): Promise<{ analysis: SurveyAnalysis; source: 'rollup' | 'raw' }> {
  const filter = cellFilter(context, survey.campaignId, query);
  const questionKeys = query.post ? questionKeysForPost(survey.definition, survey.tree ?? [], query.post) : undefined;
  if (query.tags.length > 0) {
    const answers = await answersWithTags(context.db, filter, query.tags);
    return { analysis: analyseTally(survey.definition, tallyResponses(survey.definition, answers, survey.tree), survey.tree, { questionKeys }), source: 'raw' };
  }
  const rollup = await readRollup(context.db, filter);
  const tally = tallyFromRows(survey.definition, survey.tree, rollup.responses, rollup.counts, rollup.moments);
  return { analysis: analyseTally(survey.definition, tally, survey.tree, { questionKeys }), source: 'rollup' };
}

/**
 * Response rate = responses counted in the rollup ÷ invitations, per project and per building
 * (issue 4 §6). Responses without a household (imports that matched none) have no invitation and
 * are left out; a household answering on paper without an invitation counts as completed.
 */
async function responseRates(context: Context, campaignId: string, query: ResultsQuery): Promise<CampaignResults['responseRates']> {
  const tenantId = context.principal.tenantId;
  const filter = cellFilter(context, campaignId, query);
  const [invited, completed] = await Promise.all([
    invitedPerPlace(context.db, tenantId, campaignId, context.clock.now().getTime()),
    cellResponses(context.db, filter),
  ]);
  const inFilter = (place: PlaceCount) =>
    place.projectId !== noPlace &&
    (!filter.projectIds || filter.projectIds.includes(place.projectId)) &&
    (!query.buildingId || place.buildingId === query.buildingId);
  const tally = new Map<string, { projectId: string; invited: number; completed: number }>();
  const add = (place: PlaceCount, side: 'invited' | 'completed') => {
    const keys = ['total', `p:${place.projectId}`, ...(place.buildingId !== noPlace ? [`b:${place.buildingId}`] : [])];
    for (const key of keys) {
      const entry = tally.get(key) ?? tally.set(key, { projectId: place.projectId, invited: 0, completed: 0 }).get(key)!;
      entry[side] += place.count;
    }
  };
  for (const place of invited.filter(inFilter)) add(place, 'invited');
  for (const place of completed.filter(inFilter)) add(place, 'completed');
  const ids = (prefix: string) => [...tally.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(2));
  const [projects, buildings] = await Promise.all([
    ids('p:').length ? projectNames(context.db, tenantId, ids('p:')) : new Map<string, string>(),
    ids('b:').length ? buildingRows(context.db, tenantId, ids('b:')) : [],
  ]);
  const rate = (entry: { invited: number; completed: number }) => ({
    invited: entry.invited,
    completed: entry.completed,
    responseRate: entry.invited === 0 ? null : entry.completed / entry.invited,
  });
  // Numbers compared as numbers: 2栋 before 10栋 (issue 15 §6).
  const byName = (a: ResponseRateRow, b: ResponseRateRow) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true });
  const buildingName = new Map(
    buildings.map((building) => [building.id, `${building.projectName} · ${/^\d+$/.test(building.name) ? `${building.name}栋` : building.name}`]),
  );
  return {
    total: rate(tally.get('total') ?? { invited: 0, completed: 0 }),
    projects: ids('p:')
      .map((id) => ({ id, name: projects.get(id) ?? '', projectId: id, ...rate(tally.get(`p:${id}`)!) }))
      .sort(byName),
    buildings: ids('b:')
      .map((id) => ({ id, name: buildingName.get(id) ?? '', projectId: tally.get(`b:${id}`)!.projectId, ...rate(tally.get(`b:${id}`)!) }))
      .sort(byName),
  };
}

const summary = (survey: CampaignSurvey, analysis: SurveyAnalysis): WaveSummary => ({
  campaignId: survey.campaignId,
  name: survey.name,
  createdAt: survey.createdAt,
  responses: analysis.responses,
  satisfactionRate: analysis.overall?.satisfactionRate?.rate ?? null,
  nps: analysis.nps?.score ?? null,
  weightedIndex: analysis.weightedIndex?.index ?? null,
});

async function readable(context: Context, campaignId: string): Promise<CampaignSurvey> {
  requirePermission(context.principal, 'survey.results');
  await campaignInScope(context, campaignId);
  const survey = await campaignSurvey(context.db, context.principal.tenantId, campaignId);
  if (!survey) throw notFound();
  return survey;
}

export async function campaignResults(context: Context, campaignId: string, query: ResultsQuery): Promise<CampaignResults> {
  const survey = await readable(context, campaignId);
  const [{ analysis, source }, rates, pending] = await Promise.all([
    analyse(context, survey, query),
    responseRates(context, campaignId, query),
    queuedCount(context.db, 'results', cellFilter(context, campaignId, query)),
  ]);
  // Earlier waves under the same filter, following previousCampaignId (a loop in the chain stops it).
  const earlier: { survey: CampaignSurvey; analysis: SurveyAnalysis }[] = [];
  const seen = new Set([survey.campaignId]);
  let previousId = survey.previousCampaignId;
  while (previousId && !seen.has(previousId) && earlier.length < maxEarlierWaves) {
    seen.add(previousId);
    const wave = await campaignSurvey(context.db, context.principal.tenantId, previousId);
    if (!wave) break;
    earlier.push({ survey: wave, analysis: (await analyse(context, wave, query)).analysis });
    previousId = wave.previousCampaignId;
  }
  const last = earlier[0];
  return {
    campaign: { id: survey.campaignId, name: survey.name, previousCampaignId: survey.previousCampaignId },
    filter: query,
    source,
    pending,
    analysis,
    indicatorNames: Object.fromEntries(flattenIndicatorTree(survey.tree ?? []).map((node) => [node.code, node.name])),
    responseRates: rates,
    previous: last
      ? { campaignId: last.survey.campaignId, name: last.survey.name, responses: last.analysis.responses, comparison: compareWaves(last.analysis, analysis) }
      : null,
    trend: [...earlier]
      .reverse()
      .map((wave) => summary(wave.survey, wave.analysis))
      .concat(summary(survey, analysis)),
  };
}

/** Counts this campaign's new responses now instead of waiting for the timer (after a paper batch or an import). */
export async function refreshResults(context: Context, campaignId: string): Promise<AggregationResult> {
  requirePermission(context.principal, 'survey.results');
  await campaignInScope(context, campaignId);
  return runResultsAggregation(context.db, context.clock, { tenantIds: [context.principal.tenantId], campaignId });
}

export { readable as readableCampaign };
