import { actionSources, availableActions, type TicketStatus } from '@manyi/core';
import { findRule } from '../dispatch/repository';
import { findClearRecord, findRecoveryRecord } from '../tickets/complaint-records';
import { presentClear, presentRecovery } from '../complaints/presenter';
import type { Context } from '../http/context';
import { presentVisit } from '../visits/presenter';
import { visitsOf } from '../visits/repository';
import { snapshotOf, staffActor, ticketInScope } from '../tickets/access';
import { attachmentsOf } from '../tickets/attachments';
import { presentEvent } from '../tickets/presenter';
import { staffNames, ticketEventsOf, ticketsMergedInto, type TicketRow } from '../tickets/repository';
import type { TicketDetail } from '@manyi/contracts/tickets';
import { getTicketSummary } from '../tickets/service';

/** Whether the caller is in the grab pool this unassigned ticket waits in. */
async function canGrab(context: Context, ticket: TicketRow): Promise<boolean> {
  if (ticket.assigneeId || !ticket.assignedPost || !actionSources.assign.includes(ticket.status as TicketStatus)) return false;
  const rule = await findRule(context.db, ticket.tenantId, ticket.projectId, ticket.assignedPost);
  return rule?.mode === 'grab' && rule.memberIds.includes(context.principal.staffId);
}

/** Everything the console's ticket page shows, and the actions this caller may take now. */
export async function getTicketDetail(context: Context, id: string): Promise<TicketDetail> {
  const ticket = await ticketInScope(context, id);
  const tenantId = ticket.tenantId;
  const [summary, events, clear, recovery, visits, attachments, mergedFrom, snapshot, grab] = await Promise.all([
    getTicketSummary(context, id),
    ticketEventsOf(context.db, tenantId, id),
    findClearRecord(context.db, tenantId, id),
    findRecoveryRecord(context.db, tenantId, id),
    visitsOf(context.db, tenantId, id),
    attachmentsOf(context.db, ticket),
    ticketsMergedInto(context.db, tenantId, id),
    snapshotOf(context.db, ticket),
    canGrab(context, ticket),
  ]);
  const names = await staffNames(context.db, tenantId, [
    recovery?.updatedById ?? null,
    ...visits.map((visit) => (visit.visitorKind === 'staff' ? visit.visitorId : null)),
  ]);
  return {
    ...summary,
    description: ticket.description,
    cancelReason: ticket.cancelReason,
    events: events.map(presentEvent),
    clear: clear ? presentClear(clear, events) : null,
    recovery: recovery ? presentRecovery(recovery, names) : null,
    visits: visits.map((visit) => presentVisit(visit, visit.visitorKind === 'staff' ? (names.get(visit.visitorId ?? '') ?? '') : summary.reporterName)),
    attachments,
    mergedFrom,
    // 'visit' is offered when the state machine allows it; the console records it through POST /tickets/:id/visits.
    availableActions: availableActions(snapshot, staffActor(context.principal)),
    canGrab: grab,
    canAcceptHandover: ticket.handoverToId === context.principal.staffId,
  };
}
