import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';

describe('ticket categories and canned replies', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  testAppPerFile(async (app) => {
    t = app;
    desk = await serviceDesk(t);
  });

  it('seeds the default tree once per company, even when asked twice at once', async () => {
    const [first, second] = await Promise.all([
      desk.call(desk.steward.cookie, 'GET', '/ticket-categories'),
      desk.call(desk.admin.cookie, 'GET', '/canned-replies'),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const groups = first.json().items;
    expect(groups.map((group: { name: { 'zh-CN': string } }) => group.name['zh-CN'])).toEqual(['工程', '环境', '秩序', '收费', '装修', '客服']);
    const elevator = groups[0].children.find((node: { code: string }) => node.code === 'engineering.elevator');
    expect(elevator.children.map((node: { code: string; safetyCritical: boolean }) => [node.code, node.safetyCritical])).toEqual([
      ['engineering.elevator.fault', false],
      ['engineering.elevator.entrapment', true],
    ]);
    const replies = second.json().items;
    const again = (await desk.call(desk.admin.cookie, 'GET', '/canned-replies')).json().items;
    expect(again).toHaveLength(replies.length);
  });

  it('lets quality rename and deactivate a category; inactive ones cannot be used for new tickets', async () => {
    expect((await desk.call(desk.steward.cookie, 'PATCH', '/ticket-categories/environment.pests', { active: false })).statusCode).toBe(403);
    const renamed = await desk.call(desk.admin.cookie, 'PATCH', '/ticket-categories/environment.pests', {
      nameZh: '四害消杀',
      active: false,
      defaultPost: 'greening',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: { 'zh-CN': '四害消杀' }, active: false, defaultPost: 'greening' });
    const tree = (await desk.call(desk.steward.cookie, 'GET', '/ticket-categories')).json().items;
    expect(JSON.stringify(tree)).not.toContain('environment.pests');
    const all = (await desk.call(desk.steward.cookie, 'GET', '/ticket-categories?includeInactive=true')).json().items;
    expect(JSON.stringify(all)).toContain('四害消杀');
    const refused = await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id, { categoryCode: 'environment.pests' }));
    expect(refused.statusCode).toBe(422);
    expect((await desk.call(desk.admin.cookie, 'PATCH', '/ticket-categories/no.such.code', { active: false })).statusCode).toBe(404);
  });

  it('keeps canned replies per company, filtered by ticket type including the general ones', async () => {
    const created = await desk.call(desk.manager.cookie, 'POST', '/canned-replies', {
      ticketType: 'repair',
      title: '预约上门',
      body: '麻烦您告诉我方便的上门时间,好吗?',
    });
    expect(created.statusCode, created.body).toBe(201);
    const forRepairs = (await desk.call(desk.agent.cookie, 'GET', '/canned-replies?ticketType=repair')).json().items;
    expect(forRepairs.map((reply: { title: string }) => reply.title)).toEqual(expect.arrayContaining(['预约上门', '受理确认']));
    expect(forRepairs.every((reply: { ticketType: string | null }) => reply.ticketType === 'repair' || reply.ticketType === null)).toBe(true);
    expect((await desk.call(desk.agent.cookie, 'DELETE', `/canned-replies/${created.json().id}`)).statusCode).toBe(403);
    expect((await desk.call(desk.manager.cookie, 'PATCH', `/canned-replies/${created.json().id}`, { title: '预约上门时间' })).json().title).toBe(
      '预约上门时间',
    );
    expect((await desk.call(desk.manager.cookie, 'DELETE', `/canned-replies/${created.json().id}`)).statusCode).toBe(204);
  });
  it('offers owners the active categories to report under, and hides deactivated ones', async () => {
    await desk.call(desk.admin.cookie, 'PATCH', '/ticket-categories/environment.pests', { active: false });
    const owner = await desk.ownerCookie();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/owner/ticket-categories', headers: { cookie: owner } });
    expect(response.statusCode).toBe(200);
    const codes = JSON.stringify(response.json());
    expect(codes).toContain('engineering');
    expect(codes).not.toContain('environment.pests');
  });
});
