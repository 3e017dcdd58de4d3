import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call, launchBrowser, newPage, phone, screenshot, signInOwner, staffCookie } from './browser';

type Person = { id: string; householdId: string; projectId: string; phone: string | null; name: string };
type Household = { id: string; buildingId: string };

describe('owner home on a 375 px phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("sees the household's tickets, a notice, a survey and their steward", async () => {
    // A survey invitation for a demo household with an owner's phone (the e2e server's own set-up route).
    const link = (await (await fetch(`${baseUrl()}/e2e/answer-link`, { method: 'POST' })).json()) as { ownerPhone: string };
    const admin = await staffCookie('admin');
    const owner = (await call<{ items: Person[] }>(admin, 'GET', `/persons?q=${link.ownerPhone}&limit=5`)).items[0]!;
    const household = await call<Household>(admin, 'GET', `/households/${owner.householdId}`);
    // A call logged by the hotline for the flat without naming who rang: the family still sees it.
    const ticket = await call<{ number: string }>(admin, 'POST', '/tickets', {
      projectId: owner.projectId,
      type: 'repair',
      channel: 'hotline',
      categoryCode: 'engineering.leak',
      priority: 'normal',
      title: '阳台地漏返水',
      householdId: owner.householdId,
    });
    await call(admin, 'POST', '/incidents', {
      projectId: owner.projectId,
      kind: 'planned',
      title: '本楼电梯年检暂停使用',
      buildingIds: [household.buildingId],
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      noticeText: '明天上午 9:00–11:00 电梯年检，期间暂停使用，请您提前安排出行。',
      publish: true,
    });

    await fetch(`${baseUrl()}/e2e/clock/advance?minutes=2`, { method: 'POST' });
    const { page } = await newPage(browser, phone);
    await signInOwner(page, link.ownerPhone);

    await expect.poll(() => page.getByTestId('owner-open-ticket').filter({ hasText: '阳台地漏返水' }).count()).toBe(1);
    const notice = page.getByTestId('owner-notice').filter({ hasText: '本楼电梯年检暂停使用' });
    await notice.waitFor();
    expect(await page.getByTestId('owner-notice').first().getAttribute('data-read')).toBe('false');
    await page.getByTestId('owner-steward-name').first().waitFor();
    expect(await page.getByTestId('owner-steward').first().textContent()).toContain('工作时间');
    const survey = page.getByTestId('owner-survey').first();
    await survey.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'owner-home-sections-375');

    // Praise the steward: kept as a record.
    await page.getByTestId('owner-praise').first().click();
    await page.getByTestId('owner-praise-text').fill('管家每次都很耐心，停水通知也很及时');
    await page.getByTestId('owner-praise-send').click();
    await page.getByTestId('toast-success').waitFor();

    // The household's ticket is also in the full list, and the survey opens on the answering page.
    await page.getByTestId('owner-service-tickets').click();
    await page.getByTestId('owner-ticket-item').filter({ hasText: ticket.number }).waitFor();
    await page.goBack();
    await page.getByTestId('owner-survey-answer').first().click();
    await page.waitForURL('**/s/**');
  });
});
