import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInStaff } from './browser';

describe('training academy', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a steward takes the 车库漏水 drill, gets a CLEAR and red-line score with feedback, and finds it in the learning record', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'steward');
    await page.getByRole('menuitem', { name: '培训学院' }).click();
    await page.getByRole('tab', { name: '案例演练' }).click();
    await page.getByTestId('drill-garage-leak').click();
    await expect.poll(() => page.getByText('车库漏水几个月没人管').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('老虎型').isVisible()).toBe(true);

    // Turn by turn: the next owner turn appears only after a reply is written.
    await page.getByTestId('reply-0').fill('您先别着急，我在听。您是说车位上方的车库顶漏水，已经反映了几个月，对吗？');
    await page.getByTestId('next-turn').click();
    await page.getByTestId('reply-1').fill('这个不归我们管，是开发商的问题。');
    await page.getByTestId('next-turn').click();
    await page.getByTestId('reply-2').fill('我会安排师傅去看看。');
    await page.getByTestId('submit-drill').click();

    const result = page.getByTestId('drill-result');
    await result.waitFor();
    expect(await page.getByTestId('drill-verdict').textContent()).toBe('未通过');
    // CLEAR per step: listening found, no apology, a plan without a time.
    expect(await page.getByTestId('clear-listen').textContent()).toContain('做到了');
    expect(await page.getByTestId('clear-apologize').textContent()).toContain('缺少这一步');
    expect(await page.getByTestId('clear-resolve').textContent()).toContain('没有承诺时间');
    // The red line is named in the reply that crossed it, with a warmer way to say it.
    const redLines = page.getByTestId('drill-red-lines');
    expect(await redLines.textContent()).toContain('推诿');
    expect(await redLines.textContent()).toContain('第 2 句回复');
    expect(await redLines.textContent()).toContain('温暖的说法');
    expect(await result.textContent()).toContain('参考回答');
    await screenshot(page, 'training-drill-result');

    await page.goto('/training?tab=record');
    const record = page.getByTestId('learning-record');
    await record.waitFor();
    await expect.poll(() => record.textContent()).toContain('车库漏水几个月没人管');
    expect(await record.textContent()).toContain('案例演练');
  });

  it('a manager sees the team progress with an overdue course', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'manager');
    await page.goto('/training?tab=team');
    await expect.poll(() => page.getByRole('button', { name: '指派课程' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(1);
    expect(await page.locator('.ant-tag-red').count()).toBeGreaterThan(0);
  });
});
