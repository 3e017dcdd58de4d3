import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call, launchBrowser, loginFor, newPage, phone, screenshot, staffCookie } from './browser';

type Me = { id: string; projects: { id: string; name: string }[] };
type Person = { id: string; householdId: string; phone: string | null; name: string };
type Rule = { projectId: string; post: string; mode: string; defaultAssignee: { id: string } | null; members: { id: string }[] };

/** A small valid PNG: the photo of the finished work. */
const photoPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('technician on a 375 px phone', () => {
  let browser: Browser;
  let manager = '';
  let before: Rule | undefined;
  let projectId = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    manager = await staffCookie('manager');
    projectId = (await call<Me>(manager, 'GET', '/auth/me')).projects[0]!.id;
    const rules = await call<{ items: Rule[] }>(manager, 'GET', `/dispatch-rules?projectId=${projectId}`);
    before = rules.items.find((rule) => rule.post === 'engineering');
  });
  afterAll(async () => {
    // Leave the demo's dispatch as it was for the other flows.
    if (before) {
      await call(manager, 'PUT', '/dispatch-rules', {
        projectId,
        post: 'engineering',
        mode: before.mode,
        defaultAssigneeId: before.defaultAssignee?.id ?? null,
        memberIds: before.members.map((member) => member.id),
      });
    }
    await browser.close();
  });

  it('takes a repair from the pool, arrives, and completes it with a photo and the owner’s code', async () => {
    const technician = await call<Me>(await staffCookie('technician'), 'GET', '/auth/me');
    await call(manager, 'PUT', '/dispatch-rules', { projectId, post: 'engineering', mode: 'grab', memberIds: [technician.id] });
    const owners = (await call<{ items: Person[] }>(manager, 'GET', `/persons?role=owner&projectId=${projectId}&limit=50`)).items.filter(
      (person) => person.phone,
    );
    const owner = owners[3]!;
    const steward = await staffCookie('steward');
    const ticket = await call<{ id: string; number: string }>(steward, 'POST', '/tickets', {
      projectId,
      type: 'repair',
      channel: 'hotline',
      categoryCode: 'engineering.leak',
      priority: 'normal',
      title: '卫生间水管接头渗水',
      description: '业主来电，卫生间洗手盆下方接头渗水',
      householdId: owner.householdId,
      reporterPersonId: owner.id,
    });
    await call(steward, 'POST', `/tickets/${ticket.id}/actions`, { action: 'accept' });

    const { page } = await newPage(browser, phone);
    // The phone opens its task list; without a session it signs in first and comes back.
    await page.goto('/m/tasks?view=pool');
    const { login, password } = loginFor('technician');
    await page.getByTestId('login-username').fill(login);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    const card = page.getByTestId('field-task').filter({ hasText: '卫生间水管接头渗水' });
    await card.waitFor();
    await screenshot(page, 'field-pool-375');
    await card.getByTestId('field-grab').click();
    await page.locator('.ant-message-success').waitFor();

    await page.getByTestId('field-views').getByText('我的').click();
    await page.getByTestId('field-task').filter({ hasText: '卫生间水管接头渗水' }).click();
    await expect.poll(() => page.getByTestId('field-status').textContent()).toBe('已派单');
    // The main action sits at the bottom, in reach of a thumb, and is big enough to hit.
    const arrive = await page.getByTestId('field-arrive').boundingBox();
    expect(arrive!.y + arrive!.height).toBeGreaterThan(812 - 90);
    expect(arrive!.height).toBeGreaterThanOrEqual(44);
    await page.getByTestId('field-arrive').click();
    await expect.poll(() => page.getByTestId('field-status').textContent()).toBe('处理中');

    await page.getByTestId('field-complete').click();
    await page.getByTestId('complete-result').fill('更换洗手盆下方软管接头，试水 10 分钟无渗漏');
    await page.getByTestId('complete-photo-input').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: photoPng });
    await page.getByTestId('complete-photo').waitFor();
    await page.getByTestId('complete-method').getByText('短信确认码').click();
    const sentBefore = ((await (await fetch(`${baseUrl()}/e2e/sms`)).json()) as unknown[]).length;
    await page.getByTestId('complete-send-code').click();
    let code = '';
    await expect
      .poll(async () => {
        const messages = ((await (await fetch(`${baseUrl()}/e2e/sms`)).json()) as { phone: string; text: string }[]).slice(sentBefore);
        code = messages.find((message) => message.phone === owner.phone)?.text.match(/确认码 (\d{6})/)?.[1] ?? '';
        return code;
      })
      .toMatch(/^\d{6}$/);
    await page.getByTestId('complete-code').fill(code);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'field-complete-375');
    await page.getByTestId('complete-submit').click();
    await page.waitForURL('**/m/tasks');

    const detail = await call<{ status: string; arrivedAt: string | null; attachments: unknown[]; events: { kind: string; note: string }[] }>(
      steward,
      'GET',
      `/tickets/${ticket.id}`,
    );
    expect(detail.status).toBe('resolved');
    expect(detail.arrivedAt).not.toBeNull();
    expect(detail.attachments).toHaveLength(1);
    expect(detail.events.find((event) => event.kind === 'resolve')?.note).toContain('试水 10 分钟无渗漏');
  });
});
