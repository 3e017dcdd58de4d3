import { shanghaiDate } from '@manyi/core';
import { auditLogs, ticketEvents, tickets, ticketSequences, timelineEvents } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHousehold, createProject, createBuilding, createTestApp, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';

describe('one receipt: all or nothing', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-23T02:00:00Z');
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  const db = () => t.connection.db;
  const tenantId = () => desk.company.tenant.id;
  const projectId = () => desk.company.project.id;
  const receive = (extra: object = {}) => desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(projectId(), extra));
  const lastNumber = async () =>
    (
      await db()
        .select({ value: ticketSequences.lastValue })
        .from(ticketSequences)
        .where(and(eq(ticketSequences.tenantId, tenantId()), eq(ticketSequences.projectId, projectId()), eq(ticketSequences.day, shanghaiDate(t.clock.now()))))
    )[0]?.value ?? 0;
  const counts = async () => ({
    tickets: (await db().select({ id: tickets.id }).from(tickets).where(eq(tickets.tenantId, tenantId()))).length,
    events: (await db().select({ id: ticketEvents.id }).from(ticketEvents).where(eq(ticketEvents.tenantId, tenantId()))).length,
    timeline: (await db().select({ id: timelineEvents.id }).from(timelineEvents).where(eq(timelineEvents.tenantId, tenantId()))).length,
    audit: (
      await db()
        .select({ id: auditLogs.id })
        .from(auditLogs)
        .where(and(eq(auditLogs.tenantId, tenantId()), eq(auditLogs.entityType, 'ticket')))
    ).length,
  });

  it('writes the ticket, its first event, the owner timeline entry and the audit row together, by the receiver', async () => {
    const before = await counts();
    const response = await receive({ reporterPersonId: desk.company.owner.id });
    expect(response.statusCode, response.body).toBe(201);
    const ticket = response.json();
    expect(await counts()).toEqual({ tickets: before.tickets + 1, events: before.events + 1, timeline: before.timeline + 1, audit: before.audit + 1 });
    const [audit] = await db()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, tenantId()), eq(auditLogs.entityId, ticket.id)));
    expect(audit).toMatchObject({ actorKind: 'staff', actorId: desk.agent.id, actorName: '热线小李', action: 'create' });
    expect(ticket).toMatchObject({ householdId: desk.company.household.id, reporterName: desk.company.owner.name, householdLabel: '1栋1单元101' });
  });

  it('a receipt refused for its place or category writes nothing and uses no number', async () => {
    const taken = await lastNumber();
    const before = await counts();
    const otherProject = await createProject(db(), tenantId());
    const otherBuilding = await createBuilding(db(), tenantId(), otherProject.id, '9');
    const elsewhere = await createHousehold(db(), tenantId(), otherBuilding, '901');
    const wrongHousehold = await receive({ householdId: elsewhere.id });
    expect(wrongHousehold.statusCode).toBe(422);
    expect(wrongHousehold.json().errors[0]).toMatchObject({ field: 'householdId' });
    const unknownCategory = await receive({ categoryCode: 'no.such.category' });
    expect(unknownCategory.statusCode).toBe(422);
    expect(unknownCategory.json().errors[0]).toMatchObject({ field: 'categoryCode' });
    const scopeOnRepair = await receive({ complaintScope: 'public' });
    expect(scopeOnRepair.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
    expect(await lastNumber()).toBe(taken);
  });

  it("a receipt that fails while writing leaves no row, only a gap in the day's numbers", async () => {
    const taken = await lastNumber();
    const before = await counts();
    // Another ticket already carries the next number (as if written behind the desk's back): the insert fails on the unique number.
    const clash = `BX-${shanghaiDate(t.clock.now()).replaceAll('-', '')}-${String(taken + 1).padStart(4, '0')}`;
    await db().insert(tickets).values({
      tenantId: tenantId(),
      projectId: projectId(),
      number: clash,
      type: 'repair',
      channel: 'hotline',
      priority: 'normal',
      status: 'new',
      title: '占号',
      reportedAt: t.clock.now(),
    });
    const failed = await receive();
    expect(failed.statusCode).toBe(500);
    // No ticket, event, timeline entry or audit row of the failed receipt; its number is not reused.
    expect(await counts()).toEqual({ ...before, tickets: before.tickets + 1 });
    expect(await lastNumber()).toBe(taken + 1);
    const next = await receive();
    expect(next.statusCode).toBe(201);
    expect(next.json().number).toBe(`${clash.slice(0, -4)}${String(taken + 2).padStart(4, '0')}`);
  });
});
