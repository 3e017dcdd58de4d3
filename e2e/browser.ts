import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
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
  // The server's Content-Security-Policy (http/security.ts) must not block anything the pages need: say so loudly when it does.
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) console.error(`CSP violation on ${page.url()}: ${message.text()}`);
  });
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

/** Signs a demo staff member in through the console's login page. */
export async function signInStaff(page: Page, role: string): Promise<void> {
  const { login, password } = loginFor(role);
  await page.goto('/login');
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('company-name').waitFor();
}

/** A session cookie for calling the staff API directly, as test set-up. */
export async function staffCookie(role: string): Promise<string> {
  const { login, password } = loginFor(role);
  const response = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Signs an owner in on the H5 login page with the SMS code the e2e server captured. */
export async function signInOwner(page: Page, phoneNumber: string): Promise<void> {
  await page.goto('/h5/login?c=demo');
  await completeOwnerSignIn(page, phoneNumber);
  await page.getByTestId('owner-greeting').waitFor();
}

/** Fills the owner sign-in page already open (e.g. reached from a survey poster) and submits it. */
export async function completeOwnerSignIn(page: Page, phoneNumber: string): Promise<void> {
  // Only a message sent after this click carries the code: earlier ones (a previous sign-in, a
  // survey reminder, an outage notice) went to the same phone during the run.
  const messagesTo = async () =>
    ((await (await fetch(`${baseUrl()}/e2e/sms`)).json()) as { phone: string; text: string }[]).filter((message) => message.phone === phoneNumber);
  const before = (await messagesTo()).length;
  await page.getByTestId('owner-phone').fill(phoneNumber);
  await page.getByTestId('owner-send-code').click();
  let code = '';
  const deadline = Date.now() + 15_000;
  while (!code && Date.now() < deadline) {
    code =
      (await messagesTo())
        .slice(before)
        .map((message) => message.text.match(/(\d{6})/)?.[1])
        .find(Boolean) ?? '';
    if (!code) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!code) throw new Error(`no SMS code for ${phoneNumber}`);
  await page.getByTestId('owner-code').fill(code);
  await page.getByTestId('owner-submit').click();
}

/** A JSON call to the API with a session cookie (setting up or checking what the browser does); throws on an error status. */
export async function call<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

/** Picks the option labelled `label` in the antd select with this test id. */
export async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
  // Let the list finish closing: while it fades out it still matches ':visible' and holds the same names as the next.
  await page.waitForTimeout(500);
}
