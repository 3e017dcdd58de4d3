/** Test factories for SLA tests: tickets inserted straight into the table (ticket routes live elsewhere). */
import { ticketEvents, tickets, type Database } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { applySlaDeadlines } from './deadlines';

export type TicketOverrides = Partial<typeof tickets.$inferInsert>;

export async function insertTicket(db: Database, tenantId: string, projectId: string, overrides: TicketOverrides = {}) {
  const [ticket] = await db
    .insert(tickets)
    .values({
      tenantId,
      projectId,
      number: `BX-${uuidv7().slice(-12)}`,
      type: 'complaint',
      channel: 'hotline',
      priority: 'normal',
      status: 'accepted',
      title: '测试工单',
      location: '3栋1201',
      reportedAt: new Date('2026-11-23T02:00:00Z'),
      ...overrides,
    })
    .returning();
  return ticket!;
}

/** Recomputes and stores the deadline columns, as the ticket service does after every change. */
export async function refreshDeadlines(db: Database, ticketId: string, now: Date) {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  const columns = await applySlaDeadlines(db, ticket!, now);
  const [updated] = await db
    .update(tickets)
    .set(columns)
    .where(and(eq(tickets.tenantId, ticket!.tenantId), eq(tickets.id, ticketId)))
    .returning();
  return updated!;
}

export async function insertTicketWithDeadlines(db: Database, tenantId: string, projectId: string, overrides: TicketOverrides = {}, now?: Date) {
  const ticket = await insertTicket(db, tenantId, projectId, overrides);
  return refreshDeadlines(db, ticket.id, now ?? ticket.reportedAt);
}

export async function recordStatusEvent(db: Database, ticket: { id: string; tenantId: string }, fromStatus: string, toStatus: string, at: Date) {
  await db.insert(ticketEvents).values({ tenantId: ticket.tenantId, ticketId: ticket.id, kind: 'status', fromStatus, toStatus, actorKind: 'staff', at });
}

export const minutes = (count: number) => count * 60_000;
export const plus = (date: Date, milliseconds: number) => new Date(date.getTime() + milliseconds);
