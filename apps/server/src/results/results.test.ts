import { analyseTally, tallyResponses, type Answers } from '@manyi/core';
import { persons } from '@manyi/db';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilding, createCompany, createHousehold, createProject, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { runResultsAggregation } from './aggregator';
import { campaignWithTree, insertCompleteResponses, resultsAnswers, resultsDefinition, resultsTree } from './testing';

type Place = { id: string; projectId: string; buildingId: string };

describe('campaign results over the rollups', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let cookies: Record<'quality' | 'manager' | 'steward', string>;
  let eastHouseholds: Place[];
  let westHouseholds: Place[];
  let eastSecondBuilding: string;
  let westProject: string;
  let answers: { east: Answers[]; west: Answers[] };

  const get = (who: keyof typeof cookies, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who] } });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.connection.db;
    company = await createCompany(db);
    const tenantId = company.tenant.id;
    const secondBuilding = await createBuilding(db, tenantId, company.project.id, '2');
    const west = await createProject(db, tenantId, { name: '西区花园', code: 'WEST' });
    const westBuilding = await createBuilding(db, tenantId, west.id, '8');
    const rooms = (building: { id: string; projectId: string; name: string }, count: number) =>
      Promise.all(Array.from({ length: count }, (_, index) => createHousehold(db, tenantId, building, `${1001 + index}`)));
    eastHouseholds = [...(await rooms(company.building, 30)), ...(await rooms(secondBuilding, 30))];
    westHouseholds = await rooms(westBuilding, 40);
    eastSecondBuilding = secondBuilding.id;
    westProject = west.id;
    const quality = await createStaff(db, tenantId, { roles: ['quality'] });
    const manager = await createStaff(db, tenantId, { roles: ['manager'], projectIds: [west.id] });
    const steward = await createStaff(db, tenantId, { roles: ['steward'], projectIds: [west.id] });
    cookies = {
      quality: await signIn(t.app, quality.login, quality.password),
      manager: await signIn(t.app, manager.login, manager.password),
      steward: await signIn(t.app, steward.login, steward.password),
    };
    answers = { east: resultsAnswers(60, 11, 0.75), west: resultsAnswers(40, 12, 0.35) };
  });
  afterAll(() => t.close());

  async function wave(options: { previousCampaignId?: string; name?: string; east?: Answers[]; west?: Answers[] } = {}) {
    const db = t.connection.db;
    const opened = await campaignWithTree(db, t.clock.now(), company.tenant.id, [...eastHouseholds, ...westHouseholds], options);
    const east = options.east ?? answers.east;
    const west = options.west ?? answers.west;
    await insertCompleteResponses(db, t.clock.now(), opened.campaign, [
      ...east.map((item, index) => ({ household: eastHouseholds[index]!, answers: item, source: index % 10 === 0 ? ('paper' as const) : ('h5' as const) })),
      ...west.map((item, index) => ({ household: westHouseholds[index]!, answers: item })),
    ]);
    return opened.campaign;
  }

  it('analyses the merged rollup exactly as the core analysis of the same answers, per filter', async () => {
    const campaign = await wave();
    const before = (await get('quality', `/campaigns/${campaign.id}/results`)).json();
    expect(before).toMatchObject({ source: 'rollup', pending: 100, analysis: { responses: 0 } });

    expect(await runResultsAggregation(t.connection.db, t.clock, { tenantIds: [company.tenant.id] })).toMatchObject({ counted: 100 });
    const all = await get('quality', `/campaigns/${campaign.id}/results`);
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json();
    const expected = analyseTally(resultsDefinition, tallyResponses(resultsDefinition, [...answers.east, ...answers.west], resultsTree), resultsTree);
    expect(body.pending).toBe(0);
    expect(body.analysis.responses).toBe(100);
    expect(body.analysis.overall).toEqual(JSON.parse(JSON.stringify(expected.overall)));
    expect(body.analysis.nps.score).toBeCloseTo(expected.nps!.score!, 10);
    expect(body.analysis.servqual.weightedGap).toBeCloseTo(expected.servqual!.weightedGap!, 10);
    expect(body.analysis.weightedIndex.index).toBeCloseTo(expected.weightedIndex!.index!, 10);
    expect(body.analysis.keyDrivers.status).toBe('fitted');
    expect(body.responseRates.total).toEqual({ invited: 100, completed: 100, responseRate: 1 });
    expect(body.responseRates.buildings.find((row: { id: string }) => row.id === eastSecondBuilding)).toMatchObject({ invited: 30, completed: 30 });
    expect(body.responseRates.projects).toHaveLength(2);

    const byProject = (await get('quality', `/campaigns/${campaign.id}/results?projectId=${westProject}`)).json();
    const westExpected = analyseTally(resultsDefinition, tallyResponses(resultsDefinition, answers.west, resultsTree), resultsTree);
    expect(byProject.analysis.responses).toBe(40);
    expect(byProject.analysis.overall.satisfactionRate).toEqual(westExpected.overall!.satisfactionRate);
    expect(byProject.responseRates.projects.map((row: { id: string }) => row.id)).toEqual([westProject]);

    const byBuilding = (await get('quality', `/campaigns/${campaign.id}/results?buildingId=${eastSecondBuilding}`)).json();
    expect(byBuilding.analysis.responses).toBe(30);
    expect(byBuilding.analysis.nps.valid).toBe(30);

    // 保洁 (cleaning) measures tangibles.cleanliness only, which the SERVQUAL template does not ask: nothing left.
    const engineering = (await get('quality', `/campaigns/${campaign.id}/results?post=engineering`)).json();
    expect(engineering.analysis.questions.map((question: { key: string }) => question.key)).toEqual([
      'tangibles_facilities',
      'professionalism_repair_skill',
      'responsiveness_repair_timeliness',
    ]);
    expect(engineering.analysis.nps).toBeNull();
  });

  it('filters by owner tags from the raw responses and says so', async () => {
    const campaign = await wave();
    await runResultsAggregation(t.connection.db, t.clock, { tenantIds: [company.tenant.id] });
    const db = t.connection.db;
    for (const household of westHouseholds.slice(0, 5)) {
      await db
        .insert(persons)
        .values({ tenantId: company.tenant.id, projectId: household.projectId, householdId: household.id, name: '业主', role: 'owner', tags: ['VIP', '老年'] });
    }
    const response = await get('quality', `/campaigns/${campaign.id}/results?tags=老年`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ source: 'raw', analysis: { responses: 5 } });
    const expected = analyseTally(resultsDefinition, tallyResponses(resultsDefinition, answers.west.slice(0, 5), resultsTree), resultsTree);
    expect(response.json().analysis.overall.satisfactionRate).toEqual(expected.overall!.satisfactionRate);
    const exported = await get('quality', `/campaigns/${campaign.id}/export.xlsx?tags=老年`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('原始数据')!.rowCount).toBe(6);
    await db.delete(persons).where(eq(persons.tenantId, company.tenant.id));
  });

  it('gives a manager their projects only, and a steward nothing', async () => {
    const campaign = await wave();
    await runResultsAggregation(t.connection.db, t.clock, { tenantIds: [company.tenant.id] });
    const mine = (await get('manager', `/campaigns/${campaign.id}/results`)).json();
    expect(mine.analysis.responses).toBe(40);
    expect(mine.responseRates.projects.map((row: { id: string }) => row.id)).toEqual([westProject]);
    const other = (await get('manager', `/campaigns/${campaign.id}/results?projectId=${company.project.id}`)).json();
    expect(other.analysis.responses).toBe(0);
    expect((await get('steward', `/campaigns/${campaign.id}/results`)).statusCode).toBe(403);
    expect((await get('steward', `/campaigns/${campaign.id}/export.xlsx`)).statusCode).toBe(403);
  });

  it('compares with the previous wave and marks what is significant', async () => {
    const first = await wave({ name: '2025 年度', east: resultsAnswers(60, 21, 0.3), west: resultsAnswers(40, 22, 0.3) });
    const second = await wave({ name: '2026 年度', previousCampaignId: first.id, east: resultsAnswers(60, 23, 0.85), west: resultsAnswers(40, 24, 0.85) });
    await runResultsAggregation(t.connection.db, t.clock, { tenantIds: [company.tenant.id] });
    const body = (await get('quality', `/campaigns/${second.id}/results`)).json();
    expect(body.previous).toMatchObject({ campaignId: first.id, name: '2025 年度', responses: 100 });
    expect(body.previous.comparison.overall.significant).toBe(true);
    expect(body.previous.comparison.overall.difference).toBeGreaterThan(0);
    expect(body.previous.comparison.nps.significant).toBe(true);
    expect(body.trend.map((item: { name: string }) => item.name)).toEqual(['2025 年度', '2026 年度']);

    // The same answers again: no change can be significant.
    const third = await wave({ name: '2027 年度', previousCampaignId: second.id, east: resultsAnswers(60, 23, 0.85), west: resultsAnswers(40, 24, 0.85) });
    await runResultsAggregation(t.connection.db, t.clock, { tenantIds: [company.tenant.id] });
    const same = (await get('quality', `/campaigns/${third.id}/results`)).json();
    expect(same.previous.comparison.overall).toMatchObject({ difference: 0, significant: false });
    expect(same.previous.comparison.nps.significant).toBe(false);
    expect(same.trend).toHaveLength(3);
  });

  it('exports raw responses and results to .xlsx', async () => {
    const campaign = await wave();
    await runResultsAggregation(t.connection.db, t.clock, { tenantIds: [company.tenant.id] });
    const response = await get('quality', `/campaigns/${campaign.id}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['原始数据', '满意度', 'NPS', 'SERVQUAL', 'Kano', '关键驱动']);
    const raw = workbook.getWorksheet('原始数据')!;
    const header = (raw.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['项目', '房屋', '来源', '纸质', '提交时间']);
    expect(header).toContain('公共设施设备完好·期望');
    expect(raw.rowCount).toBe(101);
    const rows = Array.from({ length: 100 }, (_, index) => raw.getRow(index + 2).values as unknown[]);
    expect(rows.filter((row) => row[4] === '是')).toHaveLength(6);
    expect(rows.filter((row) => row[3] === '纸质')).toHaveLength(6);
    const nps = workbook.getWorksheet('NPS')!;
    expect(nps.getRow(2).values).toEqual([undefined, '有效样本', 100]);

    const managerExport = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaign.id}/export.xlsx`, headers: { cookie: cookies.manager } });
    const managerBook = new ExcelJS.Workbook();
    await managerBook.xlsx.load(managerExport.rawPayload as unknown as ArrayBuffer);
    expect(managerBook.getWorksheet('原始数据')!.rowCount).toBe(41);
  });

  // Issue 15 §6: 2栋 before 10栋. Compared as plain strings 10栋 would come first; the buildings are created out of
  // order so that neither insertion order nor a database sort by name gives the natural order by chance.
  it('lists buildings and projects in natural order (1栋, 2栋, 10栋)', async () => {
    const db = t.connection.db;
    const other = await createCompany(db, '自然排序物业');
    const tenantId = other.tenant.id;
    const twelfth = await createProject(db, tenantId, { name: '12期' });
    const third = await createProject(db, tenantId, { name: '3期' });
    const places: Place[] = [];
    for (const name of ['10栋', '2栋', '1栋']) {
      const building = await createBuilding(db, tenantId, third.id, name);
      places.push(await createHousehold(db, tenantId, building, '101'));
    }
    places.push(await createHousehold(db, tenantId, await createBuilding(db, tenantId, twelfth.id, '5栋'), '101'));
    const quality = await createStaff(db, tenantId, { roles: ['quality'] });
    const cookie = await signIn(t.app, quality.login, quality.password);
    const { campaign } = await campaignWithTree(db, t.clock.now(), tenantId, places);
    await insertCompleteResponses(
      db,
      t.clock.now(),
      campaign,
      resultsAnswers(places.length, 21).map((item, index) => ({ household: places[index]!, answers: item })),
    );
    await runResultsAggregation(db, t.clock, { tenantIds: [tenantId] });
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaign.id}/results`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const { responseRates } = response.json() as { responseRates: { projects: { name: string }[]; buildings: { name: string }[] } };
    expect(responseRates.projects.map((row) => row.name)).toEqual(['3期', '12期']);
    expect(responseRates.buildings.map((row) => row.name)).toEqual(['3期 · 1栋', '3期 · 2栋', '3期 · 10栋', '12期 · 5栋']);
  });
});
