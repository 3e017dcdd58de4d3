import { describe, expect, it } from 'vitest';
import { createStaff, signIn, testAppPerFile, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { runScoreRefresh } from '../scorecards/rollup';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function multipart(cookie: string, content: Buffer) {
  const boundary = '----inspection';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } };
}

describe('quality inspections (品质巡检)', () => {
  let t: TestApp;
  let desk: Desk;
  let inspector: { id: string; cookie: string };
  let ownInspector: { cookie: string };
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
    const quality = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'], name: '品质部周检' });
    inspector = { id: quality.id, cookie: await signIn(t.app, quality.login, quality.password) };
    const serving = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'], name: '驻场品质', projectIds: [desk.company.project.id] });
    ownInspector = { cookie: await signIn(t.app, serving.login, serving.password) };
  });

  it('runs an ad-hoc round: checklist from the indicator system, a deduction with photo, score, rectification, fix and 复查', async () => {
    const created = await desk.call(inspector.cookie, 'POST', '/inspections', { projectId: desk.company.project.id, post: 'cleaning', kind: 'ad_hoc' });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    expect(round.status).toBe('in_progress');
    expect(round.items.map((item: { name: { 'zh-CN': string } }) => item.name['zh-CN'])).toEqual(['公共区域干净整洁', '保洁作业规范']);
    const [first, second] = round.items as { id: string; points: number }[];

    const started = await desk.call(inspector.cookie, 'POST', `/inspections/${round.id}/start`, { location: '2栋大堂', latitude: 31.2, longitude: 121.4 });
    expect(started.json().location).toBe('2栋大堂');

    const tooMuch = await desk.call(inspector.cookie, 'PUT', `/inspections/${round.id}/items/${first!.id}`, {
      result: 'deduct',
      deduction: 99,
      note: '地面有污渍',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0].field).toBe('deduction');
    const noNote = await desk.call(inspector.cookie, 'PUT', `/inspections/${round.id}/items/${first!.id}`, { result: 'deduct', deduction: 10 });
    expect(noNote.statusCode).toBe(422);

    // Submitting with an unchecked item is refused and writes nothing.
    const early = await desk.call(inspector.cookie, 'POST', `/inspections/${round.id}/submit`, {});
    expect(early.statusCode).toBe(422);

    const deducted = await desk.call(inspector.cookie, 'PUT', `/inspections/${round.id}/items/${first!.id}`, {
      result: 'deduct',
      deduction: 10,
      note: '大堂地面有污渍',
      responsibleStaffId: desk.steward.id,
    });
    expect(deducted.statusCode, deducted.body).toBe(200);
    const photo = await t.app.inject({ method: 'POST', url: `/api/v1/inspections/${round.id}/items/${first!.id}/photos`, ...multipart(inspector.cookie, png) });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().items[0].photoCount).toBe(1);
    const download = await desk.call(inspector.cookie, 'GET', `/inspections/${round.id}/items/${first!.id}/photos/0`);
    expect(download.headers['content-type']).toBe('image/png');
    const notPhoto = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inspections/${round.id}/items/${first!.id}/photos`,
      ...multipart(inspector.cookie, Buffer.from('%PDF-1.4 hello')),
    });
    expect(notPhoto.statusCode).toBe(415);
    await desk.call(inspector.cookie, 'PUT', `/inspections/${round.id}/items/${second!.id}`, { result: 'pass', bonus: 3, responsibleStaffId: desk.steward.id });

    const submitted = await desk.call(inspector.cookie, 'POST', `/inspections/${round.id}/submit`, { rectifyWithinDays: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().score).toBe(90);
    const again = await desk.call(inspector.cookie, 'PUT', `/inspections/${round.id}/items/${second!.id}`, { result: 'pass' });
    expect(again.statusCode).toBe(409);

    // The steward charged with the item sees its 扣分 and the other item's 加分 on their scorecard, each linked to its item.
    await runScoreRefresh(t.connection.db, t.clock, { tenantIds: [desk.company.tenant.id] });
    const card = (await desk.call(desk.steward.cookie, 'GET', '/scorecards/me')).json();
    expect(card.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'inspection_deduction', events: 1, points: -10 },
        { kind: 'inspection_bonus', events: 1, points: 3 },
      ]),
    );
    const points = (await desk.call(desk.steward.cookie, 'GET', `/scorecards/staff/${desk.steward.id}/points?kind=inspection_deduction`)).json().items;
    expect(points).toEqual([expect.objectContaining({ recordType: 'inspection', recordId: first!.id, points: -10, title: '公共区域干净整洁' })]);

    // The project sees its rectification, with the deadline; the manager reports it fixed; the inspector re-inspects.
    const list = await desk.call(desk.manager.cookie, 'GET', '/rectifications');
    const [rectification] = list.json().items;
    expect(rectification).toMatchObject({ itemName: '公共区域干净整洁', status: 'open', deduction: 10, inspectionNote: '大堂地面有污渍', overdue: false });
    expect(new Date(rectification.dueAt).getTime() - t.clock.now().getTime()).toBe(2 * 86_400_000);
    const tooEarly = await desk.call(inspector.cookie, 'POST', `/rectifications/${rectification.id}/re-inspect`, { passed: true });
    expect(tooEarly.statusCode).toBe(409);
    const fixed = await desk.call(desk.manager.cookie, 'POST', `/rectifications/${rectification.id}/fix`, { note: '已安排保洁重新清洁并加密巡查' });
    expect(fixed.json().status).toBe('fixed');
    const failed = await desk.call(inspector.cookie, 'POST', `/rectifications/${rectification.id}/re-inspect`, { passed: false, note: '角落仍有污渍' });
    expect(failed.json()).toMatchObject({ status: 'open', reInspectionCount: 1 });
    await desk.call(desk.manager.cookie, 'POST', `/rectifications/${rectification.id}/fix`, { note: '角落已清洁' });
    const passed = await desk.call(inspector.cookie, 'POST', `/rectifications/${rectification.id}/re-inspect`, { passed: true, note: '合格' });
    expect(passed.json()).toMatchObject({ status: 'closed', reInspectionCount: 2 });

    const scores = (await desk.call(desk.manager.cookie, 'GET', '/inspections/scores')).json();
    expect(scores.projects).toEqual([expect.objectContaining({ projectId: desk.company.project.id, rounds: 1, score: 90, deductions: 10 })]);
    expect(scores.posts).toEqual([expect.objectContaining({ post: 'cleaning', score: 90 })]);
    expect(scores.teams).toEqual([expect.objectContaining({ post: 'cleaning', projectId: desk.company.project.id })]);
  });

  it('refuses to let an inspector inspect a project they serve, and project staff cannot inspect', async () => {
    const own = await desk.call(ownInspector.cookie, 'POST', '/inspections', { projectId: desk.company.project.id, post: 'security', kind: 'ad_hoc' });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('inspection_own_project');
    expect(own.json().detail ?? own.json().title).toMatch(/不能巡检自己服务的项目|cannot inspect/);
    const steward = await desk.call(desk.steward.cookie, 'POST', '/inspections', { projectId: desk.company.project.id, post: 'security', kind: 'ad_hoc' });
    expect(steward.statusCode).toBe(403);
    const scheduled = await desk.call(inspector.cookie, 'POST', '/inspections', { projectId: desk.company.project.id, post: 'security', kind: 'scheduled' });
    expect(scheduled.statusCode).toBe(422);
    const planned = await desk.call(inspector.cookie, 'POST', '/inspections', {
      projectId: desk.company.project.id,
      post: 'security',
      kind: 'scheduled',
      scheduledFor: '2026-12-20',
    });
    expect(planned.json().status).toBe('planned');
    // Another inspector cannot work on someone else's round.
    const other = await desk.call(desk.admin.cookie, 'PUT', `/inspections/${planned.json().id}/items/${planned.json().items[0].id}`, { result: 'pass' });
    expect(other.statusCode).toBe(403);
  });
});
