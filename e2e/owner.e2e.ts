import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, loginFor, newPage, phone, screenshot } from './browser';

type Person = { phone: string | null; name: string; role: string };

/** A demo owner with a phone number, found through the staff API as a steward would. */
async function demoOwner(): Promise<Person> {
  const { login, password } = loginFor('admin');
  const signIn = await fetch(`${baseUrl()}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const list = await fetch(`${baseUrl()}/api/v1/persons?role=owner&limit=20`, { headers: { cookie } });
  const { items } = (await list.json()) as { items: Person[] };
  return items.find((person) => person.phone)!;
}

describe('owner on a 375 px phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('signs in with an SMS code and sees their home', async () => {
    const owner = await demoOwner();
    const { page } = await newPage(browser, phone);
    await page.goto('/h5/login?c=demo');
    await page.getByTestId('owner-phone').fill(owner.phone!);
    await page.getByTestId('owner-send-code').click();
    let code = '';
    await expect.poll(async () => {
      const sent = (await (await fetch(`${baseUrl()}/e2e/sms`)).json()) as { phone: string; text: string }[];
      code = sent.filter((message) => message.phone === owner.phone).at(-1)?.text.match(/(\d{6})/)?.[1] ?? '';
      return code;
    }).toMatch(/^\d{6}$/);
    await page.getByTestId('owner-code').fill(code);
    await page.getByTestId('owner-submit').click();
    await page.getByTestId('owner-greeting').waitFor();
    expect(await page.getByTestId('owner-greeting').textContent()).toContain(owner.name);
    await expect.poll(() => page.getByTestId('owner-household').count()).toBeGreaterThan(0);
    // Nothing may overflow the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'owner-home-375');
  });
});
