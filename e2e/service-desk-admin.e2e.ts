import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPage, phone, screenshot, signInOwner, signInStaff } from './browser';
import { startFakeBot } from './fake-bot';

type Me = { projects: { id: string; name: string }[] };
type Person = { id: string; phone: string | null; name: string; householdId: string };
type Household = { id: string; buildingId: string; buildingName: string };
type SlaPolicy = {
  code: string;
  name: unknown;
  match: unknown;
  targets: Record<string, { minutes: number; calendar: string }>;
  warnShare: number;
  active: boolean;
};
type Ticket = { id: string; number: string; sla: { target: string; dueAt: string; metAt: string | null; state: string }[] };
type Incident = { id: string; notice: { notified: number; read: number } };

async function apiGet<T>(cookie: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function apiSend<T>(cookie: string, method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The session of a page signed in through the console, for calling the API as the same person.
 * Sign-in is limited to 10 a minute per address and the other browser flows sign in too, so each
 * role here signs in once rather than once for the page and once for the API.
 */
async function sessionCookie(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** Adds a group bot in the console's webhook editor: the format (WeCom is preselected) and the address. */
async function addWebhook(page: Page, format: '钉钉' | null, url: string): Promise<void> {
  await page.getByTestId('webhook-create').click();
  if (format) await page.locator('.ant-radio-button-wrapper', { hasText: format }).click();
  await page.getByTestId('webhook-url').fill(url);
  await page.getByTestId('webhook-save').click();
  // The drawer closes once the server has saved it.
  await page.getByTestId('webhook-save').waitFor({ state: 'hidden', timeout: 10_000 });
}

describe('service desk administration: SLA policies, outage notices, the alerts bell', () => {
  let browser: Browser;
  let adminCookie = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('lets the administrator change an SLA target and save the ordered list', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'admin');
    adminCookie = await sessionCookie(page);
    const cookie = adminCookie;
    const before = (await apiGet<{ items: SlaPolicy[] }>(cookie, '/sla-policies')).items;
    try {
      await page.goto('/sla-policies');
      await page.getByTestId('sla-policy').first().click();
      const editor = page.getByTestId('sla-policy-editor').first();
      const minutes = editor.locator('[data-testid^="sla-minutes-0-"]').first();
      const kind = ((await minutes.getAttribute('data-testid')) ?? '').replace('sla-minutes-0-', '');
      const original = before[0]!.targets[kind]!.minutes;
      const changed = original === 60 ? 120 : 60;
      await minutes.fill(String(changed));
      await expect.poll(() => editor.getByTestId(`sla-target-${kind}`).getByTestId('sla-target-display').textContent()).toMatch(/小时/);
      await screenshot(page, 'sla-policies');
      await page.getByTestId('sla-save').click();
      await expect
        .poll(async () => (await apiGet<{ items: SlaPolicy[] }>(cookie, '/sla-policies')).items[0]!.targets[kind]!.minutes, { timeout: 10_000 })
        .toBe(changed);
      // Saved means nothing left to save: the button disables once the console has re-read the list.
      await expect.poll(() => page.getByTestId('sla-save').isDisabled(), { timeout: 10_000 }).toBe(true);
    } finally {
      // The other browser flows expect the shipped numbers.
      await apiSend(cookie, 'PUT', '/sla-policies', {
        policies: before.map(({ code, name, match, targets, warnShare, active }) => ({ code, name, match, targets, warnShare, active })),
      });
      await page.context().close();
    }
  });

  it('announces a planned water outage for one building, which its owner reads on a phone', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'manager');
    const cookie = await sessionCookie(page);
    const me = await apiGet<Me>(cookie, '/auth/me');
    const projectId = me.projects[0]!.id;
    const persons = (await apiGet<{ items: Person[] }>(cookie, `/persons?role=owner&projectId=${projectId}&limit=50`)).items.filter((person) => person.phone);
    // Not the first or last owner with a phone: the other flows sign those in, and a second SMS would meet the cool-down.
    const owner = persons[2]!;
    const household = await apiGet<Household>(cookie, `/households/${owner.householdId}`);

    await page.goto('/incidents');
    await page.getByTestId('incident-create').click();
    await page.getByTestId('incident-project').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: me.projects[0]!.name }).first().click();
    await page.getByTestId('incident-template').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '计划停水' }).click();
    await expect.poll(() => page.getByTestId('incident-call-script').inputValue()).toContain('{楼栋}');
    await page.getByTestId('incident-buildings').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${household.buildingName}栋$`) })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('incident-reason').fill('二次供水水箱清洗');
    await screenshot(page, 'incident-create');
    await page.getByTestId('incident-save').click();
    const detail = page.getByTestId('incident-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('incident-status').getAttribute('data-status')).toBe('published');
    const readRate = detail.getByTestId('incident-read-rate');
    await expect.poll(async () => Number(await readRate.getAttribute('data-notified'))).toBeGreaterThan(0);
    expect(await detail.textContent()).toContain(`${household.buildingName}栋`);
    const incidentId = new URL(page.url()).searchParams.get('open')!;
    // Let the drawer finish sliding in before the picture is taken.
    await page.waitForTimeout(500);
    await screenshot(page, 'incident-detail');

    // The hotline agent taking this owner's call sees the outage script above the form.
    await page.goto('/service-desk/new');
    await page.getByTestId('reporter-search').fill(owner.phone!);
    await page.getByTestId('reporter-option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('active-incident').first().waitFor();
    expect(await page.getByTestId('active-incident-script').first().textContent()).toContain('停水');
    await screenshot(page, 'ticket-create-incident-script');

    const { page: ownerPage } = await newPage(browser, phone);
    await signInOwner(ownerPage, owner.phone!);
    const notice = ownerPage.getByTestId('owner-notice').filter({ hasText: '停水' }).first();
    await notice.waitFor();
    expect(await notice.getAttribute('data-read')).toBe('false');
    await notice.getByTestId('owner-notice-open').click();
    expect(await notice.getByTestId('owner-notice-text').textContent()).toContain('二次供水水箱清洗');
    await expect.poll(() => notice.getAttribute('data-read'), { timeout: 10_000 }).toBe('true');
    const overflow = await ownerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(ownerPage, 'owner-notice');
    await ownerPage.context().close();

    await expect.poll(async () => (await apiGet<Incident>(cookie, `/incidents/${incidentId}`)).notice.read).toBeGreaterThanOrEqual(1);
    await page.goto(`/incidents?open=${incidentId}`);
    await expect.poll(() => page.getByTestId('incident-read-rate').getAttribute('data-read'), { timeout: 10_000 }).not.toBe('0');
    await page.waitForTimeout(500);
    await screenshot(page, 'incident-read');
    await page.context().close();
  });

  // Last on purpose: it moves the e2e server's shared clock forward.
  it('rings the alerts bell and the WeCom and DingTalk group bots once a ticket misses its response deadline', async () => {
    const bot = await startFakeBot();
    const wecomPath = '/cgi-bin/webhook/send';
    const dingtalkPath = '/robot/send';
    const { page: admin } = await newPage(browser);
    try {
      // The administrator points a WeCom and a DingTalk group bot at the fake bot in the console's editor.
      await signInStaff(admin, 'admin');
      await admin.goto('/webhooks');
      await addWebhook(admin, null, bot.url(`${wecomPath}?key=e2e-wecom-key-0001`));
      const wecomRow = admin.getByTestId('webhooks-table').locator('tr', { hasText: '企业微信' }).first();
      await wecomRow.waitFor();
      await wecomRow.getByTestId('webhook-test').click();
      await admin.locator('.ant-message-success', { hasText: '测试消息已发送' }).waitFor();
      expect(bot.at(wecomPath).at(-1)?.body).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('测试消息') } });
      await addWebhook(admin, '钉钉', bot.url(`${dingtalkPath}?access_token=e2e-dingtalk-token-0001`));
      await admin.getByTestId('webhooks-table').locator('tr', { hasText: '钉钉' }).first().waitFor();
      // The secret in the address is masked wherever the console shows it.
      expect(await admin.getByTestId('webhooks-table').textContent()).not.toContain('e2e-wecom-key-0001');
      await screenshot(admin, 'webhooks');
      const webhooks = (await apiGet<{ items: { id: string; format: string }[] }>(adminCookie, '/webhooks')).items;
      expect(webhooks.map((webhook) => webhook.format).sort()).toEqual(['dingtalk', 'wecom']);

      // An urgent repair: a first response within 10 minutes round the clock, so the breach comes
      // minutes later at any hour of the day and the demo's own tickets hardly move meanwhile.
      const me = await apiGet<Me>(adminCookie, '/auth/me');
      const ticket = await apiSend<Ticket>(adminCookie, 'POST', '/tickets', {
        projectId: me.projects[0]!.id,
        type: 'repair',
        channel: 'hotline',
        priority: 'urgent',
        title: '单元门禁无法刷卡',
        description: '刷卡没有反应,老人被关在单元门外',
        reporterName: '测试业主',
      });
      const response = ticket.sla.find((clock) => clock.target === 'first_response') ?? ticket.sla[0]!;
      const { now } = (await (await fetch(`${baseUrl()}/e2e/clock/advance?minutes=0`, { method: 'POST' })).json()) as { now: string };
      const minutes = Math.ceil((Date.parse(response.dueAt) - Date.parse(now)) / 60_000) + 5;
      await fetch(`${baseUrl()}/e2e/clock/advance?minutes=${minutes}`, { method: 'POST' });
      const sweep = await fetch(`${baseUrl()}/e2e/sla/sweep`, { method: 'POST' });
      expect(sweep.ok).toBe(true);
      const delivery = await fetch(`${baseUrl()}/e2e/webhooks/deliver`, { method: 'POST' });
      expect(delivery.ok).toBe(true);
      expect(((await delivery.json()) as { sent: number }).sent).toBeGreaterThanOrEqual(2);

      // Both bots were told, each in its own markdown format, which ticket breached which target and who now owns it.
      const wecom = bot.at(wecomPath).filter((message) => JSON.stringify(message.body).includes(ticket.number));
      expect(wecom).toHaveLength(1);
      expect(wecom[0]!.query.get('key')).toBe('e2e-wecom-key-0001');
      expect(wecom[0]!.body).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
      const content = (wecom[0]!.body.markdown as { content: string }).content;
      expect(content).toContain(ticket.number);
      expect(content).toContain('【超时升级】');
      expect(content).toContain('响应时限已超时');
      expect(content).toContain('已升级至项目经理');
      const dingtalk = bot.at(dingtalkPath).filter((message) => JSON.stringify(message.body).includes(ticket.number));
      expect(dingtalk).toHaveLength(1);
      expect(dingtalk[0]!.query.get('access_token')).toBe('e2e-dingtalk-token-0001');
      expect(dingtalk[0]!.body).toMatchObject({
        msgtype: 'markdown',
        markdown: { title: expect.stringContaining(ticket.number), text: expect.stringContaining('已升级至项目经理') },
      });
      expect((dingtalk[0]!.body.markdown as { text: string }).text).toContain('响应时限已超时');
      // Delivered once: the outbox marks what it sent, so a second run posts nothing new for the ticket.
      await fetch(`${baseUrl()}/e2e/webhooks/deliver`, { method: 'POST' });
      expect(bot.received.filter((message) => JSON.stringify(message.body).includes(ticket.number))).toHaveLength(2);

      // Signed in after the clock moved, so the session is not already past its lifetime.
      const { page } = await newPage(browser);
      await signInStaff(page, 'admin');
      await page.goto('/service-desk');
      await expect.poll(async () => Number(await page.getByTestId('alerts-count').textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      await page.getByTestId('alerts-bell').click();
      const item = page.getByTestId('alerts-list').getByTestId('alert-item').filter({ hasText: ticket.number }).first();
      await item.waitFor();
      await screenshot(page, 'alerts-bell');
      await item.click();
      await page.getByTestId('ticket-detail').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/service-desk/${ticket.id}`);
      await expect
        .poll(() => page.getByTestId('sla-badge').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-state'))))
        .toContain('breached');
      await page.context().close();
    } finally {
      // Nothing else should post to a bot that is about to stop listening.
      const left = await apiGet<{ items: { id: string }[] }>(adminCookie, '/webhooks').catch(() => ({ items: [] }));
      for (const webhook of left.items) await fetch(`${baseUrl()}/api/v1/webhooks/${webhook.id}`, { method: 'DELETE', headers: { cookie: adminCookie } });
      await admin.context().close();
      await bot.close();
    }
  });
});
