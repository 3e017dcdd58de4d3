import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, phone, screenshot, signInOwner, staffCookie } from './browser';

type Person = { phone: string | null; name: string; role: string };

/** A demo owner with a phone number, found through the staff API as a steward would. */
async function demoOwner(): Promise<Person> {
  const cookie = await staffCookie('admin');
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
    await signInOwner(page, owner.phone!);
    expect(await page.getByTestId('owner-greeting').textContent()).toContain(owner.name);
    await expect.poll(() => page.getByTestId('owner-household').count()).toBeGreaterThan(0);
    // Nothing may overflow the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'owner-home-375');
  });
});
