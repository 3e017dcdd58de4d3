import { shanghaiInstant as at } from '@manyi/core';
import { tickets } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { complaintBody, repairBody, serviceDesk } from './testing';

describe('GET /tickets/stats: the console tiles', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(at('2026-11-23', '10:00')); // Monday
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  const create = async (body: object) => {
    const response = await desk.call(desk.agent.cookie, 'POST', '/tickets', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const act = async (id: string, body: object, cookie = desk.steward.cookie) => {
    const response = await desk.call(cookie, 'POST', `/tickets/${id}/actions`, body);
    expect(response.statusCode, response.body).toBe(200);
  };
  const stats = async (cookie = desk.steward.cookie, query = '') => {
    const response = await desk.call(cookie, 'GET', `/tickets/stats${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** Sessions time out when the test clock jumps a day. */
  const signInAgain = async () => {
    for (const staff of [desk.steward, desk.technician]) staff.cookie = await signIn(t.app, staff.login, staff.password);
  };
  const row = async (id: string) => (await t.connection.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;

  it("counts open, overdue and due-today tickets and this month's SLA compliance from outcomes recorded at resolution", async () => {
    const project = desk.company.project.id;
    const urgent = await create(repairBody(project, { priority: 'urgent' })); // on site in 30 min, resolved in 8 h
    const urgentLeft = await create(repairBody(project, { priority: 'urgent' }));
    const routine = await create(repairBody(project)); // resolved by the next working day
    const late = await create(repairBody(project));
    const complaint = await create(complaintBody(project));
    const held = await create(repairBody(project));
    expect(await stats()).toMatchObject({ open: 6, overdue: 0, dueToday: 2, slaComplianceThisMonth: { met: 0, total: 0, rate: null }, month: '2026-11' });

    t.clock.set(at('2026-11-23', '10:05'));
    for (const id of [urgent, urgentLeft, routine, late, complaint, held]) await act(id, { action: 'accept' });
    await act(urgent, { action: 'assign', assigneeId: desk.technician.id });
    await act(urgent, { action: 'start' }, desk.technician.cookie);
    await act(urgent, { action: 'resolve', note: '已关阀更换' }, desk.technician.cookie);
    await act(held, { action: 'hold', reason: '等配件', resumeAt: at('2026-11-24', '12:00').toISOString() });
    // The module clears met deadlines, so the outcome is kept beside them.
    expect(await row(urgent)).toMatchObject({ resolutionDueAt: null, arrivalDueAt: null, resolutionMet: true, arrivalMet: true });
    expect(await stats()).toMatchObject({ open: 5, overdue: 0, dueToday: 1, slaComplianceThisMonth: { met: 1, total: 1, rate: 1 } });

    // 10:40: the unattended urgent repair missed its 10:30 arrival; its resolution is still due today.
    // Open and already late, it counts as missed in the month's rate before anyone resolves it.
    t.clock.set(at('2026-11-23', '10:40'));
    expect(await stats()).toMatchObject({
      open: 5,
      overdue: 1,
      dueToday: 1,
      slaComplianceThisMonth: { met: 1, resolved: 1, overdueOpen: 1, total: 2, rate: 0.5 },
    });

    // Tuesday 11:00: one routine repair is resolved an hour late, the other is overdue.
    t.clock.set(at('2026-11-24', '11:00'));
    await signInAgain();
    await act(late, { action: 'assign', assigneeId: desk.technician.id });
    await act(late, { action: 'start' }, desk.technician.cookie);
    await act(late, { action: 'resolve', note: '已处理' }, desk.technician.cookie);
    expect(await row(late)).toMatchObject({ resolutionMet: false, arrivalMet: null });
    const tuesday = await stats();
    expect(tuesday).toMatchObject({ open: 4, slaComplianceThisMonth: { met: 1, resolved: 2 } });
    expect(tuesday.overdue).toBeGreaterThanOrEqual(2); // the routine repair and the urgent one (plus owner updates owed)
    const { overdueOpen, total, rate } = tuesday.slaComplianceThisMonth;
    expect(overdueOpen).toBeGreaterThanOrEqual(2);
    expect(total).toBe(2 + overdueOpen);
    expect(rate).toBeCloseTo(1 / total);

    // A reopened ticket leaves the month's figure until it is resolved again.
    await act(late, { action: 'reopen', reason: 'recurred', note: '业主反映仍在漏水' });
    expect(await row(late)).toMatchObject({ resolutionMet: null });
    expect((await stats()).slaComplianceThisMonth).toMatchObject({ met: 1, resolved: 1 });

    // December starts a new month: nothing resolved yet, but the tickets still late are missed promises.
    t.clock.set(at('2026-12-01', '09:00'));
    await signInAgain();
    const december = (await stats()).slaComplianceThisMonth;
    expect(december).toMatchObject({ met: 0, resolved: 0, rate: 0 });
    expect(december.overdueOpen).toBeGreaterThan(0);
    expect((await row(held)).status).toBe('on_hold');
  });
});

describe('GET /tickets/stats: scope', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());
  const stats = async (cookie: string, query = '') => (await desk.call(cookie, 'GET', `/tickets/stats${query}`)).json();

  it("is scoped to the caller's projects, company-wide for admin and quality", async () => {
    await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id));
    const other = await createProject(t.connection.db, desk.company.tenant.id);
    const stranger = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['steward'], projectIds: [other.id] });
    const strangerCookie = await signIn(t.app, stranger.login, stranger.password);
    expect(await stats(strangerCookie)).toMatchObject({ open: 0, overdue: 0, dueToday: 0 });
    expect(await stats(strangerCookie, `?projectId=${desk.company.project.id}`)).toMatchObject({ open: 0 });
    await desk.call(desk.admin.cookie, 'POST', '/tickets', repairBody(other.id));
    expect((await stats(strangerCookie)).open).toBe(1);
    const all = await stats(desk.admin.cookie);
    const mine = await stats(desk.steward.cookie);
    expect(mine.open).toBe(1);
    expect(all.open).toBe(mine.open + 1);
    expect((await stats(desk.admin.cookie, `?projectId=${other.id}`)).open).toBe(1);
  });
});
