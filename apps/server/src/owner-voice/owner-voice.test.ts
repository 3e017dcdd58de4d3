import { ownerVoiceTexts } from '@manyi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createTestApp, signIn, type TestApp } from '../../test';
import { repairBody, serviceDesk } from '../tickets/testing';

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
    const summary = (await desk.call(desk.admin.cookie, 'GET', '/owner-voice/summary')).json();
    expect(summary.total).toBe(6);
    expect(summary.nps).toBeCloseTo(((1 - 2) / 3) * 100, 0);
    const lift = summary.topics.find((topic: { code: string }) => topic.code === 'engineering.elevator');
    expect(lift).toMatchObject({ byGroup: { detractor: 2, promoter: 0 } });
    expect(lift.npsGain).toBeCloseTo(66.7, 0);
    expect(lift.count).toBeGreaterThanOrEqual(3);
    expect(summary.words.length).toBeGreaterThan(0);
    expect(summary.trend[0].month).toBe('2026-11');
    // A second read analyses nothing twice.
    expect((await desk.call(desk.admin.cookie, 'GET', '/owner-voice/summary')).json().total).toBe(6);
    const verbatims = (await desk.call(desk.admin.cookie, 'GET', '/owner-voice/verbatims?topic=engineering.elevator&group=detractor')).json();
    expect(verbatims.items.map((item: { body: string }) => item.body).sort()).toEqual(['电梯太旧了', '电梯老是坏']);
    expect((await desk.call(desk.steward.cookie, 'GET', '/owner-voice/summary')).statusCode).toBe(403);
    const other = await createCompany(t.connection.db, '别家物业');
    const cookie = await signIn(t.app, other.admin.login, other.admin.password);
    expect((await desk.call(cookie, 'GET', '/owner-voice/summary')).json()).toMatchObject({ total: 0, topics: [] });
  });
});
