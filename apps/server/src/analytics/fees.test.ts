import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, returnVisits } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { createCompany, createHousehold, createProject, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { insertTicket } from '../sla/testing';
import { multipart } from '../imports/testing';

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('收费');
  worksheet.addRow(['项目编码', '月份', '应收', '实收', '欠费户数']);
  for (const row of rows) worksheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('fee collection (收缴率)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let cookies: Record<'quality' | 'manager' | 'other', string>;
  let skyId: string;

  const upload = async (who: keyof typeof cookies, content: Buffer, name = '收费.xlsx') => {
    const body = multipart({}, { name, content });
    return t.app.inject({ method: 'POST', url: '/api/v1/analytics/fees/import', headers: { cookie: cookies[who], ...body.headers }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-25T02:00:00Z');
    const db = t.connection.db;
    company = await createCompany(db);
    const sky = await createProject(db, company.tenant.id, { name: '天空之城', code: 'SKY' });
    skyId = sky.id;
    const quality = await createStaff(db, company.tenant.id, { roles: ['quality'] });
    const manager = await createStaff(db, company.tenant.id, { roles: ['manager'], projectIds: [company.project.id] });
    const other = await createCompany(db, '别家物业');
    const otherQuality = await createStaff(db, other.tenant.id, { roles: ['quality'] });
    cookies = {
      quality: await signIn(t.app, quality.login, quality.password),
      manager: await signIn(t.app, manager.login, manager.password),
      other: await signIn(t.app, otherQuality.login, otherQuality.password),
    };
  });
  afterAll(() => t.close());

  it('keeps the valid rows of a sheet and reports every bad one with its reason', async () => {
    const response = await upload(
      'quality',
      await sheet([
        [company.project.code, '2026-10', 100000, 92000, 31],
        ['SKY', '2026年9月', 200000, 150000, 40],
        ['NOPE', '2026-10', 1000, 900, 1],
        [company.project.code, '2027-01', 1000, 900, 1],
        ['SKY', '2026-10', -5, 0, 0],
        ['SKY', '2026-08', 1000, 1200, 0],
        [company.project.code, '2026-10', 100000, 91000, 30],
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ rows: 7, inserted: 2, updated: 0 });
    expect(body.errors.map((error: { row: number; code: string }) => [error.row, error.code])).toEqual([
      [4, 'unknown_project'],
      [5, 'future_month'],
      [6, 'negative'],
      [7, 'received_over_receivable'],
      [8, 'duplicate_month'],
    ]);
    expect(body.errors[0].messages['zh-CN']).toBe('项目编码或名称不存在');
    // Imported again with corrected figures: the months are replaced, not doubled.
    const again = (await upload('quality', await sheet([[company.project.code, '2026-10', 100000, 95000, 20]]))).json();
    expect(again).toMatchObject({ inserted: 0, updated: 1, errors: [] });
  });

  it('enters one month in the console with the same rules, and shows the rate on the homes', async () => {
    const enter = (who: keyof typeof cookies, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/analytics/fees', headers: { cookie: cookies[who] }, payload });
    const bad = await enter('quality', { projectId: skyId, month: '2026-11', receivable: 1000, received: 2000 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'received' });
    expect((await enter('manager', { projectId: company.project.id, month: '2026-11', receivable: 1000, received: 900 })).statusCode).toBe(403);
    expect((await enter('quality', { projectId: skyId, month: '2026-11', receivable: 1000, received: 900, householdsInArrears: 3 })).statusCode).toBe(200);
    const home = (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/overview?month=2026-10', headers: { cookie: cookies.quality } })).json();
    // October: this project's corrected row only (天空之城's October row was refused, its September row is another month).
    expect(home.headline.feeCollection).toEqual({ received: 95000, receivable: 100000, rate: 0.95 });
  });

  it('another company can neither import into nor read this one', async () => {
    const response = await upload('other', await sheet([[company.project.code, '2026-10', 1, 1, 0]]));
    expect(response.json().errors[0]).toMatchObject({ code: 'unknown_project' });
    const entry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analytics/fees',
      headers: { cookie: cookies.other },
      payload: { projectId: skyId, month: '2026-10', receivable: 1, received: 1 },
    });
    expect(entry.statusCode).toBe(404);
    const correlation = (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/fee-correlation', headers: { cookie: cookies.other } })).json();
    expect(correlation.points).toEqual([]);
  });

  it('imports households in arrears (bad rows reported, valid kept) and sets them against their open complaints and ratings', async () => {
    const db = t.connection.db;
    const tenantId = company.tenant.id;
    const building = company.building;
    const [a, , c] = await Promise.all(['201', '202', '203'].map((room) => createHousehold(db, tenantId, building, room)));
    // a: owes over a leaking wall it complains about (施工遗留); b: owes, no complaint; c and the company's household pay.
    await insertTicket(db, tenantId, company.project.id, { type: 'complaint', householdId: a!.id, status: 'assigned', categoryCode: 'engineering.leak' });
    const rated = await insertTicket(db, tenantId, company.project.id, { type: 'repair', householdId: a!.id, status: 'visited' });
    await db
      .insert(returnVisits)
      .values({ tenantId, ticketId: rated.id, method: 'phone', outcome: 'confirmed', csat: 2, visitorKind: 'staff', at: t.clock.now() });
    const paid = await insertTicket(db, tenantId, company.project.id, { type: 'repair', householdId: c!.id, status: 'visited' });
    await db
      .insert(returnVisits)
      .values({ tenantId, ticketId: paid.id, method: 'phone', outcome: 'confirmed', csat: 5, visitorKind: 'staff', at: t.clock.now() });
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('欠费');
    worksheet.addRow(['项目编码', '楼栋', '单元', '房号', '欠费金额', '欠费月数', '欠费原因']);
    for (const row of [
      [company.project.code, building.name, '', '201', 3000, 12, '施工遗留'],
      [company.project.code, building.name, '', '202', 1000, 4, '经济困难'],
      [company.project.code, building.name, '', '999', 500, 2, ''],
      ['NOPE', building.name, '', '203', 500, 2, ''],
      [company.project.code, building.name, '', '203', -1, 2, ''],
      [company.project.code, building.name, '', '203', 100, 1.5, '嫌贵'],
      [company.project.code, building.name, '', '201', 10, 1, ''],
    ])
      worksheet.addRow(row);
    const body = multipart({}, { name: '欠费.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) });
    const post = (who: keyof typeof cookies) =>
      t.app.inject({ method: 'POST', url: '/api/v1/analytics/arrears/import', headers: { cookie: cookies[who], ...body.headers }, payload: body.payload });
    expect((await post('manager')).statusCode).toBe(403);
    const imported = await post('quality');
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 7, inserted: 2 });
    expect(imported.json().errors.map((error: { row: number; code: string }) => [error.row, error.code])).toEqual([
      [4, 'unknown_household'],
      [5, 'unknown_project'],
      [6, 'negative'],
      [7, 'not_whole'],
      [7, 'bad_reason'],
      [8, 'duplicate_household'],
    ]);
    const view = await t.app.inject({ method: 'GET', url: '/api/v1/analytics/arrears', headers: { cookie: cookies.manager } });
    expect(view.statusCode, view.body).toBe(200);
    const report = view.json();
    expect(report.summary).toMatchObject({ households: 2, amount: 4000, withOpenComplaint: { arrears: 0.5 }, meanRating: { arrears: 2, paying: 5 } });
    expect(report.summary.shares.find((share: { reason: string }) => share.reason === 'construction')).toEqual({
      reason: 'construction',
      amount: 0.75,
      households: 0.5,
    });
    expect(report.households[0]).toMatchObject({
      householdId: a!.id,
      amount: 3000,
      months: 12,
      reason: 'construction',
      openComplaints: 1,
      openTickets: 1,
      ratings: 1,
      meanRating: 2,
    });
    expect(report.households[0].openCategories).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/analytics/arrears', headers: { cookie: cookies.other } })).json().summary.households).toBe(0);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/analytics/arrears?projectId=${company.project.id}`, headers: { cookie: cookies.other } })).statusCode,
    ).toBe(404);
  });

  it('enters one household in arrears in the console: checked, audited, replaced, cleared when paid', async () => {
    const db = t.connection.db;
    const household = await createHousehold(db, company.tenant.id, company.building, '204');
    const put = (who: keyof typeof cookies, body: object, id = household.id) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/analytics/arrears/${id}`, headers: { cookie: cookies[who] }, payload: body });
    expect((await put('manager', { amount: 800, months: 3, reason: 'service' })).statusCode).toBe(403);
    // Bad input: a problem per field, in both languages.
    const bad = await put('quality', { amount: 0, months: 1.5, reason: 'bogus' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['amount', 'months', 'reason']);
    expect(bad.json().errors[0].messages['en-US'].length).toBeGreaterThan(0);
    expect((await put('quality', { amount: -5 })).statusCode).toBe(400);
    // A household of no project of this company, or of another company, is not there.
    expect((await put('quality', { amount: 800 }, '0190a000-0000-7000-8000-000000000001')).statusCode).toBe(404);
    expect((await put('other', { amount: 800 })).statusCode).toBe(404);

    const saved = await put('quality', { amount: 800.456, months: 3, reason: 'service' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      householdId: household.id,
      projectId: company.project.id,
      label: `${company.building.name} 204`,
      amount: 800.46,
      months: 3,
      reason: 'service',
    });
    const listed = async () =>
      (
        (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/arrears', headers: { cookie: cookies.quality } })).json() as {
          households: { householdId: string; amount: number; reason: string }[];
        }
      ).households.find((row) => row.householdId === household.id);
    expect(await listed()).toMatchObject({ amount: 800.46, reason: 'service' });
    // A second entry replaces the first; the trail keeps both, the second with what it replaced.
    expect((await put('quality', { amount: 1200, months: 4, reason: 'construction' })).json()).toMatchObject({ amount: 1200, reason: 'construction' });
    expect(await listed()).toMatchObject({ amount: 1200, reason: 'construction' });
    const trail = await db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, company.tenant.id), eq(auditLogs.entityType, 'household_arrears'), eq(auditLogs.entityId, household.id)));
    expect(trail.map((row) => row.action).sort()).toEqual(['create', 'update']);
    expect(trail.find((row) => row.action === 'update')).toMatchObject({
      before: expect.objectContaining({ amount: 800.46 }),
      after: expect.objectContaining({ amount: 1200 }),
    });

    // Paid: gone from the list, audited; clearing again finds nothing.
    const clear = (who: keyof typeof cookies) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/analytics/arrears/${household.id}`, headers: { cookie: cookies[who] } });
    expect((await clear('other')).statusCode).toBe(404);
    expect((await clear('manager')).statusCode).toBe(403);
    expect((await clear('quality')).statusCode).toBe(204);
    expect(await listed()).toBeUndefined();
    expect((await clear('quality')).statusCode).toBe(404);
  });
});
