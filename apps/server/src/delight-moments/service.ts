import type { delightBody, delightFromPraiseBody, delightMoment, delightQuery, praiseCandidate, rewardBody } from '@manyi/contracts/delight-moments';
import type { JourneyContent } from '@manyi/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { messageFor } from '../http/messages';
import { HttpProblem, fieldProblem, notFound } from '../http/problem';
import { inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import { findJourneyRow, versionsOf } from '../journeys/repository';
import { findAssignableStaff } from '../staff/repository';
import { findDelightRow, findPraiseTicket, insertDelight, listDelightRows, praiseTickets, rewardDelight } from './repository';

type Moment = z.output<typeof delightMoment>;

export async function listDelights(context: Context, query: z.output<typeof delightQuery>): Promise<{ items: Moment[] }> {
  const rows = await listDelightRows(context.db, context.principal.tenantId, {
    projectIds: scopedProjectIds(context.principal, query.projectId),
    staffId: query.staffId,
    rewarded: query.rewarded,
  });
  return {
    items: rows.map(({ moment, projectName, staffName, recordedByName, rewardedByName, personName, ticketNumber }) => ({
      id: moment.id,
      projectId: moment.projectId,
      projectName,
      staffId: moment.staffId,
      staffName,
      recordedByName,
      personName,
      personId: moment.personId,
      householdId: moment.householdId,
      journeyId: moment.journeyId,
      touchpointId: moment.touchpointId,
      description: moment.description,
      source: moment.source as Moment['source'],
      ticketId: moment.ticketId,
      ticketNumber,
      praiseId: moment.praiseId,
      occurredAt: moment.occurredAt,
      rewardPoints: moment.rewardPoints,
      rewardNote: moment.rewardNote,
      rewardedAt: moment.rewardedAt,
      rewardedByName,
    })),
  };
}

async function requireColleague(context: Context, staffId: string, projectId: string) {
  if (!(await findAssignableStaff(context.db, context.principal.tenantId, staffId, projectId))) throw fieldProblem('staffId', messageFor('not_found'));
}

/** The touchpoint must be one of a journey of the company that covers the moment's project (any version). */
async function requireTouchpoint(context: Context, projectId: string, journeyId: string, touchpointId: string) {
  const tenantId = context.principal.tenantId;
  const journey = await findJourneyRow(context.db, tenantId, journeyId);
  if (!journey || (journey.journey.projectId !== null && journey.journey.projectId !== projectId)) throw fieldProblem('journeyId', messageFor('not_found'));
  const versions = await versionsOf(context.db, tenantId, [journeyId]);
  const known = versions.some((version) => (version.content as JourneyContent).touchpoints.some((touchpoint) => touchpoint.id === touchpointId));
  if (!known) throw fieldProblem('touchpointId', messageFor('not_found'));
}

async function present(context: Context, id: string): Promise<Moment> {
  const row = await findDelightRow(context.db, context.principal.tenantId, id);
  const items = (await listDelights(context, { projectId: row?.projectId })).items;
  const found = items.find((item) => item.id === id);
  if (!found) throw notFound();
  return found;
}

/** Any staff member records a colleague's (or their own) moment in a project they serve. */
export async function recordDelight(context: Context, input: z.output<typeof delightBody>): Promise<Moment> {
  const now = context.clock.now();
  if (!inScope(context.principal, input.projectId)) throw fieldProblem('projectId', messageFor('not_found'));
  await requireColleague(context, input.staffId, input.projectId);
  if (input.journeyId && input.touchpointId) await requireTouchpoint(context, input.projectId, input.journeyId, input.touchpointId);
  if (input.occurredAt && input.occurredAt > now) throw fieldProblem('occurredAt', { 'zh-CN': '时间不能晚于现在', 'en-US': 'Cannot be in the future' });
  const created = await context.db.transaction(async (tx) => {
    const row = await insertDelight(tx, {
      tenantId: context.principal.tenantId,
      projectId: input.projectId,
      staffId: input.staffId,
      recordedById: context.principal.staffId,
      personId: input.personId,
      householdId: input.householdId,
      journeyId: input.journeyId,
      touchpointId: input.touchpointId,
      description: input.description,
      source: 'staff',
      occurredAt: input.occurredAt ?? now,
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'delight_moment', entityId: row!.id, summary: '记录感动点', after: row });
    return row!;
  });
  return present(context, created.id);
}

const alreadyTaken = () =>
  new HttpProblem(409, 'delight_ticket_taken', { 'zh-CN': '这张表扬工单已经记为感动点', 'en-US': 'This praise ticket is already a moment' });

/** An owner's praise ticket becomes a moment of the staff member it praised (one moment per ticket). */
export async function delightFromPraise(context: Context, input: z.output<typeof delightFromPraiseBody>): Promise<Moment> {
  requirePermission(context.principal, 'delight.reward');
  const ticket = await findPraiseTicket(context.db, context.principal.tenantId, input.ticketId);
  if (!ticket || !inScope(context.principal, ticket.projectId)) throw fieldProblem('ticketId', messageFor('not_found'));
  if (ticket.type !== 'praise') throw fieldProblem('ticketId', { 'zh-CN': '只有表扬工单可以记为感动点', 'en-US': 'Only a praise ticket can become a moment' });
  await requireColleague(context, input.staffId, ticket.projectId);
  const created = await context.db.transaction(async (tx) => {
    const row = await insertDelight(tx, {
      tenantId: context.principal.tenantId,
      projectId: ticket.projectId,
      staffId: input.staffId,
      recordedById: context.principal.staffId,
      personId: ticket.reporterPersonId,
      householdId: ticket.householdId,
      description: input.description?.trim() || ticket.description || ticket.title,
      source: 'praise_ticket',
      ticketId: ticket.id,
      occurredAt: ticket.reportedAt,
    });
    if (!row) throw alreadyTaken();
    await recordAudit(tx, context, { action: 'create', entityType: 'delight_moment', entityId: row.id, summary: '由业主表扬记录感动点', after: row });
    return row;
  });
  return present(context, created.id);
}

/** A manager rewards a moment with points (加分, seed 002) once; nobody rewards their own. */
export async function rewardMoment(context: Context, id: string, input: z.output<typeof rewardBody>): Promise<Moment> {
  requirePermission(context.principal, 'delight.reward');
  const row = await findDelightRow(context.db, context.principal.tenantId, id);
  if (!row || !inScope(context.principal, row.projectId)) throw notFound();
  if (row.staffId === context.principal.staffId) {
    throw new HttpProblem(403, 'delight_own_reward', { 'zh-CN': '不能给自己的感动点加分', 'en-US': 'You cannot reward your own moment' });
  }
  if (input.journeyId && input.touchpointId) await requireTouchpoint(context, row.projectId, input.journeyId, input.touchpointId);
  await context.db.transaction(async (tx) => {
    const rewarded = await rewardDelight(tx, row.tenantId, id, {
      rewardPoints: input.points,
      rewardNote: input.note,
      rewardedById: context.principal.staffId,
      rewardedAt: context.clock.now(),
      ...(input.journeyId && input.touchpointId ? { journeyId: input.journeyId, touchpointId: input.touchpointId } : {}),
    });
    if (!rewarded) throw new HttpProblem(409, 'delight_rewarded', { 'zh-CN': '这个感动点已经加过分了', 'en-US': 'This moment was already rewarded' });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'delight_moment',
      entityId: id,
      summary: `感动点加 ${input.points} 分`,
      before: row,
      after: rewarded,
    });
  });
  return present(context, id);
}

export async function listPraiseCandidates(context: Context, projectId?: string): Promise<{ items: z.output<typeof praiseCandidate>[] }> {
  return { items: await praiseTickets(context.db, context.principal.tenantId, scopedProjectIds(context.principal, projectId)) };
}
