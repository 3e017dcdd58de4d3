import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call, launchBrowser, newPage, phone, screenshot, signInOwner, signInStaff, staffCookie } from './browser';

type Category = { code: string; requiresPhoto: boolean; children: Category[] };

/** A small valid PNG: a photo of the result, or a steward's face. */
const photoPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('console switches for the phone pages (issue 15 §4, §5)', () => {
  let browser: Browser;
  let page: Page;
  let admin = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffCookie('admin');
    ({ page } = await newPage(browser));
    await signInStaff(page, 'admin');
  });
  afterAll(async () => {
    // Leave the demo's categories as they were for the other flows.
    await call(admin, 'PATCH', '/ticket-categories/environment', { requiresPhoto: false }).catch(() => undefined);
    await browser.close();
  });

  it('完工需拍照: a group switched on in 服务台设置 makes the console resolve of its items ask for a photo', async () => {
    await page.goto('/service-desk-settings');
    const card = page.getByTestId('category-photo');
    await card.getByTestId('category-photo-environment').click();
    await page.locator('.ant-message-success').filter({ hasText: '已保存' }).waitFor();
    const tree = await call<{ items: Category[] }>(admin, 'GET', '/ticket-categories');
    expect(tree.items.find((node) => node.code === 'environment')?.requiresPhoto).toBe(true);
    // Its items say they follow the group instead of offering a switch of their own.
    await card.locator('tr[data-row-key="environment"] .ant-table-row-expand-icon').click();
    const item = card.locator('tr[data-row-key="environment.cleaning"]');
    expect(await item.textContent()).toContain('随上级分类需要');
    expect(await item.getByRole('switch').count()).toBe(0);
    await screenshot(page, 'category-photo-switch');

    const steward = await staffCookie('steward');
    const projectId = (await call<{ projects: { id: string }[] }>(steward, 'GET', '/auth/me')).projects[0]!.id;
    const ticket = await call<{ id: string }>(steward, 'POST', '/tickets', {
      projectId,
      type: 'common_area',
      channel: 'hotline',
      categoryCode: 'environment.cleaning',
      priority: 'normal',
      title: '电梯厅地面污渍两天没人清理',
    });
    const stewardId = (await call<{ id: string }>(steward, 'GET', '/auth/me')).id;
    for (const action of [{ action: 'accept' }, { action: 'assign', assigneeId: stewardId }, { action: 'start' }])
      await call(steward, 'POST', `/tickets/${ticket.id}/actions`, action);

    // The steward resolves it in the console (a steward's action, not the admin's).
    const { context, page: desk } = await newPage(browser);
    await signInStaff(desk, 'steward');
    await desk.goto(`/service-desk/${ticket.id}`);
    await desk.getByTestId('action-resolve').click();
    const modal = desk.locator('.ant-modal');
    await modal.getByTestId('action-note').fill('已安排保洁用洗地机清洗，地面恢复干净');
    // Without a photo the server refuses, and says why.
    await modal.getByTestId('action-confirm').click();
    await desk.locator('.ant-message-error, .ant-form-item-explain-error').filter({ hasText: '照片' }).first().waitFor();
    expect(await desk.getByTestId('detail-status').getAttribute('data-status')).toBe('in_progress');
    await modal.locator('input[type="file"]').setInputFiles({ name: 'clean.png', mimeType: 'image/png', buffer: photoPng });
    await modal.getByTestId('attachment-item').first().waitFor();
    await modal.getByTestId('action-confirm').click();
    await expect.poll(() => desk.getByTestId('detail-status').getAttribute('data-status')).toBe('resolved');
    await context.close();
  });

  it("the steward's photo uploaded from the staff drawer shows on the owner's steward card", async () => {
    const link = (await (await fetch(`${baseUrl()}/e2e/answer-link`, { method: 'POST' })).json()) as { ownerPhone: string };
    const { context, page: owner } = await newPage(browser, phone);
    await signInOwner(owner, link.ownerPhone);
    const name = (await owner.getByTestId('owner-steward-name').first().textContent())!.trim();
    expect(name).not.toBe('');

    await page.goto('/staff');
    await page.getByTestId('search-box').fill(name);
    const row = page.getByTestId('staff-table').locator('tr', { hasText: name }).first();
    await row.waitFor();
    await row.getByTestId('staff-edit').click();
    await page.getByTestId('staff-photo-input').setInputFiles({ name: 'steward.png', mimeType: 'image/png', buffer: photoPng });
    await page.locator('.ant-message-success').filter({ hasText: '照片' }).waitFor();

    await owner.reload();
    const photo = owner.getByTestId('owner-steward').first().locator('img');
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await screenshot(owner, 'owner-steward-photo-375');
    await context.close();
  });
});
