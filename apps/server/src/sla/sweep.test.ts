import { escalationLevel, shanghaiInstant as at } from '@manyi/core';
import { ticketAlerts, tickets, type Connection, type Database } from '@manyi/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, otherInstance, testDatabase } from '../../test';
import { rungOf } from './escalation-ladder';
import { runSlaSweep } from './sweep';
import { insertTicketWithDeadlines, minutes, plus, refreshDeadlines } from './testing';

let connection: Connection;
beforeAll(async () => {
  connection = await testDatabase();
});
afterAll(() => connection.close());

const reportedAt = at('2026-11-23', '10:00');

async function alertsOf(db: Database, ticketId: string) {
  const rows = await db.select().from(ticketAlerts).where(eq(ticketAlerts.ticketId, ticketId));
  return rows.map((row) => `${row.kind}:${row.target}:${row.level}`).sort();
}

async function company() {
  const { tenant, project } = await createCompany(connection.db);
  const sweep = (now: Date) => runSlaSweep(connection.db, now, { tenantIds: [tenant.id] });
  return { tenant, project, sweep };
}

describe('runSlaSweep', () => {
  it('warns at 80% of a target, then records the breach and escalates to the project manager', async () => {
    const { tenant, project, sweep } = await company();
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    await sweep(plus(reportedAt, minutes(23)));
    expect(await alertsOf(connection.db, ticket.id)).toEqual([]);
    await sweep(plus(reportedAt, minutes(24))); // 80% of 30 minutes
    expect(await alertsOf(connection.db, ticket.id)).toEqual(['warning:response:0']);
    await sweep(plus(reportedAt, minutes(31)));
    expect(await alertsOf(connection.db, ticket.id)).toEqual(['breach:response:0', 'escalation:response:1', 'warning:response:0']);
    const [row] = await connection.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.escalationLevel).toBe(1);
  });

  it('climbs the ladder as the breach ages, as core escalationLevel says, and never lowers the level', async () => {
    const { tenant, project, sweep } = await company();
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt, lastOwnerUpdateAt: reportedAt });
    const due = ticket.responseDueAt!;
    for (const ageMinutes of [0, 24 * 60, 72 * 60]) {
      await sweep(plus(due, minutes(ageMinutes)));
      const [row] = await connection.db.select().from(tickets).where(eq(tickets.id, ticket.id));
      expect(row!.escalationLevel).toBe(rungOf[escalationLevel(ageMinutes)]);
    }
    expect((await alertsOf(connection.db, ticket.id)).filter((key) => key.startsWith('escalation:response'))).toEqual([
      'escalation:response:1',
      'escalation:response:2',
      'escalation:response:3',
    ]);
    await connection.db.update(tickets).set({ escalationLevel: 3 }).where(eq(tickets.id, ticket.id));
    await sweep(plus(due, minutes(1)));
    const [after] = await connection.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after!.escalationLevel).toBe(3);
  });

  it('takes the urgent ladder for a safety emergency: quality after one hour overdue', async () => {
    const { tenant, project, sweep } = await company();
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { type: 'repair', categoryCode: 'order.fire', reportedAt });
    await sweep(plus(ticket.arrivalDueAt!, minutes(61)));
    expect(await alertsOf(connection.db, ticket.id)).toContain('escalation:arrival:2');
  });

  it('reminds about a missing progress update, escalates when it is still missing, and reminds again next cycle', async () => {
    const { tenant, project, sweep } = await company();
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt, firstResponseAt: reportedAt, resolvedAt: null });
    await connection.db.update(tickets).set({ resolutionDueAt: null }).where(eq(tickets.id, ticket.id));
    await sweep(plus(reportedAt, minutes(24 * 60 - 1)));
    expect(await alertsOf(connection.db, ticket.id)).toEqual([]);
    await sweep(plus(reportedAt, minutes(24 * 60)));
    expect(await alertsOf(connection.db, ticket.id)).toEqual(['update_reminder:update:1']);
    await sweep(plus(reportedAt, minutes(48 * 60)));
    expect(await alertsOf(connection.db, ticket.id)).toEqual(['escalation:update:1', 'update_reminder:update:1']);
    // The steward finally tells the owner; the next missed update is a new reminder.
    await connection.db
      .update(tickets)
      .set({ lastOwnerUpdateAt: plus(reportedAt, minutes(49 * 60)) })
      .where(eq(tickets.id, ticket.id));
    const updated = await refreshDeadlines(connection.db, ticket.id, plus(reportedAt, minutes(49 * 60)));
    await connection.db.update(tickets).set({ resolutionDueAt: null }).where(eq(tickets.id, ticket.id));
    await sweep(plus(updated.nextUpdateDueAt!, minutes(1)));
    expect(await alertsOf(connection.db, ticket.id)).toEqual(['escalation:update:1', 'update_reminder:update:1', 'update_reminder:update:2']);
  });

  it('ignores held and closed tickets, and watches only the return visit once resolved', async () => {
    const { tenant, project, sweep } = await company();
    const held = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    await connection.db.update(tickets).set({ status: 'on_hold' }).where(eq(tickets.id, held.id));
    const closed = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    await connection.db.update(tickets).set({ status: 'closed' }).where(eq(tickets.id, closed.id));
    const resolvedAt = plus(reportedAt, minutes(60));
    const resolved = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt, status: 'resolved', resolvedAt }, resolvedAt);
    await sweep(plus(reportedAt, minutes(5 * 24 * 60)));
    expect(await alertsOf(connection.db, held.id)).toEqual([]);
    expect(await alertsOf(connection.db, closed.id)).toEqual([]);
    expect((await alertsOf(connection.db, resolved.id)).every((key) => key.includes(':visit:'))).toBe(true);
    expect(await alertsOf(connection.db, resolved.id)).toContain('breach:visit:0');
  });

  it('is idempotent: a second sweep at the same or a later time adds nothing new for the same levels', async () => {
    const { tenant, project, sweep } = await company();
    await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    const now = plus(reportedAt, minutes(40));
    const first = await sweep(now);
    expect(first.alerts).toBeGreaterThan(0);
    expect((await sweep(now)).alerts).toBe(0);
    expect((await sweep(plus(now, minutes(5)))).alerts).toBe(0);
  });

  it('writes exactly one alert per (ticket, kind, target, level) when two sweeps run at once', async () => {
    const { tenant, project } = await company();
    for (let index = 0; index < 30; index += 1) {
      await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt: plus(reportedAt, minutes(index)) });
    }
    const now = plus(reportedAt, minutes(30 * 60));
    // On PostgreSQL the second sweep runs on its own pool, like a second server instance.
    const second = await otherInstance(connection);
    try {
      const results = await Promise.all([
        runSlaSweep(connection.db, now, { tenantIds: [tenant.id], batchSize: 7 }),
        runSlaSweep(second.db, now, { tenantIds: [tenant.id], batchSize: 7 }),
      ]);
      const counts = await connection.db
        .select({ total: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct (ticket_id, kind, target, level))::int` })
        .from(ticketAlerts)
        .where(and(eq(ticketAlerts.tenantId, tenant.id)));
      expect(counts[0]!.total).toBe(counts[0]!.distinct);
      expect(results[0].alerts + results[1].alerts).toBe(counts[0]!.total);
      // Response overdue by over 24 hours: breach, escalations 1 and 2; plus the missed-update reminder.
      expect(counts[0]!.total).toBe(30 * 4);
    } finally {
      await second.close();
    }
  });
});
