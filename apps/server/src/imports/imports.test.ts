import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { auditLogs, households, importJobs, persons, timelineEvents, units } from '@manyi/db';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  companyAppPerFile,
  createBuilding,
  createCompany,
  createHousehold,
  createProject,
  createStaff,
  createUnit,
  signIn,
  type Company,
  type TestApp,
} from '../../test';
import { importHeaders } from './columns';
import { csvFile, uploadImport, waitForJob, xlsxFile, type Cells } from './testing';

describe('household import', () => {
  let t: TestApp;
  let company: Company;
  let admin: string;
  companyAppPerFile((made) => ({ t, company, admin } = made));

  /** A fresh project with buildings 1 and 2 (unit 1 in building 1), so each test counts its own rows. */
  async function freshProject() {
    const db = t.connection.db;
    const project = await createProject(db, company.tenant.id);
    const one = await createBuilding(db, company.tenant.id, project.id, '1');
    const two = await createBuilding(db, company.tenant.id, project.id, '2');
    const unit = await createUnit(db, company.tenant.id, project.id, one.id, '1');
    return { project, one, two, unit };
  }

  async function countIn(projectId: string) {
    const db = t.connection.db;
    const tenantId = company.tenant.id;
    const [h] = await db
      .select({ n: count() })
      .from(households)
      .where(and(eq(households.tenantId, tenantId), eq(households.projectId, projectId)));
    const [p] = await db
      .select({ n: count() })
      .from(persons)
      .where(and(eq(persons.tenantId, tenantId), eq(persons.projectId, projectId)));
    const [u] = await db
      .select({ n: count() })
      .from(units)
      .where(and(eq(units.tenantId, tenantId), eq(units.projectId, projectId)));
    return { households: h!.n, persons: p!.n, units: u!.n };
  }

  async function upload(projectId: string, name: string, content: Buffer, headers: Record<string, string> = {}) {
    return uploadImport(t.app, admin, projectId, { name, content }, headers);
  }

  async function commit(id: string) {
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/household-imports/${id}/commit`, headers: { cookie: admin } });
    expect(response.statusCode).toBe(202);
    expect(response.json().status).toBe('committing');
    return waitForJob(t.app, admin, id);
  }

  it('serves an .xlsx template that parses back, with the 说明 sheet, and a BOM-prefixed .csv', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/household-imports/template?format=xlsx', headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('住户导入模板.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('住户');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(importHeaders);
    expect(sheet.actualRowCount).toBe(3);
    expect(workbook.getWorksheet('说明')?.getCell('A2').value).toBe('楼栋');

    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/household-imports/template?format=csv', headers: { cookie: admin } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.replace('\uFEFF', '').split('\r\n')[0]).toBe(importHeaders.join(','));

    // The template as downloaded imports cleanly into a project with building 1.
    const { project } = await freshProject();
    const uploaded = await upload(project.id, '住户导入模板.xlsx', response.rawPayload);
    expect(uploaded.statusCode).toBe(202);
    expect((await waitForJob(t.app, admin, uploaded.json().id)).status).toBe('validated');
  });

  it("reports every bad row with its row number and reason, in the caller's language, and writes nothing", async () => {
    const { project, one, unit } = await freshProject();
    await createHousehold(t.connection.db, company.tenant.id, one, '101', unit);
    const before = await countIn(project.id);
    const rows: Cells[] = [
      ['1', '1', '201', 90, '已入住', '王五', '业主', '13800138000', '是', '', ''], // row 2: fine
      ['9', '1', '301', null, null, '赵六', null, null, null, null, null], // row 3: unknown building
      ['1', '1', '101', null, null, '钱七', null, null, null, null, null], // row 4: room already exists
      ['2', null, '102', null, null, '孙八', null, '12345', null, null, null], // row 5: bad phone
      ['2', null, '103', null, null, '', null, null, null, null, null], // row 6: missing name
      ['1', '1', '201', null, null, '王五', '家属', null, null, null, null], // row 7: same room and name as row 2
      ['2', null, '104', -5, '拆迁', '周九', '房客', null, '也许', null, null], // row 8: bad area, status, role, VIP
    ];
    const response = await upload(project.id, 'bad.xlsx', await xlsxFile(rows), { 'accept-language': 'en-US' });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ status: 'validating', fileName: 'bad.xlsx', format: 'xlsx' });
    const job = await waitForJob(t.app, admin, response.json().id, { 'accept-language': 'en-US' });
    expect(job).toMatchObject({ status: 'invalid', totalRows: 7, processedRows: 7, validRows: 1, errorCount: 9 });
    const found = job.errors.map((error: { row: number; column: string; code: string }) => [error.row, error.column, error.code]);
    expect(found).toEqual([
      [3, '楼栋', 'unknown_building'],
      [4, '房号', 'duplicate_room'],
      [5, '手机号', 'bad_phone'],
      [6, '姓名', 'missing_field'],
      [7, '姓名', 'duplicate_room'],
      [8, '建筑面积', 'invalid_value'],
      [8, '房屋状态', 'invalid_value'],
      [8, '身份', 'invalid_value'],
      [8, 'VIP', 'invalid_value'],
    ]);
    expect(job.errors[0].message).toBe('Building “9” does not exist in this project; create it first');
    expect(job.errors[4].message).toBe('Repeats row 2 (same room and same name)');
    const chinese = await waitForJob(t.app, admin, job.id);
    expect(chinese.errors[2].message).toBe('手机号“12345”不是有效的 11 位手机号');
    expect(await countIn(project.id)).toEqual(before);

    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/household-imports/${job.id}/commit`, headers: { cookie: admin } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('import_not_validated');
  });

  it('validates, then commits households, persons, new units, timeline events and one audit row', async () => {
    const { project, one } = await freshProject();
    // Aliased, reordered and padded headers; cells with spaces; 3单元 names a unit that does not exist yet.
    const headers = [' 姓名 ', '手机', '楼栋', '单元', '房号', '面积(㎡)', '身份', '标签', '备注', 'VIP', '状态', '项目'];
    const rows: Cells[] = [
      ['张三', '+86 138-0013-8000', '1栋', '1', '1201', '89.5', '业主', '老人、独居', '周末上门', '是', '已入住', 'ignored'],
      ['李四', '', '1', '1', '1201', '', '家属', '', '', '', '', ''],
      ['王五', '13900139000', '1', '3单元', '301', '120', '租户', 'VIP, 宠物;引"号\\', '', '否', '装修中', ''],
      [' 赵六 ', '', '2', '', '5', '', '', '', '', '', '空置', ''],
    ];
    const response = await upload(project.id, '花园.xlsx', await xlsxFile(rows, headers));
    expect(response.statusCode).toBe(202);
    const validated = await waitForJob(t.app, admin, response.json().id);
    expect(validated).toMatchObject({ status: 'validated', totalRows: 4, validRows: 4, errorCount: 0, errors: [] });
    expect(await countIn(project.id)).toEqual({ households: 0, persons: 0, units: 1 });

    const committed = await commit(validated.id);
    expect(committed).toMatchObject({ status: 'committed', processedRows: 4, failure: null });
    expect(committed.committedAt).not.toBeNull();
    expect(await countIn(project.id)).toEqual({ households: 3, persons: 4, units: 2 });

    const db = t.connection.db;
    const [newUnit] = await db
      .select()
      .from(units)
      .where(and(eq(units.tenantId, company.tenant.id), eq(units.buildingId, one.id), eq(units.name, '3')));
    expect(newUnit).toBeDefined();
    const people = await db
      .select()
      .from(persons)
      .where(and(eq(persons.tenantId, company.tenant.id), eq(persons.projectId, project.id)));
    const zhang = people.find((person) => person.name === '张三')!;
    // Imported persons carry the pinyin initials the hotline's owner search reads (zs = 张三).
    expect(zhang).toMatchObject({ phone: '13800138000', role: 'owner', isVip: true, tags: ['老人', '独居'], note: '周末上门', nameInitials: 'zs' });
    expect(people.find((person) => person.name === '李四')!.householdId).toBe(zhang.householdId);
    expect(people.find((person) => person.name === '王五')).toMatchObject({ role: 'tenant', tags: ['VIP', '宠物', '引"号\\'] });
    expect(people.find((person) => person.name === '赵六')).toMatchObject({ role: 'owner', phone: null });
    const [household] = await db.select().from(households).where(eq(households.id, zhang.householdId));
    expect(household).toMatchObject({ room: '1201', area: 89.5, status: 'occupied', buildingId: one.id });

    const events = await db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.tenantId, company.tenant.id), eq(timelineEvents.kind, 'imported')));
    expect(events.filter((event) => people.some((person) => person.id === event.personId))).toHaveLength(4);
    const [audit] = await db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, company.tenant.id), eq(auditLogs.entityId, validated.id)));
    expect(audit).toMatchObject({ action: 'import', entityType: 'import_job', actorName: '管理员' });
    expect(audit!.after).toMatchObject({ households: 3, persons: 4, units: 1, rows: 4 });

    const again = await t.app.inject({ method: 'POST', url: `/api/v1/household-imports/${validated.id}/commit`, headers: { cookie: admin } });
    expect(again.statusCode).toBe(409);
  });

  it('is all or nothing: a room created after the dry run fails the whole commit, even after batches were written', async () => {
    const { project, one, two, unit } = await freshProject();
    // 2,500 rows: two batches of 1,000 are inserted before the conflicting row near the end is reached.
    const rows: Cells[] = Array.from({ length: 2_500 }, (_, index) => [
      '2',
      null,
      String(1000 + index),
      null,
      null,
      `住户${index}`,
      null,
      null,
      null,
      null,
      null,
    ]);
    rows.push(['1', '1', '808', null, null, '最后一位', null, null, null, null, null]);
    const response = await upload(project.id, 'big.csv', csvFile(rows));
    expect(response.statusCode).toBe(202);
    const validated = await waitForJob(t.app, admin, response.json().id);
    expect(validated).toMatchObject({ status: 'validated', totalRows: 2_501 });
    const before = await countIn(project.id);

    await createHousehold(t.connection.db, company.tenant.id, one, '808', unit);
    const failed = await commit(validated.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toContain('未写入任何数据');
    expect(failed.errors).toEqual([expect.objectContaining({ row: 2_502, column: '房号', code: 'duplicate_room' })]);
    expect(await countIn(project.id)).toEqual({ ...before, households: before.households + 1 });
    const [written] = await t.connection.db.select({ n: count() }).from(households).where(eq(households.buildingId, two.id));
    expect(written!.n).toBe(0);
    const [audit] = await t.connection.db.select({ n: count() }).from(auditLogs).where(eq(auditLogs.entityId, validated.id));
    expect(audit!.n).toBe(0);
  });

  it('reads .csv in UTF-8 with a BOM and in GBK as Chinese Excel saves it', async () => {
    const { project } = await freshProject();
    const utf8 = await upload(project.id, 'roster.csv', csvFile([['2', '', '601', '66', '', '钱多多', '业主', '13600136000', '', '', '说,“引号”\n换行']]));
    expect(utf8.statusCode).toBe(202);
    const committed = await commit((await waitForJob(t.app, admin, utf8.json().id)).id);
    expect(committed.status).toBe('committed');
    const [person] = await t.connection.db
      .select()
      .from(persons)
      .where(and(eq(persons.projectId, project.id), eq(persons.name, '钱多多')));
    expect(person).toMatchObject({ phone: '13600136000', note: '说,“引号”\n换行' });

    // 楼栋,房号,姓名,手机号 / 1,501,赵六,13700137000 saved as GBK.
    const gbk = Buffer.from('c2a5b6b02cb7bfbac52cd0d5c3fb2ccad6bbfabac50d0a312c3530312cd5d4c1f92c31333730303133373030300d0a', 'hex');
    const response = await upload(project.id, 'gbk.csv', gbk);
    expect(response.statusCode).toBe(202);
    expect(await waitForJob(t.app, admin, response.json().id)).toMatchObject({ status: 'validated', totalRows: 1 });
  });

  it('reads a workbook by its content whatever its extension (issue 14 §9)', async () => {
    const { project } = await freshProject();
    for (const [index, name] of ['renamed.csv', '住户.xls', 'roster'].entries()) {
      const row = ['1', '1', String(301 + index), 90, '已入住', '王五', '业主', '13800138000', '是', '', ''];
      const response = await upload(project.id, name, await xlsxFile([row]));
      expect(response.statusCode, `${name}: ${response.body}`).toBe(202);
      expect(response.json().format).toBe('xlsx');
      expect(await waitForJob(t.app, admin, response.json().id)).toMatchObject({ status: 'validated', totalRows: 1 });
    }
  });

  it('refuses malformed files with a clear 4xx and keeps nothing', async () => {
    const { project } = await freshProject();
    const expectProblem = async (name: string, content: Buffer, status: number, code: string) => {
      const response = await upload(project.id, name, content);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      return response.json();
    };
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await expectProblem('photo.xlsx', png, 415, 'not_a_spreadsheet');
    // The content decides, not the name: text is read as CSV (here without the required columns).
    await expectProblem('notes.txt', Buffer.from('hello'), 400, 'missing_columns');
    await expectProblem('old.xls', Buffer.from('d0cf11e0a1b11ae1', 'hex'), 415, 'legacy_xls');
    await expectProblem('old.xlsx', Buffer.from('d0cf11e0a1b11ae1', 'hex'), 415, 'legacy_xls');
    await expectProblem('broken.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 7)]), 400, 'not_a_spreadsheet');
    const wrong = await expectProblem('wrong.xlsx', await xlsxFile([['a', 'b']], ['名称', '电话']), 400, 'missing_columns');
    expect(wrong.errors.map((error: { field: string }) => error.field)).toEqual(['楼栋', '房号', '姓名']);
    await expectProblem('header-only.xlsx', await xlsxFile([]), 400, 'empty_import');
    await expectProblem('empty.csv', Buffer.alloc(0), 400, 'empty_import');
    await expectProblem('blank.csv', csvFile([[], ['', '', '']]), 400, 'empty_import');

    const tooMany = Buffer.from(`楼栋,房号,姓名\n${'1,101,张三\n'.repeat(200_001)}`);
    await expectProblem('huge.csv', tooMany, 413, 'too_many_rows');

    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/household-imports',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: { projectId: project.id },
    });
    expect(noFile.statusCode).toBe(415);
    expect(await countIn(project.id)).toEqual({ households: 0, persons: 0, units: 1 });
    // Refused uploads leave no job and no file: the only stored files are those of validated jobs awaiting commit.
    const jobs = await t.connection.db.select().from(importJobs).where(eq(importJobs.tenantId, company.tenant.id));
    expect(jobs.filter((job) => job.projectId === project.id)).toEqual([]);
    const stored = await readdir(join(t.dataDir, 'uploads', 'imports', company.tenant.id)).catch(() => []);
    expect(stored.sort()).toEqual(
      jobs
        .filter((job) => job.status === 'validated')
        .map((job) => job.filePath.split('/').at(-1))
        .sort(),
    );
  });

  it('hides jobs of other companies and projects, and lets only import roles run imports', async () => {
    const { project } = await freshProject();
    const response = await upload(project.id, 'ok.csv', csvFile([['2', '', '9', '', '', '某人', '', '', '', '', '']]));
    const job = await waitForJob(t.app, admin, response.json().id);

    const other = await createCompany(t.connection.db, '别家物业');
    const otherAdmin = await signIn(t.app, other.admin.login, other.admin.password);
    for (const request of [
      { method: 'GET' as const, url: `/api/v1/household-imports/${job.id}` },
      { method: 'POST' as const, url: `/api/v1/household-imports/${job.id}/commit` },
    ]) {
      const refused = await t.app.inject({ ...request, headers: { cookie: otherAdmin } });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('not_found');
    }
    const foreign = await uploadImport(t.app, otherAdmin, project.id, { name: 'x.csv', content: csvFile([['1', '', '1', '', '', 'x']]) });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'projectId', messages: { 'zh-CN': '项目不存在' } });

    const steward = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [company.project.id] });
    const stewardCookie = await signIn(t.app, steward.login, steward.password);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/household-imports/${job.id}`, headers: { cookie: stewardCookie } })).statusCode).toBe(404);
    const viewer = await createStaff(t.connection.db, company.tenant.id, { roles: ['viewer'] });
    const viewerCookie = await signIn(t.app, viewer.login, viewer.password);
    const forbidden = await uploadImport(t.app, viewerCookie, project.id, { name: 'x.csv', content: csvFile([['1', '', '1', '', '', 'x']]) });
    expect(forbidden.statusCode).toBe(403);
    const missingProject = await uploadImport(t.app, admin, '', { name: 'x.csv', content: csvFile([['1', '', '1', '', '', 'x']]) });
    expect(missingProject.statusCode).toBe(400);
    expect(missingProject.json().errors[0].field).toBe('projectId');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/household-imports/template' })).statusCode).toBe(401);
  });
});
