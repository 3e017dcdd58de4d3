import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, launchBrowser, newPage, screenshot, signInStaff, staffCookie } from './browser';

type Round = { id: string; items: { id: string }[] };

describe('5-GAP workspace (5-GAP 工作台)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a manager sees gap 5 from the last wave and gap 3 from an inspection, and writes a SWOT beside gap 3', async () => {
    const quality = await staffCookie('quality');
    const manager = await staffCookie('manager');
    const projectId = (await call<{ projects: { id: string }[] }>(manager, 'GET', '/auth/me')).projects[0]!.id;
    // The quality department inspects the manager's project and deducts one item.
    const round = await call<Round>(quality, 'POST', '/inspections', { projectId, post: 'security', kind: 'ad_hoc' });
    const [first, ...rest] = round.items;
    await call(quality, 'PUT', `/inspections/${round.id}/items/${first!.id}`, { result: 'deduct', deduction: 3, note: '南门岗亭夜班人员未佩戴工牌' });
    for (const item of rest) await call(quality, 'PUT', `/inspections/${round.id}/items/${item.id}`, { result: 'pass' });
    await call(quality, 'POST', `/inspections/${round.id}/submit`, {});

    const { page } = await newPage(browser);
    await signInStaff(page, 'manager');
    await page.goto('/gaps');
    // Gap 5 comes from the demo's SERVQUAL wave: owners perceive less than they expect.
    await page.getByTestId('gap-wave').getByText('服务质量差距调查（SERVQUAL）').waitFor();
    const five = page.getByTestId('gap-card-5');
    await five.getByTestId('gap-size-5').waitFor();
    expect(Number((await five.getByTestId('gap-size-5').locator('.ant-statistic-content').textContent())!.replace(/[^\d.-]/g, ''))).toBeLessThan(0);
    await five.getByText('反应度').first().waitFor();
    // Gap 3 lists the inspection's deduction, linked to the inspections page.
    const three = page.getByTestId('gap-card-3');
    await three.getByTestId('gap-size-3').waitFor();
    const finding = three.getByTestId('gap-evidence-3').locator('li').filter({ hasText: '南门岗亭夜班人员未佩戴工牌' });
    await finding.waitFor();
    expect(await finding.getByRole('link').getAttribute('href')).toBe(`/inspections?projectId=${projectId}`);

    await three.getByTestId('gap-swot-edit-3').click();
    await page.getByTestId('gap-swot-strengths').fill('品质巡检按季度覆盖三个岗位');
    await page.getByTestId('gap-swot-weaknesses').fill('秩序岗夜班着装规范执行不到位');
    await page.getByTestId('gap-swot-save').click();
    await page.getByText('SWOT 已保存').waitFor();
    await three.getByText('秩序岗夜班着装规范执行不到位').waitFor();
    await three.getByText(/于 .* 更新/).waitFor();
    await screenshot(page, 'gaps-workspace');

    const workspace = await call<{ gaps: { gap: number; key: string; swot: { weaknesses: string } | null }[] }>(manager, 'GET', `/gaps?projectId=${projectId}`);
    expect(workspace.gaps[2]!.swot!.weaknesses).toBe('秩序岗夜班着装规范执行不到位');
    expect(workspace.gaps[2]!.key).toMatch(new RegExp(`^${projectId}:\\d{4}-Q[1-4]:3$`));
  });
});
