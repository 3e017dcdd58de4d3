import type { SurveyDefinition } from '@manyi/core';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import { inScope, scopedProjectIds } from '../policy/policy';
import { presentFollowup } from './presenter';
import { campaignDefinition, conversionCounts, findCampaign, followupConditions, listFollowupRows } from './repository';
import type { ConversionReport, FollowupQuery } from '@manyi/contracts/survey-followups';

/** Follow-ups of the caller's projects (a household's project decides), newest first. Reading is open to every staff role. */
export async function listFollowups(context: Context, query: FollowupQuery) {
  const { cursor, limit, projectId, ...filter } = query;
  const projectIds = scopedProjectIds(context.principal, projectId);
  if (projectIds?.length === 0) return { items: [], nextCursor: null };
  const [after] = decodeCursor(cursor, 1) ?? [];
  const now = context.clock.now();
  const conditions = followupConditions({ ...filter, tenantId: context.principal.tenantId, projectIds, now });
  const rows = await listFollowupRows(context.db, conditions, after === undefined ? null : String(after), limit);
  const page = toPage(rows, limit, (row) => [row.followup.id]);
  return { items: page.items.map((row) => presentFollowup(row, now)), nextCursor: page.nextCursor };
}

/**
 * A campaign limited to some projects (population.projectIds) exists only for staff of one of
 * them; a company-wide one for everybody, whose figures are then limited to their projects.
 */
function campaignInScope(principal: Context['principal'], population: unknown): boolean {
  const projectIds = (population as { projectIds?: unknown } | null)?.projectIds;
  if (principal.projectIds === null || !Array.isArray(projectIds) || projectIds.length === 0) return true;
  return projectIds.some((projectId) => typeof projectId === 'string' && inScope(principal, projectId));
}

/** The NPS question of a wave: the one with `preferredKey` if the questionnaire has it, else its first NPS question. */
function npsKey(definition: SurveyDefinition, preferredKey?: string | null): string | null {
  const keys = definition.questions.filter((question) => question.type === 'nps').map((question) => question.key);
  return (preferredKey && keys.includes(preferredKey) ? preferredKey : keys[0]) ?? null;
}

/**
 * Issue 4 §7 "the next wave reports how many earlier detractors became passives or promoters":
 * the previous wave's detractors of the caller's projects, by what the same household answered
 * to the NPS question of this wave (promoter 9–10, passive 7–8, still a detractor 0–6), or that
 * it did not answer.
 */
export async function detractorConversion(context: Context, campaignId: string): Promise<ConversionReport> {
  const tenantId = context.principal.tenantId;
  const campaign = await findCampaign(context.db, tenantId, campaignId);
  if (!campaign || !campaignInScope(context.principal, campaign.population)) throw notFound();
  const empty = {
    campaignId,
    previousCampaignId: campaign.previousCampaignId,
    previousQuestionKey: null,
    questionKey: null,
    previousDetractors: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    noNpsAnswer: 0,
    notAnswered: 0,
    conversionRate: null,
  };
  const previous = campaign.previousCampaignId ? await findCampaign(context.db, tenantId, campaign.previousCampaignId) : undefined;
  if (!previous) return { ...empty, previousCampaignId: null };
  const [current, earlier] = await Promise.all([
    campaignDefinition(context.db, tenantId, campaign.id, campaign.surveyVersion),
    campaignDefinition(context.db, tenantId, previous.id, previous.surveyVersion),
  ]);
  const previousKey = earlier ? npsKey(earlier.definition) : null;
  if (!previousKey) return empty;
  const questionKey = current ? npsKey(current.definition, previousKey) : null;
  const counts = await conversionCounts(context.db, {
    tenantId,
    previousCampaignId: previous.id,
    campaignId: campaign.id,
    previousKey,
    currentKey: questionKey,
    projectIds: context.principal.projectIds,
  });
  const rated = counts.promoters + counts.passives + counts.detractors;
  return {
    ...empty,
    previousQuestionKey: previousKey,
    questionKey,
    ...counts,
    conversionRate: rated === 0 ? null : (counts.promoters + counts.passives) / rated,
  };
}
