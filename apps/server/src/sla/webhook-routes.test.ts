import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditLogs, webhooks } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createTestApp, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { maskWebhookUrl } from './webhooks-service';

let server: Server;
let baseUrl: string;
const received: { path: string; body: { msgtype: string; markdown: Record<string, string> } }[] = [];

describe('group-bot webhooks in the console', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    // The bot below listens on 127.0.0.1 at a random port: allowed here as an operator allows a local relay.
    t = await createTestApp({ env: { WEBHOOK_INTERNAL_ALLOWED: '127.0.0.1', WEBHOOK_ALLOWED_PORTS: 'any' } });
    desk = await serviceDesk(t);
    // Tests never leave the machine: a bot on 127.0.0.1 that refuses paths ending in /fail.
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      request.on('end', () => {
        received.push({ path: request.url ?? '', body: JSON.parse(text) as (typeof received)[number]['body'] });
        const failing = request.url?.includes('/fail');
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(failing ? '{"errcode":93000,"errmsg":"invalid webhook url"}' : '{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('masks the secret part of the address', () => {
    expect(maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa',
    );
    expect(maskWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc')).toBe('https://oapi.dingtalk.com/robot/send?access_token=****');
  });

  it('creates, lists, edits and deletes webhooks for the admin, masking the key everywhere it is shown', async () => {
    const url = `${baseUrl}/cgi-bin/webhook/send?key=SECRET-KEY-123456`;
    const created = await desk.call(desk.admin.cookie, 'POST', '/webhooks', { format: 'wecom', url, projectId: desk.company.project.id, minimumLevel: 2 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      format: 'wecom',
      url: `${baseUrl}/cgi-bin/webhook/send?key=****3456`,
      projectId: desk.company.project.id,
      projectName: '测试花园',
      minimumLevel: 2,
      active: true,
    });
    const id = created.json().id as string;
    const listed = (await desk.call(desk.admin.cookie, 'GET', '/webhooks')).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(JSON.stringify(listed)).not.toContain('SECRET-KEY');

    // Sending the masked address back keeps the real one; a new address replaces it.
    const renamed = await desk.call(desk.admin.cookie, 'PATCH', `/webhooks/${id}`, { url: created.json().url, minimumLevel: 0, projectId: null });
    expect(renamed.json()).toMatchObject({ minimumLevel: 0, projectId: null, projectName: null });
    const [stored] = await t.connection.db.select().from(webhooks).where(eq(webhooks.id, id));
    expect(stored!.url).toBe(url);
    await desk.call(desk.admin.cookie, 'PATCH', `/webhooks/${id}`, { url: `${baseUrl}/robot/send?access_token=NEW-TOKEN-abcdef`, format: 'dingtalk' });
    expect((await t.connection.db.select().from(webhooks).where(eq(webhooks.id, id)))[0]!.url).toBe(`${baseUrl}/robot/send?access_token=NEW-TOKEN-abcdef`);

    const trail = await t.connection.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, desk.company.tenant.id), eq(auditLogs.entityType, 'webhook')));
    expect(trail.map((row) => row.action).sort()).toEqual(['create', 'update', 'update']);
    expect(JSON.stringify(trail)).not.toMatch(/SECRET-KEY|NEW-TOKEN/);

    expect((await desk.call(desk.admin.cookie, 'DELETE', `/webhooks/${id}`)).statusCode).toBe(204);
    expect((await desk.call(desk.admin.cookie, 'GET', '/webhooks')).json().items).toEqual([]);
    expect((await desk.call(desk.admin.cookie, 'DELETE', `/webhooks/${id}`)).statusCode).toBe(404);
  });

  it("refuses plain http to other hosts, bad levels, another company's project, and non-admins", async () => {
    const post = (body: object, cookie = desk.admin.cookie) => desk.call(cookie, 'POST', '/webhooks', { format: 'wecom', ...body });
    for (const url of ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', 'ftp://127.0.0.1/x', 'https://user:pw@example.com/x', 'not a url']) {
      const response = await post({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0]).toMatchObject({
        field: 'url',
        messages: { 'en-US': 'Use an https:// bot address (plain http:// only for a local test address)' },
      });
    }
    expect((await post({ url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' })).statusCode).toBe(201);
    expect((await post({ url: 'http://localhost:1/x' })).statusCode).toBe(201);
    expect((await post({ url: 'https://example.com/x', minimumLevel: 4 })).statusCode).toBe(400);
    const stranger = await createCompany(t.connection.db, '别家物业');
    expect((await post({ url: 'https://example.com/x', projectId: stranger.project.id })).statusCode).toBe(422);
    expect((await post({ url: 'https://example.com/x' }, desk.manager.cookie)).statusCode).toBe(403);
    expect((await desk.call(desk.manager.cookie, 'GET', '/webhooks')).statusCode).toBe(403);
  });

  it("sends a test message through the delivery code and reports the bot's answer", async () => {
    received.length = 0;
    const ok = (
      await desk.call(desk.admin.cookie, 'POST', '/webhooks', {
        format: 'dingtalk',
        url: `${baseUrl}/robot/send?access_token=TOKEN-0001`,
        projectId: desk.company.project.id,
      })
    ).json();
    const tested = await desk.call(desk.admin.cookie, 'POST', `/webhooks/${ok.id}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toEqual({ ok: true, error: null });
    expect(received).toEqual([
      {
        path: '/robot/send?access_token=TOKEN-0001',
        body: { msgtype: 'markdown', markdown: { title: '【测试消息】', text: '**【测试消息】** 测试花园\n> 这是一条测试消息:收到即表示群机器人配置正确' } },
      },
    ]);
    const failing = (await desk.call(desk.admin.cookie, 'POST', '/webhooks', { format: 'wecom', url: `${baseUrl}/fail?key=KEY-0002` })).json();
    // The bot's own answer is not echoed: a generic failure only, so the test call reads nothing from the far side.
    expect((await desk.call(desk.admin.cookie, 'POST', `/webhooks/${failing.id}/test`)).json()).toEqual({ ok: false, error: 'delivery_failed' });
    const closed = (await desk.call(desk.admin.cookie, 'POST', '/webhooks', { format: 'wecom', url: 'http://127.0.0.1:9/send?key=KEY-CLOSED-PORT' })).json();
    const refused = (await desk.call(desk.admin.cookie, 'POST', `/webhooks/${closed.id}/test`)).json();
    expect(refused).toEqual({ ok: false, error: 'delivery_failed' });
  });
});

describe('group-bot webhooks cannot reach inside (default settings)', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  it('refuses internal addresses and other ports when saved, as a field error', async () => {
    for (const url of [
      `${baseUrl}/send?key=x`,
      'http://localhost/send',
      'https://10.0.0.8/send',
      'https://[::1]/send',
      'https://169.254.169.254/latest',
      'https://qyapi.weixin.qq.com:8443/send',
    ]) {
      const response = await desk.call(desk.admin.cookie, 'POST', '/webhooks', { format: 'wecom', url });
      expect(response.statusCode, url).toBe(422);
      expect(response.json().errors[0].field, url).toBe('url');
    }
    const saved = (
      await desk.call(desk.admin.cookie, 'POST', '/webhooks', { format: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' })
    ).json();
    expect((await desk.call(desk.admin.cookie, 'PATCH', `/webhooks/${saved.id}`, { url: 'https://192.168.1.1/send' })).statusCode).toBe(422);
  });

  it('refuses at send time an address saved before the rule, and says only that it was not allowed', async () => {
    received.length = 0;
    const [row] = await t.connection.db
      .insert(webhooks)
      .values({ tenantId: desk.company.tenant.id, format: 'wecom', url: `${baseUrl}/send?key=OLD`, createdAt: new Date() })
      .returning();
    expect((await desk.call(desk.admin.cookie, 'POST', `/webhooks/${row!.id}/test`)).json()).toEqual({ ok: false, error: 'address_not_allowed' });
    expect(received).toEqual([]);
  });
});
