import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBuilding,
  createCompany,
  createHousehold,
  createPerson,
  createProject,
  createStaff,
  createTestApp,
  createUnit,
  signIn,
  type TestApp,
} from '../../test';

async function sheetRows(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const values = row.values as unknown[];
    // Empty cells are not stored; read all twelve columns.
    rows.push(Array.from({ length: 12 }, (_, index) => (values[index + 1] === null || values[index + 1] === undefined ? '' : String(values[index + 1]))));
  });
  return rows;
}

describe('household export', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let admin: string;
  let project: Awaited<ReturnType<typeof createProject>>;
  let east: Awaited<ReturnType<typeof createBuilding>>;
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.connection.db;
    company = await createCompany(db);
    admin = await signIn(t.app, company.admin.login, company.admin.password);
    project = await createProject(db, company.tenant.id, { name: '东湖小区' });
    east = await createBuilding(db, company.tenant.id, project.id, '10');
    const west = await createBuilding(db, company.tenant.id, project.id, '2');
    const unit = await createUnit(db, company.tenant.id, project.id, east.id, '1');
    const first = await createHousehold(db, company.tenant.id, east, '1201', unit);
    await createPerson(db, company.tenant.id, first, { name: '陈一', phone: '13800000001', isVip: true, tags: ['老人', '独居'] });
    await createPerson(db, company.tenant.id, first, { name: '陈二', role: 'family', phone: null });
    await createHousehold(db, company.tenant.id, east, '901', unit);
    const other = await createHousehold(db, company.tenant.id, west, '101');
    await createPerson(db, company.tenant.id, other, { name: '林三', role: 'tenant' });
  });
  afterAll(() => t.close());

  it('exports the filtered list as .xlsx, one row per resident, in roster order', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/households/export?projectId=${project.id}&buildingId=${east.id}`,
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const rows = await sheetRows(response.rawPayload);
    expect(rows[0]).toEqual(['项目', '楼栋', '单元', '房号', '建筑面积', '房屋状态', '姓名', '身份', '手机号', 'VIP', '标签', '备注']);
    expect(rows.slice(1).map((row) => row.slice(0, 10))).toEqual([
      ['东湖小区', '10', '1', '901', '', '已入住', '', '', '', ''],
      ['东湖小区', '10', '1', '1201', '', '已入住', '陈一', '业主', '13800000001', '是'],
      ['东湖小区', '10', '1', '1201', '', '已入住', '陈二', '家属', '', '否'],
    ]);
    expect(rows[2]![10]).toBe('老人、独居');
  });

  it("applies the search filter and the caller's project scope", async () => {
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/households/export?q=${encodeURIComponent('林三')}`, headers: { cookie: admin } });
    const found = await sheetRows(search.rawPayload);
    expect(found.slice(1).map((row) => row[6])).toEqual(['林三']);

    const steward = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [company.project.id] });
    const cookie = await signIn(t.app, steward.login, steward.password);
    const scoped = await sheetRows((await t.app.inject({ method: 'GET', url: '/api/v1/households/export', headers: { cookie } })).rawPayload);
    expect(scoped.slice(1).map((row) => row[0])).toEqual([company.project.name]);
    const outside = await sheetRows(
      (await t.app.inject({ method: 'GET', url: `/api/v1/households/export?projectId=${project.id}`, headers: { cookie } })).rawPayload,
    );
    expect(outside).toHaveLength(1);

    const other = await createCompany(t.connection.db, '别家物业');
    const otherAdmin = await signIn(t.app, other.admin.login, other.admin.password);
    const foreign = await sheetRows(
      (await t.app.inject({ method: 'GET', url: `/api/v1/households/export?projectId=${project.id}`, headers: { cookie: otherAdmin } })).rawPayload,
    );
    expect(foreign).toHaveLength(1);
  });
  it('records who exported residents, with the filter, in the audit log', async () => {
    await t.app.inject({ method: 'GET', url: `/api/v1/households/export?projectId=${project.id}`, headers: { cookie: admin } });
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit-logs?action=export', headers: { cookie: admin } });
    const entries = audit.json().items as { actorName: string; after: { filter: { projectId?: string } } }[];
    expect(entries.some((entry) => entry.actorName === '管理员' && entry.after.filter.projectId === project.id)).toBe(true);
  });
});
