import { nextStatus, type TicketActor } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import type { Principal } from '../http/principal';
import { refusalProblem, requireVersion, snapshotOf, staffActor, ticketInScope } from '../tickets/access';
import { actorOf, recordTicketEvent, timelineTitle } from '../tickets/events';
import type { TicketRow } from '../tickets/repository';
import { getTicketSummary } from '../tickets/service';
import { transition } from '../tickets/transition';
import type { VisitInput } from '@manyi/contracts/visits';
import { recordStaffText } from '../text-qa/record';
import { insertVisit } from './repository';

export type VisitRecord = Omit<VisitInput, 'method'> & { method: 'phone' | 'visit' | 'h5' };

/**
 * Records a return visit and moves the ticket: confirmed → visited, rejected → reopened (core),
 * no answer → only the attempt is kept; the ticket waits and is never counted as satisfied.
 */
export async function recordVisit(
  tx: Executor,
  context: Context<Principal>,
  ticket: TicketRow,
  actor: TicketActor,
  visit: VisitRecord,
  now: Date,
): Promise<void> {
  if (visit.outcome === 'no_answer') {
    // The same checks as a real visit (status resolved, role), without changing anything.
    const check = nextStatus(await snapshotOf(tx, ticket), { action: 'visit', outcome: 'confirmed' }, actor, now);
    if (!check.ok) throw refusalProblem(check);
    await recordTicketEvent(
      tx,
      ticket,
      actorOf(context),
      { kind: 'visit_attempt', note: visit.comment, data: { method: visit.method, outcome: 'no_answer' } },
      now,
    );
    await recordAudit(tx, context, { action: 'create', entityType: 'return_visit', entityId: ticket.id, summary: `回访工单 ${ticket.number}:未接通` });
  } else {
    const csat = visit.outcome === 'confirmed' ? visit.csat : null;
    await transition(tx, context, ticket, { action: 'visit', outcome: visit.outcome, note: visit.comment }, actor, now, {
      note: visit.comment,
      data: { method: visit.method, csat },
      ...(csat && { timeline: timelineTitle(ticket, `已回访,满意度 ${csat} 分`) }),
    });
  }
  const who = actorOf(context);
  await insertVisit(tx, {
    tenantId: ticket.tenantId,
    ticketId: ticket.id,
    method: visit.method,
    outcome: visit.outcome,
    csat: visit.outcome === 'confirmed' ? (visit.csat ?? null) : null,
    peakMoment: visit.peakMoment ?? null,
    endMoment: visit.endMoment ?? null,
    peakRating: visit.outcome === 'confirmed' ? (visit.peakRating ?? null) : null,
    endRating: visit.outcome === 'confirmed' ? (visit.endRating ?? null) : null,
    comment: visit.comment,
    visitorKind: who.kind === 'owner' ? 'owner' : 'staff',
    visitorId: who.id,
    at: now,
  });
  // A remark the staff member writes on the visit is on the owner's ticket page: checked and scored (issue 17).
  if (context.principal.kind === 'staff' && visit.comment.trim())
    await recordStaffText(
      tx,
      { ...context, principal: context.principal },
      {
        sourceType: 'visit_remark',
        sourceId: ticket.id,
        text: visit.comment,
        ticketId: ticket.id,
        projectId: ticket.projectId,
      },
    );
}

export async function createVisit(context: Context, id: string, input: VisitInput & { version?: number | undefined }) {
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const ticket = await ticketInScope(context, id, tx);
    requireVersion(ticket, input.version);
    await recordVisit(tx, context, ticket, staffActor(context.principal), input, now);
  });
  return getTicketSummary(context, id);
}
