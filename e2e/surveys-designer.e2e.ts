import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signInStaff } from './browser';

describe('survey designer', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('creates a survey from the SERVQUAL template, warns past 15 items, saves and keeps the change after a reload', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/surveys');
    await page.getByTestId('survey-create').click();
    const name = `E2E 服务质量调查 ${Date.now()}`;
    await page.getByTestId('survey-create-name').fill(name);
    await page.getByTestId('template-servqual-property').click();
    await page.getByTestId('survey-create-ok').click();

    const designer = page.getByTestId('survey-designer');
    await designer.waitFor();
    const items = page.getByTestId('question-item');
    const before = await items.count();
    expect(before).toBe(9); // six SERVQUAL pairs, overall, NPS, "what to improve"
    expect(await page.getByTestId('survey-item-count').textContent()).toContain('15');
    expect(await page.getByTestId('survey-too-many').count()).toBe(0);
    // The owner's answering page at phone width is the preview.
    expect(await page.getByTestId('survey-preview').getAttribute('src')).toBe('/s/preview');

    await page.getByTestId('question-add').click();
    await page.getByRole('menuitem', { name: '开放文本' }).click();
    await page.getByTestId('survey-too-many').waitFor();
    expect(await items.count()).toBe(before + 1);
    expect(await page.getByTestId('survey-item-count').textContent()).toContain('16');
    await page.getByTestId('question-title-zh').fill('您对物业还有哪些建议？');
    await page.getByTestId('question-title-en').fill('Any other suggestions?');
    await screenshot(page, 'survey-designer');

    // A key already used by another question: the server's message appears under this question's key.
    await page.getByTestId('question-key').fill('nps');
    await page.getByTestId('survey-save').click();
    await page.getByTestId('question-editor').getByText('题目编号重复').waitFor();
    await page.getByTestId('question-key').fill('suggestions');

    await page.getByTestId('survey-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).first().waitFor();

    await page.reload();
    await designer.waitFor();
    await page.getByTestId('survey-too-many').waitFor();
    expect(await items.count()).toBe(before + 1);
    expect(await items.last().textContent()).toContain('您对物业还有哪些建议？');

    await page.goto('/surveys');
    const row = page.getByTestId('survey-table').locator('tr', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('16');
  });

  it('edits an indicator system: the level sum turns red off 100, the server names the level, a fixed tree saves as version 2', async () => {
    const { page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto('/indicator-systems');
    await page.getByTestId('indicator-create').click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByRole('textbox').first().fill(`E2E 八大因素 ${Date.now()}`);
    await dialog.locator('.ant-select').nth(1).click();
    await page.locator('.ant-select-item-option', { hasText: '满意八大因素' }).click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const tree = page.getByTestId('indicator-tree');
    await tree.waitFor();
    await page.getByTestId('weight-value').locator('input').waitFor();
    expect(await page.getByTestId('sum-value').textContent()).toContain('100');

    await page.getByTestId('weight-value.brand').locator('input').fill('35');
    expect(await page.getByTestId('sum-value').textContent()).toContain('110');
    expect(await page.getByTestId('sum-value').getAttribute('class')).toContain('red');
    await page.getByTestId('indicator-save').click();
    await tree.getByText('“四大价值”下各项权重之和为 110，应为 100').waitFor();
    await screenshot(page, 'indicator-system-editor');

    await page.getByTestId('weight-value.service').locator('input').fill('15');
    expect(await page.getByTestId('sum-value').getAttribute('class')).toContain('green');
    await page.getByTestId('indicator-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存为第 2 版' }).first().waitFor();
  });
});
