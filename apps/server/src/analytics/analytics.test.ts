import { analyseTally, indicatorTemplate, surveyTemplate, tallyResponses, type Answers } from '@manyi/core';
import { noticeDeliveries, notices, returnVisits } from '@manyi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilding, createCompany, createHousehold, createProject, createStaff, createTestApp, signIn, type TestApp } from '../../test';
import { runResultsAggregation } from '../results/aggregator';
import { campaignWithTree, insertCompleteResponses, resultsAnswers, resultsDefinition, resultsTree } from '../results/testing';
import { insertTicket } from '../sla/testing';
import { analyticsPassEveryMs, runAnalyticsRefresh, startAnalyticsTimer } from './rollup';

type Place = { id: string; projectId: string; buildingId: string };
type Figures = {
  satisfaction: { count: number; base: number; rate: number | null };
  complaints: { count: number; households: number };
  [key: string]: unknown;
};

describe('analytics homes over the rollups', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let cookies: Record<'quality' | 'manager' | 'steward', string>;
  let steward: { id: string };
  let east: Place[];
  let west: Place[];
  let westProject: string;
  let eastSecondBuilding: string;
  let answers: { east: Answers[]; west: Answers[] };
  let campaignId: string;

  const get = (who: keyof typeof cookies, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who] } });
  const refresh = () => runAnalyticsRefresh(t.connection.db, t.clock, { tenantIds: [company.tenant.id], full: true });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-25T02:00:00Z');
    const db = t.connection.db;
    company = await createCompany(db);
    const tenantId = company.tenant.id;
    const second = await createBuilding(db, tenantId, company.project.id, '2');
    const westRow = await createProject(db, tenantId, { name: '西区花园', code: 'WEST' });
    const westBuilding = await createBuilding(db, tenantId, westRow.id, '8');
    const rooms = (building: { id: string; projectId: string; name: string }, count: number, from = 1001) =>
      Promise.all(Array.from({ length: count }, (_, index) => createHousehold(db, tenantId, building, `${from + index}`)));
    east = [...(await rooms(company.building, 30)), ...(await rooms(second, 30))];
    west = await rooms(westBuilding, 40);
    westProject = westRow.id;
    eastSecondBuilding = second.id;
    const quality = await createStaff(db, tenantId, { roles: ['quality'] });
    const manager = await createStaff(db, tenantId, { roles: ['manager'], projectIds: [westRow.id] });
    const stewardRow = await createStaff(db, tenantId, { roles: ['steward'], projectIds: [westRow.id] });
    steward = stewardRow;
    cookies = {
      quality: await signIn(t.app, quality.login, quality.password),
      manager: await signIn(t.app, manager.login, manager.password),
      steward: await signIn(t.app, stewardRow.login, stewardRow.password),
    };
    answers = { east: resultsAnswers(60, 21, 0.8), west: resultsAnswers(40, 22, 0.3) };
    const opened = await campaignWithTree(db, t.clock.now(), tenantId, [...east, ...west], { name: '2026年度满意度调查' });
    campaignId = opened.campaign.id;
    await insertCompleteResponses(db, t.clock.now(), opened.campaign, [
      ...answers.east.map((item, index) => ({ household: east[index]!, answers: item })),
      ...answers.west.map((item, index) => ({ household: west[index]!, answers: item })),
    ]);
    await runResultsAggregation(db, t.clock, { tenantIds: [tenantId] });

    // November 2026 (the test clock's month): east 3 complaints (one a repeat) in building 2, west 1 complaint
    // and a repair; SLA: two resolved on time, one late; one open west ticket past its resolution deadline.
    const reportedAt = new Date('2026-11-10T02:00:00Z');
    const ticket = (projectId: string, household: Place | null, extra: Parameters<typeof insertTicket>[3] = {}) =>
      insertTicket(db, tenantId, projectId, { householdId: household?.id ?? null, reportedAt, ...extra });
    await ticket(company.project.id, east[40]!, { type: 'complaint' });
    await ticket(company.project.id, east[41]!, { type: 'complaint', isRepeat: true });
    await ticket(company.project.id, east[42]!, { type: 'complaint', channel: 'gov_12345' });
    await ticket(company.project.id, east[43]!, { type: 'complaint', status: 'cancelled' });
    await ticket(westProject, west[0]!, {
      type: 'complaint',
      status: 'resolved',
      resolvedAt: new Date('2026-11-12T02:00:00Z'),
      resolutionMet: true,
      assigneeId: stewardRow.id,
    });
    await ticket(westProject, west[1]!, { type: 'repair', status: 'closed', resolvedAt: new Date('2026-11-12T02:00:00Z'), resolutionMet: true });
    await ticket(westProject, west[2]!, { type: 'repair', status: 'closed', resolvedAt: new Date('2026-11-13T02:00:00Z'), resolutionMet: false });
    const overdue = await ticket(westProject, west[3]!, {
      type: 'repair',
      status: 'assigned',
      resolutionDueAt: new Date('2026-11-20T02:00:00Z'),
      assigneeId: stewardRow.id,
    });
    const rated = await ticket(westProject, west[4]!, { type: 'repair', status: 'visited', assigneeId: stewardRow.id });
    await db
      .insert(returnVisits)
      .values({ tenantId, ticketId: rated.id, method: 'phone', outcome: 'confirmed', csat: 5, visitorKind: 'staff', at: new Date('2026-11-15T02:00:00Z') });
    // October: one complaint, for the monthly trend.
    await ticket(westProject, west[5]!, { type: 'complaint', reportedAt: new Date('2026-10-05T02:00:00Z') });
    expect(overdue.id).toBeTruthy();
  });
  afterAll(() => t.close());

  it('shows nothing of the tickets until the rollup pass has run, then the month within one pass', async () => {
    const before = (await get('quality', '/analytics/overview')).json();
    expect(before.headline.received).toBe(0);
    expect(before.headline.satisfaction.base).toBe(100); // survey figures come from the results rollup, already counted
    await refresh();
    const after = await get('quality', '/analytics/overview');
    expect(after.statusCode, after.body).toBe(200);
    const body = after.json();
    expect(body.month).toBe('2026-11');
    expect(body.campaign).toMatchObject({ id: campaignId, name: '2026年度满意度调查' });
    expect(body.headline).toMatchObject({
      received: 8, // 4 east (cancelled left out) … 3 east + 5 west
      complaints: { count: 4, households: 101 },
      repeatComplaints: { count: 1, base: 4 },
      referrals: 1,
      sla: { met: 2, judged: 3, overdueNow: 1, rate: 0.5 },
      visits: { count: 1, base: 1, rate: 1 },
      overdue: 1,
    });
    expect(body.asOf).not.toBeNull();
  });

  it('company 满意率, NPS and weighted index equal the results page, and every level is the sum of the one below', async () => {
    await refresh();
    const company = (await get('quality', '/analytics/overview')).json();
    const expected = analyseTally(resultsDefinition, tallyResponses(resultsDefinition, [...answers.east, ...answers.west], resultsTree), resultsTree);
    expect(company.headline.satisfaction.rate).toBeCloseTo(expected.overall!.satisfactionRate!.rate!, 12);
    expect(company.headline.nps.score).toBeCloseTo(expected.nps!.score!, 12);
    expect(company.headline.nps.lower).toBeCloseTo(expected.nps!.adjustedWald!.lower, 10);
    expect(company.weightedIndex).toBeCloseTo(expected.weightedIndex!.index!, 10);

    // Company → region (the projects have none: the nil region) → project → building, and back.
    expect(company.childLevel).toBe('region');
    expect(company.children).toHaveLength(1);
    const regionRow = company.children[0];
    expect(regionRow.figures).toEqual(company.headline);
    const region = (await get('quality', `/analytics/overview?level=region&id=${regionRow.id}`)).json();
    expect(region.headline).toEqual(regionRow.figures);
    expect(region.children.map((row: { name: string }) => row.name).sort()).toEqual(['测试花园', '西区花园']);
    const eastRow = region.children.find((row: { name: string }) => row.name === '测试花园');
    const project = (await get('quality', `/analytics/overview?level=project&id=${eastRow.id}`)).json();
    expect(project.headline).toEqual(eastRow.figures);
    expect(project.path.map((step: { level: string }) => step.level)).toEqual(['company', 'region', 'project']);
    const eastExpected = analyseTally(resultsDefinition, tallyResponses(resultsDefinition, answers.east, resultsTree), resultsTree);
    expect(project.headline.satisfaction.rate).toBeCloseTo(eastExpected.overall!.satisfactionRate!.rate!, 12);
    expect(project.headline.complaints).toMatchObject({ count: 3, households: 61 });
    const buildingRow = project.children.find((row: { id: string }) => row.id === eastSecondBuilding);
    const building = (await get('quality', `/analytics/overview?level=building&id=${eastSecondBuilding}`)).json();
    expect(building.headline).toEqual(buildingRow.figures);
    expect(building.childLevel).toBeNull();
    expect(building.headline.satisfaction.base).toBe(30);
    const sum = (key: 'count' | 'base') => project.children.reduce((total: number, row: { figures: Figures }) => total + row.figures.satisfaction[key], 0);
    expect(sum('base')).toBe(project.headline.satisfaction.base);
    expect(sum('count')).toBe(project.headline.satisfaction.count);
  });

  it('the ticket list a figure links to (building, month, type, repeat, channel, overdue, rated visits) holds exactly the tickets it counts', async () => {
    await refresh();
    const counted = 'new,accepted,assigned,in_progress,on_hold,reopened,resolved,visited,closed';
    const listed = async (query: string) => {
      const response = await get('quality', `/tickets?limit=100&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { items: unknown[] }).items.length;
    };
    for (const level of ['project', 'building'] as const) {
      const id = level === 'project' ? company.project.id : eastSecondBuilding;
      const view = (await get('quality', `/analytics/overview?level=${level}&id=${id}&month=2026-11`)).json();
      const place = `projectId=${company.project.id}${level === 'building' ? `&buildingId=${eastSecondBuilding}` : ''}&month=2026-11`;
      expect(await listed(`${place}&status=${counted}`)).toBe(view.headline.received);
      expect(await listed(`${place}&status=${counted}&type=complaint`)).toBe(view.headline.complaints.count);
      expect(await listed(`${place}&status=${counted}&type=complaint&repeat=true`)).toBe(view.headline.repeatComplaints.count);
      expect(await listed(`${place}&status=${counted}&channel=gov_12345`)).toBe(view.headline.referrals);
      expect(view.headline.complaints.count).toBeGreaterThan(0);
    }
    // Every building row of the project adds up to the project, and each row's list is its own.
    const west = (await get('quality', `/analytics/overview?level=project&id=${westProject}`)).json();
    let overdue = 0;
    for (const row of west.children as { id: string; figures: { overdue: number } }[]) {
      const count = await listed(`projectId=${westProject}&buildingId=${row.id}&overdue=true`);
      expect(count).toBe(row.figures.overdue);
      overdue += count;
    }
    expect(overdue).toBe(west.headline.overdue);
    // The October complaint is not in November's list.
    expect(await listed(`projectId=${westProject}&month=2026-10&type=complaint`)).toBe(1);
    // The visit-rating figure counts visits by the month they were rated: its list is the tickets rated then.
    const westNovember = (await get('quality', `/analytics/overview?level=project&id=${westProject}&month=2026-11`)).json();
    expect(westNovember.headline.visits.base).toBe(1);
    expect(await listed(`projectId=${westProject}&ratedMonth=2026-11`)).toBe(westNovember.headline.visits.base);
    expect(await listed('ratedMonth=2026-11')).toBe(1);
    expect(await listed(`projectId=${westProject}&ratedMonth=2026-10`)).toBe(0);
    expect(await listed(`projectId=${company.project.id}&ratedMonth=2026-11`)).toBe(0);
  });

  it('trends by month and by wave', async () => {
    await refresh();
    const body = (await get('quality', '/analytics/overview')).json();
    expect(body.trendMonths).toHaveLength(12);
    expect(body.trendMonths.at(-1).month).toBe('2026-11');
    expect(body.trendMonths.at(-2)).toMatchObject({ month: '2026-10', figures: { complaints: { count: 1 } } });
    expect(body.trendWaves).toHaveLength(1);
    expect(body.trendWaves[0].satisfaction.base).toBe(100);
  });

  it('ranks projects with n and marks a difference that is not significant', async () => {
    await refresh();
    const response = await get('quality', '/analytics/rankings?metric=satisfaction');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.rows).toHaveLength(2);
    expect(body.rows.map((row: { n: number }) => row.n).sort()).toEqual([40, 60]);
    expect(body.rows[0].rank).toBe(1);
    for (const row of body.rows) expect(['above', 'below', 'not_significant']).toContain(row.mark);
    const sla = (await get('quality', '/analytics/rankings?metric=sla')).json();
    const westSla = sla.rows.find((row: { projectId: string }) => row.projectId === westProject);
    // West: 2 met of 3 judged + 1 overdue; east has none: no rest of the company to compare with.
    expect(westSla).toMatchObject({ value: 0.5, n: 4, mark: 'no_data' });
  });

  it('a project manager sees their projects, peers unnamed, and not another project', async () => {
    await refresh();
    const home = (await get('manager', '/analytics/overview')).json();
    expect(home.headline.complaints.households).toBe(40);
    expect((await get('manager', `/analytics/overview?level=building&id=${eastSecondBuilding}`)).statusCode).toBe(404);
    const ranking = (await get('manager', '/analytics/rankings?metric=satisfaction')).json();
    const peers = ranking.rows.filter((row: { mine: boolean }) => !row.mine);
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ projectId: null, name: '' });
    const projectHome = await get('manager', '/analytics/project-home');
    expect(projectHome.statusCode, projectHome.body).toBe(200);
    expect(projectHome.json()).toMatchObject({ project: { id: westProject }, figures: { overdue: 1 }, targets: { satisfactionRate: null } });
    expect(projectHome.json().ranks).toHaveLength(6);
    expect(projectHome.json().notices).toEqual({ delivered: 0, read: 0, rate: null });
    // The notices centre's notices count in the read rate (incident notices' receipts are the other part).
    const db = t.connection.db;
    const tenantId = company.tenant.id;
    const [notice] = await db
      .insert(notices)
      .values({
        tenantId,
        projectId: westProject,
        kind: 'works',
        title: '外墙清洗',
        body: '本周三外墙清洗',
        audience: 'buildings',
        status: 'published',
        createdById: steward.id,
      })
      .returning();
    await db.insert(noticeDeliveries).values(
      [west[0]!, west[1]!].map((household, index) => ({
        tenantId,
        noticeId: notice!.id,
        projectId: westProject,
        personId: household.id,
        householdId: household.id,
        deliveredAt: t.clock.now(),
        readAt: index === 0 ? t.clock.now() : null,
      })),
    );
    expect((await get('manager', '/analytics/project-home')).json().notices).toEqual({ delivered: 2, read: 1, rate: 0.5 });
  });

  it('targets are set by the quality department and shown on the project home', async () => {
    const put = (who: keyof typeof cookies) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/analytics/projects/${westProject}/targets`,
        headers: { cookie: cookies[who] },
        payload: { satisfactionRate: 0.9, nps: 30, slaCompliance: 0.95, feeCollectionRate: null },
      });
    expect((await put('manager')).statusCode).toBe(403);
    const saved = await put('quality');
    expect(saved.statusCode, saved.body).toBe(200);
    const home = (await get('manager', '/analytics/project-home')).json();
    expect(home.targets).toEqual({ satisfactionRate: 0.9, nps: 30, slaCompliance: 0.95, feeCollectionRate: null, contractValue: null });
  });

  it('a steward has their own home and no company analytics', async () => {
    expect((await get('steward', '/analytics/overview')).statusCode).toBe(403);
    const home = await get('steward', '/analytics/steward-home');
    expect(home.statusCode, home.body).toBe(200);
    expect(home.json()).toMatchObject({ queue: { open: 1, overdue: 1 }, ratings: { rated: 1, satisfied: 1, rate: 1, mean: 5 } });
    // The ratings figure opens the steward's tickets rated in the month: exactly the ones it counts.
    const rated = (await get('steward', `/tickets?mine=true&ratedMonth=${home.json().month}`)).json() as { items: unknown[] };
    expect(rated.items).toHaveLength(home.json().ratings.rated);
    expect(steward.id).toBeTruthy();
  });

  it('another company reads and changes nothing of this one', async () => {
    await refresh();
    const db = t.connection.db;
    const other = await createCompany(db, '别家物业');
    const otherQuality = await createStaff(db, other.tenant.id, { roles: ['quality'] });
    const cookie = await signIn(t.app, otherQuality.login, otherQuality.password);
    await runAnalyticsRefresh(db, t.clock, { tenantIds: [other.tenant.id] });
    const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });
    expect((await call('GET', `/analytics/overview?level=project&id=${westProject}`)).statusCode).toBe(404);
    expect((await call('GET', `/analytics/overview?level=building&id=${eastSecondBuilding}`)).statusCode).toBe(404);
    expect((await call('GET', `/analytics/overview?campaignId=${campaignId}`)).statusCode).toBe(404);
    expect((await call('GET', `/analytics/project-home?projectId=${westProject}`)).statusCode).toBe(404);
    const put = await call('PUT', `/analytics/projects/${westProject}/targets`, {
      satisfactionRate: 0.1,
      nps: null,
      slaCompliance: null,
      feeCollectionRate: null,
    });
    expect(put.statusCode).toBe(404);
    const home = (await call('GET', '/analytics/overview')).json();
    expect(home.headline).toMatchObject({ received: 0, complaints: { households: 1 }, satisfaction: { base: 0 } });
    const ranking = (await call('GET', '/analytics/rankings')).json();
    expect(ranking.rows.map((row: { projectId: string }) => row.projectId)).toEqual([other.project.id]);
    expect((await get('quality', `/analytics/project-home?projectId=${westProject}`)).json().targets.satisfactionRate).not.toBe(0.1);
  });
});

describe('complaint analytics', () => {
  let t: TestApp;
  let cookie: string;
  let projectId: string;
  let managerCookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-25T02:00:00Z');
    const db = t.connection.db;
    const company = await createCompany(db);
    projectId = company.project.id;
    const tenantId = company.tenant.id;
    const second = await createHousehold(db, tenantId, company.building, '102');
    // Monday 2026-11-23 10:xx Shanghai (02:xx UTC): three complaints of one household about noise, one 12345 referral.
    for (const [index, extra] of [
      { categoryCode: 'order.noise', householdId: company.household.id, location: '1栋电梯厅' },
      { categoryCode: 'order.noise', householdId: company.household.id, location: '1栋电梯厅' },
      { categoryCode: 'order.noise', householdId: company.household.id, channel: 'gov_12345' },
      { categoryCode: 'service.attitude', householdId: second.id, status: 'closed' },
    ].entries()) {
      await insertTicket(db, tenantId, projectId, { type: 'complaint', reportedAt: new Date(`2026-11-23T02:0${index}:00Z`), ...extra });
    }
    await insertTicket(db, tenantId, projectId, { type: 'complaint', status: 'cancelled', reportedAt: new Date('2026-11-23T02:00:00Z') });
    const other = await createProject(db, tenantId, { name: '别的项目', code: 'ELSE' });
    await insertTicket(db, tenantId, other.id, { type: 'complaint', reportedAt: new Date('2026-11-20T02:00:00Z') });
    const quality = await createStaff(db, tenantId, { roles: ['quality'] });
    const manager = await createStaff(db, tenantId, { roles: ['manager'], projectIds: [other.id] });
    cookie = await signIn(t.app, quality.login, quality.password);
    managerCookie = await signIn(t.app, manager.login, manager.password);
  });
  afterAll(() => t.close());

  it('counts a project’s complaints by category and building, hour, age, repeat and referral', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/analytics/complaints?projectId=${projectId}`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.total).toBe(4);
    expect(body.placeLevel).toBe('building');
    expect(body.heat.categories[0]).toMatchObject({ key: 'order.noise', count: 3 });
    expect(body.heat.places).toHaveLength(1);
    expect(body.heat.cells).toContainEqual([0, 0, 3]);
    expect(body.weekdayHour).toEqual([[0, 10, 4]]);
    // Open now: the three noise complaints (the closed and the cancelled one are not), two days old.
    expect(body.ageing.map((row: { count: number }) => row.count)).toEqual([0, 3, 0, 0, 0]);
    expect(body.repeatedHouseholds).toEqual([{ key: expect.any(String), label: '1栋1单元101', count: 3 }]);
    expect(body.repeatedPlaces).toContainEqual({ key: '1栋电梯厅', label: '1栋电梯厅', count: 2 });
    expect(body.referrals).toMatchObject({ count: 1, byMonth: [{ key: '2026-11', count: 1 }] });
    expect(body.causes.series[0]).toMatchObject({ key: 'order.noise' });
    expect(body.causes.months.at(-1)).toBe('2026-11');
  });

  it('company-wide it places by project; a manager of another project cannot read this one', async () => {
    const company = (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/complaints', headers: { cookie } })).json();
    expect(company.placeLevel).toBe('project');
    expect(company.total).toBe(5);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/analytics/complaints?projectId=${projectId}`, headers: { cookie: managerCookie } })).statusCode,
    ).toBe(404);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/complaints', headers: { cookie: managerCookie } })).json();
    expect(mine.total).toBe(1);
  });
});

describe('GB/T 45698-2025 score', () => {
  let t: TestApp;
  let cookie: string;

  it('scores each project on the GB/T tree and the company by contract value', async () => {
    t = await createTestApp();
    t.clock.set('2026-11-25T02:00:00Z');
    const db = t.connection.db;
    const company = await createCompany(db);
    const tenantId = company.tenant.id;
    const west = await createProject(db, tenantId, { name: '西区花园', code: 'WEST' });
    const westBuilding = await createBuilding(db, tenantId, west.id, '8');
    const east = await Promise.all(Array.from({ length: 10 }, (_, index) => createHousehold(db, tenantId, company.building, `${2001 + index}`)));
    const westRooms = await Promise.all(Array.from({ length: 10 }, (_, index) => createHousehold(db, tenantId, westBuilding, `${3001 + index}`)));
    const template = surveyTemplate('gbt-45698')!;
    const tree = indicatorTemplate('gbt-45698')!.roots;
    const opened = await campaignWithTree(db, t.clock.now(), tenantId, [...east, ...westRooms], { definition: template.definition, tree, name: 'GB/T 测评' });
    // Every item answered 5 in the east (score 100) and 3 in the west (score 50).
    const answers = (value: number): Answers =>
      Object.fromEntries(
        template.definition.questions.map((question) =>
          question.type === 'matrix'
            ? [question.key, Object.fromEntries(question.rows.map((row) => [row.key, value]))]
            : [question.key, question.type === 'nps' ? 8 : value],
        ),
      );
    await insertCompleteResponses(db, t.clock.now(), opened.campaign, [
      ...east.map((household) => ({ household, answers: answers(5) })),
      ...westRooms.map((household) => ({ household, answers: answers(3) })),
    ]);
    await runResultsAggregation(db, t.clock, { tenantIds: [tenantId] });
    const quality = await createStaff(db, tenantId, { roles: ['quality'] });
    cookie = await signIn(t.app, quality.login, quality.password);
    const get = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/gbt-score', headers: { cookie } })).json();
    const equal = await get();
    expect(equal.campaign.name).toBe('GB/T 测评');
    expect(equal.projects.map((project: { score: number }) => project.score).sort((a: number, b: number) => a - b)).toEqual([50, 100]);
    expect(equal.company).toEqual({ score: 75, weighting: 'equal', projects: 2 });
    expect(equal.dimensions.map((dimension: { weight: number }) => dimension.weight)).toEqual([10, 10, 70, 10]);
    expect(equal.dimensions[2].score).toBeCloseTo(75, 10);
    const put = (projectId: string, contractValue: number) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/analytics/projects/${projectId}/targets`,
        headers: { cookie },
        payload: { satisfactionRate: null, nps: null, slaCompliance: null, feeCollectionRate: null, contractValue },
      });
    expect((await put(company.project.id, 3_000_000)).statusCode).toBe(200);
    expect((await put(west.id, 1_000_000)).statusCode).toBe(200);
    // (100 × 3,000,000 + 50 × 1,000,000) / 4,000,000 = 87.5
    expect((await get()).company).toEqual({ score: 87.5, weighting: 'contract_value', projects: 2 });
    await t.close();
  });
});

describe('freshness: a figure is at most 60 s behind the records', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('the background pass shows a new complaint once its period has passed, and period plus pass stays within 60 s', async () => {
    t = await createTestApp();
    t.clock.set('2026-11-25T02:00:00Z');
    const db = t.connection.db;
    const company = await createCompany(db);
    const tenantId = company.tenant.id;
    const quality = await createStaff(db, tenantId, { roles: ['quality'] });
    const cookie = await signIn(t.app, quality.login, quality.password);
    const complaints = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/overview', headers: { cookie } })).json().headline.complaints.count as number;
    const until = async (check: () => Promise<boolean>, ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (await check()) return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return false;
    };
    // Older history, so the first (full) pass recounts month by month.
    for (const month of ['2026-08', '2026-09', '2026-10'])
      await insertTicket(db, tenantId, company.project.id, {
        type: 'complaint',
        householdId: company.household.id,
        reportedAt: new Date(`${month}-10T02:00:00Z`),
      });
    const timer = startAnalyticsTimer(db, t.clock, t.app.log, analyticsPassEveryMs, 20);
    try {
      expect(
        await until(async () => (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/overview', headers: { cookie } })).json().asOf !== null, 10_000),
      ).toBe(true);
      const trend = (await t.app.inject({ method: 'GET', url: '/api/v1/analytics/overview', headers: { cookie } })).json().trendMonths;
      expect(trend.slice(-4).map((row: { figures: { complaints: { count: number } } }) => row.figures.complaints.count)).toEqual([1, 1, 1, 0]);

      await insertTicket(db, tenantId, company.project.id, { type: 'complaint', householdId: company.household.id, reportedAt: t.clock.now() });
      // Within the period the pass waits; the figure has not moved yet.
      expect(await until(async () => (await complaints()) === 1, 300)).toBe(false);
      t.clock.advance(analyticsPassEveryMs);
      const started = Date.now();
      expect(await until(async () => (await complaints()) === 1, 10_000)).toBe(true);
      const passMs = Date.now() - started;
      // The lag: the period after the last pass, plus one pass.
      expect(analyticsPassEveryMs + passMs).toBeLessThanOrEqual(60_000);
    } finally {
      await timer.stop();
    }
  }, 60_000);
});
