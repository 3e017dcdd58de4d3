import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, choose, launchBrowser, newPage, screenshot, signInStaff, staffCookie } from './browser';

type Invitation = { householdId: string; projectId: string };

/**
 * A 7-point SERVQUAL pair for every pair question, with overall and NPS: high in the pleased
 * project, low in the other, varied per question and household so the key-driver regression has
 * something to fit.
 */
function paperAnswers(questions: { key: string; type: string }[], happy: boolean, index: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const wobble = index % 2;
  questions
    .filter((question) => question.type === 'servqual')
    .forEach((question, position) => {
      const spread = Math.floor((((index * 6 + position) * 0.618034) % 1) * 3); // golden-ratio steps: 0–2, no two questions in step
      answers[question.key] = { expectation: 6, perception: happy ? 5 + spread : 1 + spread };
    });
  answers['overall'] = happy ? 4 + wobble : 1 + wobble;
  answers['nps'] = happy ? 9 + wobble : 3 + wobble;
  if (!happy) answers['improve'] = '维修太慢';
  return answers;
}

const tileValue = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-statistic-content-value').innerText();

describe('campaign results in the console', () => {
  let browser: Browser;
  let campaignId: string;
  let happyProject: { id: string; name: string };

  // Set-up through the API, as the quality department would: a SERVQUAL questionnaire from the
  // template, a census campaign over two projects, paper questionnaires typed in (one project
  // pleased, the other not), then counted into the results.
  beforeAll(async () => {
    browser = await launchBrowser();
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
      name: `结果页测试问卷 ${Date.now().toString(36)}`,
      templateName: 'servqual-property',
    });
    await fetch(`${baseUrl()}/api/v1/surveys/${survey.id}/publish`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    const projects = (await call<{ items: { id: string; name: string }[] }>('GET', '/projects?limit=100')).items.slice(0, 2);
    expect(projects).toHaveLength(2);
    happyProject = projects[0]!;
    const now = Date.now();
    const campaign = await call<{ id: string }>('POST', '/campaigns', {
      surveyId: survey.id,
      surveyVersion: 1,
      name: `结果页测试调查 ${now.toString(36)}`,
      sampling: { kind: 'census' },
      contactIntervalDays: 0,
      population: { projectIds: projects.map((project) => project.id) },
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 14 * 86_400_000).toISOString(),
    });
    campaignId = campaign.id;
    await call('POST', `/campaigns/${campaignId}/launch`);
    for (const [index, project] of projects.entries()) {
      const invitations = (await call<{ items: Invitation[] }>('GET', `/campaigns/${campaignId}/invitations?projectId=${project.id}`)).items.slice(0, 12);
      expect(invitations.length).toBeGreaterThan(3);
      for (const [position, invitation] of invitations.entries()) {
        await call('POST', `/campaigns/${campaignId}/paper-responses`, {
          householdId: invitation.householdId,
          answers: paperAnswers(survey.definition.questions, index === 0, position),
        });
      }
    }
    await call('POST', `/campaigns/${campaignId}/results/refresh`);
  });
  afterAll(() => browser.close());

  it('shows the SERVQUAL radar and the NPS chart, and a project filter changes the figures', async () => {
    const { context, page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto(`/campaigns/${campaignId}/results`);
    await page.getByTestId('results-body').waitFor();
    // Charts draw on a canvas inside their containers.
    await page.getByTestId('chart-servqual-radar').locator('canvas').waitFor();
    await page.getByTestId('chart-nps').locator('canvas').waitFor();
    await page.getByTestId('chart-drivers').locator('canvas').waitFor();
    const allSatisfaction = await tileValue(page, 'results-satisfaction');
    const allResponses = Number(await tileValue(page, 'results-responses'));
    expect(allResponses).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'results-all');

    await choose(page, 'results-filter-project', happyProject.name);
    await expect.poll(() => tileValue(page, 'results-responses'), { timeout: 15_000 }).not.toBe(String(allResponses));
    await expect.poll(() => tileValue(page, 'results-satisfaction'), { timeout: 15_000 }).toBe('100.0%');
    expect(allSatisfaction).not.toBe('100.0%');
    expect(page.url()).toContain(`projectId=${happyProject.id}`);
    await page.getByTestId('chart-servqual-radar').locator('canvas').waitFor();
    await screenshot(page, 'results-project');

    // The export follows the same filter.
    expect(await page.getByTestId('results-export').getAttribute('href')).toContain(`projectId=${happyProject.id}`);
    await context.close();
  });

  // Issue 15 §6: under 30 answers the normal approximation gives no useful margin (one answer gives ±0.0), so the
  // tiles say 样本不足 instead; the demo's wave, with hundreds of answers, keeps its ± margin.
  it('says 样本不足 instead of a margin under 30 answers, and shows the margin for a full wave', async () => {
    const { context, page } = await newPage(browser);
    await signInStaff(page, 'quality');
    await page.goto(`/campaigns/${campaignId}/results?projectId=${happyProject.id}`);
    await page.getByTestId('results-body').waitFor();
    const fewAnswers = Number(await tileValue(page, 'results-responses'));
    expect(fewAnswers).toBeGreaterThan(0);
    expect(fewAnswers).toBeLessThan(30);
    const npsMargin = page.getByTestId('results-nps-margin');
    await expect.poll(() => npsMargin.innerText(), { timeout: 15_000 }).toContain('样本不足');
    expect(await npsMargin.innerText()).not.toContain('±');
    expect(await page.getByTestId('results-satisfaction-few').innerText()).toContain('样本不足');

    const cookie = await staffCookie('quality');
    const campaigns = (await (await fetch(`${baseUrl()}/api/v1/campaigns`, { headers: { cookie } })).json()) as { items: { id: string; name: string }[] };
    const wave = campaigns.items.find((campaign) => campaign.name === '2026 年下半年满意度调查');
    expect(wave, 'the demo company has its second-half wave').toBeDefined();
    await page.goto(`/campaigns/${wave!.id}/results`);
    await page.getByTestId('results-body').waitFor();
    expect(Number(await tileValue(page, 'results-responses'))).toBeGreaterThanOrEqual(30);
    await expect.poll(() => npsMargin.innerText(), { timeout: 15_000 }).toMatch(/±\d+\.\d/);
    expect(await npsMargin.innerText()).not.toContain('样本不足');
    expect(await page.getByTestId('results-satisfaction-few').count()).toBe(0);
    await screenshot(page, 'results-margin');
    await context.close();
  });
});
