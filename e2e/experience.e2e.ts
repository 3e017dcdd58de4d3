import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInStaff } from './browser';

describe('experience design: owner journey maps', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the quality department builds a journey with a peak and an end touchpoint, publishes it, and sees each moment’s data', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.getByRole('menuitem', { name: '体验管理' }).click();
    await page.getByTestId('journey-create').click();
    await page.getByTestId('journey-name').fill('E2E 住宅旅程');
    await page
      .getByRole('button', { name: 'OK' })
      .or(page.getByRole('button', { name: '确 定' }))
      .or(page.getByRole('button', { name: '确定' }))
      .first()
      .click();
    await page.getByTestId('journey-map').waitFor();

    // A new end touchpoint for daily life (its peak, the guard showing the way, is in the starter map).
    const daily = page
      .getByTestId('journey-map')
      .locator('div', { has: page.getByRole('heading', { name: '日常居住' }) })
      .last();
    await daily.getByRole('button', { name: '添加触点' }).click();
    await page.getByTestId('touchpoint-name').fill('夜间巡逻道别');
    await page.getByTestId('touchpoint-standard').fill('巡逻结束时向仍在园区的业主道晚安，并提醒关好门窗');
    await page.getByTestId('touchpoint-end').check();
    await page.getByTestId('touchpoint-save').click();
    await expect.poll(() => page.getByText('夜间巡逻道别').count()).toBeGreaterThan(0);

    await page.getByTestId('journey-publish').click();
    await page.locator('.ant-modal-confirm').getByRole('button').last().click();
    await expect.poll(() => page.getByText('已发布的版本不能修改').count()).toBeGreaterThan(0);

    // The repair visit, the designed peak of a repair, shows its tickets and the peak-end score beside the CSAT.
    const repair = page.getByTestId('touchpoint-repair-visit');
    await expect.poll(() => repair.textContent()).toContain('峰终分');
    expect(await repair.textContent()).toContain('峰值');
    expect(await repair.textContent()).toMatch(/工单 [1-9]/);
    expect(['good', 'watch', 'weak', 'no_data']).toContain(await repair.getAttribute('data-health'));
    expect(await page.getByTestId('touchpoint-repair-close').textContent()).toContain('结束');
    await screenshot(page, 'journey-map');
  });

  it('a manager sees the 感动点 log, records a colleague’s moment and rewards it', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'manager');
    await page.goto('/experience?tab=delight');
    const list = page.getByTestId('delight-list');
    await expect.poll(() => list.textContent()).toContain('帮独居老人把阳台的花搬进屋');
    await page.getByTestId('delight-record').click();
    await page.getByTestId('delight-staff').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('delight-description').fill('E2E：帮业主把快递搬上六楼');
    await page.locator('.ant-modal:visible').getByRole('button').last().click();
    await expect.poll(() => list.textContent()).toContain('E2E：帮业主把快递搬上六楼');
    const item = list.locator('.ant-list-item', { hasText: 'E2E：帮业主把快递搬上六楼' });
    await item.getByRole('button', { name: '加分' }).click();
    await page.locator('.ant-modal:visible').getByRole('button').last().click();
    await expect.poll(() => item.textContent()).toContain('已加 3 分');
  });
});
