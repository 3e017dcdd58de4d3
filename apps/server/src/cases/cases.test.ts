import { clearRecords, persons, recoveryRecords, returnVisits, tickets } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCompany, signIn, testAppPerFile, type TestApp } from '../../test';
import { complaintBody, serviceDesk } from '../tickets/testing';
import { draftClosedComplaintCases } from './drafting';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('case library', () => {
  let t: TestApp;
  let desk: Desk;
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
  });

  /** A complaint handled with CLEAR and recovery, confirmed at 5 stars and closed (set-up written straight to the tables). */
  async function closedComplaint(title: string) {
    const created = await desk.call(
      desk.agent.cookie,
      'POST',
      '/tickets',
      complaintBody(desk.company.project.id, { title, householdId: desk.company.household.id, reporterPersonId: desk.company.owner.id }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json();
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const now = t.clock.now();
    await db.insert(clearRecords).values({
      tenantId,
      ticketId: ticket.id,
      controlNote: '先请业主坐下喝水',
      listenSummary: '业主说前台爱答不理',
      empathyStatement: '换作是我也会不舒服',
      apology: '是我们培训不到位',
      resolvePlan: '当天约谈前台，明天回电',
      updatedById: desk.steward.id,
      updatedAt: now,
    });
    await db.insert(recoveryRecords).values({
      tenantId,
      ticketId: ticket.id,
      emotionalRecovery: '经理上门致歉',
      problemRecovery: '前台纳入服务礼仪复训',
      updatedById: desk.steward.id,
      updatedAt: now,
    });
    await db
      .insert(returnVisits)
      .values({ tenantId, ticketId: ticket.id, method: 'phone', outcome: 'confirmed', csat: 5, comment: '态度好多了', visitorKind: 'staff', at: now });
    await db.update(tickets).set({ status: 'closed', closedAt: now }).where(eq(tickets.id, ticket.id));
    return ticket;
  }

  it('drafts a case from a closed complaint once; an editor writes cause and lesson and publishes it; everyone finds it', async () => {
    await t.connection.db.update(persons).set({ discStyle: 'tiger' }).where(eq(persons.id, desk.company.owner.id));
    const ticket = await closedComplaint('投诉前台态度冷淡');
    expect(await draftClosedComplaintCases(t.connection.db, t.clock.now(), desk.company.tenant.id)).toBe(1);
    expect(await draftClosedComplaintCases(t.connection.db, t.clock.now(), desk.company.tenant.id)).toBe(0);

    const drafts = (await desk.call(desk.manager.cookie, 'GET', '/cases?status=draft')).json().items;
    const draft = drafts.find((item: { ticketId: string }) => item.ticketId === ticket.id);
    expect(draft).toMatchObject({ status: 'draft', outcome: 'satisfied', discStyle: 'tiger', categoryCode: 'service.attitude', ticketNumber: ticket.number });
    // The list names the category as the company's tree does, not by its code.
    expect(draft.categoryName).toEqual({ 'zh-CN': '服务态度', 'en-US': 'Staff attitude' });
    expect(draft.content.clear).toMatchObject({ listen: '业主说前台爱答不理', resolve: '当天约谈前台，明天回电' });
    expect(draft.content.ownerWords).toBe('业主反映前台接待态度冷淡');
    // Drafts are the editors'; a steward sees published cases only.
    expect((await desk.call(desk.steward.cookie, 'GET', `/cases/${draft.id}`)).statusCode).toBe(404);

    const early = await desk.call(desk.manager.cookie, 'POST', `/cases/${draft.id}/publish`);
    expect(early.statusCode).toBe(422);
    expect(early.json().errors.map((error: { field: string }) => error.field)).toEqual(['content.cause', 'content.lesson']);
    const edited = await desk.call(desk.manager.cookie, 'PATCH', `/cases/${draft.id}`, {
      content: { ...draft.content, cause: '前台新员工未经服务礼仪培训', lesson: '新员工上岗前完成礼仪与红线培训' },
      redLines: ['impatient'],
    });
    expect(edited.statusCode).toBe(200);
    expect((await desk.call(desk.manager.cookie, 'POST', `/cases/${draft.id}/publish`)).json()).toMatchObject({ status: 'published' });
    expect((await desk.call(desk.manager.cookie, 'PATCH', `/cases/${draft.id}`, { title: '改' })).statusCode).toBe(409);
    expect((await desk.call(desk.steward.cookie, 'PATCH', `/cases/${draft.id}`, { title: '改' })).statusCode).toBe(403);

    for (const query of ['redLine=impatient', 'disc=tiger', 'outcome=satisfied', 'category=service', `q=${encodeURIComponent('礼仪')}`]) {
      expect(
        (await desk.call(desk.steward.cookie, 'GET', `/cases?${query}`)).json().items.map((item: { id: string }) => item.id),
        query,
      ).toEqual([draft.id]);
    }
    expect((await desk.call(desk.steward.cookie, 'GET', '/cases?redLine=shirking')).json().items).toEqual([]);

    // Flagged for the weekly meeting by an editor (idempotent), found by the meeting filter, unflagged again.
    expect((await desk.call(desk.steward.cookie, 'POST', `/cases/${draft.id}/meeting`, { flagged: true })).statusCode).toBe(403);
    const flagged = (await desk.call(desk.manager.cookie, 'POST', `/cases/${draft.id}/meeting`, { flagged: true })).json();
    expect(flagged).toMatchObject({ meetingFlaggedAt: expect.any(String), drillKey: `case-${draft.id}` });
    t.clock.advance(60_000);
    expect((await desk.call(desk.manager.cookie, 'POST', `/cases/${draft.id}/meeting`, { flagged: true })).json().meetingFlaggedAt).toBe(
      flagged.meetingFlaggedAt,
    );
    expect((await desk.call(desk.steward.cookie, 'GET', '/cases?meeting=yes')).json().items.map((item: { id: string }) => item.id)).toEqual([draft.id]);
    expect((await desk.call(desk.manager.cookie, 'POST', `/cases/${draft.id}/meeting`, { flagged: false })).json().meetingFlaggedAt).toBeNull();
    expect((await desk.call(desk.steward.cookie, 'GET', '/cases?meeting=yes')).json().items).toEqual([]);

    // A published case becomes a drill in the training academy, scored like the built-in ones.
    const drills = (await desk.call(desk.steward.cookie, 'GET', '/training/drills')).json().items;
    const drill = drills.find((item: { key: string }) => item.key === `case-${draft.id}`);
    expect(drill).toMatchObject({ source: '案例金典', ownerStyle: 'tiger', turnCount: 2 });
    const answer = await desk.call(desk.steward.cookie, 'POST', `/training/drills/case-${draft.id}/attempts`, { replies: ['知道了。', '等着吧。'] });
    expect(answer.json()).toMatchObject({
      passed: false,
      modelReplies: ['先请业主坐下喝水业主说前台爱答不理', '换作是我也会不舒服是我们培训不到位当天约谈前台，明天回电'],
    });
  });

  it('keeps cases inside their company', async () => {
    await closedComplaint('投诉噪音');
    await draftClosedComplaintCases(t.connection.db, t.clock.now(), desk.company.tenant.id);
    const mine = (await desk.call(desk.admin.cookie, 'GET', '/cases')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    const other = await createCompany(t.connection.db, '别家物业');
    const cookie = await signIn(t.app, other.admin.login, other.admin.password);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } })).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${mine[0].id}`, headers: { cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${mine[0].id}/publish`, headers: { cookie } })).statusCode).toBe(404);
  });
});
