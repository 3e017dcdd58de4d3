import { randomInt } from 'node:crypto';
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import { newToken, tokenDigest } from '../auth/session-repository';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission } from '../policy/policy';
import { freezeSurveyVersion } from '../surveys/service';
import type { StaffPrincipal } from '../http/principal';
import { campaignMessages } from './messages';
import { computePlan, drawSample, wholePopulation, type Candidate } from './plan';
import {
  buildingRows,
  closeOpenCampaign,
  completedIn,
  findCampaignRow,
  findSurveyVersionRow,
  insertCampaign,
  insertInvitations,
  listCampaignRows,
  populationRows,
  projectNames,
  updateCampaignFrom,
  type CampaignWithSurvey,
} from './repository';
import type { CampaignInput, CampaignView, PlanView, PopulationFilter, PreviewInput, Quota, SamplingInput } from '@manyi/contracts/campaigns';
import { presentCampaign, readCampaign } from './presenter';

const dayMs = 86_400_000;
const transition = () => new HttpProblem(409, 'campaign_transition', campaignMessages.campaign_transition);

/** What the sampling column holds: the input (seed fixed) and the plan computed from it. */
type StoredSampling = SamplingInput & { plan?: PlanView };

/**
 * A campaign concerns the projects its population names (all of them when it names none). Staff
 * serving only some projects see it when it reaches one of theirs; anything else is a 404.
 */
export function reachesScope(principal: StaffPrincipal, population: PopulationFilter): boolean {
  return principal.projectIds === null || population.projectIds.length === 0 || population.projectIds.some((id) => inScope(principal, id));
}

export async function campaignInScope(context: Context, id: string): Promise<CampaignWithSurvey> {
  const row = await findCampaignRow(context.db, context.principal.tenantId, id);
  if (!row || !reachesScope(context.principal, readCampaign(row.campaign).population)) throw notFound();
  return row;
}

/** Every named project and building must be the company's own (another company's id reads as unknown). */
async function checkPopulation(context: Context, filter: PopulationFilter): Promise<void> {
  const tenantId = context.principal.tenantId;
  if (filter.projectIds.length > 0 && (await projectNames(context.db, tenantId, filter.projectIds)).size !== new Set(filter.projectIds).size) {
    throw fieldProblem('population.projectIds', campaignMessages.unknown_project);
  }
  if (filter.buildingIds.length > 0) {
    const found = await buildingRows(context.db, tenantId, filter.buildingIds, filter.projectIds.length > 0 ? filter.projectIds : null);
    if (found.length !== new Set(filter.buildingIds).size) throw fieldProblem('population.buildingIds', campaignMessages.unknown_building);
  }
}

/** Stratum names: projects, buildings ("项目 · 楼栋"), or the whole population. */
async function stratumNames(context: Context, sampling: SamplingInput, candidates: readonly Candidate[]): Promise<Map<string, string>> {
  const tenantId = context.principal.tenantId;
  // Named by the console in the reader's language (issue 15 §6: no mixed 全部 / All).
  if (sampling.kind === 'simple') return new Map([[wholePopulation, '']]);
  if (sampling.kind === 'stratified' && sampling.by === 'building') {
    const ids = [...new Set(candidates.map((candidate) => candidate.buildingId))];
    const rows = ids.length === 0 ? [] : await buildingRows(context.db, tenantId, ids);
    return new Map(rows.map((row) => [row.id, `${row.projectName} · ${row.name}`]));
  }
  const ids = [...new Set(candidates.map((candidate) => candidate.projectId))];
  return ids.length === 0 ? new Map() : projectNames(context.db, tenantId, ids);
}

async function planFor(context: Context, input: PreviewInput, exceptCampaignId: string | null) {
  const now = context.clock.now();
  const rows = await populationRows(
    context.db,
    context.principal.tenantId,
    input.population,
    null,
    new Date(now.getTime() - input.contactIntervalDays * dayMs),
    exceptCampaignId,
  );
  const candidates = rows.filter((row) => !row.contacted).map(({ id, projectId, buildingId }) => ({ id, projectId, buildingId }));
  const plan = computePlan(input.sampling, candidates, await stratumNames(context, input.sampling, candidates), rows.length);
  return { plan, candidates };
}

/** Population size and sample sizes for the wizard, live, without creating anything. */
export async function previewCampaign(context: Context, input: PreviewInput): Promise<PlanView> {
  requirePermission(context.principal, 'campaign.manage');
  await checkPopulation(context, input.population);
  return (await planFor(context, input, null)).plan;
}

async function checkCampaignInput(context: Context, input: CampaignInput) {
  const tenantId = context.principal.tenantId;
  const version = await findSurveyVersionRow(context.db, tenantId, input.surveyId, input.surveyVersion);
  if (!version) throw fieldProblem('surveyId', campaignMessages.unknown_survey);
  if (version.survey.status === 'archived') throw fieldProblem('surveyId', campaignMessages.survey_archived);
  if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) throw fieldProblem('closesAt', campaignMessages.closes_before_opens);
  if (input.previousCampaignId) {
    const previous = await findCampaignRow(context.db, tenantId, input.previousCampaignId);
    const previousSurvey = previous && (await findSurveyVersionRow(context.db, tenantId, previous.campaign.surveyId, previous.campaign.surveyVersion));
    const sameTemplate = version.survey.templateCode !== null && previousSurvey?.survey.templateCode === version.survey.templateCode;
    if (!previous || (previous.campaign.surveyId !== input.surveyId && !sameTemplate))
      throw fieldProblem('previousCampaignId', campaignMessages.unknown_previous);
  }
  await checkPopulation(context, input.population);
  await checkQuotas(context, input.quotas);
  return version;
}

async function checkQuotas(context: Context, quotas: readonly Quota[]): Promise<void> {
  const projectIds = quotas.filter((item) => item.level === 'project').map((item) => item.id);
  const buildingIds = quotas.filter((item) => item.level === 'building').map((item) => item.id);
  const known = await Promise.all([
    projectIds.length ? projectNames(context.db, context.principal.tenantId, projectIds).then((found) => found.size) : 0,
    buildingIds.length ? buildingRows(context.db, context.principal.tenantId, buildingIds).then((found) => found.length) : 0,
  ]);
  if (known[0] !== new Set(projectIds).size || known[1] !== new Set(buildingIds).size) throw fieldProblem('quotas', campaignMessages.unknown_quota_target);
}

export async function createCampaign(context: Context, input: CampaignInput): Promise<CampaignView> {
  requirePermission(context.principal, 'campaign.manage');
  const version = await checkCampaignInput(context, input);
  const now = context.clock.now();
  // A random seed unless one is given; stored, so the draw at launch (and any re-run) is reproducible.
  const sampling: SamplingInput =
    input.sampling.kind === 'census' ? input.sampling : { ...input.sampling, seed: input.sampling.seed ?? randomInt(0, 2_147_483_647) };
  const { plan } = await planFor(context, { ...input, sampling }, null);
  const id = await context.db.transaction(async (tx) => {
    if (!version.frozenAt) await freezeSurveyVersion(tx, context.principal.tenantId, input.surveyId, input.surveyVersion, now);
    const row = await insertCampaign(tx, {
      tenantId: context.principal.tenantId,
      surveyId: input.surveyId,
      surveyVersion: input.surveyVersion,
      name: input.name,
      status: 'draft',
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      population: input.population,
      sampling: { ...sampling, plan } satisfies StoredSampling,
      contactIntervalDays: input.contactIntervalDays,
      quotas: input.quotas,
      reminders: { intervalHours: input.reminderIntervalHours },
      previousCampaignId: input.previousCampaignId,
      createdById: context.principal.staffId,
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'campaign', entityId: row.id, summary: `创建调查:${input.name}`, after: row });
    return row.id;
  });
  return presentCampaign((await findCampaignRow(context.db, context.principal.tenantId, id))!);
}

export async function listCampaigns(
  context: Context,
  filter: { status?: string | undefined; surveyId?: string | undefined },
): Promise<{ items: CampaignView[] }> {
  const rows = await listCampaignRows(context.db, context.principal.tenantId, filter);
  return { items: rows.filter((row) => reachesScope(context.principal, readCampaign(row.campaign).population)).map(presentCampaign) };
}

export async function getCampaign(context: Context, id: string): Promise<CampaignView> {
  return presentCampaign(await campaignInScope(context, id));
}

/**
 * draft → open: recomputes the plan on the population as it is now (with the stored seed), draws
 * the sample and creates one invitation per drawn household, each with a one-time token of which
 * only the SHA-256 digest is kept. Links are handed out later (links.xlsx regenerates them).
 */
export async function launchCampaign(context: Context, id: string): Promise<CampaignView> {
  requirePermission(context.principal, 'campaign.manage');
  const { campaign } = await campaignInScope(context, id);
  if (campaign.status !== 'draft') throw transition();
  const now = context.clock.now();
  if (campaign.closesAt && campaign.closesAt <= now) throw fieldProblem('closesAt', campaignMessages.closes_in_past);
  const { population, sampling } = readCampaign(campaign);
  const { plan, candidates } = await planFor(context, { population, sampling, contactIntervalDays: campaign.contactIntervalDays }, campaign.id);
  const drawn = drawSample(sampling, plan, candidates);
  if (drawn.length === 0) throw new HttpProblem(422, 'population_empty', campaignMessages.population_empty);
  await context.db.transaction(async (tx) => {
    const updated = await updateCampaignFrom(
      tx,
      campaign,
      { status: 'open', opensAt: campaign.opensAt ?? now, sampling: { ...sampling, plan } satisfies StoredSampling },
      now,
    );
    if (!updated) throw transition();
    await insertInvitations(
      tx,
      drawn.map((household) => ({
        tenantId: campaign.tenantId,
        campaignId: campaign.id,
        projectId: household.projectId,
        buildingId: household.buildingId,
        householdId: household.id,
        tokenDigest: tokenDigest(newToken()),
        status: 'invited',
        invitedAt: now,
      })),
    );
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'campaign',
      entityId: campaign.id,
      summary: `发布调查:${campaign.name},邀请 ${drawn.length} 户`,
      before: { status: 'draft' },
      after: { status: 'open', invitations: drawn.length, seed: plan.seed, excludedByContact: plan.excludedByContact },
    });
  });
  return getCampaign(context, id);
}

/** open → closed: invitations nobody started are expired; partly answered ones keep their answers. */
export async function closeCampaign(context: Context, id: string): Promise<CampaignView> {
  requirePermission(context.principal, 'campaign.manage');
  const { campaign } = await campaignInScope(context, id);
  if (campaign.status !== 'open') throw transition();
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const closesAt = campaign.closesAt && campaign.closesAt < now ? campaign.closesAt : now;
    const expired = await closeOpenCampaign(tx, campaign, closesAt, now);
    if (expired === undefined) throw transition();
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'campaign',
      entityId: campaign.id,
      summary: `结束调查:${campaign.name},${expired} 份邀请过期`,
      before: { status: 'open' },
      after: { status: 'closed', expiredInvitations: expired },
    });
  });
  return getCampaign(context, id);
}

/**
 * Whether the campaign still accepts a complete response from this project and building: false
 * once a quota on either (issue 4 §3 "quotas") has as many complete responses as its maximum.
 * For the responses module, which refuses the answer with campaignMessages.quota_full. Tenant
 * scope is the caller's; an unknown campaign has no quota.
 */
export async function quotaOpen(db: Executor, tenantId: string, campaignId: string, projectId: string | null, buildingId: string | null): Promise<boolean> {
  const row = await findCampaignRow(db, tenantId, campaignId);
  if (!row) return true;
  const applicable = readCampaign(row.campaign).quotas.filter((item) => (item.level === 'project' ? item.id === projectId : item.id === buildingId));
  for (const item of applicable) {
    if ((await completedIn(db, tenantId, campaignId, item.level, item.id)) >= item.maxCompleted) return false;
  }
  return true;
}

/** The refusal the responses module throws when quotaOpen is false. */
export const quotaFull = () => new HttpProblem(409, 'quota_full', campaignMessages.quota_full);
