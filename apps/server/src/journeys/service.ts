import { categoryMatches, journeyStages, starterJourney, touchpointHealth, type JourneyContent, type ProjectType } from '@manyi/core';
import type { journeyBody, journeyDetail, journeyLive, journeySummary, versionBody } from '@manyi/contracts/journeys';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { HttpProblem, fieldProblem, notFound } from '../http/problem';
import { messageFor } from '../http/messages';
import { inScope, requirePermission } from '../policy/policy';
import { findProjectRow } from '../projects/repository';
import {
  findJourneyRow,
  insertJourney,
  insertJourneyVersion,
  listJourneyRows,
  projectIdsOfType,
  publishDraft,
  ratingCounts,
  recentMoments,
  ticketsByCategory,
  updateDraft,
  versionsOf,
  visitsByCategory,
  type JourneyRow,
  type JourneyVersionRow,
} from './repository';

type Summary = z.output<typeof journeySummary>;

const versionPublished = () =>
  new HttpProblem(409, 'journey_version_published', {
    'zh-CN': '已发布的版本不能修改，请新建一个版本并写明改动原因',
    'en-US': 'A published version cannot change; start a new version and say why',
  });

function summaryOf(journey: JourneyRow, projectName: string | null, versions: JourneyVersionRow[]): Summary {
  const mine = versions.filter((version) => version.journeyId === journey.id);
  const latest = mine[0];
  const published = mine.find((version) => version.status === 'published');
  return {
    id: journey.id,
    name: journey.name,
    projectType: journey.projectType as ProjectType,
    projectId: journey.projectId,
    projectName,
    latestNumber: latest?.number ?? 0,
    publishedNumber: published?.number ?? null,
    touchpointCount: ((published ?? latest)?.content as JourneyContent | undefined)?.touchpoints.length ?? 0,
  };
}

/** A project journey is seen by those who serve the project; a journey of a project type by every staff member. */
function visible(context: Context, journey: JourneyRow): boolean {
  return journey.projectId === null || inScope(context.principal, journey.projectId);
}

export async function listJourneys(context: Context): Promise<{ items: Summary[] }> {
  const tenantId = context.principal.tenantId;
  const rows = (await listJourneyRows(context.db, tenantId)).filter((row) => visible(context, row.journey));
  const versions = await versionsOf(
    context.db,
    tenantId,
    rows.map((row) => row.journey.id),
  );
  return { items: rows.map((row) => summaryOf(row.journey, row.projectName, versions)) };
}

async function requireJourney(context: Context, id: string) {
  const row = await findJourneyRow(context.db, context.principal.tenantId, id);
  if (!row || !visible(context, row.journey)) throw notFound();
  return row;
}

export async function getJourney(context: Context, id: string): Promise<z.output<typeof journeyDetail>> {
  const row = await requireJourney(context, id);
  const versions = await versionsOf(context.db, context.principal.tenantId, [id]);
  return {
    ...summaryOf(row.journey, row.projectName, versions),
    versions: versions.map((version) => ({
      number: version.number,
      status: version.status as 'draft' | 'published',
      changeNote: version.changeNote,
      publishedAt: version.publishedAt,
      content: version.content as JourneyContent,
    })),
  };
}

/** A new journey starts as version 1, a draft built from the starter map of its project type (core starterJourney). */
export async function createJourney(context: Context, input: z.output<typeof journeyBody>) {
  requirePermission(context.principal, 'journey.manage');
  const tenantId = context.principal.tenantId;
  if (input.projectId) {
    const project = await findProjectRow(context.db, tenantId, input.projectId);
    if (!project || !inScope(context.principal, project.id)) throw fieldProblem('projectId', messageFor('not_found'));
  }
  const now = context.clock.now();
  const journey = await context.db.transaction(async (tx) => {
    const created = await insertJourney(tx, { tenantId, name: input.name, projectType: input.projectType, projectId: input.projectId });
    await insertJourneyVersion(tx, {
      tenantId,
      journeyId: created.id,
      number: 1,
      content: starterJourney(input.projectType),
      status: 'draft',
      changeNote: '1.0',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'journey', entityId: created.id, summary: `新建业主旅程「${input.name}」`, after: input });
    return created;
  });
  return getJourney(context, journey.id);
}

export async function saveDraft(context: Context, id: string, number: number, input: z.output<typeof versionBody>) {
  requirePermission(context.principal, 'journey.manage');
  const row = await requireJourney(context, id);
  const versions = await versionsOf(context.db, context.principal.tenantId, [id]);
  const version = versions.find((item) => item.number === number);
  if (!version) throw notFound();
  if (version.status !== 'draft') throw versionPublished();
  await context.db.transaction(async (tx) => {
    const updated = await updateDraft(tx, row.journey.tenantId, id, number, {
      content: input.content,
      changeNote: input.changeNote,
      updatedAt: context.clock.now(),
    });
    // Published between the read and this write by someone else.
    if (!updated) throw versionPublished();
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'journey',
      entityId: id,
      summary: `修改业主旅程「${row.journey.name}」${number}.0 草稿`,
      before: version.content,
      after: input.content,
    });
  });
  return getJourney(context, id);
}

export async function publishVersion(context: Context, id: string, number: number) {
  requirePermission(context.principal, 'journey.manage');
  const row = await requireJourney(context, id);
  const versions = await versionsOf(context.db, context.principal.tenantId, [id]);
  const version = versions.find((item) => item.number === number);
  if (!version) throw notFound();
  if (version.status !== 'draft') throw versionPublished();
  if (number > 1 && !version.changeNote.trim()) throw fieldProblem('changeNote', messageFor('required'));
  await context.db.transaction(async (tx) => {
    if (!(await publishDraft(tx, row.journey.tenantId, id, number, context.principal.staffId, context.clock.now()))) throw versionPublished();
    await recordAudit(tx, context, { action: 'update', entityType: 'journey', entityId: id, summary: `发布业主旅程「${row.journey.name}」${number}.0` });
  });
  return getJourney(context, id);
}

/** Version n+1: a draft copy of the latest version, with the reason for the change. One draft at a time. */
export async function startVersion(context: Context, id: string, changeNote: string) {
  requirePermission(context.principal, 'journey.manage');
  const row = await requireJourney(context, id);
  const versions = await versionsOf(context.db, context.principal.tenantId, [id]);
  const latest = versions[0];
  if (!latest) throw notFound();
  if (latest.status === 'draft') {
    throw new HttpProblem(409, 'journey_draft_open', {
      'zh-CN': '已有一个未发布的草稿版本，请先发布或继续编辑它',
      'en-US': 'A draft version is already open; publish or edit it first',
    });
  }
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    await insertJourneyVersion(tx, {
      tenantId: row.journey.tenantId,
      journeyId: id,
      number: latest.number + 1,
      content: latest.content,
      status: 'draft',
      changeNote,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'journey',
      entityId: id,
      summary: `业主旅程「${row.journey.name}」新建 ${latest.number + 1}.0：${changeNote}`,
    });
  });
  return getJourney(context, id);
}

const day = 24 * 3600 * 1000;

/**
 * What the records say about each touchpoint of a version, over the last `days` days, in the journey's
 * project or (a journey of a project type) the caller's projects of that type, or one of them: tickets of
 * its categories and their missed deadlines, return visits' CSAT and peak-end score, what owners recalled
 * as peak and end, and the survey 满意率 of the indicators it feeds; then its health (core touchpointHealth).
 */
export async function journeyLiveData(
  context: Context,
  id: string,
  number: number,
  query: { projectId?: string | undefined; days: number },
): Promise<z.output<typeof journeyLive>> {
  const row = await requireJourney(context, id);
  const tenantId = context.principal.tenantId;
  const versions = await versionsOf(context.db, tenantId, [id]);
  const version = versions.find((item) => item.number === number);
  if (!version) throw notFound();
  const content = version.content as JourneyContent;

  const candidates = row.journey.projectId ? [row.journey.projectId] : await projectIdsOfType(context.db, tenantId, row.journey.projectType);
  const projectIds = candidates.filter((projectId) => inScope(context.principal, projectId) && (!query.projectId || projectId === query.projectId));
  const to = context.clock.now();
  const from = new Date(to.getTime() - query.days * day);

  const pairs = [
    ...new Map(
      content.touchpoints
        .flatMap((touchpoint) => touchpoint.indicatorCodes)
        .filter((code) => code.includes('.'))
        .map((code) => [code, { questionKey: code.slice(0, code.indexOf('.')), item: code.slice(code.indexOf('.') + 1) }]),
    ).values(),
  ];
  const [ticketRows, visitRows, moments, counts] = await Promise.all([
    ticketsByCategory(context.db, tenantId, projectIds, from, to),
    visitsByCategory(context.db, tenantId, projectIds, from, to),
    recentMoments(context.db, tenantId, projectIds, from, to),
    ratingCounts(context.db, tenantId, projectIds, pairs, from),
  ]);

  const touchpoints = content.touchpoints.map((touchpoint) => {
    const mine = <T extends { categoryCode: string | null }>(rows: readonly T[]) =>
      touchpoint.categoryCodes.length === 0
        ? []
        : rows.filter((item) => item.categoryCode !== null && categoryMatches(item.categoryCode, touchpoint.categoryCodes));
    const ticketsHere = mine(ticketRows);
    const visitsHere = mine(visitRows);
    const sum = <T>(rows: readonly T[], pick: (item: T) => number) => rows.reduce((total, item) => total + pick(item), 0);
    const judged = sum(ticketsHere, (item) => item.judged);
    const visits = sum(visitsHere, (item) => item.visits);
    const peakEndRated = sum(visitsHere, (item) => item.peakEndRated);
    const answers = counts.filter((count) => touchpoint.indicatorCodes.includes(`${count.question_key}.${count.item}`));
    const surveyAnswers = sum(answers, (count) => count.count);
    const satisfied = sum(
      answers.filter((count) => count.value >= 4),
      (count) => count.count,
    );
    const figures = {
      slaMissedRate: judged === 0 ? null : sum(ticketsHere, (item) => item.missed) / judged,
      csatAverage: visits === 0 ? null : sum(visitsHere, (item) => item.csatSum) / visits,
      surveySatisfaction: surveyAnswers === 0 ? null : satisfied / surveyAnswers,
    };
    const recalled = mine(moments);
    return {
      id: touchpoint.id,
      tickets: sum(ticketsHere, (item) => item.count),
      slaMissedRate: figures.slaMissedRate,
      visits,
      csatAverage: figures.csatAverage,
      peakEndScore: peakEndRated === 0 ? null : sum(visitsHere, (item) => item.peakEndSum) / peakEndRated,
      peakEndRated,
      surveySatisfaction: figures.surveySatisfaction,
      surveyAnswers,
      peakMoments: recalled.flatMap((item) => (item.peakMoment ? [item.peakMoment] : [])).slice(0, 3),
      endMoments: recalled.flatMap((item) => (item.endMoment ? [item.endMoment] : [])).slice(0, 3),
      health: touchpointHealth({ ...figures, surveyAnswers, visits, judged }),
    };
  });
  const stages = journeyStages.values.filter((stage) => content.touchpoints.some((touchpoint) => touchpoint.stage === stage));
  return { number, from, to, projectIds, stages: stages.map((stage) => ({ stage, name: journeyStages.labels[stage] })), touchpoints };
}
