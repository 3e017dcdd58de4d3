import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, loginFor, newPage, scratchDir, screenshot, signInStaff } from './browser';

/** Picks an option in an antd Select by its visible label. */
describe('staff console', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser));
  });
  afterAll(() => browser.close());

  it('signs in, rejecting a wrong password first', async () => {
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    await signInStaff(page, 'admin');
    expect(await page.getByTestId('company-name').textContent()).toContain('安居物业');
  });

  it('switches project and searches households in it', async () => {
    await choose(page, 'project-switcher', '碧海湾花园');
    await page.goto('/buildings');
    await page.getByTestId('households-table').waitFor();
    const rows = page.locator('[data-testid="households-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const firstRoom = (await rows.first().locator('td').first().textContent())?.trim() ?? '';
    expect(firstRoom.length).toBeGreaterThan(0);
    // Search by a resident's name shown in the first row.
    const resident = (await rows.first().textContent())
      ?.match(/[\u4e00-\u9fa5]{2,3}(?=\s|$|[^\u4e00-\u9fa5])/g)
      ?.find((word) => !/栋|单元|已入住|空置|装修/.test(word));
    expect(resident).toBeTruthy();
    await page.getByTestId('search-box').fill(resident!);
    await expect
      .poll(
        async () => {
          const texts = await rows.allTextContents();
          return texts.length > 0 && texts.every((text) => text.includes(resident!));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await screenshot(page, 'households-search');
  });

  it('imports a file with one bad row and shows the reason for that row', async () => {
    const directory = await scratchDir();
    const file = join(directory, 'households.csv');
    await writeFile(
      file,
      '\ufeff楼栋,单元,房号,建筑面积,房屋状态,姓名,身份,手机号,VIP,标签,备注\n1栋,1单元,9901,88,已入住,测试甲,业主,13800001111,否,,\n不存在的楼,1单元,9902,88,已入住,测试乙,业主,13800002222,否,,\n',
    );
    await page.goto('/imports');
    await choose(page, 'import-project', '碧海湾花园');
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-invalid').waitFor({ timeout: 30_000 });
    const errors = await page.getByTestId('import-errors').textContent();
    expect(errors).toContain('3');
    expect(errors).toMatch(/楼栋/);
    await screenshot(page, 'import-invalid');
  });

  it('opens an owner profile with its timeline', async () => {
    await page.goto('/persons');
    const row = page.getByTestId('person-row').first();
    await row.waitFor();
    await row.click();
    await page.getByTestId('person-profile').waitFor();
    await page.getByTestId('profile-timeline').waitFor();
    await expect.poll(() => page.getByTestId('timeline-entry').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('profile-timeline').textContent()).toContain('住户档案建立');
    await screenshot(page, 'owner-profile');
  });

  it('signs in with the company code from the link (logins are unique per company)', async () => {
    const other = await newPage(browser);
    try {
      await other.page.goto('/login?c=demo');
      expect(await other.page.getByTestId('login-company').inputValue()).toBe('demo');
      const { login, password } = loginFor('admin');
      await other.page.getByTestId('login-username').fill(login);
      await other.page.getByTestId('login-password').fill(password);
      await other.page.getByTestId('login-submit').click();
      await other.page.getByTestId('company-name').waitFor();
      expect(await other.page.getByTestId('company-name').textContent()).toContain('安居物业');
    } finally {
      await other.context.close();
    }
  });
});
