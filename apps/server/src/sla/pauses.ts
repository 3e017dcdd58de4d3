import type { Pause } from '@manyi/core';
import { ticketEvents, type Executor } from '@manyi/db';
import { and, asc, eq, inArray, or } from 'drizzle-orm';

type HoldState = { id: string; tenantId: string; status: string; holdUntil: Date | null };
export type HoldEvent = { fromStatus: string | null; toStatus: string | null; at: Date };

/**
 * The spans a ticket spent on hold (挂起), read from its timeline: an event into on_hold opens a
 * pause, an event out of it closes it. A hold that is still running lasts until the planned
 * resume time (or now, if that has passed or is unknown), so the deadlines shown while on hold are
 * the ones that will apply if the ticket resumes as planned; when it resumes the deadlines are
 * recomputed with the real end. A ticket on hold whose hold event is not yet written (the caller
 * computes deadlines before recording the event) is treated as held from now.
 */
export async function holdPauses(db: Executor, ticket: HoldState, now: Date): Promise<Pause[]> {
  const events = await db
    .select({ fromStatus: ticketEvents.fromStatus, toStatus: ticketEvents.toStatus, at: ticketEvents.at })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.tenantId, ticket.tenantId),
        eq(ticketEvents.ticketId, ticket.id),
        or(eq(ticketEvents.toStatus, 'on_hold'), eq(ticketEvents.fromStatus, 'on_hold')),
      ),
    )
    .orderBy(asc(ticketEvents.at));
  return pausesFrom(events, ticket, now);
}

/** The hold events of many tickets of one company at once, by ticket id (batch recomputation). */
export async function holdEventsOf(db: Executor, tenantId: string, ticketIds: readonly string[]): Promise<Map<string, HoldEvent[]>> {
  const byTicket = new Map<string, HoldEvent[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await db
    .select({ ticketId: ticketEvents.ticketId, fromStatus: ticketEvents.fromStatus, toStatus: ticketEvents.toStatus, at: ticketEvents.at })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.tenantId, tenantId),
        inArray(ticketEvents.ticketId, [...ticketIds]),
        or(eq(ticketEvents.toStatus, 'on_hold'), eq(ticketEvents.fromStatus, 'on_hold')),
      ),
    )
    .orderBy(asc(ticketEvents.at));
  for (const { ticketId, ...event } of rows) byTicket.set(ticketId, [...(byTicket.get(ticketId) ?? []), event]);
  return byTicket;
}

/** The pauses described by a ticket's hold events (in time order), as holdPauses explains. */
export function pausesFrom(events: readonly HoldEvent[], ticket: HoldState, now: Date): Pause[] {
  const pauses: Pause[] = [];
  let openedAt: Date | null = null;
  for (const event of events) {
    if (event.toStatus === 'on_hold' && event.fromStatus !== 'on_hold') openedAt ??= event.at;
    else if (event.fromStatus === 'on_hold' && event.toStatus !== 'on_hold' && openedAt) {
      pauses.push({ from: openedAt, to: event.at });
      openedAt = null;
    }
  }
  if (ticket.status === 'on_hold') {
    const from = openedAt ?? now;
    const plannedEnd = ticket.holdUntil && ticket.holdUntil.getTime() > now.getTime() ? ticket.holdUntil : now;
    if (plannedEnd.getTime() > from.getTime()) pauses.push({ from, to: plannedEnd });
  } else if (openedAt && now.getTime() > openedAt.getTime()) {
    // Resumed, but the resume event is not written yet: the hold ended now.
    pauses.push({ from: openedAt, to: now });
  }
  return pauses;
}
