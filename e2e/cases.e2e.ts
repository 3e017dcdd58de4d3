import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInStaff } from './browser';

describe('case library (issue 18 §6, 案例金典)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a closed complaint has become a draft case; quality writes its cause and lesson and publishes it, and it can be practised', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/cases');
    // On a server the drafting pass follows the SLA sweep on its timer; the e2e server runs it on request.
    const drafted = await page.request.post('/e2e/cases/draft');
    expect(drafted.status()).toBe(200);
    await page.getByTestId('case-status-filter').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '草稿' }).click();
    await expect.poll(() => page.locator('[data-testid="case-list"] .ant-table-row').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const row = page.locator('[data-testid="case-list"] .ant-table-row').first();
    const title = ((await row.locator('td').first().textContent()) ?? '').trim();
    await row.click();

    const detail = page.getByTestId('case-detail');
    await expect.poll(() => detail.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('case-status').textContent()).toBe('草稿');
    // The draft was written from the complaint: its background is filled in before anyone types.
    expect((await page.getByTestId('case-background').inputValue()).length).toBeGreaterThan(0);
    await page.getByTestId('case-cause').fill('雨季前未排查车库顶板防水，渗漏反复出现');
    await page.getByTestId('case-lesson').fill('雨季前做一次防水专项巡检；业主第一次反映就上门查看，当天给出维修时间');
    await page.getByTestId('case-publish').click();
    await expect.poll(() => page.getByTestId('case-status').textContent(), { timeout: 20_000 }).toBe('已发布');
    expect(await page.getByTestId('case-drill').isVisible()).toBe(true);
    await screenshot(page, 'case-published');

    // Closed, it is listed among the published cases, found by its title.
    await page.keyboard.press('Escape');
    await page.getByTestId('case-status-filter').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '已发布' }).click();
    const search = page.getByTestId('case-search');
    const input = (await search.evaluate((element) => element.tagName)) === 'INPUT' ? search : search.locator('input');
    await input.fill(title);
    await input.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="case-list"] .ant-table-row').filter({ hasText: title }).filter({ hasText: '已发布' }).count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
  });
});
