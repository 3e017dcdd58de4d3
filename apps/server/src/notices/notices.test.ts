import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { householdsIn, keepSignedIn, type Desk } from '../incidents/testing';
import { runReminderPass } from './service';

const hour = 3_600_000;

describe('notices centre (提前告知): templates, receipts, reminders, one owner list', () => {
  let t: TestApp;
  let desk: Desk;
  let east: Awaited<ReturnType<typeof householdsIn>>;
  let west: Awaited<ReturnType<typeof householdsIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-06-01T01:00:00Z');
    desk = await serviceDesk(t);
    await keepSignedIn(t, desk.company.tenant.id);
    east = await householdsIn(t, desk, '5', 3);
    west = await householdsIn(t, desk, '6', 2);
  });
  afterAll(() => t.close());
  const owner = async (phone: string) => {
    const cookie = await desk.ownerCookie(phone);
    return (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie } });
  };

  it('refuses an empty audience, buildings of another project and a template blank left unfilled', async () => {
    const templates = (await desk.call(desk.steward.cookie, 'GET', '/notices/templates')).json().items;
    const gaokao = templates.find((item: { key: string }) => item.key === 'gaokao');
    expect(gaokao).toMatchObject({ kind: 'seasonal' });
    expect(templates.map((item: { key: string }) => item.key)).toEqual(expect.arrayContaining(['rainstorm', 'heating', 'works', 'fee']));
    const base = { projectId: desk.company.project.id, kind: 'seasonal', templateKey: 'gaokao', title: gaokao.title, body: gaokao.body, audience: 'buildings' };

    const empty = await desk.call(desk.steward.cookie, 'POST', '/notices', { ...base, buildingIds: [] });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('buildingIds');
    const households = await desk.call(desk.steward.cookie, 'POST', '/notices', { ...base, audience: 'households' });
    expect(households.json().errors[0].field).toBe('householdIds');
    const foreign = await desk.call(desk.steward.cookie, 'POST', '/notices', { ...base, buildingIds: [crypto.randomUUID()] });
    expect(foreign.json().errors[0].field).toBe('buildingIds');
    const blanks = await desk.call(desk.steward.cookie, 'POST', '/notices', { ...base, buildingIds: [east.building.id], publish: true });
    expect(blanks.statusCode).toBe(422);
    expect(blanks.json().errors[0]).toMatchObject({ field: 'body', messages: { 'zh-CN': expect.stringContaining('【日期】') } });
    expect((await desk.call(desk.steward.cookie, 'GET', '/notices')).json().items).toEqual([]);
    expect((await desk.call(desk.technician.cookie, 'GET', '/notices')).statusCode).toBe(403);
  });

  it('delivers to the chosen building, records who read it and when, and freezes it once published', async () => {
    const draft = await desk.call(desk.steward.cookie, 'POST', '/notices', {
      projectId: desk.company.project.id,
      kind: 'seasonal',
      templateKey: 'gaokao',
      title: '高考期间小区静音提示',
      body: '尊敬的业主您好：6月7日至8日为高考时间，考试期间每天7:00至18:00暂停装修施工，也请各位邻居出入时放轻脚步。如有需要，请联系管家王丽。',
      audience: 'buildings',
      buildingIds: [east.building.id],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', delivered: 0 });
    const id: string = draft.json().id;
    // Drafts reach nobody.
    expect((await (await owner(east.homes[0]!.person.phone!))('GET', '/owner/notices')).json().items).toEqual([]);

    const published = await desk.call(desk.steward.cookie, 'POST', `/notices/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', delivered: 3, read: 0 });
    expect((await desk.call(desk.steward.cookie, 'PATCH', `/notices/${id}`, { title: '改一下' })).statusCode).toBe(409);
    expect((await desk.call(desk.steward.cookie, 'POST', `/notices/${id}/publish`)).statusCode).toBe(409);

    const reader = await owner(east.homes[0]!.person.phone!);
    const inbox = (await reader('GET', '/owner/notices')).json();
    expect(inbox).toMatchObject({ unread: 1, items: [{ id, kind: 'seasonal', title: '高考期间小区静音提示', readAt: null }] });
    t.clock.advance(10 * 60_000);
    const read = await reader('POST', `/owner/notices/${id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    t.clock.advance(60_000);
    expect((await reader('POST', `/owner/notices/${id}/read`)).json().readAt).toBe(read.json().readAt);
    expect((await reader('GET', '/owner/notices')).json().unread).toBe(0);

    const outsider = await owner(west.homes[0]!.person.phone!);
    expect((await outsider('GET', '/owner/notices')).json().items).toEqual([]);
    expect((await outsider('POST', `/owner/notices/${id}/read`)).statusCode).toBe(404);

    const detail = (await desk.call(desk.manager.cookie, 'GET', `/notices/${id}`)).json();
    expect(detail).toMatchObject({ delivered: 3, read: 1 });
    expect(detail.receipts).toHaveLength(3);
    const readReceipt = detail.receipts.find((receipt: { personId: string }) => receipt.personId === east.homes[0]!.person.id);
    expect(readReceipt).toMatchObject({ readAt: read.json().readAt, householdLabel: expect.stringContaining('5') });
    // Unread first.
    expect(detail.receipts.at(-1).personId).toBe(east.homes[0]!.person.id);
    // The notice text went through the red-line QA like every owner-visible text.
    const audit = (await desk.call(desk.admin.cookie, 'GET', '/audit-logs?entityType=notice')).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });

  it('reminds each unread person once after the reminder time, by the pass or the button, idempotently', async () => {
    const [notice] = (await desk.call(desk.steward.cookie, 'GET', '/notices')).json().items;
    const before = t.sms.sent.length;
    expect(await runReminderPass(t.app.deps, t.clock.now())).toBe(0);
    t.clock.advance(25 * hour);
    expect(await runReminderPass(t.app.deps, t.clock.now())).toBe(2);
    expect(await runReminderPass(t.app.deps, t.clock.now())).toBe(0);
    expect(t.sms.sent.length - before).toBe(2);
    expect(t.sms.sent.at(-1)).toMatchObject({ purpose: 'notice', text: expect.stringContaining('高考期间小区静音提示') });
    expect((await desk.call(desk.steward.cookie, 'GET', `/notices/${notice.id}`)).json()).toMatchObject({ reminded: 2, read: 1 });
    expect((await desk.call(desk.steward.cookie, 'POST', `/notices/${notice.id}/remind`)).json()).toEqual({ reminded: 0 });

    const fee = await desk.call(desk.manager.cookie, 'POST', '/notices', {
      projectId: desk.company.project.id,
      kind: 'fee',
      title: '物业费缴纳提醒',
      body: '尊敬的业主您好：2026年度物业费现已开始缴纳，您可以在小程序或物业前台办理，感谢您的支持！',
      audience: 'households',
      householdIds: [west.homes[1]!.household.id],
      publish: true,
    });
    expect(fee.json()).toMatchObject({ status: 'published', delivered: 1 });
    expect((await desk.call(desk.manager.cookie, 'POST', `/notices/${fee.json().id}/remind`)).json()).toEqual({ reminded: 1 });
    expect(await runReminderPass(t.app.deps, new Date(t.clock.now().getTime() + 48 * hour))).toBe(0);
  });
});
