import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, phone, scratchDir, screenshot, signInOwner, signInStaff, staffCookie } from './browser';

type Person = { id: string; phone: string | null; name: string; householdLabel: string };

/** An owner with a phone in the steward's own project, as the hotline would find them. */
async function callingOwner(): Promise<Person> {
  const cookie = await staffCookie('steward');
  const response = await fetch(`${baseUrl()}/api/v1/persons?role=owner&limit=50`, { headers: { cookie } });
  const { items } = (await response.json()) as { items: Person[] };
  // The owner test signs in the first owner with a phone; take another so the SMS cool-down never meets.
  const withPhone = items.filter((person) => person.phone);
  return withPhone.at(-1)!;
}

async function status(page: Page): Promise<string | null> {
  return page.getByTestId('detail-status').getAttribute('data-status');
}

async function act(page: Page, action: string, expected: string) {
  await page.getByTestId(`action-${action}`).click();
  await expect.poll(() => status(page), { timeout: 15_000 }).toBe(expected);
}

/** A smallest valid PNG, enough for the server's signature check. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('service desk: a complaint from the hotline to the owner’s rating', () => {
  let browser: Browser;
  let staff: Page;
  let owner: Person;
  let ticketUrl = '';
  let ticketNumber = '';
  // One owner session for both phone flows: a second SMS to the same number would meet the resend cool-down.
  let ownerPage: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page: staff } = await newPage(browser));
    owner = await callingOwner();
  });
  afterAll(() => browser.close());

  it('files a complaint for an owner found by phone in under 30 seconds', async () => {
    await signInStaff(staff, 'steward');
    await staff.goto('/service-desk');
    await staff.getByTestId('queue-tiles').waitFor();
    await staff.getByTestId('ticket-create').click();
    await staff.getByTestId('reporter-search').waitFor();

    const sent: (string | undefined)[] = [];
    const listen = (request: { method(): string; url(): string; headers(): Record<string, string> }) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/tickets') sent.push(request.headers()['idempotency-key']);
    };
    staff.on('request', listen);
    const started = Date.now();
    await staff.getByTestId('reporter-search').fill(owner.phone!);
    await staff.getByTestId('reporter-option').first().waitFor();
    await staff.keyboard.press('Enter');
    await expect.poll(() => staff.getByTestId('reporter-name').textContent()).toContain(owner.name);
    await staff.getByTestId('ticket-type-complaint').click();
    await staff.getByTestId('ticket-category').click();
    await staff.keyboard.type('保洁');
    await staff.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: '保洁' }).first().click();
    await expect.poll(() => staff.getByTestId('ticket-title').inputValue()).toContain('保洁');
    await staff.getByTestId('ticket-description').fill('楼道连续三天没有打扫,垃圾堆在电梯口,业主很生气。');
    await staff.keyboard.press('Enter');
    await staff.getByTestId('ticket-detail').waitFor();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(30_000);
    staff.off('request', listen);
    // The create form sends an Idempotency-Key, so a second press or a retry after a lost answer files one ticket.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^[0-9a-f]{32}$/);

    ticketUrl = new URL(staff.url()).pathname;
    ticketNumber = (await staff.getByTestId('detail-number').textContent())?.trim() ?? '';
    expect(ticketNumber).toMatch(/^[A-Z]+-\d{8}-\d{4}$/);
    expect(await status(staff)).toBe('new');
    expect(await staff.getByTestId('detail-sla').count()).toBe(1);
    await screenshot(staff, 'service-desk-new-complaint');
  });

  it('shows the new complaint in the queue with an SLA countdown', async () => {
    await staff.goto('/service-desk');
    const row = staff.getByTestId('ticket-row').filter({ hasText: ticketNumber });
    await row.waitFor();
    expect(await row.getByTestId('sla-countdown').getAttribute('data-state')).toMatch(/ok|warning|breached/);
    await screenshot(staff, 'service-desk-queue');
  });

  it('is handled with CLEAR and a recovery record, then resolved', async () => {
    await staff.goto(ticketUrl);
    await act(staff, 'accept', 'accepted');

    await staff.getByTestId('action-assign').click();
    await staff.getByTestId('action-assignee').click();
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await staff.getByTestId('action-confirm').click();
    await expect.poll(() => status(staff), { timeout: 15_000 }).toBe('assigned');
    await act(staff, 'start', 'in_progress');

    // Resolving asks for the result; before CLEAR is complete the server still refuses it.
    await staff.getByTestId('action-resolve').click();
    await staff.getByTestId('action-note').fill('已安排保洁清理并调整巡查。');
    await staff.getByTestId('action-confirm').click();
    await staff.locator('.ant-message-error').waitFor();
    await staff.keyboard.press('Escape');
    expect(await status(staff)).toBe('in_progress');

    const steps: [string, string][] = [
      ['control', '请业主到前台坐下,倒了杯水,先听业主说完。'],
      ['listen', '业主反映楼道三天没人打扫,垃圾堆在电梯口,有异味。已复述确认。'],
      ['establish', '换作是我,每天回家看到这样也会很生气,谢谢您及时告诉我们。'],
      ['apologize', '非常抱歉,这是我们的保洁安排没有做到位。'],
      ['resolve', '今天下午安排保洁彻底清理,并把该楼栋改为每天两次巡查。'],
    ];
    for (const [index, [step, text]] of steps.entries()) {
      await staff.getByTestId(`clear-input-${step}`).fill(text);
      if (step === 'resolve') await staff.getByTestId('clear-promise-24h').click();
      await staff.getByTestId(`clear-save-${step}`).click();
      await expect.poll(() => staff.getByTestId('clear-panel').getAttribute('data-done'), { timeout: 10_000 }).toBe(String(index + 1));
    }
    await staff.getByTestId('clear-complete').waitFor();

    await staff.getByTestId('recovery-emotional').fill('管家上门致歉,送上一束鲜花。');
    await staff.getByTestId('recovery-problem').fill('调整保洁排班,增加电梯口垃圾点巡查。');
    await staff.getByTestId('recovery-lesson').fill('保洁请假时必须安排顶岗。');
    await staff.getByTestId('recovery-save').click();
    await staff.getByTestId('recovery-complete').waitFor();

    await staff.getByTestId('notes-body').fill('已安排保洁下午清理,完成后第一时间告诉您。');
    await staff.getByTestId('notes-visible').click();
    await staff.getByTestId('notes-add').click();
    await expect.poll(() => staff.getByTestId('ticket-event').filter({ hasText: '已安排保洁下午清理' }).count()).toBeGreaterThan(0);

    await staff.getByTestId('action-resolve').click();
    await staff.getByTestId('action-note').fill('楼道已彻底清理，电梯口垃圾点改为每天两次巡查。');
    await staff.getByTestId('action-confirm').click();
    await expect.poll(() => status(staff), { timeout: 15_000 }).toBe('resolved');
    await staff.getByTestId('visit-form').waitFor();
    await screenshot(staff, 'service-desk-detail-resolved');
  });

  it('is confirmed and rated by the owner on a 375 px phone', async () => {
    ({ page: ownerPage } = await newPage(browser, phone));
    const page = ownerPage;
    await signInOwner(page, owner.phone!);
    await page.getByTestId('owner-service-tickets').click();
    const item = page.getByTestId('owner-ticket-item').filter({ hasText: ticketNumber });
    await item.waitFor();
    await screenshot(page, 'owner-tickets-375');
    await item.click();
    await page.getByTestId('owner-confirm').waitFor();
    await page.getByTestId('owner-csat').locator('li').nth(4).click();
    await page.getByTestId('owner-peak').fill('管家亲自上门道歉');
    await page.getByTestId('owner-end').fill('楼道打扫得很干净');
    await page.getByTestId('owner-comment').fill('谢谢');
    await page.getByTestId('owner-answer-submit').click();
    await page.getByTestId('owner-rating').waitFor();
    expect(await page.getByTestId('owner-rating-stars').getAttribute('data-csat')).toBe('5');
    expect(await page.getByTestId('owner-ticket-status').getAttribute('data-status')).toBe('visited');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'owner-ticket-rated-375');
  });

  it('shows the rating to the steward, who closes the ticket', async () => {
    await staff.goto(ticketUrl);
    await staff.getByTestId('visit-rating').waitFor();
    expect(await staff.getByTestId('visit-rating').getAttribute('data-csat')).toBe('5');
    expect(await staff.getByTestId('visit-history').textContent()).toContain('管家亲自上门道歉');
    await act(staff, 'close', 'closed');
    await screenshot(staff, 'service-desk-detail-closed');
  });

  it('lets an owner report a repair with a photo from the phone, once even when the first answer is lost', async () => {
    const directory = await scratchDir();
    const photo = join(directory, 'leak.png');
    await writeFile(photo, onePixelPng);
    const page = ownerPage;
    await page.goto('/h5');
    await page.getByTestId('owner-service-repair').click();
    await page.getByTestId('owner-type-repair').click();
    await page.getByTestId('owner-ticket-description').fill('主卫天花板渗水,滴到洗手台');
    await page.getByTestId('owner-photo-input').setInputFiles(photo);
    await page.getByTestId('owner-photo-preview').waitFor();
    await screenshot(page, 'owner-ticket-new-375');
    // The first answer is lost on the way back, as on a weak connection: the ticket exists, the phone does not know.
    const keys: string[] = [];
    await page.route('**/api/v1/owner/tickets', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const response = await route.fetch();
      return keys.length === 1 ? route.abort('connectionreset') : route.fulfill({ response });
    });
    await page.getByTestId('owner-ticket-submit').click();
    // The page says it failed, in place; the owner taps again.
    await page.getByTestId('owner-ticket-error').waitFor();
    expect(keys).toHaveLength(1);
    // The same submission, so the same key, and the server hands back the ticket it made.
    await page.getByTestId('owner-ticket-submit').click();
    await page.getByTestId('owner-ticket').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const mine = (await (await page.request.get('/api/v1/owner/tickets?limit=50')).json()) as { items: { title: string; id: string }[] };
    expect(mine.items.filter((item) => item.title === '主卫天花板渗水,滴到洗手台').map((item) => item.id)).toEqual([page.url().split('/').at(-1)]);
    await page.getByTestId('owner-ticket-photo').waitFor();
    expect(await page.getByTestId('owner-ticket-status').getAttribute('data-status')).toBe('new');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'owner-ticket-detail-375');
    await page.context().close();
  });
});
