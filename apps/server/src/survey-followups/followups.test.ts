import { auditLogs, surveyFollowups, ticketEvents, tickets } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilding, createHousehold, createPerson, createProject, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { keepSignedIn } from '../incidents/testing';
import { enqueueResponses } from '../responses/queue';
import { serviceDesk } from '../tickets/testing';
import { runFollowupPass } from './pass';
import { createCampaign, insertResponse } from './testing';

const hour = 3_600_000;
type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('closed loop on detractors', () => {
  let t: TestApp;
  let desk: Desk;
  const pass = () => runFollowupPass({ ...t.app.deps, log: t.app.log }, { tenantIds: [desk.company.tenant.id] });
  const db = () => t.connection.db;
  const home = async (room: string, withOwner = true) => {
    const household = await createHousehold(db(), desk.company.tenant.id, desk.company.building, room, desk.company.unit);
    const owner = withOwner ? await createPerson(db(), desk.company.tenant.id, household, { name: `业主${room}` }) : null;
    return { household, owner };
  };
  const followupsOf = (campaignId: string) => db().select().from(surveyFollowups).where(eq(surveyFollowups.campaignId, campaignId));
  const ticketOf = async (id: string) => (await db().select().from(tickets).where(eq(tickets.id, id)))[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-20T02:00:00Z');
    desk = await serviceDesk(t);
    await keepSignedIn(t, desk.company.tenant.id);
  });
  afterAll(() => t.close());

  it('opens one complaint ticket per low response from h5, paper and import, with the survey deadline', async () => {
    const campaign = await createCampaign(db(), desk.company.tenant.id, { name: '2026年度满意度调查' });
    const [a, b, c, d, e] = await Promise.all(['201', '202', '203', '204', '205'].map((room) => home(room)));
    const detractor = await insertResponse(db(), campaign, { overall: 4, nps: 3, comment: '电梯坏了三天没人修' }, { household: a!.household, source: 'h5' });
    const paperMatrix = await insertResponse(
      db(),
      campaign,
      { overall: 3, nps: 8, posts: { cleaning: 1, security: 'not_experienced' } },
      { household: b!.household, source: 'paper' },
    );
    const imported = await insertResponse(db(), campaign, { overall: 2, nps: 9 }, { household: c!.household, source: 'import' });
    await insertResponse(db(), campaign, { overall: 5, nps: 10, posts: { cleaning: 3, security: 'not_experienced' } }, { household: d!.household });
    await insertResponse(db(), campaign, { overall: 1 }, { household: e!.household, status: 'partial' });
    await insertResponse(db(), campaign, { overall: 1, nps: 0 }, { household: null, source: 'import' });

    const result = await pass();
    expect(result).toEqual({ checked: 5, opened: 3 });
    const followups = await followupsOf(campaign.id);
    expect(followups.map((row) => row.responseId).sort()).toEqual([detractor.id, paperMatrix.id, imported.id].sort());

    const byResponse = new Map(followups.map((row) => [row.responseId, row]));
    const first = byResponse.get(detractor.id)!;
    expect(first.reasons).toEqual([{ questionKey: 'nps', item: '', value: 3, reason: 'detractor', label: '推荐意愿' }]);
    const ticket = await ticketOf(first.ticketId!);
    expect(ticket).toMatchObject({
      type: 'complaint',
      channel: 'survey',
      complaintScope: 'individual',
      status: 'new',
      householdId: a!.household.id,
      reporterPersonId: a!.owner!.id,
      reporterName: '业主201',
      title: '【调查回访】2026年度满意度调查:推荐意愿 3分',
    });
    // The owner's own words and the items rated low are in the ticket; the system, not the owner, received it.
    expect(ticket.description).toContain('· 推荐意愿 3分');
    expect(ticket.description).toContain('业主原话：\n· 意见建议：电梯坏了三天没人修');
    const [audit] = await db()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.entityType, 'ticket'), eq(auditLogs.entityId, ticket.id)));
    expect(audit).toMatchObject({ actorKind: 'system', actorId: null, actorName: '系统', action: 'create' });
    const [created] = await db()
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, 'created')));
    expect(created).toMatchObject({ actorKind: 'system', actorName: '系统' });
    // The 'survey_followup' policy: first contact within 24 h, resolution within 3 days, round the clock.
    const now = t.clock.now().getTime();
    expect(ticket.responseDueAt!.getTime()).toBe(now + 24 * hour);
    expect(ticket.resolutionDueAt!.getTime()).toBe(now + 72 * hour);
    expect(first.dueAt.getTime()).toBe(ticket.resolutionDueAt!.getTime());

    const matrix = byResponse.get(paperMatrix.id)!;
    expect(matrix.reasons).toEqual([{ questionKey: 'posts', item: 'cleaning', value: 1, reason: 'dissatisfied', label: '各岗位服务(保洁)' }]);
    expect((await ticketOf(matrix.ticketId!)).title).toContain('各岗位服务(保洁) 非常不满意');
    expect((await ticketOf(byResponse.get(imported.id)!.ticketId!)).description).toContain('导入问卷');
  });

  it('is idempotent: a second pass, or a response read again, opens nothing more', async () => {
    const campaign = await createCampaign(db(), desk.company.tenant.id);
    const { household } = await home('301');
    const response = await insertResponse(db(), campaign, { overall: 2, nps: 5 }, { household });
    expect(await pass()).toEqual({ checked: 1, opened: 1 });
    expect(await pass()).toEqual({ checked: 0, opened: 0 });
    await enqueueResponses(db(), [response]);
    expect(await pass()).toEqual({ checked: 1, opened: 0 });
    const followups = await followupsOf(campaign.id);
    expect(followups).toHaveLength(1);
    const ticketsOfHousehold = await db().select().from(tickets).where(eq(tickets.householdId, household.id));
    expect(ticketsOfHousehold).toHaveLength(1);
    expect(followups[0]!.reasons).toEqual([
      { questionKey: 'overall', item: '', value: 2, reason: 'dissatisfied', label: '总体满意度' },
      { questionKey: 'nps', item: '', value: 5, reason: 'detractor', label: '推荐意愿' },
    ]);
  });

  it('keeps a task without a ticket when nobody is on file for the household', async () => {
    const campaign = await createCampaign(db(), desk.company.tenant.id);
    const { household } = await home('401', false);
    await insertResponse(db(), campaign, { overall: 1, nps: 2 }, { household });
    expect(await pass()).toEqual({ checked: 1, opened: 1 });
    const [followup] = await followupsOf(campaign.id);
    expect(followup!.ticketId).toBeNull();
    expect(followup!.dueAt.getTime()).toBe(t.clock.now().getTime() + 72 * hour);
  });

  it('lists follow-ups in the caller’s projects with ticket status, deadline and overdue flag', async () => {
    const campaign = await createCampaign(db(), desk.company.tenant.id);
    const { household } = await home('501');
    await insertResponse(db(), campaign, { overall: 4, nps: 1 }, { household });
    await pass();
    const list = await desk.call(desk.steward.cookie, 'GET', `/survey-followups?campaignId=${campaign.id}`);
    expect(list.statusCode, list.body).toBe(200);
    const [item] = list.json().items;
    expect(item).toMatchObject({ campaignName: '2026年度满意度调查', householdLabel: '1栋1单元501', overdue: false, ticket: { status: 'new' } });
    expect(item.reasons).toEqual([{ questionKey: 'nps', item: '', value: 1, reason: 'detractor', label: '推荐意愿' }]);
    expect((await desk.call(desk.steward.cookie, 'GET', `/survey-followups?campaignId=${campaign.id}&state=overdue`)).json().items).toHaveLength(0);
    t.clock.advance(73 * hour);
    const overdue = (await desk.call(desk.steward.cookie, 'GET', `/survey-followups?campaignId=${campaign.id}&state=overdue`)).json().items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0].overdue).toBe(true);
    // A manager of another project sees none of them.
    const elsewhere = await createProject(db(), desk.company.tenant.id, { name: '别处' });
    const manager = await createStaff(db(), desk.company.tenant.id, { roles: ['manager'], projectIds: [elsewhere.id] });
    const cookie = await signIn(t.app, manager.login, manager.password);
    await keepSignedIn(t, desk.company.tenant.id);
    expect((await desk.call(cookie, 'GET', `/survey-followups?campaignId=${campaign.id}`)).json().items).toHaveLength(0);
  });

  it('reports how the previous wave’s detractors answered the next wave', async () => {
    const tenantId = desk.company.tenant.id;
    const wave1 = await createCampaign(db(), tenantId, { name: '2025年度' });
    const wave2 = await createCampaign(db(), tenantId, { name: '2026年度', previousCampaignId: wave1.id, surveyId: wave1.surveyId });
    const building = await createBuilding(db(), tenantId, desk.company.project.id, '9');
    const homes = await Promise.all(['1', '2', '3', '4', '5', '6'].map((room) => createHousehold(db(), tenantId, building, room)));
    const [promoted, passive, still, silent, skipped, wasPromoter] = homes;
    for (const [household, nps] of [
      [promoted, 2],
      [passive, 6],
      [still, 0],
      [silent, 4],
      [skipped, 5],
      [wasPromoter, 10],
    ] as const) {
      await insertResponse(db(), wave1, { overall: 3, nps }, { household: household! });
    }
    for (const [household, nps] of [
      [promoted, 9],
      [passive, 7],
      [still, 3],
      [wasPromoter, 2],
    ] as const) {
      await insertResponse(db(), wave2, { overall: 3, nps }, { household: household! });
    }
    await insertResponse(db(), wave2, { overall: 3 }, { household: skipped!, status: 'complete' });
    const report = await desk.call(desk.manager.cookie, 'GET', `/campaigns/${wave2.id}/detractor-conversion`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({
      previousCampaignId: wave1.id,
      questionKey: 'nps',
      previousDetractors: 5,
      promoters: 1,
      passives: 1,
      detractors: 1,
      noNpsAnswer: 1,
      notAnswered: 1,
    });
    expect(report.json().conversionRate).toBeCloseTo(2 / 3);
    const first = await desk.call(desk.manager.cookie, 'GET', `/campaigns/${wave1.id}/detractor-conversion`);
    expect(first.json()).toMatchObject({ previousCampaignId: null, previousDetractors: 0, conversionRate: null });
  });
});
