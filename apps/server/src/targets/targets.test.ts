import { feeCollections, qaTexts, regions, tickets } from '@manyi/db';
import { shanghaiDate } from '@manyi/core';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { createBuilding, createHousehold, createProject, createStaff, signIn, testAppPerFile, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('SMART targets', () => {
  let t: TestApp;
  let desk: Desk;
  let quality: string;
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
    const staff = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'], name: '品质部' });
    quality = await signIn(t.app, staff.login, staff.password);
  });

  const period = { periodStart: '2027-01-01', periodEnd: '2027-04-01' };

  it('sets a SMART target, refuses one that is not, decomposes it to two teams that add up, and records the commitment', async () => {
    const projectId = desk.company.project.id;
    const noBaseline = await desk.call(desk.manager.cookie, 'POST', '/targets', {
      metric: 'satisfaction',
      scopeKind: 'project',
      projectId,
      ...period,
      value: 90,
    });
    expect(noBaseline.statusCode).toBe(422);
    expect(noBaseline.json().code).toBe('target_not_smart');
    expect(noBaseline.json().errors[0].field).toBe('baseline');
    const late = await desk.call(desk.manager.cookie, 'POST', '/targets', {
      metric: 'satisfaction',
      scopeKind: 'project',
      projectId,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-01',
      value: 90,
      baseline: 85,
    });
    expect(late.json().errors.map((error: { field: string }) => error.field)).toContain('periodEnd');

    const created = await desk.call(desk.manager.cookie, 'POST', '/targets', {
      metric: 'satisfaction',
      scopeKind: 'project',
      projectId,
      ...period,
      value: 90,
      baseline: 85,
    });
    expect(created.statusCode, created.body).toBe(201);
    const target = created.json();
    expect(target.smart.every((criterion: { passed: boolean }) => criterion.passed)).toBe(true);

    const overlapping = await desk.call(desk.manager.cookie, 'POST', '/targets', {
      metric: 'satisfaction',
      scopeKind: 'project',
      projectId,
      periodStart: '2027-03-01',
      periodEnd: '2027-06-01',
      value: 91,
      baseline: 85,
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().code).toBe('target_period_overlap');

    const short = await desk.call(desk.manager.cookie, 'POST', `/targets/${target.id}/decompose`, {
      basis: 'sample',
      children: [
        { scopeKind: 'team', projectId, post: 'steward', value: 88, weight: 300 },
        { scopeKind: 'team', projectId, post: 'engineering', value: 92, weight: 100 },
      ],
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().code).toBe('target_does_not_add_up');
    const noWeight = await desk.call(desk.manager.cookie, 'POST', `/targets/${target.id}/decompose`, {
      basis: 'sample',
      children: [{ scopeKind: 'team', projectId, post: 'steward', value: 95 }],
    });
    expect(noWeight.json().errors[0].field).toBe('children.0.weight');

    const split = await desk.call(desk.manager.cookie, 'POST', `/targets/${target.id}/decompose`, {
      basis: 'sample',
      children: [
        { scopeKind: 'team', projectId, post: 'steward', value: 91, weight: 300 },
        { scopeKind: 'team', projectId, post: 'engineering', value: 88, weight: 100 },
      ],
    });
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().items.map((item: { value: number; weight: number }) => [item.value, item.weight])).toEqual([
      [91, 300],
      [88, 100],
    ]);

    const committed = await desk.call(desk.manager.cookie, 'POST', `/targets/${target.id}/commit`, { statement: '一季度满意率达到 90%，全力以赴' });
    expect(committed.json()).toMatchObject({ commitment: '一季度满意率达到 90%，全力以赴', committedByName: '经理张强' });
    expect((await desk.call(desk.manager.cookie, 'POST', `/targets/${target.id}/commit`, { statement: '再说一次' })).statusCode).toBe(409);

    const list = (await desk.call(desk.steward.cookie, 'GET', '/targets')).json().items;
    expect(list).toHaveLength(3);
    const teams = list.filter((item: { parentId: string | null }) => item.parentId === target.id);
    expect(teams).toHaveLength(2);
    // A team's scope reads as its project and its post's name, not the post's code.
    expect(teams.map((item: { scopeName: string }) => item.scopeName.split(' · ')[1]).sort()).toEqual(['客服管家', '工程维修'].sort());
  });

  it('decomposes a company target by household counts, and keeps company targets to company-wide roles', async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const second = await createProject(db, tenantId, { name: '二期', code: 'P2TARGET' });
    const building = await createBuilding(db, tenantId, second.id, '1');
    for (const room of ['101', '102', '103']) await createHousehold(db, tenantId, building, room);
    const managerTry = await desk.call(desk.manager.cookie, 'POST', '/targets', { metric: 'nps', scopeKind: 'company', ...period, value: 30, baseline: 25 });
    expect(managerTry.statusCode).toBe(403);
    const company = (
      await desk.call(quality, 'POST', '/targets', { metric: 'complaints_per_1000', scopeKind: 'company', ...period, value: 5, baseline: 6 })
    ).json();
    const split = await desk.call(quality, 'POST', `/targets/${company.id}/decompose`, {
      basis: 'households',
      children: [
        { scopeKind: 'project', projectId: desk.company.project.id, value: 8 },
        { scopeKind: 'project', projectId: second.id, value: 4 },
      ],
    });
    // One household at 8 and three at 4: (8 + 12) / 4 = 5.
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().items.map((item: { weight: number }) => item.weight)).toEqual([1, 3]);
  });

  it("shows live progress from the records a scope owns: a project's 收缴率 and red-line rate, a person's and a team's SLA and red lines", async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const projectId = desk.company.project.id;
    const now = t.clock.now();
    const month = `${shanghaiDate(now).slice(0, 7)}-01`;
    const periodEnd = new Date(now.getTime() + 80 * 86_400_000).toISOString().slice(0, 10);
    const live = { periodStart: month, periodEnd };
    const hourAgo = new Date(now.getTime() - 3_600_000);
    await db.insert(feeCollections).values({ tenantId, projectId, month, receivable: 200_000, received: 190_000 });
    // Four staff texts this period: one of the steward's three crossed a red line; the technician's did not.
    const text = (authorId: string, redLines: string[]) => ({
      tenantId,
      sourceType: 'ticket_update',
      sourceId: uuidv7(),
      projectId,
      authorId,
      body: '已安排师傅上门',
      score: redLines.length ? 40 : 90,
      warmth: 60,
      autoFailed: redLines.length > 0,
      redLines,
      createdAt: hourAgo,
    });
    await db.insert(qaTexts).values([text(desk.steward.id, ['shirking']), text(desk.steward.id, []), text(desk.steward.id, []), text(desk.technician.id, [])]);
    // Tickets the stewards resolved this period: the steward two on time and one late, the hotline agent one on time.
    const resolved = (assigneeId: string, met: boolean, n: number) => ({
      tenantId,
      projectId,
      number: `LIVE-${n}`,
      type: 'repair',
      channel: 'hotline',
      priority: 'normal',
      status: 'resolved',
      title: '漏水',
      assigneeId,
      reportedAt: hourAgo,
      resolvedAt: hourAgo,
      resolutionMet: met,
    });
    await db
      .insert(tickets)
      .values([resolved(desk.steward.id, true, 1), resolved(desk.steward.id, true, 2), resolved(desk.steward.id, false, 3), resolved(desk.agent.id, true, 4)]);

    const create = async (body: object) => {
      const response = await desk.call(desk.manager.cookie, 'POST', '/targets', { ...live, ...body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    };
    const fees = await create({ metric: 'fee_collection', scopeKind: 'project', projectId, value: 97, baseline: 94 });
    const projectRedLines = await create({ metric: 'red_line_rate', scopeKind: 'project', projectId, value: 10, baseline: 30 });
    const personRedLines = await create({ metric: 'red_line_rate', scopeKind: 'person', projectId, staffId: desk.steward.id, value: 10, baseline: 40 });
    const personSla = await create({ metric: 'sla', scopeKind: 'person', projectId, staffId: desk.steward.id, value: 90, baseline: 60 });
    const teamSla = await create({ metric: 'sla', scopeKind: 'team', projectId, post: 'steward', value: 90, baseline: 70 });
    const teamNps = await create({ metric: 'nps', scopeKind: 'team', projectId, post: 'steward', value: 40, baseline: 30 });

    const list = (await desk.call(desk.manager.cookie, 'GET', `/targets?projectId=${projectId}`)).json().items as {
      id: string;
      actual: number | null;
      progress: number | null;
    }[];
    const actual = (target: { id: string }) => list.find((item) => item.id === target.id)!.actual;
    expect(actual(fees)).toBe(95);
    expect(actual(projectRedLines)).toBe(25);
    expect(actual(personRedLines)).toBe(33.33);
    expect(actual(personSla)).toBe(66.67);
    expect(actual(teamSla)).toBe(75);
    // Survey answers belong to buildings, not to a team: no live value rather than a borrowed one.
    expect(actual(teamNps)).toBeNull();
    // Progress runs from the baseline to the target: 收缴率 94 → 97, now 95.
    expect(list.find((item) => item.id === fees.id)!.progress).toBeCloseTo(1 / 3, 2);
  });

  it("judges 'achievable' against the last four periods of the target's length, from the same records as its progress", async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const projectId = desk.company.project.id;
    const day = 86_400_000;
    const start = new Date(`${t.clock.now().toISOString().slice(0, 10)}T00:00:00Z`);
    const length = 30 * day;
    // The hotline agent's red-line rate in the four 30-day periods before: 20 %, 30 %, 20 %, 30 % (10 texts each).
    const rates = [2, 3, 2, 3];
    for (const [index, crossed] of rates.entries()) {
      const at = new Date(start.getTime() - (4 - index) * length + day);
      await db.insert(qaTexts).values(
        Array.from({ length: 10 }, (_, n) => ({
          tenantId,
          sourceType: 'ticket_update',
          sourceId: uuidv7(),
          projectId,
          authorId: desk.agent.id,
          body: '请您稍等',
          score: 80,
          warmth: 60,
          autoFailed: false,
          redLines: n < crossed ? ['impatient'] : [],
          createdAt: at,
        })),
      );
    }
    const target = (value: number) =>
      desk.call(desk.manager.cookie, 'POST', '/targets', {
        metric: 'red_line_rate',
        scopeKind: 'person',
        projectId,
        staffId: desk.agent.id,
        periodStart: start.toISOString().slice(0, 10),
        periodEnd: new Date(start.getTime() + length).toISOString().slice(0, 10),
        value,
        baseline: 25,
      });
    // The rate moved 10 points a period, so a step of 25 is too far; one of 15 is not.
    const tooFar = await target(0);
    expect(tooFar.statusCode).toBe(422);
    expect(tooFar.json().errors).toContainEqual(
      expect.objectContaining({ field: 'value', messages: expect.objectContaining({ 'en-US': expect.stringContaining('Too far') }) }),
    );
    expect((await target(10)).statusCode).toBe(201);
  });

  it('measures a region target over the projects of the region only', async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const [region] = await db.insert(regions).values({ tenantId, name: '华北区域' }).returning();
    const inside = await createProject(db, tenantId, { name: '北一', code: 'N1REGION', regionId: region!.id });
    const outside = await createProject(db, tenantId, { name: '南一', code: 'S1REGION' });
    const month = `${shanghaiDate(t.clock.now()).slice(0, 7)}-01`;
    await db.insert(feeCollections).values([
      { tenantId, projectId: inside.id, month, receivable: 100_000, received: 80_000 },
      { tenantId, projectId: outside.id, month, receivable: 100_000, received: 100_000 },
    ]);
    const created = await desk.call(quality, 'POST', '/targets', {
      metric: 'fee_collection',
      scopeKind: 'region',
      regionId: region!.id,
      periodStart: month,
      periodEnd: new Date(t.clock.now().getTime() + 60 * 86_400_000).toISOString().slice(0, 10),
      value: 90,
      baseline: 85,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ scopeName: '华北区域', actual: 80 });
  });
});
