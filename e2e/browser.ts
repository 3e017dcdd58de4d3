import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const baseUrl = () => inject('baseUrl');
export const loginFor = (role: string) => {
  const login = inject('logins').find((item) => item.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  return login;
};

export type Viewport = { width: number; height: number };
export const desktop: Viewport = { width: 1440, height: 900 };
export const phone: Viewport = { width: 375, height: 812 };

export async function newPage(browser: Browser, viewport: Viewport = desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl(), locale: 'zh-CN', ...(viewport === phone && { isMobile: true, hasTouch: true }) });
  const page = await context.newPage();
  return { context, page };
}

/** Screenshots land in test-results/ for a person to look at when a flow fails or changes. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const directory = join(process.cwd(), 'test-results');
  await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true });
}

export async function scratchDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'manyi-e2e-files-'));
}
