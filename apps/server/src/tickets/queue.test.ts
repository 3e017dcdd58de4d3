import { shanghaiInstant as at } from '@manyi/core';
import { incidents, tickets } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test';
import { complaintBody, repairBody, serviceDesk } from './testing';

describe('GET /tickets: the overdue and due-today filters list what the tiles count', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(at('2026-11-23', '10:00')); // Monday
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  const create = async (body: object, cookie = desk.agent.cookie) => {
    const response = await desk.call(cookie, 'POST', '/tickets', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const act = async (id: string, body: object, cookie = desk.steward.cookie) => {
    const response = await desk.call(cookie, 'POST', `/tickets/${id}/actions`, body);
    expect(response.statusCode, response.body).toBe(200);
  };
  const listed = async (query: string) => {
    const response = await desk.call(desk.steward.cookie, 'GET', `/tickets?limit=100&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as { id: string }[]).map((item) => item.id).sort();
  };
  const tiles = async () => (await desk.call(desk.steward.cookie, 'GET', '/tickets/stats')).json();
  /** Sessions time out when the test clock jumps a day; the steward carries on alone (sign-ins are rate-limited). */
  const signInAgain = async () => {
    desk.steward.cookie = await signIn(t.app, desk.steward.login, desk.steward.password);
  };

  it('counts a missed visit and owner update, leaves held tickets out, and agrees with the tiles at every moment', async () => {
    const project = desk.company.project.id;
    const untouched = await create(repairBody(project, { priority: 'urgent' })); // respond by 10:10, on site by 10:30, resolved by 18:00
    const working = await create(repairBody(project, { priority: 'urgent' }));
    const held = await create(repairBody(project)); // routine: resolved within 8 working hours
    const resolved = await create(repairBody(project, { priority: 'urgent' })); // visited within 24 hours of resolution
    const complaint = await create(complaintBody(project)); // an owner-visible update every 24 hours, concluded in 3 working days
    t.clock.set(at('2026-11-23', '10:05'));
    for (const id of [working, held, resolved, complaint]) await act(id, { action: 'accept' });
    for (const id of [working, resolved]) {
      await act(id, { action: 'assign', assigneeId: desk.technician.id });
      await act(id, { action: 'start' }, desk.technician.cookie);
    }
    await act(resolved, { action: 'resolve', note: '已更换' }, desk.technician.cookie);
    await act(held, { action: 'hold', reason: '等配件', resumeAt: at('2026-11-23', '12:00').toISOString() });

    // Monday 10:40: the untouched repair missed its response and arrival; both urgent repairs are due by 18:00.
    t.clock.set(at('2026-11-23', '10:40'));
    expect(await listed('overdue=true')).toEqual([untouched]);
    expect(await listed('dueToday=true')).toEqual([untouched, working].sort());
    expect(await tiles()).toMatchObject({ overdue: 1, dueToday: 2 });

    // Tuesday 10:00: a routine repair whose resolution falls due on Wednesday morning.
    t.clock.set(at('2026-11-24', '10:00'));
    await signInAgain();
    const tomorrow = await create(repairBody(project), desk.steward.cookie);
    await act(tomorrow, { action: 'accept' });

    // Wednesday 09:00: both urgent repairs are past resolution, the resolved one past its visit, and
    // the complaint, not yet due for resolution, owes the owner an update since Tuesday 10:00.
    // The held repair is past its deadlines too, but its clocks are paused: neither list counts it.
    t.clock.set(at('2026-11-25', '09:00'));
    await signInAgain();
    const heldRow = (await t.connection.db.select().from(tickets).where(eq(tickets.id, held)))[0]!;
    expect(heldRow.status).toBe('on_hold');
    expect(heldRow.resolutionDueAt!.getTime()).toBeLessThan(t.clock.now().getTime());
    expect(await listed('overdue=true')).toEqual([untouched, working, resolved, complaint].sort());
    expect(await listed('dueToday=true')).toEqual([tomorrow]);
    expect(await tiles()).toMatchObject({ overdue: 4, dueToday: 1 });
    // The filters combine with the others.
    expect(await listed('overdue=true&status=resolved')).toEqual([resolved]);
    expect(await listed('overdue=false')).toHaveLength(6);
  });

  it('names the incident a ticket is linked to', async () => {
    const id = await create(repairBody(desk.company.project.id, { categoryCode: 'engineering.water_electric', title: '家里停水' }), desk.steward.cookie);
    expect((await desk.call(desk.steward.cookie, 'GET', `/tickets/${id}`)).json().incidentId).toBeNull();
    const [incident] = await t.connection.db
      .insert(incidents)
      .values({
        tenantId: desk.company.tenant.id,
        projectId: desk.company.project.id,
        kind: 'planned',
        status: 'published',
        title: '2栋计划停水',
        categoryCode: 'engineering.water_electric',
        startsAt: t.clock.now(),
        publishedAt: t.clock.now(),
      })
      .returning();
    await t.connection.db.update(tickets).set({ incidentId: incident!.id }).where(eq(tickets.id, id));
    expect((await desk.call(desk.steward.cookie, 'GET', `/tickets/${id}`)).json().incidentId).toBe(incident!.id);
    const queue = (await desk.call(desk.steward.cookie, 'GET', '/tickets?limit=100')).json();
    expect(queue.items.find((item: { id: string }) => item.id === id)).toMatchObject({ incidentId: incident!.id });
  });
});
