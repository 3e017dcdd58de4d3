import { ticketStatuses, ticketTypes, type TicketStatus, type TicketType } from '@manyi/core';
import type { ticketEvents, Executor } from '@manyi/db';
import type { Context } from '../http/context';
import type { Principal } from '../http/principal';
import { addTimelineEvent, type TimelineEvent } from '../timeline/repository';
import { insertTicketEvent, type TicketRow } from './repository';

export type Actor = { kind: 'staff' | 'owner' | 'system'; id: string | null; name: string };

export function actorOf(context: Context<Principal>): Actor {
  const principal = context.principal;
  return principal.kind === 'staff'
    ? { kind: 'staff', id: principal.staffId, name: principal.name }
    : { kind: 'owner', id: principal.personId, name: principal.name };
}

export type TicketEventInput = {
  kind: string;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  note?: string;
  /** Shown on the owner's H5 page; internal notes and CLEAR steps are not. */
  visibleToOwner?: boolean;
  data?: unknown;
  /** Also put on the owner profile's timeline, e.g. '报修 BX-20261123-0007 已受理'. */
  timeline?: string;
};

/** '报修 BX-20261123-0007 已受理': how a ticket appears on the owner profile. */
export function timelineTitle(ticket: Pick<TicketRow, 'type' | 'number'>, what: string): string {
  return `${ticketTypes.labels[ticket.type as TicketType]['zh-CN']} ${ticket.number} ${what}`;
}

export const statusPhrase = (status: TicketStatus) => ticketStatuses.labels[status]['zh-CN'];

export type TicketEventRows = { event: typeof ticketEvents.$inferInsert; timeline: TimelineEvent | null };

/** The rows of one entry of the ticket's history and, for milestones, of the owner's timeline. */
export function ticketEventRows(ticket: TicketRow, actor: Actor, event: TicketEventInput, at: Date): TicketEventRows {
  return {
    event: {
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      kind: event.kind,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      note: event.note ?? '',
      visibleToOwner: event.visibleToOwner ?? false,
      data: event.data ?? null,
      at,
    },
    timeline:
      event.timeline && (ticket.reporterPersonId || ticket.householdId)
        ? {
            tenantId: ticket.tenantId,
            personId: ticket.reporterPersonId,
            householdId: ticket.householdId,
            kind: 'ticket',
            title: event.timeline,
            detail: { ticketId: ticket.id, number: ticket.number, event: event.kind, status: event.toStatus ?? ticket.status },
            actorName: actor.name,
            occurredAt: at,
          }
        : null,
  };
}

/** One entry of the ticket's history, and, for milestones, of the owner's timeline: same transaction as the change. */
export async function recordTicketEvent(db: Executor, ticket: TicketRow, actor: Actor, event: TicketEventInput, at: Date): Promise<void> {
  const rows = ticketEventRows(ticket, actor, event, at);
  await insertTicketEvent(db, rows.event);
  if (rows.timeline) await addTimelineEvent(db, rows.timeline);
}
