import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createHousehold, createProject, createBuilding, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { insertTicket } from '../sla/testing';
import { analyticsReports, webhookDeliveries, webhooks } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { registerWeeklySection, unregisterWeeklySection } from './report-sections';
import { runReportJobs, scheduleReports } from './report-jobs';
import { runAnalyticsRefresh } from './rollup';

/**
 * The PDF is checked the way a reader sees it: poppler (poppler-utils, installed by .ci/run beside
 * Chromium and the Noto CJK fonts) lists the embedded fonts, extracts the text and rasterises page 1.
 * Missing CJK glyphs would print as boxes (tofu): the machine must have a Chinese font for Chromium to use.
 */
function inspectPdf(pdf: Buffer): { fonts: string; text: string; darkShare: number } {
  const directory = mkdtempSync(join(tmpdir(), 'manyi-report-'));
  const file = join(directory, 'report.pdf');
  writeFileSync(file, pdf);
  const fonts = execFileSync('pdffonts', [file]).toString();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', file, join(directory, 'page')]);
  const image = readFileSync(join(directory, 'page-1.pgm'));
  // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
  const header = image.subarray(0, 40).toString('latin1').split(/\s+/);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = image.subarray(image.length - width * height);
  let dark = 0;
  for (const pixel of pixels) if (pixel < 160) dark += 1;
  return { fonts, text, darkShare: dark / pixels.length };
}

describe('weekly and monthly reports', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let quietProject: string;
  let cookies: Record<'quality' | 'manager' | 'other', string>;

  const get = (who: keyof typeof cookies, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who] } });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-25T02:00:00Z');
    const db = t.connection.db;
    company = await createCompany(db);
    const tenantId = company.tenant.id;
    const quiet = await createProject(db, tenantId, { name: '静安小区', code: 'QUIET' });
    await createHousehold(db, tenantId, await createBuilding(db, tenantId, quiet.id, '1'), '101');
    quietProject = quiet.id;
    for (const [index, type] of ['complaint', 'complaint', 'repair', 'repair', 'inquiry'].entries()) {
      await insertTicket(db, tenantId, company.project.id, {
        type,
        title: type === 'complaint' ? '电梯噪音投诉' : '厨房漏水',
        householdId: company.household.id,
        reportedAt: new Date(`2026-11-${16 + index}T03:00:00Z`), // the last whole week before the clock's day: Mon 16 … Sun 22
      });
    }
    await runAnalyticsRefresh(db, t.clock, { tenantIds: [tenantId] });
    const quality = await createStaff(db, tenantId, { roles: ['quality'] });
    const manager = await createStaff(db, tenantId, { roles: ['manager'], projectIds: [company.project.id] });
    const other = await createCompany(db, '别家物业');
    const otherQuality = await createStaff(db, other.tenant.id, { roles: ['quality'] });
    cookies = {
      quality: await signIn(t.app, quality.login, quality.password),
      manager: await signIn(t.app, manager.login, manager.password),
      other: await signIn(t.app, otherQuality.login, otherQuality.password),
    };
  });
  afterAll(() => t.close());

  it('prints the weekly PDF with Chinese text in a CJK font and a page that is not blank', async () => {
    const response = await get('manager', `/analytics/reports/weekly?projectId=${company.project.id}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(String(response.headers['content-disposition'])).toContain(encodeURIComponent('周报'));
    const { fonts, text, darkShare } = inspectPdf(response.rawPayload);
    // Chromium embeds its glyphs as unnamed Type 3 fonts, so the names do not tell; what does: a font for
    // Chinese exists on the machine (else every glyph is a box) and the glyphs carry their characters.
    expect(execFileSync('fc-list', [':lang=zh', 'family']).toString()).toMatch(/Noto Sans CJK/);
    expect(fonts).toContain('Type 3');
    expect(text).toContain('周报');
    expect(text).toContain('电梯噪音投诉');
    expect(text).toContain('本周共 5 件，其中投诉 2 件');
    expect(darkShare).toBeGreaterThan(0.005);
    expect(darkShare).toBeLessThan(0.5);
  }, 60_000);

  it('says so when the period has no data instead of printing zeros', async () => {
    const response = await get('quality', `/analytics/reports/weekly?projectId=${quietProject}`);
    expect(response.statusCode).toBe(200);
    const { text } = inspectPdf(response.rawPayload);
    expect(text).toContain('本期没有数据');
    expect(text).not.toContain('满意率');
  }, 60_000);

  it('exports the monthly company report as .xlsx for the quality department only', async () => {
    const response = await get('quality', '/analytics/reports/monthly?format=xlsx');
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['概览', '按区域', '项目满意率排名']);
    expect((await get('manager', '/analytics/reports/monthly')).statusCode).toBe(403);
  });

  it('another company cannot print this one’s project', async () => {
    expect((await get('other', `/analytics/reports/weekly?projectId=${company.project.id}`)).statusCode).toBe(404);
    expect((await get('manager', `/analytics/reports/weekly?projectId=${quietProject}`)).statusCode).toBe(404);
  });

  it('generates a report on demand with progress, lists it, serves its files and announces it once in the group bots', async () => {
    const db = t.connection.db;
    const tenantId = company.tenant.id;
    await db.insert(webhooks).values({ tenantId, format: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' });
    const post = (who: keyof typeof cookies, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/analytics/reports', headers: { cookie: cookies[who], 'idempotency-key': crypto.randomUUID() }, payload });
    const bad = await post('manager', { kind: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect((await post('manager', { kind: 'monthly' })).statusCode).toBe(403);
    expect((await post('manager', { kind: 'weekly', projectId: quietProject })).statusCode).toBe(404);
    const asked = await post('manager', { kind: 'weekly', projectId: company.project.id, period: '2026-11-18' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({ kind: 'weekly', period: '2026-11-16', projectId: company.project.id });
    await runReportJobs(t.app.deps, t.app.log, { tenantIds: [company.tenant.id] });
    const listed = (await get('manager', '/analytics/reports')).json().items;
    const done = listed.find((item: { id: string }) => item.id === asked.json().id);
    expect(done).toMatchObject({ status: 'done', progress: 100, empty: false, projectName: '测试花园' });
    expect(done.pdfBytes).toBeGreaterThan(1000);
    const pdf = await get('manager', `/analytics/reports/${done.id}/file?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(inspectPdf(pdf.rawPayload).text).toContain('本周共 5 件，其中投诉 2 件');
    const xlsx = await get('manager', `/analytics/reports/${done.id}/file?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await get('other', `/analytics/reports/${done.id}/file?format=pdf`)).statusCode).toBe(404);
    const announced = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.alertId, done.id)));
    expect(announced).toHaveLength(1);
    expect(announced[0]!.body).toMatchObject({ kind: 'report', link: expect.stringContaining(`/analytics?tab=reports&report=${done.id}`) });
    // Asked again: made again with fresh figures, not announced twice.
    expect((await post('manager', { kind: 'weekly', projectId: company.project.id, period: '2026-11-16' })).json().id).toBe(done.id);
    await runReportJobs(t.app.deps, t.app.log, { tenantIds: [company.tenant.id] });
    expect((await get('manager', `/analytics/reports/${done.id}`)).json().status).toBe('done');
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.alertId, done.id))).toHaveLength(1);
  }, 120_000);

  it('queues each scheduled period once; a period without data says so; other modules append sections to the weekly report', async () => {
    const db = t.connection.db;
    const tenantId = company.tenant.id;
    registerWeeklySection('test-agenda', async (_context, week) => [
      { heading: '周例会议程', table: { columns: ['议题', '周'], rows: [['电梯噪音整改', `${week.projectName} ${week.from}`]] } },
    ]);
    try {
      const now = t.clock.now();
      expect(await scheduleReports(db, now, [tenantId])).toBeGreaterThan(0);
      expect(await scheduleReports(db, now, [tenantId])).toBe(0);
      const mine = await db.select().from(analyticsReports).where(eq(analyticsReports.tenantId, tenantId));
      // Two projects' weekly reports of 2026-11-16 (one asked for above), the October monthly report.
      expect(mine.map((row) => `${row.kind} ${row.period}`).sort()).toEqual(['monthly 2026-10-01', 'weekly 2026-11-16', 'weekly 2026-11-16']);
      await runReportJobs(t.app.deps, t.app.log, { tenantIds: [company.tenant.id] });
      const items = (await get('quality', '/analytics/reports')).json().items as {
        kind: string;
        projectId: string | null;
        status: string;
        empty: boolean;
        id: string;
      }[];
      const quiet = items.find((item) => item.projectId === quietProject)!;
      expect(quiet).toMatchObject({ status: 'done', empty: true });
      expect(inspectPdf((await get('quality', `/analytics/reports/${quiet.id}/file`)).rawPayload).text).toContain('本期没有数据');
      const monthly = items.find((item) => item.kind === 'monthly')!;
      expect(monthly).toMatchObject({ status: 'done', empty: true }); // October had no tickets and no answers
      expect((await get('manager', '/analytics/reports')).json().items.some((item: { kind: string }) => item.kind === 'monthly')).toBe(false);
      expect((await get('manager', `/analytics/reports/${monthly.id}`)).statusCode).toBe(404);
      const weekly = await get('quality', `/analytics/reports/weekly?projectId=${company.project.id}&format=xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(weekly.rawPayload as unknown as ArrayBuffer);
      const agenda = workbook.getWorksheet('周例会议程');
      expect(agenda?.getRow(2).values).toEqual([undefined, '电梯噪音整改', '测试花园 2026-11-16']);
    } finally {
      unregisterWeeklySection('test-agenda');
    }
  }, 180_000);
});
