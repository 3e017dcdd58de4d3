import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signInStaff } from './browser';

type Household = { id: string; label: string; persons: { name: string; phone: string | null }[] };
type SurveyImport = { id: string; campaignId: string; status: string; mapping: unknown[]; validRows: number; errorCount: number };
type Followup = { id: string; householdLabel: string; ticket: { id: string; number: string } | null };

async function call<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, { method, ...(body !== undefined && { data: body }) });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The satisfaction-annual template as 问卷星 exports it: one column per matrix row, then overall and NPS. */
const headers = [
  '序号',
  '手机号',
  '1、(服务态度)',
  '1、(诉求答复及时)',
  '1、(问题跟进到底)',
  '2、(报修上门及时)',
  '2、(维修质量)',
  '2、(公共设施完好)',
  '3、(小区安全)',
  '3、(门岗与车辆管理)',
  '4、(公共区域清洁)',
  '4、(垃圾清运及时)',
  '5、(绿化养护)',
  '5、(园区景观环境)',
  '6、总体而言，您对本小区的物业服务满意吗？',
  '7、您有多大可能向亲友推荐我们的物业服务？',
];

describe('closed loop on detractors', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('an imported detractor answer opens a recovery ticket that the follow-up list links to', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');

    // Set-up through the API: a published questionnaire, and a 问卷星-style file with one detractor from a demo household.
    const survey = await call<{ id: string }>(page, 'POST', '/surveys', { name: 'E2E 年度满意度(导入)', templateName: 'satisfaction-annual' });
    await call(page, 'POST', `/surveys/${survey.id}/publish`);
    const households = await call<{ items: Household[] }>(page, 'GET', '/households?limit=50');
    const home = households.items.find((item) => item.persons.some((person) => person.phone));
    expect(home).toBeDefined();
    const phone = home!.persons.find((person) => person.phone)!.phone!;
    const row = ['1', phone, ...Array(12).fill('满意'), '不满意', '2'];
    const csv = Buffer.from(`\uFEFF${[headers, row].map((cells) => cells.join(',')).join('\r\n')}\r\n`, 'utf8');
    const uploaded = await page.request.post('/api/v1/survey-imports', {
      multipart: { surveyId: survey.id, campaignName: 'E2E 问卷星导入', file: { name: 'wjx.csv', mimeType: 'text/csv', buffer: csv } },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    const job = (await uploaded.json()) as SurveyImport;
    await call(page, 'POST', `/survey-imports/${job.id}/mapping`, { mapping: job.mapping });
    const validated = await until(
      () => call<SurveyImport>(page, 'GET', `/survey-imports/${job.id}`),
      (value) => value.status !== 'validating',
    );
    expect(validated).toMatchObject({ status: 'validated', validRows: 1, errorCount: 0 });
    await call(page, 'POST', `/survey-imports/${job.id}/commit`);
    // Committing runs the closed-loop pass at once (no timer on the e2e server).
    const followups = await until(
      () => call<{ items: Followup[] }>(page, 'GET', `/survey-followups?campaignId=${job.campaignId}`),
      (value) => value.items.length > 0,
    );
    expect(followups.items).toHaveLength(1);
    const ticket = followups.items[0]!.ticket!;

    // The console: the follow-up with its household, reasons and ticket link; no previous wave to compare yet.
    await page.goto(`/survey-followups?campaignId=${job.campaignId}`);
    const table = page.getByTestId('followup-table');
    await table.getByText(home!.label).waitFor();
    await expect(table.getByText('推荐意愿 2 分').isVisible()).resolves.toBe(true);
    await page.getByTestId('conversion-card').getByText('没有关联上一轮调查').waitFor();
    const link = table.getByTestId('followup-ticket-link');
    expect(await link.textContent()).toBe(ticket.number);
    await screenshot(page, 'survey-followups');
    await link.click();
    await page.waitForURL(`**/service-desk/${ticket.id}`);
    await page.getByText('【调查回访】E2E 问卷星导入').first().waitFor();
    await screenshot(page, 'survey-followup-ticket');
  });

  it('imports a 问卷星 file through the console: mapping, the row report, then the valid rows', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    const survey = await call<{ id: string }>(page, 'POST', '/surveys', { name: 'E2E 控制台导入问卷', templateName: 'satisfaction-annual' });
    await call(page, 'POST', `/surveys/${survey.id}/publish`);
    const good = ['1', '', ...Array(12).fill('满意'), '满意', '9'];
    const bad = ['2', '', ...Array(12).fill('满意'), '很好', '9'];
    const csv = Buffer.from([headers, good, bad].map((cells) => cells.join(',')).join('\r\n'), 'utf8');

    await page.goto('/survey-imports');
    await page.getByTestId('import-survey').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'E2E 控制台导入问卷' }).first().click();
    await page.getByPlaceholder('如：2025 年问卷星满意度调查').fill('E2E 控制台导入');
    await page.locator('input[type=file]').setInputFiles({ name: 'wjx.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-confirm-mapping').click();
    const errors = page.getByTestId('import-errors');
    await errors.getByText('很好').waitFor();
    await expect(errors.getByText('无法识别的评价').isVisible()).resolves.toBe(true);
    await page.getByText('共 2 行，有效 1 行，1 处错误').waitFor();
    await screenshot(page, 'survey-import-report');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').waitFor();
  });
});
