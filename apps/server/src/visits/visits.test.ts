import { requiresReturnVisit, shanghaiInstant as at } from '@manyi/core';
import { returnVisits, tenantSettings, tickets } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test';
import { complaintBody, futureIso, repairBody, serviceDesk } from '../tickets/testing';

describe('return-visit policy: which resolved tickets owe a 回访', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(at('2026-11-23', '10:00'));
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  const create = async (body: object) => {
    const response = await desk.call(desk.agent.cookie, 'POST', '/tickets', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const act = (id: string, body: object, cookie = desk.steward.cookie) => desk.call(cookie, 'POST', `/tickets/${id}/actions`, body);
  const resolveRepair = async (id: string) => {
    await act(id, { action: 'accept' });
    await act(id, { action: 'assign', assigneeId: desk.technician.id });
    await act(id, { action: 'start' }, desk.technician.cookie);
    const resolved = await act(id, { action: 'resolve', note: '已处理' }, desk.technician.cookie);
    expect(resolved.statusCode, resolved.body).toBe(200);
    return resolved.json();
  };
  const row = async (id: string) => (await t.connection.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
  const settings = (body: object, cookie = desk.admin.cookie) => desk.call(cookie, 'PUT', '/visit-settings', body);

  it('visits every resolved ticket until the company sets shares; only admin and quality change them; complaints stay at 1', async () => {
    expect((await desk.call(desk.steward.cookie, 'GET', '/visit-settings')).json()).toEqual({ complaintShare: 1, repairShare: 1, otherShare: 1 });
    expect((await settings({ repairShare: 0.3, otherShare: 0 }, desk.steward.cookie)).statusCode).toBe(403);
    expect((await settings({ repairShare: 1.5, otherShare: 0 })).statusCode).toBe(400);

    const lower = await settings({ complaintShare: 0.5, repairShare: 0.3, otherShare: 0 });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().errors).toMatchObject([
      {
        field: 'complaintShare',
        messages: { 'zh-CN': '投诉必须全部回访,回访比例不能低于 100%', 'en-US': 'Every complaint gets a return visit; its share cannot be lower than 100%' },
      },
    ]);

    // The group-detection thresholds live in the same row and survive (incidents/settings.ts).
    expect((await desk.call(desk.admin.cookie, 'PUT', '/incident-settings', { minimumHouseholds: 4, windowHours: 12 })).statusCode).toBe(200);
    const saved = await settings({ complaintShare: 1, repairShare: 0.3, otherShare: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ complaintShare: 1, repairShare: 0.3, otherShare: 0 });
    expect((await desk.call(desk.steward.cookie, 'GET', '/incident-settings')).json()).toEqual({ minimumHouseholds: 4, windowHours: 12 });
    const [stored] = await t.connection.db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, desk.company.tenant.id));
    expect(stored!.data).toEqual({
      groupDetection: { minimumHouseholds: 4, windowHours: 12 },
      returnVisit: { complaintShare: 1, repairShare: 0.3, otherShare: 0 },
    });
  });

  it('decides at resolution from the ticket id, the same way core does, and sets a visit deadline only where one is owed', async () => {
    await settings({ repairShare: 0.5, otherShare: 0 });
    // Until both answers have come up (ids are random; 40 tickets all alike would be a 1 in 2^39 chance).
    const seen = new Set<boolean>();
    for (let index = 0; index < 40 && seen.size < 2; index += 1) {
      const id = await create(repairBody(desk.company.project.id));
      const summary = await resolveRepair(id);
      const owed = requiresReturnVisit({ id, type: 'repair', reopenCount: 0 }, { complaintShare: 1, repairShare: 0.5, otherShare: 0 });
      const ticket = await row(id);
      expect(ticket.visitRequired, id).toBe(owed);
      expect(ticket.visitDueAt !== null, id).toBe(owed);
      expect(
        summary.sla.some((target: { target: string }) => target.target === 'return_visit'),
        id,
      ).toBe(owed);
      seen.add(owed);
    }
    expect(seen.size).toBe(2);
  });

  it('lets staff close a resolved ticket that owes no visit, while the owner may still confirm it', async () => {
    await settings({ repairShare: 0, otherShare: 0 });
    const skipped = await create(repairBody(desk.company.project.id));
    await resolveRepair(skipped);
    expect(await row(skipped)).toMatchObject({ visitRequired: false, visitDueAt: null });
    const detail = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${skipped}`)).json();
    expect(detail.availableActions).toEqual(['visit', 'close', 'reopen']);
    // The technician who did the work does not close it.
    expect((await act(skipped, { action: 'close' }, desk.technician.cookie)).statusCode).toBe(403);
    const closed = await act(skipped, { action: 'close' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', visitedAt: null, sla: [] });

    // The owner confirms on the H5 page a ticket that owed no visit; a rating is a rating either way.
    const confirmed = await create(repairBody(desk.company.project.id, { reporterPersonId: desk.company.owner.id }));
    await resolveRepair(confirmed);
    const owner = await desk.ownerCookie();
    const answer = await t.app.inject({ method: 'POST', url: `/api/v1/owner/tickets/${confirmed}/confirm`, headers: { cookie: owner }, payload: { csat: 4 } });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'visited', rating: { csat: 4 } });
  });

  it('still waits for the visit on a complaint and on a ticket that came back', async () => {
    const complaint = await create(complaintBody(desk.company.project.id));
    await act(complaint, { action: 'accept' });
    await act(complaint, { action: 'assign', assigneeId: desk.steward.id });
    await act(complaint, { action: 'start' });
    await desk.call(desk.steward.cookie, 'PUT', `/tickets/${complaint}/clear`, {
      controlNote: '请业主到接待室坐下',
      listenSummary: '前台态度冷淡',
      empathyStatement: '换作是我也会不舒服',
      apology: '非常抱歉',
      resolvePlan: '当面致歉并培训',
      promisedAt: futureIso(t, 48),
    });
    await desk.call(desk.steward.cookie, 'PUT', `/tickets/${complaint}/recovery`, {
      emotionalRecovery: '经理上门致歉',
      problemRecovery: '接待流程加入首问登记',
    });
    expect((await act(complaint, { action: 'resolve', note: '已处理完毕' })).json().status).toBe('resolved');
    expect((await row(complaint)).visitRequired).toBe(true);
    const refused = await act(complaint, { action: 'close' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'return_visit_required', messages: { 'zh-CN': '此工单需要先回访业主,回访确认后才能关闭' } });
    expect((await desk.call(desk.steward.cookie, 'GET', `/tickets/${complaint}`)).json().availableActions).toEqual(['visit', 'reopen']);

    const repair = await create(repairBody(desk.company.project.id));
    await resolveRepair(repair);
    expect((await row(repair)).visitRequired).toBe(false);
    await act(repair, { action: 'reopen', reason: 'recurred', note: '第二天又漏了' });
    await act(repair, { action: 'assign', assigneeId: desk.technician.id });
    await act(repair, { action: 'start' }, desk.technician.cookie);
    await act(repair, { action: 'resolve', note: '更换整段水管' }, desk.technician.cookie);
    expect(await row(repair)).toMatchObject({ status: 'resolved', reopenCount: 1, visitRequired: true });
    expect((await row(repair)).visitDueAt).not.toBeNull();
    expect((await act(repair, { action: 'close' })).statusCode).toBe(409);
  });

  it('never counts an unanswered call as a visit: no rating kept, the visit clock runs on and turns overdue', async () => {
    await settings({ repairShare: 1, otherShare: 1 });
    const id = await create(repairBody(desk.company.project.id));
    await resolveRepair(id);
    const attempt = await desk.call(desk.steward.cookie, 'POST', `/tickets/${id}/visits`, {
      method: 'phone',
      outcome: 'no_answer',
      csat: 5,
      comment: '无人接听',
    });
    expect(attempt.statusCode, attempt.body).toBe(201);
    expect(attempt.json()).toMatchObject({ status: 'resolved', visitedAt: null });
    const [visit] = await t.connection.db.select().from(returnVisits).where(eq(returnVisits.ticketId, id));
    expect(visit).toMatchObject({ outcome: 'no_answer', csat: null });
    expect((await act(id, { action: 'close' })).statusCode).toBe(409);

    // A day and more later the visit is overdue in the tile and in the queue alike.
    t.clock.advance(26 * 3_600_000);
    desk.steward.cookie = await signIn(t.app, desk.steward.login, desk.steward.password);
    const overdue = (await desk.call(desk.steward.cookie, 'GET', '/tickets?overdue=true&limit=100')).json();
    expect(overdue.items.map((item: { id: string }) => item.id)).toContain(id);
    const stats = (await desk.call(desk.steward.cookie, 'GET', '/tickets/stats')).json();
    expect(stats.overdue).toBe(overdue.items.length);
  });
});
