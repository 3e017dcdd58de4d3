import { defaultSlaPolicies, shanghaiInstant as at } from '@manyi/core';
import { calendarDays, slaPolicies, tickets } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, testDatabase } from '../../test';
import type { Connection } from '@manyi/db';
import { applySlaDeadlines } from './deadlines';
import { loadTenantPolicies } from './policy-store';
import { insertTicket, insertTicketWithDeadlines, minutes, plus, recordStatusEvent, refreshDeadlines } from './testing';

let connection: Connection;
beforeAll(async () => {
  connection = await testDatabase();
});
afterAll(() => connection.close());

describe('applySlaDeadlines', () => {
  it('seeds the default policies once, even when two callers race', async () => {
    const { tenant, project } = await createCompany(connection.db);
    const ticket = await insertTicket(connection.db, tenant.id, project.id);
    await Promise.all([applySlaDeadlines(connection.db, ticket, ticket.reportedAt), applySlaDeadlines(connection.db, ticket, ticket.reportedAt)]);
    const rows = await connection.db.select().from(slaPolicies).where(eq(slaPolicies.tenantId, tenant.id));
    expect(rows.map((row) => row.code)).toContain('complaint');
    expect((await loadTenantPolicies(connection.db, tenant.id)).length).toBe(rows.length);
    expect(rows.length).toBe(defaultSlaPolicies.length);
  });

  it('gives a complaint 30 minutes (24x7), an update every 24 hours and 3 working days to resolve', async () => {
    const { tenant, project } = await createCompany(connection.db);
    const reportedAt = at('2026-11-23', '10:00'); // Monday
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    expect(ticket.slaPolicyCode).toBe('complaint');
    expect(ticket.responseDueAt).toEqual(plus(reportedAt, minutes(30)));
    expect(ticket.nextUpdateDueAt).toEqual(plus(reportedAt, minutes(24 * 60)));
    expect(ticket.resolutionDueAt).toEqual(at('2026-11-26', '10:00'));
    expect(ticket.arrivalDueAt).toBeNull();
    expect(ticket.visitDueAt).toBeNull();
  });

  it('skips a company holiday and counts a company 调休 Saturday on the working-hours calendar', async () => {
    const { tenant, project } = await createCompany(connection.db);
    // Inquiries keep the working-hours calendar by default (repairs and complaints run round the clock).
    const repair = { type: 'inquiry', categoryCode: 'fees.property_fee', priority: 'normal' };
    const before = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { ...repair, reportedAt: at('2026-11-23', '17:00') });
    expect(before.slaPolicyCode).toBe('inquiry');
    expect(before.resolutionDueAt).toEqual(at('2026-11-24', '17:00'));
    await connection.db.insert(calendarDays).values([
      { tenantId: tenant.id, day: '2026-11-24', kind: 'holiday', name: '项目停业' },
      { tenantId: tenant.id, day: '2026-11-28', kind: 'workday', name: '调休' },
    ]);
    const holiday = await refreshDeadlines(connection.db, before.id, at('2026-11-23', '17:00'));
    // 60 minutes on Monday, none on the Tuesday holiday, 420 on Wednesday.
    expect(holiday.resolutionDueAt).toEqual(at('2026-11-25', '17:00'));
    const friday = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { ...repair, reportedAt: at('2026-11-27', '17:00') });
    expect(friday.resolutionDueAt).toEqual(at('2026-11-28', '17:00'));
    // The 30-minute response still fits before Friday's closing time.
    expect(friday.responseDueAt).toEqual(at('2026-11-27', '17:30'));
  });

  it('pushes every running deadline by the time spent on hold', async () => {
    const { tenant, project } = await createCompany(connection.db);
    const reportedAt = at('2026-11-23', '10:00');
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    await recordStatusEvent(connection.db, ticket, 'accepted', 'on_hold', plus(reportedAt, minutes(10)));
    await connection.db
      .update(tickets)
      .set({ status: 'on_hold', statusBeforeHold: 'accepted', holdUntil: plus(reportedAt, minutes(130)) })
      .where(eq(tickets.id, ticket.id));
    const held = await refreshDeadlines(connection.db, ticket.id, plus(reportedAt, minutes(20)));
    // Planned two-hour hold: the response clock resumes at 12:10 with 20 minutes left.
    expect(held.responseDueAt).toEqual(plus(reportedAt, minutes(150)));
    await recordStatusEvent(connection.db, ticket, 'on_hold', 'accepted', plus(reportedAt, minutes(70)));
    await connection.db.update(tickets).set({ status: 'accepted', holdUntil: null }).where(eq(tickets.id, ticket.id));
    const resumed = await refreshDeadlines(connection.db, ticket.id, plus(reportedAt, minutes(70)));
    expect(resumed.responseDueAt).toEqual(plus(reportedAt, minutes(90)));
    expect(resumed.nextUpdateDueAt).toEqual(plus(reportedAt, minutes(24 * 60 + 60)));
  });

  it('clears met targets, starts the return-visit clock at resolution and clears everything once closed', async () => {
    const { tenant, project } = await createCompany(connection.db);
    const reportedAt = at('2026-11-23', '10:00');
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    await connection.db
      .update(tickets)
      .set({ firstResponseAt: plus(reportedAt, minutes(5)), lastOwnerUpdateAt: plus(reportedAt, minutes(60)) })
      .where(eq(tickets.id, ticket.id));
    const responded = await refreshDeadlines(connection.db, ticket.id, plus(reportedAt, minutes(60)));
    expect(responded.responseDueAt).toBeNull();
    expect(responded.nextUpdateDueAt).toEqual(plus(reportedAt, minutes(25 * 60)));
    const resolvedAt = plus(reportedAt, minutes(120));
    await connection.db.update(tickets).set({ status: 'resolved', resolvedAt }).where(eq(tickets.id, ticket.id));
    const resolved = await refreshDeadlines(connection.db, ticket.id, resolvedAt);
    expect(resolved.resolutionDueAt).toBeNull();
    expect(resolved.nextUpdateDueAt).toBeNull();
    expect(resolved.visitDueAt).toEqual(plus(resolvedAt, minutes(3 * 24 * 60)));
    await connection.db.update(tickets).set({ status: 'closed' }).where(eq(tickets.id, ticket.id));
    const closed = await refreshDeadlines(connection.db, ticket.id, resolvedAt);
    expect([closed.responseDueAt, closed.resolutionDueAt, closed.visitDueAt, closed.nextUpdateDueAt]).toEqual([null, null, null, null]);
    expect(closed.slaPolicyCode).toBe('complaint');
  });

  it('gives a gas leak 8 minutes to arrive, round the clock, whatever the channel', async () => {
    const { tenant, project } = await createCompany(connection.db);
    const reportedAt = at('2026-11-28', '23:00'); // Saturday night
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, {
      type: 'repair',
      channel: 'gov_12345',
      categoryCode: 'engineering.gas',
      reportedAt,
    });
    expect(ticket.slaPolicyCode).toBe('safety');
    expect(ticket.arrivalDueAt).toEqual(plus(reportedAt, minutes(8)));
  });
});
