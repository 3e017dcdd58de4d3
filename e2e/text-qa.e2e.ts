import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot, signInStaff, staffCookie } from './browser';

describe('communication quality', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a steward types a cold reply to an owner, sees the red line and takes the warm rewrite', async () => {
    const cookie = await staffCookie('steward');
    const list = (await (await fetch(`${baseUrl()}/api/v1/tickets?limit=50`, { headers: { cookie } })).json()) as { items: { id: string; status: string }[] };
    const ticket = list.items.find((item) => !['cancelled', 'merged', 'closed'].includes(item.status))!;
    const { page } = await newPage(browser);
    await signInStaff(page, 'steward');
    await page.goto(`/service-desk/${ticket.id}`);
    await page.getByTestId('notes-panel').waitFor();
    await page.getByTestId('notes-visible').click();
    await page.getByTestId('notes-body').fill('这个不归我们管，你去找开发商，明天下午3点前自己打电话。');
    const hint = page.getByTestId('redline-hint');
    await hint.waitFor();
    await expect.poll(() => hint.textContent()).toContain('推诿');
    const rewrite = (await page.getByTestId('redline-rewrite').textContent())!;
    expect(rewrite).toContain('3点');
    await screenshot(page, 'text-qa-red-line-hint');
    await page.getByTestId('redline-take-rewrite').click();
    await expect.poll(() => page.getByTestId('notes-body').inputValue()).toBe(rewrite);
    await page.getByTestId('redline-clear').waitFor();
    await page.getByTestId('notes-add').click();
    await expect
      .poll(() =>
        page
          .getByTestId('ticket-event')
          .filter({ hasText: rewrite.slice(0, 8) })
          .count(),
      )
      .toBeGreaterThan(0);
  });

  it('the quality department sees a staff scorecard, reviews a finding, and opens the 贬损点 page', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.getByRole('menuitem', { name: '沟通质检' }).click();
    const findings = page.getByTestId('findings-table');
    await findings.waitFor();
    await expect.poll(() => findings.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const first = findings.locator('.ant-table-row').first();
    const excerpt = (await first.locator('mark').first().textContent())!;
    await first.getByTestId('finding-accept').click();
    await expect.poll(() => page.getByText('已确认该红线').isVisible()).toBe(true);
    await page.getByTestId('findings-status').getByText('已确认').click();
    await expect.poll(() => findings.locator('mark').filter({ hasText: excerpt }).count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '质检评分卡' }).click();
    const card = page.getByTestId('scorecard-table');
    await card.waitFor();
    await expect.poll(() => card.locator('.ant-table-row').count()).toBeGreaterThan(1);
    expect(await card.textContent()).toMatch(/推诿|烦躁|拒绝|质疑|随意/);
    await page.getByTestId('scorecard-trend').waitFor();
    await screenshot(page, 'text-qa-scorecard');

    await page.getByRole('menuitem', { name: '贬损点分析' }).click();
    const topics = page.getByTestId('voice-topics');
    await topics.waitFor();
    await expect.poll(() => topics.locator('.ant-table-row').count()).toBeGreaterThan(5);
    await page.getByTestId('voice-cloud').waitFor();
    await topics.locator('.ant-table-row').first().click();
    const verbatims = page.getByTestId('voice-verbatims');
    await verbatims.waitFor();
    await expect.poll(() => verbatims.locator('.ant-list-item').count()).toBeGreaterThan(0);
    await screenshot(page, 'owner-voice-detractors');
  });

  it('a steward finds a script by pinyin initials and hands in a warm rewrite of the cold one as homework', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'steward');
    await page.getByRole('menuitem', { name: '话术库' }).click();
    await page.getByTestId('scripts-search').locator('input').fill('tsaf');
    await page.getByTestId('scripts-search').locator('input').press('Enter');
    await expect.poll(() => page.locator('[data-testid^="script-"]').count()).toBe(1);
    const card = page.getByTestId('script-complaint-soothing');
    expect(await card.textContent()).toContain('猫头鹰型');
    await card.getByRole('tab', { name: '话术作业' }).click();
    await card.getByTestId('homework-text').fill('非常理解您的心情，需要开发商维修的部分我可以帮您联系并跟进，今天18点前给您回复，您看可以吗？');
    await card.getByTestId('homework-submit').click();
    await expect.poll(() => card.getByTestId('homework-result').textContent()).toMatch(/质检 \d+ 分/);
    await screenshot(page, 'scripts-homework');
  });

  it('the quality department writes a company rule in the form: a broken regex is refused with the reason, a good one is saved', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/quality?tab=rules');
    const table = page.getByTestId('rules-table');
    await table.waitFor();
    await expect.poll(() => table.textContent()).toContain('co.jargon');
    await page.getByTestId('rule-add').click();
    const form = page.getByTestId('rule-form');
    await form.waitFor();
    await page.getByTestId('rule-kind').getByText('正则表达式').click();
    await page.getByTestId('rule-pattern').fill('(没门');
    await page.getByTestId('rule-why').fill('“没门”是生硬的拒绝');
    await page.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rules-problem').first().textContent()).toMatch(/正则表达式无法编译/);
    await screenshot(page, 'text-qa-rule-broken-regex');
    await page.getByTestId('rule-pattern').fill('没门(儿)?');
    await page.getByTestId('rule-save').click();
    await expect.poll(() => form.isVisible()).toBe(false);
    await expect.poll(() => table.textContent()).toContain('/没门(儿)?/');
    await page.getByRole('tab', { name: '抽检复核' }).click();
    await page.getByTestId('sampling-card').waitFor();
    expect(await page.getByTestId('sampling-posts').textContent()).toContain('客服管家');
  });
});
