import { peakEndFromAnswers } from '@manyi/core';
import { campaigns, returnVisits, surveyResultCounts, tickets } from '@manyi/db';
import { eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { createCompany, createProject, createStaff, signIn, testAppPerFile, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('journey maps: versions, validation, live data per touchpoint', () => {
  let t: TestApp;
  let desk: Desk;
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
  });
  const start = async () => {
    const created = await desk.call(desk.admin.cookie, 'POST', '/journeys', { name: '住宅业主旅程', projectType: 'residential' });
    expect(created.statusCode).toBe(201);
    return created.json();
  };

  it('starts at 1.0 from the starter map, refuses a touchpoint without a post or standard, and freezes a published version', async () => {
    const journey = await start();
    expect(journey.versions).toHaveLength(1);
    expect(journey.versions[0]).toMatchObject({ number: 1, status: 'draft' });
    const content = journey.versions[0].content;
    expect(content.touchpoints.some((touchpoint: { peak: boolean }) => touchpoint.peak)).toBe(true);

    const broken = structuredClone(content);
    broken.touchpoints[2].post = null;
    broken.touchpoints[3].standard = '';
    const refused = await desk.call(desk.admin.cookie, 'PUT', `/journeys/${journey.id}/versions/1`, { content: broken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((error: { field: string; messages: { 'zh-CN': string } }) => [error.field, error.messages['zh-CN']])).toEqual([
      ['content.touchpoints.2.post', '触点必须指定岗位'],
      ['content.touchpoints.3.standard', '触点必须写明服务标准'],
    ]);
    const twoPeaks = structuredClone(content);
    for (const touchpoint of twoPeaks.touchpoints) if (touchpoint.stage === 'repair') touchpoint.peak = true;
    expect((await desk.call(desk.admin.cookie, 'PUT', `/journeys/${journey.id}/versions/1`, { content: twoPeaks })).json().errors[0].messages['zh-CN']).toBe(
      '同一阶段只能设计一个峰值时刻',
    );

    const renamed = structuredClone(content);
    renamed.touchpoints[0].name = '交房陪同验房';
    expect((await desk.call(desk.admin.cookie, 'PUT', `/journeys/${journey.id}/versions/1`, { content: renamed })).statusCode).toBe(200);
    expect((await desk.call(desk.admin.cookie, 'POST', `/journeys/${journey.id}/versions/1/publish`)).json().versions[0]).toMatchObject({
      status: 'published',
    });
    const edited = await desk.call(desk.admin.cookie, 'PUT', `/journeys/${journey.id}/versions/1`, { content });
    expect(edited.statusCode).toBe(409);
    expect(edited.json().code).toBe('journey_version_published');

    expect((await desk.call(desk.admin.cookie, 'POST', `/journeys/${journey.id}/versions`, {})).statusCode).toBe(400);
    const next = await desk.call(desk.admin.cookie, 'POST', `/journeys/${journey.id}/versions`, { changeNote: '增加雨天送伞的感动点' });
    expect(next.statusCode).toBe(201);
    expect(next.json().versions.map((version: { number: number; status: string }) => [version.number, version.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect(next.json().versions[0].content.touchpoints[0].name).toBe('交房陪同验房');
    expect((await desk.call(desk.admin.cookie, 'POST', `/journeys/${journey.id}/versions`, { changeNote: '再来一个' })).statusCode).toBe(409);
    expect(next.json()).toMatchObject({ latestNumber: 2, publishedNumber: 1 });
  });

  it("shows each touchpoint's tickets, missed deadlines, CSAT beside the peak-end score, recalled moments and survey 满意率", async () => {
    const journey = await start();
    const created = [];
    for (let index = 0; index < 6; index += 1)
      created.push((await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id))).json());
    const ids = created.map((ticket: { id: string }) => ticket.id);
    const db = t.connection.db;
    await db
      .update(tickets)
      .set({ resolutionMet: false })
      .where(inArray(tickets.id, ids.slice(0, 2)));
    await db
      .update(tickets)
      .set({ resolutionMet: true })
      .where(inArray(tickets.id, ids.slice(2)));
    const ratings = [
      [2, 1, 3],
      [3, 2, 4],
      [4, 5, 4],
      [5, null, 5],
      [4, 4, 5],
    ] as const;
    await db.insert(returnVisits).values(
      ratings.map(([csat, peak, end], index) => ({
        tenantId: desk.company.tenant.id,
        ticketId: ids[index]!,
        method: 'phone',
        outcome: 'confirmed',
        csat,
        peakRating: peak,
        endRating: end,
        peakMoment: index === 0 ? '等了三天才上门' : null,
        endMoment: index === 2 ? '修完把地拖干净了' : null,
        visitorKind: 'staff',
        at: t.clock.now(),
      })),
    );
    const campaignId = uuidv7();
    await db.insert(campaigns).values({
      id: campaignId,
      tenantId: desk.company.tenant.id,
      surveyId: uuidv7(),
      surveyVersion: 1,
      name: '年度调查',
      status: 'closed',
      population: {},
      sampling: {},
      opensAt: t.clock.now(),
    });
    const cell = {
      tenantId: desk.company.tenant.id,
      campaignId,
      projectId: desk.company.project.id,
      buildingId: desk.company.building.id,
      questionKey: 'engineering',
      item: 'timeliness',
    };
    await db.insert(surveyResultCounts).values([
      { ...cell, value: 5, count: 6 },
      { ...cell, value: 4, count: 3 },
      { ...cell, value: 2, count: 6 },
      { ...cell, value: -1, count: 9 },
      { ...cell, item: 'quality', value: 1, count: 40 },
    ]);

    const live = await desk.call(desk.steward.cookie, 'GET', `/journeys/${journey.id}/versions/1/live?days=30`);
    expect(live.statusCode).toBe(200);
    const body = live.json();
    expect(body.projectIds).toEqual([desk.company.project.id]);
    expect(body.stages.map((stage: { stage: string }) => stage.stage)).toEqual(['move_in', 'decoration', 'daily', 'repair', 'complaint', 'payment', 'renewal']);
    const visit = body.touchpoints.find((touchpoint: { id: string }) => touchpoint.id === 'repair-visit');
    const rated = ratings.filter(([, peak, end]) => peak !== null && end !== null);
    expect(visit).toMatchObject({
      tickets: 6,
      slaMissedRate: 2 / 6,
      visits: 5,
      csatAverage: (2 + 3 + 4 + 5 + 4) / 5,
      peakEndRated: rated.length,
      surveyAnswers: 15,
      surveySatisfaction: 9 / 15,
      peakMoments: ['等了三天才上门'],
      endMoments: ['修完把地拖干净了'],
      health: 'weak',
    });
    // The SQL average of (peak + end)/2 is core's peak-end score averaged over the visits rated on both.
    const expected = rated.reduce((sum, [, peak, end]) => sum + peakEndFromAnswers(peak, end)!, 0) / rated.length;
    expect(visit.peakEndScore).toBeCloseTo(expected, 10);
    expect(body.touchpoints.find((touchpoint: { id: string }) => touchpoint.id === 'handover')).toMatchObject({ tickets: 0, health: 'no_data' });
    // Tickets reported before the period are left out.
    await db
      .update(tickets)
      .set({ reportedAt: new Date(t.clock.now().getTime() - 60 * 24 * 3600 * 1000) })
      .where(eq(tickets.id, ids[5]!));
    const later = (await desk.call(desk.steward.cookie, 'GET', `/journeys/${journey.id}/versions/1/live?days=30`)).json();
    expect(later.touchpoints.find((item: { id: string }) => item.id === 'repair-visit').tickets).toBe(5);
  });

  it('lets every staff member read, only the quality department edit; other companies and projects see nothing', async () => {
    const journey = await start();
    expect((await desk.call(desk.steward.cookie, 'GET', `/journeys/${journey.id}`)).statusCode).toBe(200);
    expect((await desk.call(desk.steward.cookie, 'POST', '/journeys', { name: 'x', projectType: 'office' })).statusCode).toBe(403);
    expect((await desk.call(desk.manager.cookie, 'PUT', `/journeys/${journey.id}/versions/1`, { content: journey.versions[0].content })).statusCode).toBe(403);

    const elsewhere = await createProject(t.connection.db, desk.company.tenant.id, { name: '别的项目' });
    const own = (await desk.call(desk.admin.cookie, 'POST', '/journeys', { name: '别的项目旅程', projectType: 'residential', projectId: elsewhere.id })).json();
    expect((await desk.call(desk.steward.cookie, 'GET', `/journeys/${own.id}`)).statusCode).toBe(404);
    expect((await desk.call(desk.steward.cookie, 'GET', '/journeys')).json().items.some((item: { id: string }) => item.id === own.id)).toBe(false);

    const other = await createCompany(t.connection.db, '别家物业');
    const otherAdmin = await signIn(t.app, other.admin.login, other.admin.password);
    const call = (cookie: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });
    expect((await call(otherAdmin, 'GET', `/journeys/${journey.id}`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'PUT', `/journeys/${journey.id}/versions/1`, { content: journey.versions[0].content })).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', `/journeys/${journey.id}/versions/1/live`)).statusCode).toBe(404);
    const quality = await createStaff(t.connection.db, other.tenant.id, { roles: ['quality'] });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/journeys',
          headers: { cookie: await signIn(t.app, quality.login, quality.password) },
          payload: { name: 'x', projectType: 'residential', projectId: desk.company.project.id },
        })
      ).statusCode,
    ).toBe(422);
  });
});
