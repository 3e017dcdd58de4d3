import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, completeOwnerSignIn, launchBrowser, newPage, phone, screenshot } from './browser';

type DemoLink = { token: string; posterToken: string; ownerPhone: string };

/** A fresh answer link of a demo household, its building's poster and its owner's phone (a new campaign each time), from the e2e server. */
async function demoLink(): Promise<DemoLink> {
  const response = await fetch(`${baseUrl()}/e2e/answer-link`, { method: 'POST' });
  return (await response.json()) as DemoLink;
}
const answerLink = async () => (await demoLink()).token;

const choice = (page: Page, question: string, value: string) => page.locator(`label:has(> input[name="q-${question}"][value="${value}"])`);
const checkedValue = (page: Page, question: string) => page.locator(`input[name="q-${question}"]:checked`).getAttribute('value');
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('owner answers a survey on a 375 px phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('answers by keyboard, keeps the draft through an offline reload, submits once and then sees the link as used', async () => {
    const token = await answerLink();
    const { context, page } = await newPage(browser, phone);
    await page.goto(`/s/${token}`);
    await page.getByTestId('household-label').waitFor();
    expect(await page.locator('h1').textContent()).toBe('2026 年业主满意度调查');

    // Keyboard only: Tab into the first question's radio group, Space picks 非常不满意, arrows move to 满意.
    for (let step = 0; step < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) !== 'q-overall'; step++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q-overall');
    await page.keyboard.press('Space');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    expect(await checkedValue(page, 'overall')).toBe('4');
    // The focus ring is visible on the chosen option.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.nextElementSibling!).outlineStyle);
    expect(outline).toBe('solid');

    // 大字 for elderly owners, remembered on the phone.
    await page.getByTestId('large-text').click();
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);

    // A detractor's score brings up the follow-up question live (skip logic).
    await choice(page, 'nps', '5').click();
    await page.locator('textarea#q-why_low').fill('电梯经常停运');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toContain('已保存，可随时关闭');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // Offline mid-way: the answer is kept on the phone and the page says so.
    await context.setOffline(true);
    await choice(page, 'repair', 'not_experienced').click();
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toContain('网络不通');
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { answers?: Record<string, unknown> },
      `manyi.answer.${token}`,
    );
    expect(stored.answers).toMatchObject({ overall: 4, nps: 5, why_low: '电梯经常停运', repair: 'not_experienced' });
    await page.reload().catch(() => undefined); // offline: the browser shows its own error page
    await context.setOffline(false);

    // Reopened online: the server's draft (without the offline answer) merged with the phone's.
    await page.goto(`/s/${token}`);
    await page.getByTestId('household-label').waitFor();
    expect(await checkedValue(page, 'overall')).toBe('4');
    expect(await checkedValue(page, 'repair')).toBe('not_experienced');
    expect(await page.locator('textarea#q-why_low').inputValue()).toBe('电梯经常停运');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    await screenshot(page, 'answer-375-large-text');

    // Submitting while offline: told plainly, retried by itself with the same key once back online.
    await context.setOffline(true);
    await page.getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('submit-status').textContent(), { timeout: 10_000 }).toContain('尚未提交');
    const submits: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/submit')) submits.push(response.status());
    });
    await context.setOffline(false);
    await page.getByTestId('answer-thanks').waitFor({ timeout: 20_000 });
    expect(submits).toEqual([201]);
    expect(await page.evaluate((key) => localStorage.getItem(key), `manyi.answer.${token}`)).toBeNull();

    // The link is used now: its own screen, in Chinese first.
    await page.goto(`/s/${token}`);
    await page.getByTestId('answer-completed').waitFor();
    expect(await page.locator('h1').textContent()).toBe('您家已提交过本次问卷');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('points at the unanswered required questions, and tells an unknown link apart', async () => {
    const token = await answerLink();
    const { context, page } = await newPage(browser, phone);
    await page.goto(`/s/${token}`);
    await page.getByTestId('household-label').waitFor();
    await page.getByTestId('submit').click();
    expect(await page.getByTestId('error-summary').textContent()).toContain('3 道题');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q-overall');
    expect(await page.locator('#question-nps .error').textContent()).toBe('此题必答');
    expect(await page.locator('fieldset[aria-invalid="true"]').count()).toBe(3);
    // English on request; the questions come in English from the definition.
    await page.getByTestId('language').click();
    expect(await page.locator('h1').textContent()).toBe('2026 owner satisfaction survey');

    await page.goto(`/s/${'z'.repeat(43)}`);
    await page.getByTestId('answer-unknown').waitFor();
    await context.close();
  });

  it('previews a definition the designer posts, live, without a token or a server call', async () => {
    const { context, page } = await newPage(browser, phone);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) apiCalls.push(request.url());
    });
    // The designer's frame: a same-origin page embedding the preview at 375 px, as the console does.
    await page.goto('/healthz');
    const ready = page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          window.addEventListener('message', (event) => resolve(event.data), { once: true });
          const frame = document.createElement('iframe');
          frame.src = '/s/preview';
          frame.style.width = '375px';
          document.body.append(frame);
        }),
    );
    expect(await ready).toEqual({ type: 'manyi-survey-preview-ready' });
    const preview = page.frameLocator('iframe');
    await preview.getByTestId('preview-waiting').waitFor();
    await page.evaluate(() =>
      document.querySelector('iframe')!.contentWindow!.postMessage(
        {
          type: 'manyi-survey-preview',
          locale: 'en-US',
          definition: {
            title: { 'zh-CN': '预览问卷', 'en-US': 'Preview survey' },
            questions: [
              { key: 'nps', type: 'nps', required: true, title: { 'zh-CN': '推荐意愿', 'en-US': 'Would you recommend us?' } },
              {
                key: 'why',
                type: 'text',
                required: false,
                maxLength: 100,
                showIf: { questionKey: 'nps', operator: 'lte', value: 6 },
                title: { 'zh-CN': '原因', 'en-US': 'Why?' },
              },
            ],
          },
        },
        window.location.origin,
      ),
    );
    await preview.locator('h1', { hasText: 'Preview survey' }).waitFor();
    expect(await preview.locator('textarea').count()).toBe(0);
    await preview.locator('label:has(> input[name="q-nps"][value="3"])').click();
    await preview.locator('textarea#q-why').waitFor();
    expect(apiCalls).toEqual([]);
    await context.close();
  });

  it("takes an owner from the building poster through SMS sign-in to their own household's questionnaire", async () => {
    const { posterToken, ownerPhone } = await demoLink();
    const { context, page } = await newPage(browser, phone);
    await page.goto(`/s/poster/${posterToken}`);
    await page.waitForURL(/\/h5\/login\?c=demo&next=/);
    await completeOwnerSignIn(page, ownerPhone);
    // Sign-in → /s/poster/… → /s/<token>: two full-page hops, so a navigation wait can see the first one aborted by the second; poll the address instead.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toMatch(/^\/s\/(?!poster\/)[A-Za-z0-9_-]{20,}$/);
    await page.getByTestId('household-label').waitFor();
    expect(await page.getByTestId('household-label').textContent()).not.toBe('');
    await context.close();
  });
});
