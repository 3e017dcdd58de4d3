import { shanghaiInstant as at } from '@manyi/core';
import { ticketAlerts, tickets, webhookDeliveries, webhooks } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { complaintBody, serviceDesk } from '../tickets/testing';
import { raiseHoldExpiredAlerts } from './hold-expiry';
import { runSlaSweep } from './sweep';
import { insertTicketWithDeadlines, minutes, plus } from './testing';

type Alert = {
  id: string;
  ticketNumber: string;
  projectName: string;
  kind: string;
  kindLabel: Record<string, string>;
  target: string;
  level: number;
  readAt: string | null;
  createdAt: string;
};

describe('the console bell', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  let other: { id: string; name: string };
  let otherSteward: { cookie: string };
  const reportedAt = at('2026-11-23', '10:00');
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(reportedAt);
    desk = await serviceDesk(t);
    const db = t.connection.db;
    other = await createProject(db, desk.company.tenant.id, { name: '北区花园' });
    const staff = await createStaff(db, desk.company.tenant.id, { roles: ['steward'], projectIds: [other.id] });
    otherSteward = { cookie: await signIn(t.app, staff.login, staff.password) };
    const tenantId = desk.company.tenant.id;
    await insertTicketWithDeadlines(db, tenantId, desk.company.project.id, { reportedAt, title: '南区投诉' });
    await insertTicketWithDeadlines(db, tenantId, other.id, { reportedAt, title: '北区投诉' });
    // At 80% of the 30-minute response a warning; 40 minutes on, a breach and an escalation to the project manager.
    await runSlaSweep(db, plus(reportedAt, minutes(25)), { tenantIds: [tenantId] });
    await runSlaSweep(db, plus(reportedAt, minutes(40)), { tenantIds: [tenantId] });
  });
  afterAll(() => t.close());

  const list = async (cookie: string, query = '') => {
    const response = await desk.call(cookie, 'GET', `/alerts${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Alert[]; nextCursor: string | null; unreadCount: number };
  };

  it('shows project staff the alerts of their projects only, with ticket, project and labelled kind', async () => {
    const mine = await list(desk.steward.cookie);
    expect(mine.items.map((item) => `${item.kind}:${item.target}:${item.level}`).sort()).toEqual([
      'breach:response:0',
      'escalation:response:1',
      'warning:response:0',
    ]);
    expect(mine.unreadCount).toBe(3);
    expect(mine.items[0]).toMatchObject({ projectName: '测试花园', ticketTitle: '南区投诉', readAt: null });
    expect(mine.items.find((item) => item.kind === 'breach')!.kindLabel).toEqual({ 'zh-CN': '已超时', 'en-US': 'Overdue' });
    expect((await list(otherSteward.cookie)).items.every((item) => item.projectName === '北区花园')).toBe(true);
    // Asking for a project outside one's scope gives nothing rather than an error.
    expect(await list(desk.steward.cookie, `?projectId=${other.id}`)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    const all = await list(desk.admin.cookie);
    expect(all.unreadCount).toBe(6);
    expect((await list(desk.admin.cookie, `?projectId=${other.id}`)).unreadCount).toBe(3);
  });

  it('pages newest first with a cursor', async () => {
    const first = await list(desk.admin.cookie, '?limit=4');
    expect(first.items).toHaveLength(4);
    const second = await list(desk.admin.cookie, `?limit=4&cursor=${first.nextCursor!}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(6);
    expect((await desk.call(desk.admin.cookie, 'GET', '/alerts?cursor=bogus')).statusCode).toBe(400);
  });

  it('marks one alert read, and all of a project read, without touching other projects', async () => {
    const [first] = (await list(desk.steward.cookie)).items;
    expect((await desk.call(otherSteward.cookie, 'POST', `/alerts/${first!.id}/read`)).statusCode).toBe(404);
    t.clock.set(plus(reportedAt, minutes(45)));
    const read = await desk.call(desk.steward.cookie, 'POST', `/alerts/${first!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toBe(plus(reportedAt, minutes(45)).toISOString());
    expect((await list(desk.steward.cookie, '?unread=true')).items).toHaveLength(2);
    const readAll = await desk.call(desk.steward.cookie, 'POST', '/alerts/read-all');
    expect(readAll.json()).toEqual({ updated: 2 });
    expect((await list(desk.steward.cookie)).unreadCount).toBe(0);
    expect((await list(otherSteward.cookie)).unreadCount).toBe(3);
    expect((await desk.call(desk.admin.cookie, 'POST', `/alerts/read-all?projectId=${other.id}`)).json()).toEqual({ updated: 3 });
  });
});

describe('holds past their resume time', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(at('2026-11-23', '10:00'));
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  it('alerts the steward once per planned resume time, and leaves the ticket on hold for a person to resume', async () => {
    const db = t.connection.db;
    const tenantIds = [desk.company.tenant.id];
    await db.insert(webhooks).values([
      { tenantId: desk.company.tenant.id, format: 'wecom', url: 'http://127.0.0.1:9/all', minimumLevel: 0 },
      { tenantId: desk.company.tenant.id, format: 'wecom', url: 'http://127.0.0.1:9/escalations', minimumLevel: 1 },
    ]);
    const ticket = (await desk.call(desk.agent.cookie, 'POST', '/tickets', complaintBody(desk.company.project.id))).json();
    await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'accept' });
    const resumeAt = at('2026-11-23', '12:00');
    const held = await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, {
      action: 'hold',
      reason: '等待业主在家',
      resumeAt: resumeAt.toISOString(),
    });
    expect(held.json().status).toBe('on_hold');

    expect(await raiseHoldExpiredAlerts(db, plus(resumeAt, -minutes(1)), { tenantIds })).toEqual({ alerts: 0, deliveries: 0 });
    expect(await raiseHoldExpiredAlerts(db, resumeAt, { tenantIds })).toEqual({ alerts: 1, deliveries: 1 });
    // Idempotent, also when two instances run it at once.
    const again = await Promise.all([
      raiseHoldExpiredAlerts(db, plus(resumeAt, minutes(5)), { tenantIds }),
      raiseHoldExpiredAlerts(db, plus(resumeAt, minutes(5)), { tenantIds }),
    ]);
    expect(again.map((result) => result.alerts)).toEqual([0, 0]);
    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ status: 'on_hold', holdUntil: resumeAt });
    const alerts = await db.select().from(ticketAlerts).where(eq(ticketAlerts.ticketId, ticket.id));
    expect(alerts).toEqual([expect.objectContaining({ kind: 'hold_expired', target: 'hold', level: 1, dueAt: resumeAt, recipientRole: 'steward' })]);
    const outbox = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.alertId, alerts[0]!.id));
    expect(outbox).toHaveLength(1);
    const bell = (await desk.call(desk.steward.cookie, 'GET', '/alerts')).json();
    expect(bell.items[0]).toMatchObject({
      kind: 'hold_expired',
      kindLabel: { 'zh-CN': '挂起到期' },
      targetLabel: { 'zh-CN': '挂起' },
      ticketNumber: ticket.number,
    });

    // The steward resumes, holds again with a new time; when that passes it is a second alert.
    t.clock.set(at('2026-11-23', '12:30'));
    await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'resume' });
    const secondResume = at('2026-11-23', '15:00');
    await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'hold', reason: '等配件', resumeAt: secondResume.toISOString() });
    expect((await raiseHoldExpiredAlerts(db, secondResume, { tenantIds })).alerts).toBe(1);
    const levels = (await db.select().from(ticketAlerts).where(eq(ticketAlerts.ticketId, ticket.id))).map((alert) => alert.level).sort();
    expect(levels).toEqual([1, 2]);
  });
});
