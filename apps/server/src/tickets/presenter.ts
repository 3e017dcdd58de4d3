import {
  householdLabel,
  roundTheClock,
  slaState,
  type ComplaintScope,
  type SlaTargetKind,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '@manyi/core';
import type { CategoryRow } from '../categories/repository';
import type { AttachmentRow, TicketEventRow, TicketListRow, TicketRow } from './repository';
import type { TicketSummary } from '@manyi/contracts/tickets';

type Names = Map<string, string>;

/** Each stored deadline with the moment its clock started and the moment it was met. */
function clocks(ticket: TicketRow): { target: SlaTargetKind; start: Date | null; due: Date | null; metAt: Date | null }[] {
  return [
    { target: 'first_response', start: ticket.reportedAt, due: ticket.responseDueAt, metAt: ticket.firstResponseAt },
    { target: 'on_site', start: ticket.reportedAt, due: ticket.arrivalDueAt, metAt: ticket.arrivedAt },
    { target: 'owner_update', start: ticket.lastOwnerUpdateAt ?? ticket.reportedAt, due: ticket.nextUpdateDueAt, metAt: null },
    { target: 'resolution', start: ticket.reportedAt, due: ticket.resolutionDueAt, metAt: ticket.resolvedAt },
    { target: 'return_visit', start: ticket.resolvedAt, due: ticket.visitDueAt, metAt: ticket.visitedAt },
  ];
}

/**
 * The SLA state of every target the ticket has, through core's `slaState`: a met target is judged
 * at the moment it was met; a running one at `now`. The deadline itself comes from the SLA module,
 * which already accounts for calendars and holds, so the share elapsed is measured on the wall clock
 * between the clock's start and the stored deadline.
 */
export function slaTargets(ticket: TicketRow, now: Date): TicketSummary['sla'] {
  const stopped = ticket.status === 'cancelled' || ticket.status === 'merged';
  return clocks(ticket).flatMap(({ target, start, due, metAt }) => {
    if (!due || !start) return [];
    const minutes = Math.max(0, Math.round((due.getTime() - start.getTime()) / 60_000));
    const judgedAt = metAt ?? (stopped ? ticket.updatedAt : now);
    const state = slaState({ target, start, due, minutes, calendar: roundTheClock, pauses: [] }, judgedAt);
    return [{ target, dueAt: due, metAt, state }];
  });
}

const ref = (id: string | null, names: Names) => (id ? { id, name: names.get(id) ?? '' } : null);

export function presentSummary(row: TicketListRow, names: Names, categories: Map<string, CategoryRow>, now: Date): TicketSummary {
  const ticket = row.ticket;
  const category = ticket.categoryCode ? categories.get(ticket.categoryCode) : undefined;
  return {
    id: ticket.id,
    number: ticket.number,
    projectId: ticket.projectId,
    projectName: row.projectName,
    type: ticket.type as TicketType,
    channel: ticket.channel as TicketChannel,
    categoryCode: ticket.categoryCode,
    categoryName: category ? { 'zh-CN': category.nameZh, 'en-US': category.nameEn } : null,
    priority: ticket.priority as TicketPriority,
    complaintScope: ticket.complaintScope as ComplaintScope | null,
    status: ticket.status as TicketStatus,
    title: ticket.title,
    householdId: ticket.householdId,
    householdLabel: row.room !== null && row.buildingName !== null ? householdLabel(row.buildingName, row.unitName, row.room) : null,
    reporterPersonId: ticket.reporterPersonId,
    reporterName: ticket.reporterName,
    reporterPhone: ticket.reporterPhone,
    location: ticket.location,
    firstReceiver: ref(ticket.firstReceiverId, names),
    accountable: ref(ticket.accountableId, names),
    handoverTo: ref(ticket.handoverToId, names),
    assignee: ref(ticket.assigneeId, names),
    assignedPost: ticket.assignedPost,
    reopenCount: ticket.reopenCount,
    isRepeat: ticket.isRepeat,
    escalationLevel: ticket.escalationLevel,
    holdReason: ticket.holdReason,
    holdUntil: ticket.holdUntil,
    mergedIntoId: ticket.mergedIntoId,
    incidentId: ticket.incidentId,
    slaPolicyCode: ticket.slaPolicyCode,
    sla: slaTargets(ticket, now),
    reportedAt: ticket.reportedAt,
    firstResponseAt: ticket.firstResponseAt,
    arrivedAt: ticket.arrivedAt,
    lastOwnerUpdateAt: ticket.lastOwnerUpdateAt,
    resolvedAt: ticket.resolvedAt,
    visitedAt: ticket.visitedAt,
    closedAt: ticket.closedAt,
    updatedAt: ticket.updatedAt,
    version: ticket.version,
  };
}

export const staffIdsOf = (ticket: TicketRow) => [ticket.firstReceiverId, ticket.accountableId, ticket.handoverToId, ticket.assigneeId];

export function presentAttachment(row: AttachmentRow) {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    uploadedByKind: row.uploadedByKind as 'staff' | 'owner',
    createdAt: row.createdAt,
  };
}

export function presentEvent(event: TicketEventRow) {
  return {
    id: event.id,
    kind: event.kind,
    fromStatus: event.fromStatus as TicketStatus | null,
    toStatus: event.toStatus as TicketStatus | null,
    actorKind: event.actorKind as 'staff' | 'owner' | 'system',
    actorName: event.actorName,
    note: event.note,
    visibleToOwner: event.visibleToOwner,
    data: event.data,
    at: event.at,
  };
}
