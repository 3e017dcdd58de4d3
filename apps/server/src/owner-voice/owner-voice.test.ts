import { campaigns, ownerVoiceTexts, surveyResponses, surveys, surveyVersions } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createTestApp, signIn, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';
import { refreshOwnerVoice } from './service';

describe('owner voice: texts analysed into topics and sentiment, the 贬损点 summary and verbatims', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-23T10:00:00Z');
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  it('analyses ticket descriptions once, and counts detractors per topic with the NPS they cost', async () => {
    for (const description of ['电梯又坏了，困了半小时没人管，太差了', '地下车库一直漏水，报了三次都没修好', '楼道保洁很干净，阿姨很负责'])
      expect((await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id, { description }))).statusCode).toBe(201);
    // Survey answers as the background pass stores them: two detractors on the lift, one promoter.
    const survey = (sourceId: string, npsGroup: string, body: string, topics: string[]) => ({
      tenantId: desk.company.tenant.id,
      sourceType: 'survey_answer',
      sourceId,
      projectId: desk.company.project.id,
      npsGroup,
      body,
      polarity: npsGroup === 'detractor' ? 'negative' : 'positive',
      sentiment: npsGroup === 'detractor' ? -2 : 2,
      topics,
      occurredAt: t.clock.now(),
    });
    await t.connection.db
      .insert(ownerVoiceTexts)
      .values([
        survey('r1:q9', 'detractor', '电梯老是坏', ['engineering.elevator']),
        survey('r2:q9', 'detractor', '电梯太旧了', ['engineering.elevator']),
        survey('r3:q9', 'promoter', '管家很贴心', ['service.attitude']),
      ]);
    // The background pass analyses the three ticket descriptions once; a second pass finds nothing new.
    expect(await refreshOwnerVoice(t.connection.db, desk.company.tenant.id)).toBe(3);
    expect(await refreshOwnerVoice(t.connection.db, desk.company.tenant.id)).toBe(0);
    const summary = (await desk.call(desk.admin.cookie, 'GET', '/owner-voice/summary')).json();
    expect(summary.total).toBe(6);
    expect(summary.nps).toBeCloseTo(((1 - 2) / 3) * 100, 0);
    const lift = summary.topics.find((topic: { code: string }) => topic.code === 'engineering.elevator');
    expect(lift).toMatchObject({ byGroup: { detractor: 2, promoter: 0 } });
    expect(lift.npsGain).toBeCloseTo(66.7, 0);
    expect(lift.count).toBeGreaterThanOrEqual(3);
    expect(summary.words.length).toBeGreaterThan(0);
    expect(summary.trend[0].month).toBe('2026-11');
    const verbatims = (await desk.call(desk.admin.cookie, 'GET', '/owner-voice/verbatims?topic=engineering.elevator&group=detractor')).json();
    expect(verbatims.items.map((item: { body: string }) => item.body).sort()).toEqual(['电梯太旧了', '电梯老是坏']);
    // Filters: by project, and by post (the ticket category's department; survey answers carry none).
    expect((await desk.call(desk.admin.cookie, 'GET', `/owner-voice/summary?projectId=${desk.company.project.id}`)).json().total).toBe(6);
    expect((await desk.call(desk.admin.cookie, 'GET', '/owner-voice/summary?post=engineering')).json().total).toBe(3);
    expect((await desk.call(desk.admin.cookie, 'GET', '/owner-voice/summary?post=fees')).json()).toMatchObject({ total: 0, topics: [] });
    expect((await desk.call(desk.steward.cookie, 'GET', '/owner-voice/summary')).statusCode).toBe(403);
    const other = await createCompany(t.connection.db, '别家物业');
    const cookie = await signIn(t.app, other.admin.login, other.admin.password);
    expect((await desk.call(cookie, 'GET', '/owner-voice/summary')).json()).toMatchObject({ total: 0, topics: [] });
  });

  it("reads the text answers of complete survey responses with the response's NPS group, once", async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const [survey] = await db.insert(surveys).values({ tenantId, name: '年度满意度' }).returning();
    const definition = {
      title: { 'zh-CN': '年度满意度', 'en-US': 'Annual' },
      questions: [
        { key: 'nps', type: 'nps', required: true, title: { 'zh-CN': '推荐', 'en-US': 'NPS' } },
        { key: 'why', type: 'text', required: false, maxLength: 500, title: { 'zh-CN': '原因', 'en-US': 'Why' } },
      ],
    };
    await db.insert(surveyVersions).values({ tenantId, surveyId: survey!.id, version: 1, definition });
    const [wave] = await db
      .insert(campaigns)
      .values({ tenantId, surveyId: survey!.id, surveyVersion: 1, name: '2026 年度', population: {}, sampling: {} })
      .returning();
    const response = (answers: object, status = 'complete') => ({
      tenantId,
      campaignId: wave!.id,
      surveyVersion: 1,
      projectId: desk.company.project.id,
      source: 'paper',
      status,
      answers,
      startedAt: t.clock.now(),
      submittedAt: t.clock.now(),
    });
    await db
      .insert(surveyResponses)
      .values([response({ nps: 3, why: '停车位太少，晚上根本停不下' }), response({ nps: 10 }), response({ nps: 2, why: '垃圾没人清' }, 'partial')]);
    expect(await refreshOwnerVoice(db, tenantId)).toBe(2);
    expect(await refreshOwnerVoice(db, tenantId)).toBe(0);
    const rows = await db
      .select()
      .from(ownerVoiceTexts)
      .where(and(eq(ownerVoiceTexts.tenantId, tenantId), eq(ownerVoiceTexts.campaignId, wave!.id)));
    expect(rows.map((row) => [row.npsGroup, row.body]).sort()).toEqual([
      ['detractor', '停车位太少，晚上根本停不下'],
      ['promoter', ''],
    ]);
    expect(rows.find((row) => row.body)!.topics).toContain('order.parking');
    const summary = (await desk.call(desk.admin.cookie, 'GET', `/owner-voice/summary?campaignId=${wave!.id}`)).json();
    expect(summary).toMatchObject({ total: 1, nps: 0 });
    expect(summary.topics.find((topic: { code: string }) => topic.code === 'order.parking')).toMatchObject({ npsGain: 50 });
  });
});
