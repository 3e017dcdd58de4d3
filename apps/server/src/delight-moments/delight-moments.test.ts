import { describe, expect, it } from 'vitest';
import { createCompany, createProject, createStaff, signIn, testAppPerFile, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('感动点 log', () => {
  let t: TestApp;
  let desk: Desk;
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
  });

  it('a steward records a colleague’s moment; the manager rewards it once, never their own', async () => {
    const recorded = await desk.call(desk.steward.cookie, 'POST', '/delight-moments', {
      projectId: desk.company.project.id,
      staffId: desk.technician.id,
      description: '雨天修完水管后，顺手帮独居老人把阳台的花搬进屋',
      personId: desk.company.owner.id,
    });
    expect(recorded.statusCode).toBe(201);
    const moment = recorded.json();
    expect(moment).toMatchObject({ staffName: '师傅刘工', recordedByName: '管家王丽', source: 'staff', rewardPoints: null });

    expect((await desk.call(desk.steward.cookie, 'POST', `/delight-moments/${moment.id}/reward`, { points: 5 })).statusCode).toBe(403);
    const rewarded = await desk.call(desk.manager.cookie, 'POST', `/delight-moments/${moment.id}/reward`, { points: 5, note: '自作主张，值得表扬' });
    expect(rewarded.statusCode).toBe(200);
    expect(rewarded.json()).toMatchObject({ rewardPoints: 5, rewardNote: '自作主张，值得表扬' });
    const twice = await desk.call(desk.manager.cookie, 'POST', `/delight-moments/${moment.id}/reward`, { points: 3 });
    expect(twice.statusCode).toBe(409);
    expect((await desk.call(desk.manager.cookie, 'GET', `/delight-moments?rewarded=yes&staffId=${desk.technician.id}`)).json().items).toHaveLength(1);

    const own = (
      await desk.call(desk.manager.cookie, 'POST', '/delight-moments', {
        projectId: desk.company.project.id,
        staffId: desk.manager.id,
        description: '周末陪业主找走失的狗',
      })
    ).json();
    expect((await desk.call(desk.manager.cookie, 'POST', `/delight-moments/${own.id}/reward`, { points: 5 })).statusCode).toBe(403);
  });

  it("takes an owner's praise ticket into the log once, for the staff member praised", async () => {
    const praise = await desk.call(desk.agent.cookie, 'POST', '/tickets', {
      projectId: desk.company.project.id,
      type: 'praise',
      channel: 'hotline',
      priority: 'low',
      title: '表扬刘师傅',
      description: '刘师傅修完还帮我检查了燃气灶，非常细心',
      reporterPersonId: desk.company.owner.id,
    });
    expect(praise.statusCode, praise.body).toBe(201);
    const ticket = praise.json();
    const candidates = (await desk.call(desk.manager.cookie, 'GET', '/delight-moments/praise-candidates')).json().items;
    expect(candidates.map((item: { ticketId: string }) => item.ticketId)).toContain(ticket.id);

    const taken = await desk.call(desk.manager.cookie, 'POST', '/delight-moments/from-praise', { ticketId: ticket.id, staffId: desk.technician.id });
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({
      source: 'praise_ticket',
      ticketNumber: ticket.number,
      description: '刘师傅修完还帮我检查了燃气灶，非常细心',
      personId: desk.company.owner.id,
    });
    expect(
      (await desk.call(desk.manager.cookie, 'POST', '/delight-moments/from-praise', { ticketId: ticket.id, staffId: desk.technician.id })).statusCode,
    ).toBe(409);
    expect(
      (await desk.call(desk.manager.cookie, 'GET', '/delight-moments/praise-candidates'))
        .json()
        .items.some((item: { ticketId: string }) => item.ticketId === ticket.id),
    ).toBe(false);
  });

  it("puts an owner's praise from the phone in the log with the owner; the manager places it at a touchpoint and rewards it", async () => {
    const owner = await desk.ownerCookie();
    const praised = await t.app.inject({
      method: 'POST',
      url: '/api/v1/owner/praises',
      headers: { cookie: owner },
      payload: { staffId: desk.technician.id, text: '刘师傅冒雨来修水管，还把楼道的积水扫干净了' },
    });
    expect(praised.statusCode, praised.body).toBe(201);
    const log = (await desk.call(desk.manager.cookie, 'GET', `/delight-moments?staffId=${desk.technician.id}&rewarded=no`)).json().items;
    const moment = log.find((item: { praiseId: string | null }) => item.praiseId === praised.json().id);
    expect(moment).toMatchObject({
      source: 'owner_praise',
      recordedByName: null,
      personId: desk.company.owner.id,
      personName: desk.company.owner.name,
      description: '刘师傅冒雨来修水管，还把楼道的积水扫干净了',
      touchpointId: null,
    });

    const journey = (await desk.call(desk.admin.cookie, 'POST', '/journeys', { name: '住宅业主旅程', projectType: 'residential' })).json();
    const touchpointId: string = journey.versions[0].content.touchpoints[0].id;
    const unknown = await desk.call(desk.manager.cookie, 'POST', `/delight-moments/${moment.id}/reward`, {
      points: 3,
      journeyId: journey.id,
      touchpointId: 'nope',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('touchpointId');
    const half = await desk.call(desk.manager.cookie, 'POST', `/delight-moments/${moment.id}/reward`, { points: 3, touchpointId });
    expect(half.statusCode).toBe(400);
    const rewarded = await desk.call(desk.manager.cookie, 'POST', `/delight-moments/${moment.id}/reward`, { points: 3, journeyId: journey.id, touchpointId });
    expect(rewarded.statusCode, rewarded.body).toBe(200);
    expect(rewarded.json()).toMatchObject({ rewardPoints: 3, journeyId: journey.id, touchpointId, rewardedByName: desk.manager.name });
  });

  it('refuses unknown colleagues, future times and other projects or companies', async () => {
    const elsewhere = await createProject(t.connection.db, desk.company.tenant.id, { name: '别的项目' });
    const stranger = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['technician'], projectIds: [elsewhere.id] });
    const body = { projectId: desk.company.project.id, staffId: stranger.id, description: '帮忙' };
    expect((await desk.call(desk.steward.cookie, 'POST', '/delight-moments', body)).json().errors[0].field).toBe('staffId');
    expect((await desk.call(desk.steward.cookie, 'POST', '/delight-moments', { ...body, projectId: elsewhere.id })).json().errors[0].field).toBe('projectId');
    const future = await desk.call(desk.steward.cookie, 'POST', '/delight-moments', {
      ...body,
      staffId: desk.technician.id,
      occurredAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(future.json().errors[0].field).toBe('occurredAt');
    expect((await desk.call(desk.steward.cookie, 'POST', '/delight-moments', { ...body, description: '' })).statusCode).toBe(400);

    const moment = (await desk.call(desk.steward.cookie, 'POST', '/delight-moments', { ...body, staffId: desk.technician.id })).json();
    const other = await createCompany(t.connection.db, '别家物业');
    const otherAdmin = await signIn(t.app, other.admin.login, other.admin.password);
    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: otherAdmin }, ...(payload && { payload }) });
    expect((await call('GET', '/delight-moments')).json().items).toEqual([]);
    expect((await call('POST', `/delight-moments/${moment.id}/reward`, { points: 1 })).statusCode).toBe(404);
  });
});
