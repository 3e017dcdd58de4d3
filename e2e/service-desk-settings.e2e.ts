import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signInStaff } from './browser';

type DetectionSettings = { minimumHouseholds: number; windowHours: number };
type VisitSettings = { complaintShare: number; repairShare: number; otherShare: number };
type Me = { projects: { id: string; name: string }[] };
type Ticket = { id: string; number: string; version: number };

/**
 * The API as the signed-in page's own session (Playwright's request context shares its cookies),
 * for set-up and for putting the company's settings back: the other browser flows share this server.
 */
async function call<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, { method, ...(body !== undefined && { data: body }) });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** antd's toast with this text, once it shows. */
const toast = (page: Page, text: string) => page.locator('.ant-message-notice', { hasText: text }).first().waitFor();

describe('service desk settings and the ageing report', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('charts open tickets by age and lists the oldest, each opening its ticket', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'manager');
    await page.goto('/service-desk');
    await page.getByTestId('ageing-open').click();
    const report = page.getByTestId('ageing-report');
    await report.waitFor();
    const total = Number(await report.getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    const chart = page.getByTestId('ageing-chart');
    await chart.locator('canvas').first().waitFor();
    const counts = ((await chart.getAttribute('data-counts')) ?? '').split(',').map(Number);
    expect(counts).toHaveLength(5);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total);
    // Let echarts finish its entry animation before the picture is taken.
    await page.waitForTimeout(1_000);
    await screenshot(page, 'ageing-report');

    // One age group at a time; its tile says how many there are.
    const youngest = page.getByTestId('ageing-bucket').locator('.ant-segmented-item').nth(1);
    await youngest.click();
    const rows = page.getByTestId('ageing-oldest').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(Math.min(counts[0]!, 10));
    await page.getByTestId('ageing-bucket').locator('.ant-segmented-item').first().click();

    const link = page.getByTestId('ageing-ticket-link').first();
    const number = (await link.textContent()) ?? '';
    await link.click();
    await page.getByTestId('ticket-detail').waitFor();
    expect(await page.getByTestId('detail-number').textContent()).toBe(number);
    await page.context().close();
  });

  it('corrects a draft outage notice in the incident drawer', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'manager');
    const me = await call<Me>(page, 'GET', '/auth/me');
    // A draft, so that nobody is notified of a test outage.
    const incident = await call<{ id: string }>(page, 'POST', '/incidents', {
      projectId: me.projects[0]!.id,
      kind: 'planned',
      templateCode: 'water_outage',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      reason: '管道检修',
      publish: false,
    });
    await page.goto(`/incidents?open=${incident.id}`);
    await page.getByTestId('incident-edit').click();
    const title = page.getByTestId('incident-edit-form').getByTestId('incident-title');
    await expect.poll(() => title.inputValue()).not.toBe('');
    // The pickers show Beijing time, as the detail does, whatever the browser's zone.
    const startsAt = await page.getByTestId('incident-edit-form').getByTestId('incident-starts-at').inputValue();
    expect(await page.getByTestId('incident-detail').textContent()).toContain(startsAt);
    await title.fill('3栋计划停水(时间调整)');
    await page.waitForTimeout(500);
    await screenshot(page, 'incident-edit');
    await page.getByTestId('incident-edit-save').click();
    await toast(page, '已保存');
    await expect.poll(() => page.getByTestId('incident-detail').locator('h4').textContent()).toBe('3栋计划停水(时间调整)');
    await page.getByTestId('incident-detail').getByText('修改事件').first().waitFor();
    await page.context().close();
  });

  it('saves the group-complaint thresholds and the repair visit share, which a reload still shows', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    const detectionBefore = await call<DetectionSettings>(page, 'GET', '/incident-settings');
    const visitsBefore = await call<VisitSettings>(page, 'GET', '/visit-settings');
    try {
      // Reached from the menu, as the quality department would.
      await page.goto('/service-desk');
      await page.getByTestId('side-menu').getByText('服务台设置').click();
      const households = page.getByTestId('detection-households');
      const hours = page.getByTestId('detection-hours');
      const repair = page.getByTestId('share-repair');
      await households.waitFor();
      expect(Number(await households.inputValue())).toBe(detectionBefore.minimumHouseholds);
      expect(await page.getByTestId('share-complaint').isDisabled()).toBe(true);

      // A threshold of one household is no group: the form says what is allowed before anything is sent.
      await households.fill('1');
      await page.getByTestId('detection-settings-save').click();
      await page.getByText('户数阈值请填写 2 到 1000 之间的整数').waitFor();

      const k = detectionBefore.minimumHouseholds === 6 ? 7 : 6;
      const t = detectionBefore.windowHours === 48 ? 36 : 48;
      const share = Math.round(visitsBefore.repairShare * 100) === 40 ? 60 : 40;
      await households.fill(String(k));
      await hours.fill(String(t));
      await page.getByTestId('detection-settings-save').click();
      await toast(page, '群体投诉识别阈值已保存');
      await repair.fill(String(share));
      await page.getByTestId('visit-shares-save').click();
      await toast(page, '回访比例已保存');
      await screenshot(page, 'service-desk-settings');

      await page.reload();
      await households.waitFor();
      expect(Number(await households.inputValue())).toBe(k);
      expect(Number(await hours.inputValue())).toBe(t);
      expect(Number(await repair.inputValue())).toBe(share);
      expect(await page.getByTestId('detection-settings-summary').textContent()).toContain(`${t} 小时内 ${k} 户`);
      expect(await call<VisitSettings>(page, 'GET', '/visit-settings')).toMatchObject({
        complaintShare: 1,
        repairShare: share / 100,
        otherShare: visitsBefore.otherShare,
      });
    } finally {
      await call(page, 'PUT', '/incident-settings', detectionBefore);
      await call(page, 'PUT', '/visit-settings', { repairShare: visitsBefore.repairShare, otherShare: visitsBefore.otherShare });
      await page.context().close();
    }
  });

  it('points to the return visit when a resolved ticket cannot close without one', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'admin');
    const visitsBefore = await call<VisitSettings>(page, 'GET', '/visit-settings');
    try {
      const me = await call<Me>(page, 'GET', '/auth/me');
      // An inquiry answered on the spot, under a policy that visits every one: it owes a 回访.
      await call(page, 'PUT', '/visit-settings', { repairShare: visitsBefore.repairShare, otherShare: 1 });
      const owed = await call<Ticket>(page, 'POST', '/tickets', {
        projectId: me.projects[0]!.id,
        type: 'inquiry',
        channel: 'hotline',
        priority: 'normal',
        title: '咨询装修审批流程',
        reporterName: '测试业主',
      });
      await call(page, 'POST', `/tickets/${owed.id}/actions`, { action: 'accept' });
      await call(page, 'POST', `/tickets/${owed.id}/actions`, { action: 'resolve', note: '已处理完毕' });
      await page.goto(`/service-desk/${owed.id}`);
      await page.getByTestId('visit-required').waitFor();
      expect(await page.getByTestId('action-close').count()).toBe(0);
      await screenshot(page, 'visit-required');
      await page.getByTestId('visit-required-go').click();
      await expect.poll(() => page.getByTestId('visit-form').evaluate((form) => form.getBoundingClientRect().top < window.innerHeight)).toBe(true);

      // The server's refusal (a page older than the ticket's visit decision) reads the same, not as a failure.
      await call(page, 'PUT', '/visit-settings', { repairShare: visitsBefore.repairShare, otherShare: 0 });
      const other = await call<Ticket>(page, 'POST', '/tickets', {
        projectId: me.projects[0]!.id,
        type: 'inquiry',
        channel: 'hotline',
        priority: 'normal',
        title: '咨询停车月卡办理',
        reporterName: '测试业主',
      });
      await call(page, 'POST', `/tickets/${other.id}/actions`, { action: 'accept' });
      await call(page, 'POST', `/tickets/${other.id}/actions`, { action: 'resolve', note: '已处理完毕' });
      await page.goto(`/service-desk/${other.id}`);
      await page.getByTestId('action-close').waitFor();
      expect(await page.getByTestId('visit-required').count()).toBe(0);
      await page.route(`**/api/v1/tickets/${other.id}/actions`, (route) =>
        route.fulfill({
          status: 409,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            status: 409,
            code: 'return_visit_required',
            title: '此工单需要先回访业主,回访确认后才能关闭',
            detail: '此工单需要先回访业主,回访确认后才能关闭',
          }),
        }),
      );
      await page.getByTestId('action-close').click();
      await page.getByTestId('visit-required').waitFor();
      expect(await page.locator('.ant-message-error').count()).toBe(0);
    } finally {
      await call(page, 'PUT', '/visit-settings', { repairShare: visitsBefore.repairShare, otherShare: visitsBefore.otherShare });
      await page.context().close();
    }
  });
});
