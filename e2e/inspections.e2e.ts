import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, choose, launchBrowser, loginFor, newPage, phone, screenshot, signInStaff, staffCookie } from './browser';

type Round = { id: string; items: { id: string }[] };
type Rectification = { id: string; itemName: string; status: string; inspectionNote: string };

const photoPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('quality inspection on a 375 px phone (品质巡检)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('an inspector checks a round on the phone with a photo and a deduction; the project rectifies it; 复查 closes it', async () => {
    const quality = await staffCookie('quality');
    const manager = await staffCookie('manager');
    const projectId = (await call<{ projects: { id: string }[] }>(manager, 'GET', '/auth/me')).projects[0]!.id;
    const round = await call<Round>(quality, 'POST', '/inspections', { projectId, post: 'cleaning', kind: 'ad_hoc' });

    const { page } = await newPage(browser, phone);
    // The phone opens the round; without a session it signs in first and comes back.
    await page.goto(`/m/inspections/${round.id}`);
    const { login, password } = loginFor('quality');
    await page.getByTestId('login-username').fill(login);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('inspection-location').fill('3栋大堂');
    await page.getByTestId('inspection-start').click();
    const items = page.getByTestId('inspection-item');
    await expect.poll(() => items.count()).toBe(round.items.length);
    const first = items.first();
    await first.getByText('扣分', { exact: true }).click();
    await first.getByTestId('inspection-deduction').fill('5');
    await first.getByTestId('inspection-note').fill('大堂玻璃门有明显手印');
    await first.getByTestId('inspection-save').click();
    await first.getByTestId('inspection-photo').setInputFiles({ name: 'finding.png', mimeType: 'image/png', buffer: photoPng });
    await first.getByText('照片 1 张').waitFor();
    for (let index = 1; index < round.items.length; index += 1) {
      await items.nth(index).getByText('合格', { exact: true }).click();
      await page.getByText(`已检 ${index + 1} / ${round.items.length}`).waitFor();
    }
    // Nothing runs off the side of a 375 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'inspection-phone-375');
    await page.getByTestId('inspection-submit').click();
    await page.getByTestId('inspection-score').waitFor();
    expect(await page.getByTestId('inspection-score').textContent()).toMatch(/得分 \d+(\.\d)?/);

    const open = (await call<{ items: Rectification[] }>(manager, 'GET', `/rectifications?projectId=${projectId}&status=open`)).items.find(
      (item) => item.inspectionNote === '大堂玻璃门有明显手印',
    )!;
    expect(open.status).toBe('open');
    // The manager reports the fix in the console; 复查 by the inspector closes it.
    const { page: desk } = await newPage(browser);
    await signInStaff(desk, 'manager');
    await desk.goto('/inspections');
    await desk.getByRole('tab', { name: '整改' }).click();
    const row = desk.locator('tr').filter({ hasText: '大堂玻璃门有明显手印' });
    await row.getByTestId('rectification-note').fill('已安排保洁擦拭并增加频次');
    await row.getByTestId('rectification-fix').click();
    await row.getByText('待复查').waitFor();
    const closed = await call<Rectification>(quality, 'POST', `/rectifications/${open.id}/re-inspect`, { passed: true, note: '合格' });
    expect(closed.status).toBe('closed');
    await desk.getByRole('tab', { name: '得分' }).click();
    await desk.getByTestId('inspection-score-chart').waitFor();
  });

  it('the inspector starts an ad-hoc round from the console dialog and lands on its phone page', async () => {
    const manager = await staffCookie('manager');
    const project = (await call<{ projects: { id: string; name: string }[] }>(manager, 'GET', '/auth/me')).projects[0]!;
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/inspections');
    await page.getByTestId('inspection-create').click();
    await choose(page, 'inspection-project', project.name);
    await choose(page, 'inspection-post', '秩序维护');
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.waitForURL(/\/m\/inspections\/[0-9a-f-]{36}$/);
    const roundId = page.url().split('/').at(-1)!;
    const round = await call<{ projectId: string; post: string; kind: string }>(await staffCookie('quality'), 'GET', `/inspections/${roundId}`);
    expect(round).toMatchObject({ projectId: project.id, post: 'security', kind: 'ad_hoc' });
    await page.getByTestId('inspection-location').waitFor();
  });
});
