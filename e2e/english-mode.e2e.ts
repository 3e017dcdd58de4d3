import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launchBrowser, loginFor, newPage, phone, staffCookie, type Viewport } from './browser';

type TicketPage = { items: { id: string; type: string; reporterPersonId: string | null }[] };
type TicketDetail = { events: { kind: string }[] };

async function call<T>(cookie: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A console page in English: the saved choice is set before the console starts, then the demo admin signs in. */
async function englishConsole(browser: Browser, viewport: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, viewport);
  await context.addInitScript(() => localStorage.setItem('manyi.locale', 'en-US'));
  const { login, password } = loginFor('admin');
  await page.goto('/login');
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

/** English words of the page drawn across two lines (a word cut in the middle), with the element that holds each. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/[A-Za-z]{3,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (lines.size > 1) found.add(`${match[0]} in <${node.parentElement?.tagName.toLowerCase()} class="${node.parentElement?.className}">`);
      }
    }
    return [...found];
  });
}

/**
 * Charts whose drawing touches the canvas's left or right edge: an axis label pushed out of the plot area is cut
 * there (issue 15 §6), while a chart whose grid holds its labels leaves its outer columns of pixels empty.
 */
async function chartsInkedAtEdges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const touching: string[] = [];
    document.querySelectorAll('canvas').forEach((canvas, index) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width < 8 || canvas.height < 8) return;
      for (const x of [0, canvas.width - 1]) {
        const column = context.getImageData(x, 0, 1, canvas.height).data;
        for (let i = 3; i < column.length; i += 4)
          if (column[i]! > 0) {
            touching.push(`canvas ${index} (${canvas.width}×${canvas.height}) at x=${x}`);
            return;
          }
      }
    });
    return touching;
  });
}

async function settle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  // Lazy pages show a spinner or skeleton first: wait until the page itself is drawn.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'), null, { timeout: 20_000 });
  await page.waitForTimeout(300);
}

describe('the console in English (issue 15 §3)', () => {
  let browser: Browser;
  let admin = '';
  let complaintId = '';
  let reporterId = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffCookie('admin');
    const tickets = await call<TicketPage>(admin, '/tickets?limit=100&type=complaint');
    for (const ticket of tickets.items) {
      const detail = await call<TicketDetail>(admin, `/tickets/${ticket.id}`);
      if (detail.events.some((event) => event.kind === 'clear_saved')) {
        complaintId = ticket.id;
        break;
      }
    }
    reporterId = (await call<TicketPage>(admin, '/tickets?limit=100')).items.find((ticket) => ticket.reporterPersonId)!.reporterPersonId!;
  });
  afterAll(() => browser.close());

  it('translates what the server wrote: audit summaries, CLEAR steps on the ticket, the owner timeline', async () => {
    const { context, page } = await englishConsole(browser, desktop);
    await settle(page, '/audit-logs');
    await page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').first().waitFor();
    const summaries = await page.locator('[data-testid="audit-table"] tbody tr td:last-child').allTextContents();
    expect(summaries.length).toBeGreaterThan(0);
    expect(
      summaries.filter((text) => /^(Received|Accepted|Assigned|Started work on|Resolved|Closed|Created|Published|Edited) /.test(text)),
      summaries.join(' | '),
    ).not.toEqual([]);
    for (const text of summaries) expect(text).not.toMatch(/^(登记|受理|派单|开始处理|办结|关闭)工单/);

    await settle(page, `/service-desk/${complaintId}`);
    await page.locator('[data-testid="ticket-event"][data-kind="clear_saved"]').first().waitFor();
    const clear = (await page.locator('[data-testid="ticket-event"][data-kind="clear_saved"]').allTextContents()).join(' ');
    expect(clear).toMatch(/Control emotions|Listen|Apologise/);
    expect(clear).not.toMatch(/控制情绪|聆听诉说|同理链接|表达歉意|提出方案/);

    await settle(page, `/persons/${reporterId}`);
    await page.getByTestId('timeline-entry').first().waitFor();
    const timeline = await page.getByTestId('timeline-entry').allTextContents();
    expect(timeline.length).toBeGreaterThan(0);
    expect(
      timeline.some(
        (text) => /^(Repair|Complaint|Inquiry|Suggestion|Praise|Common-area report) [A-Z]{2}-\d{8}-\d{4} /.test(text) || /^Resident record/.test(text),
      ),
    ).toBe(true);
    for (const text of timeline) expect(text).not.toMatch(/住户档案建立|已受理|已派单|已办结|已登记/);
    await context.close();
  });

  it('does not cut English words in the middle, at 1440 px and on a 375 px phone', async () => {
    const results = `/campaigns/${(await call<{ items: { id: string }[] }>(admin, '/campaigns?limit=1')).items[0]!.id}/results`;
    const paths = [
      '/home',
      '/service-desk',
      `/service-desk/${complaintId}`,
      results,
      '/staff',
      '/audit-logs',
      '/service-desk-settings',
      '/owner-voice',
      '/quality',
    ];
    for (const viewport of [desktop, phone]) {
      const { context, page } = await englishConsole(browser, viewport);
      for (const path of paths) {
        await settle(page, path);
        expect(await brokenWords(page), `${path} at ${viewport.width} px`).toEqual([]);
      }
      await context.close();
    }
  });

  it('draws every chart with its axis labels inside it, in English, at 1440 px and on a 375 px phone (issue 15 §6)', async () => {
    const results = `/campaigns/${(await call<{ items: { id: string }[] }>(admin, '/campaigns?limit=1')).items[0]!.id}/results`;
    const paths = ['/home', results, '/owner-voice', '/quality', '/inspections'];
    for (const viewport of [desktop, phone]) {
      const { context, page } = await englishConsole(browser, viewport);
      let charts = 0;
      for (const path of paths) {
        await settle(page, path);
        await page.waitForTimeout(700); // the charts' entry animation
        charts += await page.locator('canvas').count();
        const inked = await chartsInkedAtEdges(page);
        expect(inked, `${path} at ${viewport.width} px`).toEqual([]);
      }
      expect(charts, `charts drawn at ${viewport.width} px`).toBeGreaterThan(3);
      await context.close();
    }
  });

  it('leaves the whole population of a simple random sample for the console to name, not "全部 / All" (issue 15 §6)', async () => {
    const preview = await fetch(`${baseUrl()}/api/v1/campaigns/preview`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ sampling: { kind: 'simple', marginOfError: 0.05 }, contactIntervalDays: 0 }),
    });
    expect(preview.status).toBe(200);
    const plan = (await preview.json()) as { strata: { id: string; name: string }[] };
    expect(plan.strata).toEqual([expect.objectContaining({ id: 'all', name: '' })]);
  });
});
