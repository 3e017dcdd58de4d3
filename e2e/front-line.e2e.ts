import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, phone, signInStaff } from './browser';

/** The paths of the side menu's entries (antd writes each item's key, our path, at the end of data-menu-id). */
async function menuPaths(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid="side-menu"] li.ant-menu-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-menu-id') ?? ''));
  return ids.map((id) => id.slice(id.indexOf('-/') + 1)).filter((path) => path.startsWith('/'));
}

describe('the front line (issue 15 §2, §3)', () => {
  let browser: Browser;
  let page: Page;
  const refused: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/') && response.status() === 403) refused.push(`${response.request().method()} ${response.url()}`);
    });
  });
  afterAll(() => browser.close());

  it('lands a steward on the queue, with a menu holding only what the steward can use', async () => {
    await signInStaff(page, 'steward');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/service-desk');
    await page.getByTestId('side-menu').waitFor();
    const paths = await menuPaths(page);
    expect(paths).toContain('/service-desk');
    for (const hidden of ['/staff', '/audit-logs', '/sla-policies', '/webhooks', '/dispatch-rules']) expect(paths).not.toContain(hidden);
    for (const path of paths) {
      await page.goto(path);
      await page.getByTestId('side-menu').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByText('加载失败').count(), path).toBe(0);
    }
    expect(refused).toEqual([]);
    await page.goto('/projects');
    await page.getByTestId('projects-table').waitFor();
    expect(await page.getByTestId('project-create').count()).toBe(0);
  });

  it('lets the hotline agent find an owner by "11栋1单元301"', async () => {
    await page.goto('/service-desk/new');
    await page.getByTestId('reporter-search').fill('11栋1单元301');
    const option = page.getByTestId('reporter-option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('11栋1单元301');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reporter-name').textContent()).not.toBe('');
  });

  it('sends hashed assets compressed and cached for good, the page itself revalidated (issue 15 §9)', async () => {
    const html = await fetch(`${baseUrl()}/service-desk`);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();
    // Node's fetch asks for br and gzip and unpacks the answer; the headers still say what was sent.
    const asset = await fetch(`${baseUrl()}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the 0–10 scale on one row of a 375 px phone (issue 15 §6)', async () => {
    const { token } = (await (await fetch(`${baseUrl()}/e2e/answer-link`, { method: 'POST' })).json()) as { token: string };
    const { context, page: owner } = await newPage(browser, phone);
    await owner.goto(`/s/${token}`);
    await owner.getByTestId('household-label').waitFor();
    const tops = await owner
      .locator('label:has(> input[name="q-nps"])')
      .evaluateAll((labels) => labels.map((label) => Math.round(label.getBoundingClientRect().top)));
    expect(tops).toHaveLength(11);
    expect(new Set(tops).size).toBe(1);
    expect(await owner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
