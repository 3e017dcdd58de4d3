import { shanghaiDate, addLocalDays } from '@manyi/core';
import { auditLogs, feeCollections } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createProject, createStaff, signIn, testAppPerFile, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('action plans (团队共创, 自发认领)', () => {
  let t: TestApp;
  let desk: Desk;
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
  });
  const today = () => shanghaiDate(t.clock.now());

  it('writes a key action against a target, is claimed by one person, completed only by that owner with evidence', async () => {
    const projectId = desk.company.project.id;
    const target = (
      await desk.call(desk.manager.cookie, 'POST', '/targets', {
        metric: 'satisfaction',
        scopeKind: 'project',
        projectId,
        periodStart: today(),
        periodEnd: addLocalDays(today(), 90),
        value: 90,
        baseline: 85,
      })
    ).json();
    const stewardTry = await desk.call(desk.steward.cookie, 'POST', '/actions', { projectId, title: '管家每日巡楼', dueOn: addLocalDays(today(), 14) });
    expect(stewardTry.statusCode).toBe(403);
    const past = await desk.call(desk.manager.cookie, 'POST', '/actions', { projectId, title: '过期', dueOn: addLocalDays(today(), -1) });
    expect(past.json().errors[0].field).toBe('dueOn');
    const badGap = await desk.call(desk.manager.cookie, 'POST', '/actions', {
      projectId,
      title: '差距',
      gapKey: `${desk.company.tenant.id}:2026-Q4:3`,
      dueOn: today(),
    });
    expect(badGap.json().errors[0].field).toBe('gapKey');

    const created = await desk.call(desk.manager.cookie, 'POST', '/actions', {
      projectId,
      post: 'steward',
      title: '管家每日巡楼并当天回复业主',
      targetId: target.id,
      gapKey: `${projectId}:2026-Q4:3`,
      dueOn: addLocalDays(today(), 14),
    });
    expect(created.statusCode, created.body).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({ status: 'open', state: 'open', ownerId: null, metric: 'satisfaction', gapKey: `${projectId}:2026-Q4:3` });

    const noOwner = await desk.call(desk.manager.cookie, 'POST', `/actions/${action.id}/complete`, { evidence: '做完了' });
    expect(noOwner.statusCode).toBe(422);
    expect(noOwner.json().code).toBe('action_no_owner');

    const claimed = await desk.call(desk.steward.cookie, 'POST', `/actions/${action.id}/claim`);
    expect(claimed.json()).toMatchObject({ status: 'claimed', ownerName: '管家王丽' });
    const twice = await desk.call(desk.agent.cookie, 'POST', `/actions/${action.id}/claim`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('action_already_claimed');
    const other = await desk.call(desk.manager.cookie, 'POST', `/actions/${action.id}/complete`, { evidence: '替他完成' });
    expect(other.statusCode).toBe(403);
    expect((await desk.call(desk.steward.cookie, 'POST', `/actions/${action.id}/complete`, { evidence: ' ' })).statusCode).toBe(400);

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const boundary = '----evidence';
    const photo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/actions/${action.id}/photos`,
      headers: { cookie: desk.steward.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().photoCount).toBe(1);
    expect((await desk.call(desk.steward.cookie, 'GET', `/actions/${action.id}/photos/0`)).statusCode).toBe(200);

    const done = await desk.call(desk.steward.cookie, 'POST', `/actions/${action.id}/complete`, { evidence: '两周巡楼 14 次，回复 37 件' });
    expect(done.json()).toMatchObject({ status: 'done', state: 'done', evidence: '两周巡楼 14 次，回复 37 件' });
    expect((await desk.call(desk.steward.cookie, 'POST', `/actions/${action.id}/complete`, { evidence: '再来' })).json().code).toBe('action_already_done');

    const audits = await t.connection.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, desk.company.tenant.id), eq(auditLogs.entityType, 'action_plan')));
    expect(audits.map((row) => row.summary)).toEqual(
      expect.arrayContaining([
        '关键行动「管家每日巡楼并当天回复业主」',
        '认领关键行动「管家每日巡楼并当天回复业主」',
        '完成关键行动「管家每日巡楼并当天回复业主」',
      ]),
    );
    const mine = (await desk.call(desk.steward.cookie, 'GET', '/actions?mine=yes')).json().items;
    expect(mine.map((item: { id: string }) => item.id)).toEqual([action.id]);
  });

  it('reads overdue from the due day and keeps other projects’ actions out of sight', async () => {
    const projectId = desk.company.project.id;
    const action = (await desk.call(desk.manager.cookie, 'POST', '/actions', { projectId, title: '更换破损垃圾桶', dueOn: today() })).json();
    t.clock.advance(2 * 86_400_000);
    // Two days on, the sessions of the morning have expired.
    const manager = await signIn(t.app, desk.manager.login, desk.manager.password);
    const overdue = (await desk.call(manager, 'GET', `/actions?state=overdue`)).json().items;
    expect(overdue.map((item: { id: string }) => item.id)).toContain(action.id);

    const second = await createProject(t.connection.db, desk.company.tenant.id, { name: '二期', code: 'P2ACTIONS' });
    const stranger = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['manager'], projectIds: [second.id] });
    const cookie = await signIn(t.app, stranger.login, stranger.password);
    expect((await desk.call(cookie, 'GET', '/actions')).json().items).toEqual([]);
    expect((await desk.call(cookie, 'POST', `/actions/${action.id}/claim`)).statusCode).toBe(404);
  });

  it("records the linked target's value when the action is written and when it is done, and judges the effect", async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const project = await createProject(db, tenantId, { name: '收费试点', code: 'FEEACT' });
    const manager = await createStaff(db, tenantId, { roles: ['manager'], projectIds: [project.id], name: '经理周' });
    const cookie = await signIn(t.app, manager.login, manager.password);
    const month = `${today().slice(0, 7)}-01`;
    await db.insert(feeCollections).values({ tenantId, projectId: project.id, month, receivable: 100_000, received: 90_000 });
    const target = (
      await desk.call(cookie, 'POST', '/targets', {
        metric: 'fee_collection',
        scopeKind: 'project',
        projectId: project.id,
        periodStart: month,
        periodEnd: addLocalDays(today(), 80),
        value: 96,
        baseline: 90,
      })
    ).json();
    const action = (
      await desk.call(cookie, 'POST', '/actions', {
        projectId: project.id,
        title: '催缴前先解决报修遗留',
        targetId: target.id,
        dueOn: addLocalDays(today(), 14),
      })
    ).json();
    expect(action.metricBefore).toBe(90);
    await desk.call(cookie, 'POST', `/actions/${action.id}/claim`);
    // The month's collection rises to 95 % before the owner reports the action done.
    await db
      .update(feeCollections)
      .set({ received: 95_000 })
      .where(and(eq(feeCollections.tenantId, tenantId), eq(feeCollections.projectId, project.id), eq(feeCollections.month, month)));
    const done = (await desk.call(cookie, 'POST', `/actions/${action.id}/complete`, { evidence: '上门 40 户，修好遗留 12 件' })).json();
    expect(done).toMatchObject({ metricBefore: 90, metricAfter: 95, effect: { improved: true } });
  });
});
