import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { shanghaiInstant as at } from '@manyi/core';
import { webhookDeliveries, webhooks, type Connection } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, otherInstance, testDatabase } from '../../test';
import { deliverWebhooks, type FetchLike } from './delivery';
import { runSlaSweep } from './sweep';
import { insertTicketWithDeadlines, minutes, plus } from './testing';
import { webhookBody, type AlertFacts } from './webhook-format';

let connection: Connection;
let server: Server;
let baseUrl: string;
const received: { path: string; body: unknown }[] = [];
let failNext = 0;

beforeAll(async () => {
  connection = await testDatabase();
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(text) as unknown });
      if (failNext > 0) {
        failNext -= 1;
        response.writeHead(500).end('busy');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await connection.close();
});

const localFetch: FetchLike = (url, init) => {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`tests never leave the machine: ${url}`);
  return fetch(url, init);
};

const facts: AlertFacts = {
  kind: 'escalation',
  target: 'resolution',
  level: 1,
  dueAt: '2026-11-23T02:00:00.000Z',
  at: '2026-11-23T04:05:00.000Z',
  number: 'BX-20261123-0007',
  type: 'complaint',
  title: '地库漏水',
  projectName: '绿景苑',
  location: '3栋1201',
};

describe('group-bot message formats', () => {
  it('renders the WeCom markdown message', () => {
    expect(webhookBody('wecom', facts)).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**【超时升级】** BX-20261123-0007 投诉 · 绿景苑 3栋1201\n> 解决时限已超时 2 小时,已升级至项目经理' },
    });
  });

  it('renders the DingTalk markdown message with its title', () => {
    expect(webhookBody('dingtalk', { ...facts, kind: 'update_reminder', target: 'update' })).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '【进度告知提醒】 BX-20261123-0007',
        text: '**【进度告知提醒】** BX-20261123-0007 投诉 · 绿景苑 3栋1201\n> 已超过约定时间未向业主告知进展,请主动联系业主(第 1 次提醒)',
      },
    });
  });
});

describe('deliverWebhooks', () => {
  it('posts each escalation once, even with two senders at once, and only levels at or above the minimum', async () => {
    const { tenant, project } = await createCompany(connection.db);
    await connection.db.insert(webhooks).values([
      { tenantId: tenant.id, format: 'wecom', url: `${baseUrl}/wecom`, minimumLevel: 1 },
      { tenantId: tenant.id, projectId: project.id, format: 'dingtalk', url: `${baseUrl}/dingtalk`, minimumLevel: 2 },
    ]);
    const reportedAt = at('2026-11-23', '10:00');
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, {
      reportedAt,
      firstResponseAt: reportedAt,
      lastOwnerUpdateAt: reportedAt,
    });
    const now = plus(ticket.resolutionDueAt!, minutes(24 * 60 + 5)); // resolution a day overdue: rungs 1 and 2
    await runSlaSweep(connection.db, now, { tenantIds: [tenant.id] });
    const outbox = await connection.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, tenant.id));
    expect(outbox.length).toBeGreaterThan(0);

    const second = await otherInstance(connection);
    received.length = 0;
    try {
      const [a, b] = await Promise.all([deliverWebhooks(connection.db, localFetch, now), deliverWebhooks(second.db, localFetch, now)]);
      expect(a.sent + b.sent).toBe(outbox.length);
    } finally {
      await second.close();
    }
    expect(received.length).toBe(outbox.length);
    const dingtalk = received.filter((item) => item.path === '/dingtalk');
    // Only rung 2 (resolution, and the long-missing progress update) reaches the minimum level 2.
    expect(dingtalk.length).toBe(2);
    for (const item of dingtalk) expect(JSON.stringify(item.body)).toContain('已升级至品质部/区域');
    const wecomTexts = received.filter((item) => item.path === '/wecom').map((item) => (item.body as { markdown: { content: string } }).markdown.content);
    expect(wecomTexts.some((text) => text.includes('解决时限已超时 24 小时,已升级至项目经理'))).toBe(true);
    const after = await connection.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, tenant.id));
    expect(after.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    expect((await deliverWebhooks(connection.db, localFetch, plus(now, minutes(60)))).sent).toBe(0);
  });

  it('retries a failed post after the back-off and then marks it sent', async () => {
    const { tenant, project } = await createCompany(connection.db);
    await connection.db.insert(webhooks).values({ tenantId: tenant.id, format: 'wecom', url: `${baseUrl}/retry`, minimumLevel: 1 });
    const reportedAt = at('2026-11-23', '10:00');
    const ticket = await insertTicketWithDeadlines(connection.db, tenant.id, project.id, { reportedAt });
    const now = plus(ticket.responseDueAt!, minutes(1));
    await runSlaSweep(connection.db, now, { tenantIds: [tenant.id] });
    failNext = 1;
    expect(await deliverWebhooks(connection.db, localFetch, now)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [pending] = await connection.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, tenant.id));
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500: busy' });
    expect(pending!.nextAttemptAt).toEqual(plus(now, minutes(1)));
    expect((await deliverWebhooks(connection.db, localFetch, plus(now, minutes(0.5)))).sent).toBe(0);
    expect(await deliverWebhooks(connection.db, localFetch, plus(now, minutes(1)))).toEqual({ sent: 1, retried: 0, failed: 0 });
  });
});
