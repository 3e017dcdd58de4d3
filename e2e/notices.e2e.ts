import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, launchBrowser, newPage, phone, screenshot, signInOwner, signInStaff, staffCookie } from './browser';

type Person = { id: string; householdId: string; projectId: string; phone: string | null; name: string };

describe('notices centre (提前告知): the owner reads on the phone, the console sees the receipt', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('an owner opens a notice on a 375 px phone and the read receipt shows in the console', async () => {
    const title = 'E2E 供暖试水通知';
    // A demo resident with a phone whom no other browser test signs in (each phone may ask for only a few codes an
    // hour), and a notice to their household published from the console's API.
    const admin = await staffCookie('admin');
    const residents = (await call<{ items: Person[] }>(admin, 'GET', '/persons?limit=50')).items.filter((person) => person.phone && person.householdId);
    const owner = residents[Math.min(17, residents.length - 1)]!;
    await call(admin, 'POST', '/notices', {
      projectId: owner.projectId,
      kind: 'seasonal',
      templateKey: 'heating',
      title,
      body: '尊敬的业主您好：今年供暖将于11月15日开始，开始前两天会试水。试水期间请您留意暖气片和阀门是否滴漏，如发现漏水请立即关闭阀门并联系管家，维修师傅马上上门。感谢您的配合！',
      audience: 'households',
      householdIds: [owner.householdId],
      publish: true,
    });

    // The owner, on the phone: the notice list, unread, opened (the read receipt).
    const { page } = await newPage(browser, phone);
    await signInOwner(page, owner.phone!);
    await page.goto('/h5/notices');
    const notice = page.getByTestId('owner-notice').filter({ hasText: title });
    await notice.waitFor();
    expect(await notice.getAttribute('data-read')).toBe('false');
    await notice.getByTestId('owner-notice-open').click();
    await expect.poll(() => notice.getByTestId('owner-notice-text').textContent()).toContain('供暖将于11月15日开始');
    await expect.poll(() => notice.getAttribute('data-read')).toBe('true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'owner-notice-read-375');

    // The console: the notice counts one reading, and the receipt names the owner with the time read.
    const desk = await newPage(browser);
    await signInStaff(desk.page, 'admin');
    await desk.page.goto('/notices');
    const row = desk.page.getByTestId('notice-list').locator('tr', { hasText: title });
    // Everyone on file for the household received it; the owner is the one who read it.
    await expect.poll(() => row.getByTestId('notice-row-read').textContent()).toMatch(/^已读 1 \/ \d+$/);
    await row.click();
    const detail = desk.page.getByTestId('notice-detail');
    await detail.waitFor();
    expect(await desk.page.getByTestId('notice-read-count').textContent()).toMatch(/^已读 1 \/ \d+$/);
    const receipt = desk.page.getByTestId('notice-receipts').locator('tr', { hasText: owner.name });
    await expect.poll(() => receipt.locator('.ant-tag-green').count()).toBe(1);
    expect(await receipt.textContent()).not.toContain('未读');
    await screenshot(desk.page, 'notice-receipts');
  });
});
