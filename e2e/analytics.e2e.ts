import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot, signInStaff, staffCookie } from './browser';

/**
 * The role homes over the demo company's year (issue 16 browser test): the quality department
 * drills from the company to a project and a building and back, and opens the tickets behind a
 * figure; a project manager sees the ranking with its significance marks.
 */
describe('analytics homes', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('quality drills company → region → project → building and back, downloads the weekly PDF and opens the tickets behind a figure', async () => {
    const { context, page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/home');
    await page.getByTestId('company-home').waitFor();
    const satisfaction = page.getByTestId('figure-satisfaction').locator('.ant-statistic-content-value');
    await expect.poll(() => satisfaction.innerText()).toMatch(/%$/);
    await page.getByTestId('trend-months').waitFor();
    const crumbs = page.getByTestId('drill-path').locator('li:not(.ant-breadcrumb-separator)');
    const crumbCount = async () => (await page.getByTestId('drill-path').locator('.ant-breadcrumb-link').count()) || (await crumbs.count());
    expect(await page.getByTestId('drill-row').count()).toBe(2); // two regions
    await page.getByTestId('drill-row').first().click();
    await expect.poll(crumbCount).toBe(2);
    await page.getByTestId('drill-row').first().click(); // a project of the region
    await expect.poll(crumbCount).toBe(3);
    const projectName = await page.getByTestId('drill-path').locator('.ant-breadcrumb-link').last().innerText();
    await page.getByTestId('drill-row').first().click(); // a building of the project
    await expect.poll(crumbCount).toBe(4);
    await screenshot(page, 'analytics-building');
    // The drill-down is in the address: the building's complaints figure opens that building's complaints of the month,
    // exactly as many as the figure counts; the browser's back button returns to the building.
    expect(page.url()).toMatch(/level=building&id=/);
    const footer = await page.getByTestId('figure-complaints').innerText();
    const counted = Number(/本月 (\d+) 件/.exec(footer)?.[1]);
    const listed = page.waitForResponse((response) => /\/api\/v1\/tickets\?.*buildingId=.*month=/.test(response.url()));
    await page.getByTestId('figure-complaints').click();
    await page.waitForURL(/\/service-desk\?.*buildingId=.*month=\d{4}-\d{2}/);
    await page.getByTestId('queue-drill-buildingId').waitFor();
    await page.getByTestId('queue-drill-month').waitFor();
    expect((await (await listed).json()).items).toHaveLength(counted);
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(counted);
    await screenshot(page, 'analytics-building-complaints');
    await page.goBack();
    await expect.poll(crumbCount).toBe(4);
    // Every chart downloads as PNG.
    await page.getByTestId('trend-months').waitFor();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PNG 图片' }).first().click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    // Every table exports to .xlsx: here the building rows of the project, every row.
    await page.getByTestId('drill-path').getByText(projectName, { exact: true }).click();
    await expect.poll(crumbCount).toBe(3);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drill-table-export').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');
    // Back up at the project (through the breadcrumb, above).
    // The project's weekly report (周例会) as PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('weekly-report-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^周报-.*\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // The overdue figure opens the ticket list behind it: the project's overdue tickets.
    await page.getByTestId('figure-overdue').click();
    await page.waitForURL(/\/service-desk\?.*overdue=true/);
    await page.getByTestId('queue-tiles').waitFor();
    expect(page.url()).toContain('projectId=');
    await screenshot(page, 'analytics-tickets-behind-figure');
    // The 报告 tab: a weekly report generated in the background, its progress, then its files.
    await page.goto('/analytics?tab=reports');
    await page.getByTestId('reports-tab').waitFor();
    await page.getByTestId('report-generate-weekly').click();
    await expect.poll(() => page.getByTestId('report-download-pdf').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const [generated] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-pdf').first().click()]);
    expect((await readFile((await generated.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'analytics-reports');
    // The 数据分析 page: complaint analytics and fee collection against satisfaction.
    await page.goto('/analytics');
    await page.getByRole('tab', { name: '投诉分析' }).click();
    await page.getByTestId('complaints-heat').waitFor();
    await screenshot(page, 'analytics-complaints');

    await page.getByRole('tab', { name: '收缴率' }).click();
    // The latest survey wave with results sets the satisfaction side: other browser tests import small waves into the shared
    // demo company, so the number of projects it covers depends on the order the files run in.
    await expect.poll(() => page.getByTestId('fee-correlation').innerText()).toMatch(/r = -?\d\.\d\d.*n = [2-5] /);
    await screenshot(page, 'analytics-fees');
    await context.close();
  });

  it('quality opens the visits behind the rating figure, and enters, then clears, one household in arrears', async () => {
    const { context, page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/home');
    await page.getByTestId('company-home').waitFor();
    // The return-visit rating figure opens the tickets whose visit was rated in the month: as many as its sample.
    const visits = page.getByTestId('figure-visits');
    await expect.poll(() => visits.innerText()).toMatch(/样本 \d+/);
    const base = Number(/样本 (\d+)/.exec(await visits.innerText())?.[1]);
    const listed = page.waitForResponse((response) => /\/api\/v1\/tickets\?.*ratedMonth=/.test(response.url()));
    await visits.click();
    await page.waitForURL(/\/service-desk\?.*ratedMonth=\d{4}-\d{2}/);
    await page.getByTestId('queue-drill-ratedMonth').waitFor();
    const first = (await (await listed).json()) as { items: unknown[]; nextCursor: string | null };
    if (base <= 100) expect(first.items.length).toBe(base);
    else expect(first.nextCursor).not.toBeNull();
    await screenshot(page, 'analytics-visits-behind-figure');

    // One household in arrears entered between two imports: checked in the form, then listed, then cleared when paid.
    await page.goto('/analytics?tab=fees');
    await page.getByTestId('arrears-card').waitFor();
    await page.getByTestId('arrears-enter').click();
    const form = page.getByTestId('arrears-entry-form');
    await form.getByTestId('arrears-entry-project').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await form.getByTestId('arrears-entry-household').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await form.getByTestId('arrears-entry-amount').fill('0');
    await page.getByTestId('arrears-entry-save').click();
    await form.getByText('欠费金额应大于 0', { exact: false }).waitFor();
    await form.getByTestId('arrears-entry-amount').fill('98765.4');
    await form.getByTestId('arrears-entry-months').fill('18');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await form.getByTestId('arrears-entry-reason').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="施工遗留"]').click();
    await expect.poll(() => form.getByTestId('arrears-entry-reason').innerText()).toContain('施工遗留');
    const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && /\/api\/v1\/analytics\/arrears\//.test(response.url()));
    const reread = page.waitForResponse((response) => response.request().method() === 'GET' && /\/api\/v1\/analytics\/arrears(\?|$)/.test(response.url()));
    await page.getByTestId('arrears-entry-save').click();
    const answer = await saved;
    expect(answer.status(), await answer.text()).toBe(200);
    await reread;
    const rows = page.getByTestId('arrears-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.first().innerText(), { timeout: 15_000 }).toContain('98765.40');
    expect(await rows.first().innerText()).toContain('施工遗留');
    await screenshot(page, 'analytics-arrears-entered');
    await rows.first().getByTestId('arrears-paid').click();
    await page.locator('.ant-popconfirm-buttons:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('arrears-table').innerText(), { timeout: 15_000 }).not.toContain('98765.40');
    await context.close();
  });

  it('a project manager sees the project against targets and the ranking with significance marks', async () => {
    const { context, page } = await newPage(browser);
    await signInStaff(page, 'manager');
    await page.goto('/home');
    await page.getByTestId('project-home').waitFor();
    await page.getByTestId('targets-table').waitFor();
    const marks = page.getByTestId('ranking-card').getByTestId('ranking-mark');
    await expect.poll(() => marks.count()).toBe(5);
    const kinds = new Set(await marks.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-mark'))));
    expect(kinds.has('not_significant')).toBe(true);
    // Peers outside the manager's projects are shown unnamed.
    await expect.poll(() => page.getByTestId('ranking-card').getByText('同行项目').count()).toBe(4);
    await screenshot(page, 'analytics-project-manager');
    await context.close();
  });

  // Issue 15 §6. The homes show the latest wave with results, which another browser test may have just made, so this
  // test makes its own: a census of two projects with paper questionnaires typed in, 32 in the first and 6 in the
  // second. The company's NPS then has its 95% interval; the second project's figures say 样本不足 instead, and the
  // ranking does not mark it better or worse than the company.
  it('says 样本不足 for a project with too few answers, and shows the interval for the company', async () => {
    const cookie = await staffCookie('quality');
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${baseUrl()}/api/v1${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        ...(method !== 'GET' && { body: JSON.stringify(body ?? {}) }),
      });
      expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
      return (await response.json()) as T;
    };
    const survey = await call<{ id: string; definition: { questions: { key: string; type: string }[] } }>('POST', '/surveys', {
      name: `样本不足测试问卷 ${Date.now().toString(36)}`,
      templateName: 'servqual-property',
    });
    await call('POST', `/surveys/${survey.id}/publish`);
    const projects = (await call<{ items: { id: string; name: string }[] }>('GET', '/projects?limit=100')).items;
    const large = projects.find((project) => project.name === '碧海湾花园')!;
    const small = projects.find((project) => project.name === '绿景苑')!;
    expect([large, small].every(Boolean), 'the demo company has 碧海湾花园 and 绿景苑').toBe(true);
    const now = Date.now();
    const campaign = await call<{ id: string }>('POST', '/campaigns', {
      surveyId: survey.id,
      surveyVersion: 1,
      name: `样本不足测试调查 ${now.toString(36)}`,
      sampling: { kind: 'census' },
      contactIntervalDays: 0,
      population: { projectIds: [large.id, small.id] },
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 14 * 86_400_000).toISOString(),
    });
    await call('POST', `/campaigns/${campaign.id}/launch`);
    for (const [project, count] of [
      [large, 32],
      [small, 6],
    ] as const) {
      const invitations = (await call<{ items: { householdId: string }[] }>('GET', `/campaigns/${campaign.id}/invitations?projectId=${project.id}`)).items;
      expect(invitations.length).toBeGreaterThanOrEqual(count);
      for (const [index, invitation] of invitations.slice(0, count).entries()) {
        const answers: Record<string, unknown> = { overall: 3 + (index % 3), nps: 5 + (index % 6) };
        for (const question of survey.definition.questions.filter((item) => item.type === 'servqual'))
          answers[question.key] = { expectation: 6, perception: 4 + (index % 3) };
        await call('POST', `/campaigns/${campaign.id}/paper-responses`, { householdId: invitation.householdId, answers });
      }
    }
    await call('POST', `/campaigns/${campaign.id}/results/refresh`);

    const { context, page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/home');
    await page.getByTestId('company-home').waitFor();
    await expect.poll(() => page.getByTestId('company-home').innerText(), { timeout: 15_000 }).toContain('样本不足测试调查');
    const nps = page.getByTestId('figure-nps');
    const satisfaction = page.getByTestId('figure-satisfaction');
    await expect.poll(() => nps.innerText(), { timeout: 15_000 }).toContain('95% 区间');
    expect(await nps.innerText()).not.toContain('样本不足');
    expect(await satisfaction.innerText()).not.toContain('样本不足');
    const smallRow = page.getByTestId('ranking-card').locator('tr').filter({ hasText: small.name });
    await expect.poll(() => smallRow.getByTestId('ranking-mark').getAttribute('data-mark'), { timeout: 15_000 }).toBe('no_data');

    await page.goto(`/home?level=project&id=${small.id}`);
    await expect.poll(() => nps.innerText(), { timeout: 15_000 }).toContain('样本不足（6 份）');
    expect(await nps.innerText()).not.toContain('区间');
    expect(await satisfaction.innerText()).toContain('样本不足（6 份）');
    await screenshot(page, 'analytics-too-few');
    await context.close();
  });
});
