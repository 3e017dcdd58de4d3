import { sampleSizeForProportion } from '@manyi/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, choose, launchBrowser, newPage, screenshot, signInStaff, staffCookie } from './browser';

/** Picks an option of an antd Select by its visible label. */
const statisticValue = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));

describe('campaigns in the console', () => {
  let browser: Browser;
  const surveyName = `SERVQUAL 物业服务调查 ${Date.now().toString(36)}`;
  beforeAll(async () => {
    browser = await launchBrowser();
    // The questionnaire comes from the survey designer's template, created through the API as set-up.
    const cookie = await staffCookie('admin');
    const response = await fetch(`${baseUrl()}/api/v1/surveys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: surveyName, templateName: 'servqual-property' }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  });
  afterAll(() => browser.close());

  it('creates a sampled campaign with the sample size shown live, launches it and sees progress 0 of n', async () => {
    const { context, page } = await newPage(browser);
    await signInStaff(page, 'admin');
    await page.goto('/campaigns');
    await page.getByTestId('campaign-create').click();

    await choose(page, 'campaign-survey', surveyName);
    await page.getByTestId('campaign-name').fill('2026 年第四季度满意度调查');
    await page.getByTestId('campaign-next').click();

    // Census first: the plan is the whole population. Then a simple random sample at ±5 %, 95 %.
    await screenshot(page, 'campaign-wizard-step2');
    await page.locator('input[data-testid="campaign-contact-interval"], [data-testid="campaign-contact-interval"] input').fill('0');
    await page.getByTestId('plan-population').waitFor();
    await page.getByTestId('campaign-kind').getByText('简单随机抽样').click();
    await page.getByTestId('plan-formula').waitFor();
    await expect
      .poll(
        async () => {
          const population = await statisticValue(page, 'plan-population');
          const sample = await statisticValue(page, 'plan-sample');
          return population > 0 && sample === sampleSizeForProportion({ marginOfError: 0.05, confidence: 0.95, population }).required;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const sample = await statisticValue(page, 'plan-sample');
    // One stratum, the whole population, named in the page's language (issue 15 §6: no "全部 / All").
    expect(await page.getByTestId('plan-strata').locator('tbody td').first().innerText()).toBe('全部');
    await screenshot(page, 'campaign-wizard-plan');

    await page.getByTestId('campaign-next').click();
    await page.getByTestId('campaign-submit').click();
    await page.getByTestId('campaign-launch').waitFor();
    expect(await page.getByTestId('campaign-status').innerText()).toBe('草稿');
    expect(await statisticValue(page, 'plan-sample')).toBe(sample);

    await page.getByTestId('campaign-launch').click();
    const launched = page.waitForResponse((response) => response.url().endsWith('/launch') && response.request().method() === 'POST', { timeout: 30_000 });
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const launch = await launched;
    expect(launch.status(), await launch.text()).toBe(200);
    await expect
      .poll(() => page.getByTestId('campaign-status').innerText(), { timeout: 15_000 })
      .toBe('进行中')
      .catch(async (error: unknown) => {
        await screenshot(page, 'campaign-launch-failed');
        throw error;
      });
    await page.getByTestId('progress-summary').waitFor();
    expect(await page.getByTestId('progress-summary').innerText()).toContain(`已完成 0 / 目标 ${sample} 份`);
    await page.getByTestId('progress-buildings-chart').waitFor();
    await screenshot(page, 'campaign-detail-progress');

    // An owner lost the message: a new link for that household alone, shown once to copy.
    await page.getByTestId('invitation-new-link-button').first().click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByTestId('invitation-new-link').waitFor();
    const link = await page.getByTestId('invitation-new-link').innerText();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{20,}/);
    await screenshot(page, 'campaign-new-link');
    const answer = await context.newPage();
    // The link names the configured public address; the test server listens on a port of its own.
    await answer.goto(new URL(new URL(link.trim()).pathname, page.url()).toString());
    // The questionnaire itself (its language toggle), not one of the link's error screens.
    await answer.getByTestId('large-text').waitFor();
    expect(await answer.locator('main.screen').count()).toBe(0);
    await context.close();
  });
});
