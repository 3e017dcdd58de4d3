import { timelineEvents } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilding, createProject, createTestApp, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { householdsIn, keepSignedIn, report, ticketRow, type Desk } from './testing';

const hour = 3_600_000;
const day = 24 * hour;

describe('planned and emergency incidents: notices, read receipts, call scripts, linking', () => {
  let t: TestApp;
  let desk: Desk;
  let east: Awaited<ReturnType<typeof householdsIn>>;
  let west: Awaited<ReturnType<typeof householdsIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-23T01:00:00Z');
    desk = await serviceDesk(t);
    await keepSignedIn(t, desk.company.tenant.id);
    east = await householdsIn(t, desk, '5', 3);
    west = await householdsIn(t, desk, '6', 2);
  });
  afterAll(() => t.close());
  const at = (hours: number) => new Date(t.clock.now().getTime() + hours * hour).toISOString();

  it('offers default call scripts and notices per incident type', async () => {
    const templates = (await desk.call(desk.steward.cookie, 'GET', '/incident-templates')).json();
    expect(templates.placeholders).toContain('楼栋');
    const water = templates.items.find((item: { code: string }) => item.code === 'water_outage');
    expect(water).toMatchObject({ kind: 'planned', categoryCode: 'engineering.water_electric' });
    expect(water.callScript).toContain('我可以帮您登记');
    expect(templates.items.map((item: { code: string }) => item.code)).toEqual(expect.arrayContaining(['power_outage', 'elevator_outage', 'emergency_water']));
  });

  it("fills every placeholder from the project's settings and refuses a text naming one nothing fills", async () => {
    await desk.call(desk.admin.cookie, 'PATCH', `/projects/${desk.company.project.id}`, { hotline: '021-5888 2188' });
    const body = {
      projectId: desk.company.project.id,
      kind: 'planned',
      templateCode: 'water_outage',
      buildingIds: [west.building.id],
      startsAt: at(48),
      endsAt: at(50),
      reason: '管道维修',
    };
    const response = await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, publish: false });
    expect(response.statusCode, response.body).toBe(201);
    const incident = response.json();
    for (const text of [incident.callScript, incident.noticeText]) {
      expect(text).toContain('021-5888 2188');
      expect(text).not.toMatch(/\{[^{}]+\}/);
    }
    // The author's own text is filled too; an unknown placeholder is a field error, in both languages.
    const own = await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, publish: false, noticeText: '如有疑问请拨打{服务热线}' });
    expect(own.json().noticeText).toBe('如有疑问请拨打021-5888 2188');
    const unknown = await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, publish: false, callScript: '我是管家{管家姓名}' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toMatchObject([{ field: 'callScript', messages: { 'en-US': expect.stringContaining('Unknown placeholder') } }]);
    const edited = await desk.call(desk.manager.cookie, 'PATCH', `/incidents/${incident.id}`, { noticeText: '{未知}' });
    expect(edited.statusCode).toBe(422);
  });

  it('notifies exactly the people of the chosen buildings; owners read it; staff see the read-rate', async () => {
    // A steward may not announce; a manager may.
    const body = {
      projectId: desk.company.project.id,
      kind: 'planned',
      templateCode: 'water_outage',
      buildingIds: [east.building.id],
      startsAt: at(24),
      endsAt: at(32),
      reason: '二次供水水箱清洗',
    };
    expect((await desk.call(desk.steward.cookie, 'POST', '/incidents', body)).statusCode).toBe(403);
    const response = await desk.call(desk.manager.cookie, 'POST', '/incidents', body);
    expect(response.statusCode, response.body).toBe(201);
    const incident = response.json();
    expect(incident).toMatchObject({
      kind: 'planned',
      status: 'published',
      title: '5栋计划停水',
      categoryCode: 'engineering.water_electric',
      active: false,
      buildings: [{ id: east.building.id, name: '5' }],
      notice: { notified: 3, read: 0, readRate: 0 },
    });
    expect(incident.noticeText).toContain('因二次供水水箱清洗,5栋将于11月24日 09:00至11月24日 17:00暂停供水');
    expect(incident.callScript).toContain('测试花园物业服务中心');

    const noticed = await t.connection.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.tenantId, desk.company.tenant.id), eq(timelineEvents.kind, 'notice')));
    expect(noticed.map((event) => event.personId).sort()).toEqual(east.homes.map((home) => home.person.id).sort());
    expect(noticed[0]!.title).toBe('通知:5栋计划停水');

    const reader = await desk.ownerCookie(east.homes[0]!.person.phone!);
    const inbox = await t.app.inject({ method: 'GET', url: '/api/v1/owner/notices', headers: { cookie: reader } });
    expect(inbox.json()).toMatchObject({ unread: 1, items: [{ id: incident.id, title: '5栋计划停水', readAt: null, ended: false }] });
    const read = await t.app.inject({ method: 'POST', url: `/api/v1/owner/notices/${incident.id}/read`, headers: { cookie: reader } });
    expect(read.statusCode, read.body).toBe(200);
    t.clock.advance(60_000);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/owner/notices/${incident.id}/read`, headers: { cookie: reader } });
    expect(again.json().readAt).toBe(read.json().readAt);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/owner/notices', headers: { cookie: reader } })).json().unread).toBe(0);

    // Building 6 got nothing, and cannot mark it read.
    const outsider = await desk.ownerCookie(west.homes[0]!.person.phone!);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/owner/notices', headers: { cookie: outsider } })).json()).toEqual({ items: [], unread: 0 });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/owner/notices/${incident.id}/read`, headers: { cookie: outsider } })).statusCode).toBe(404);

    const detail = (await desk.call(desk.steward.cookie, 'GET', `/incidents/${incident.id}`)).json();
    expect(detail.notice).toEqual({ notified: 3, read: 1, readRate: 1 / 3 });
    expect(detail.events.map((event: { kind: string }) => event.kind)).toEqual(['created', 'notice_published']);
  });

  it("shows the call script for the caller's household and links new tickets while the outage runs", async () => {
    const [incident] = (await desk.call(desk.steward.cookie, 'GET', `/incidents?kind=planned&projectId=${desk.company.project.id}`)).json().items;
    const activeFor = async (householdId: string, categoryCode?: string) =>
      (
        await desk.call(
          desk.agent.cookie,
          'GET',
          `/incidents/active?projectId=${desk.company.project.id}&householdId=${householdId}${categoryCode ? `&categoryCode=${categoryCode}` : ''}`,
        )
      ).json().items;
    // Announced for tomorrow: the agent already sees the script, but tickets are not linked before it starts.
    expect((await activeFor(east.homes[1]!.household.id)).map((item: { id: string }) => item.id)).toEqual([incident.id]);
    expect(await activeFor(west.homes[0]!.household.id)).toEqual([]);
    expect(await activeFor(east.homes[1]!.household.id, 'order.noise')).toEqual([]);
    const early = await report(desk, east.homes[1]!.household.id, { type: 'inquiry', categoryCode: 'engineering.water_electric', title: '明天几点停水' });
    expect((await ticketRow(t, early.id)).incidentId).toBeNull();

    t.clock.advance(25 * hour);
    const during = await report(desk, east.homes[1]!.household.id, { type: 'repair', categoryCode: 'engineering.water_electric', title: '家里没水' });
    const otherBuilding = await report(desk, west.homes[1]!.household.id, { type: 'repair', categoryCode: 'engineering.water_electric', title: '家里没水' });
    const otherCategory = await report(desk, east.homes[2]!.household.id, { type: 'complaint', categoryCode: 'order.noise', title: '噪音' });
    expect((await ticketRow(t, during.id)).incidentId).toBe(incident.id);
    expect((await ticketRow(t, otherBuilding.id)).incidentId).toBeNull();
    expect((await ticketRow(t, otherCategory.id)).incidentId).toBeNull();
    const detail = (await desk.call(desk.agent.cookie, 'GET', `/incidents/${incident.id}`)).json();
    expect(detail).toMatchObject({ active: true, ticketCount: 1, householdCount: 1 });
    expect(detail.tickets.map((ticket: { id: string }) => ticket.id)).toEqual([during.id]);
    const ticketPage = (await desk.call(desk.agent.cookie, 'GET', `/tickets/${during.id}`)).json();
    expect(ticketPage.events.map((event: { kind: string }) => event.kind)).toContain('incident_linked');

    // Closed: no longer active, nothing more links; the owner's notice says it ended.
    const closed = (await desk.call(desk.manager.cookie, 'POST', `/incidents/${incident.id}/close`, { note: '已恢复供水' })).json();
    expect(closed).toMatchObject({ status: 'closed', active: false });
    const after = await report(desk, east.homes[0]!.household.id, { type: 'repair', categoryCode: 'engineering.water_electric', title: '水压低' });
    expect((await ticketRow(t, after.id)).incidentId).toBeNull();
    const reader = await desk.ownerCookie(east.homes[0]!.person.phone!);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/owner/notices', headers: { cookie: reader } })).json().items[0]).toMatchObject({ ended: true });
  });

  it('keeps a draft quiet until published, and notifies buildings added later', async () => {
    const draft = await desk.call(desk.manager.cookie, 'POST', '/incidents', {
      projectId: desk.company.project.id,
      kind: 'emergency',
      templateCode: 'elevator_fault',
      buildingIds: [west.building.id],
      startsAt: at(0),
      publish: false,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const incident = draft.json();
    expect(incident).toMatchObject({ status: 'draft', categoryCode: 'engineering.elevator', notice: { notified: 0 }, active: false });
    // {结束时间} stays visible when no end was given.
    expect(incident.noticeText).toContain('{结束时间}');
    const published = (await desk.call(desk.manager.cookie, 'POST', `/incidents/${incident.id}/publish`)).json();
    expect(published).toMatchObject({ status: 'published', active: true, notice: { notified: 2 } });
    expect((await desk.call(desk.manager.cookie, 'POST', `/incidents/${incident.id}/publish`)).statusCode).toBe(409);
    // Elevator faults link by branch: a report of 电梯故障 joins 电梯.
    const stuck = await report(desk, west.homes[0]!.household.id, { type: 'repair', categoryCode: 'engineering.elevator.fault', title: '电梯不动' });
    expect((await ticketRow(t, stuck.id)).incidentId).toBe(incident.id);

    const stale = await desk.call(desk.manager.cookie, 'PATCH', `/incidents/${incident.id}`, { title: '旧版本', version: 0 });
    expect(stale.statusCode).toBe(409);
    const widened = await desk.call(desk.manager.cookie, 'PATCH', `/incidents/${incident.id}`, {
      buildingIds: [west.building.id, east.building.id],
      endsAt: at(3),
      version: published.version,
    });
    expect(widened.statusCode, widened.body).toBe(200);
    expect(widened.json()).toMatchObject({ notice: { notified: 5 }, buildings: expect.arrayContaining([{ id: east.building.id, name: '5' }]) });
    const bad = await desk.call(desk.manager.cookie, 'PATCH', `/incidents/${incident.id}`, { endsAt: at(-5) });
    expect(bad.statusCode).toBe(422);
  });

  it("refuses buildings and categories that are not the project's", async () => {
    const elsewhere = await createProject(t.connection.db, desk.company.tenant.id, { name: '别的小区' });
    const foreign = await createBuilding(t.connection.db, desk.company.tenant.id, elsewhere.id, '1');
    const body = { projectId: desk.company.project.id, kind: 'planned', title: '停电', startsAt: at(1) };
    expect((await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, buildingIds: [foreign.id] })).statusCode).toBe(422);
    expect((await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, categoryCode: 'no.such' })).statusCode).toBe(422);
    expect((await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, templateCode: 'no_such' })).statusCode).toBe(422);
    expect((await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, startsAt: at(5), endsAt: at(1) })).statusCode).toBe(422);
    // The manager is not assigned to the other project: it does not exist for him.
    expect((await desk.call(desk.manager.cookie, 'POST', '/incidents', { ...body, projectId: elsewhere.id })).statusCode).toBe(404);
  });
});

describe('ageing of unresolved tickets', () => {
  let t: TestApp;
  let desk: Desk;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-10-01T02:00:00Z');
    desk = await serviceDesk(t);
    await keepSignedIn(t, desk.company.tenant.id);
  });
  afterAll(() => t.close());

  it('counts open tickets per bucket and lists the oldest first', async () => {
    const { homes } = await householdsIn(t, desk, 'A', 1);
    const householdId = homes[0]!.household.id;
    const file = (title: string) => report(desk, householdId, { type: 'repair', categoryCode: 'engineering.drain', title });
    const start = t.clock.now().getTime();
    const ages = [40, 31, 20, 10, 5, 2];
    const filed: Record<number, { id: string }> = {};
    for (const age of ages) {
      t.clock.set(new Date(start + (40 - age) * day));
      filed[age] = await file(`${age} 天前`);
    }
    t.clock.set(new Date(start + 40 * day));
    // Exactly three days old is not "over 3 days"; a cancelled one is not open.
    t.clock.set(new Date(start + 40 * day - 3 * day));
    await file('整 3 天');
    const gone = await file('已取消');
    expect((await desk.call(desk.steward.cookie, 'POST', `/tickets/${gone.id}/actions`, { action: 'cancel', reason: '重复' })).statusCode).toBe(200);
    t.clock.set(new Date(start + 40 * day));

    const response = await desk.call(desk.manager.cookie, 'GET', `/tickets/ageing?projectId=${desk.company.project.id}&oldest=2`);
    expect(response.statusCode, response.body).toBe(200);
    const report_ = response.json();
    const counts = Object.fromEntries(report_.buckets.map((bucket: { bucket: string; count: number }) => [bucket.bucket, bucket.count]));
    expect(counts).toEqual({ within_3_days: 2, over_3_days: 1, over_7_days: 1, over_15_days: 1, over_30_days: 2 });
    expect(report_.total).toBe(7);
    const over30 = report_.buckets.find((bucket: { bucket: string }) => bucket.bucket === 'over_30_days');
    expect(over30.label['zh-CN']).toBe('超30天');
    expect(over30.oldest.map((ticket: { id: string }) => ticket.id)).toEqual([filed[40]!.id, filed[31]!.id]);
    // Within one category branch only.
    expect((await desk.call(desk.admin.cookie, 'GET', '/tickets/ageing?categoryCode=environment')).json().total).toBe(0);
    expect((await desk.call(desk.admin.cookie, 'GET', '/tickets/ageing?categoryCode=engineering')).json().total).toBe(7);
  });
});
