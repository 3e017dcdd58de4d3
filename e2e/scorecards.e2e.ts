import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInStaff } from './browser';

/** The month of nine days ago in Shanghai: the demo's year of handled tickets ends a week before now. */
const historyMonth = () => new Date(Date.now() + 8 * 3_600_000 - 9 * 86_400_000).toISOString().slice(0, 7);

describe('scorecards (issue 18 §4)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a steward opens their scorecard, objects to a point once, and follows a point to the ticket behind it', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'steward');
    await page.getByRole('menuitem', { name: '我的积分' }).click();
    await page.waitForURL(/\/scorecards/);
    await page.goto(`/scorecards?month=${historyMonth()}`);
    await expect.poll(() => page.getByText('本月积分').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.locator('[data-testid^="score-point-"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('score-trend').isVisible()).toBe(true);
    expect(await page.locator('[data-testid^="score-rank-"]').first().textContent()).toMatch(/第 \d+ 名 \/ 共 \d+ 人/);

    // An objection to the first point: the row then says it is pending, and offers no second one.
    const first = page.locator('[data-testid^="score-point-"]').first();
    await first.getByRole('button', { name: '提出异议' }).click();
    await page.getByTestId('objection-reason').fill('业主要求改约到周末,不是我拖延');
    await page.getByTestId('objection-submit').click();
    await expect.poll(() => first.getByText('异议待处理').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await first.getByRole('button', { name: '提出异议' }).count()).toBe(0);
    await screenshot(page, 'scorecard-steward');

    const link = page.locator('[data-testid^="score-open-"][href^="/service-desk/"]').first();
    const text = (await link.textContent()) ?? '';
    const number = text.split(' ')[0]!;
    await link.click();
    await page.waitForURL(/\/service-desk\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(number).first().isVisible(), { timeout: 20_000 }).toBe(true);
  });

  it('a manager sees the project ranking with n and opens a person’s card', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'manager');
    await page.goto(`/scorecards?tab=ranking&month=${historyMonth()}`);
    await expect.poll(() => page.locator('[data-testid^="ranking-row-"]').count(), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await page.getByText(/^n = \d+$/).isVisible()).toBe(true);
    expect(await page.locator('[data-testid^="ranking-row-"]').first().locator('td').first().textContent()).toBe('1');
    await page.locator('[data-testid^="ranking-row-"]').first().getByRole('button').click();
    await expect.poll(() => page.getByText(/的积分卡$/).isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'scorecard-ranking');
    await page.goto(`/scorecards?tab=company&month=${historyMonth()}`);
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});
