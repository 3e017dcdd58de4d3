import { periodOf, periodRange, type Answers } from '@manyi/core';
import { auditLogs, clearRecords, incidents, notices, qaFindings, qaTexts, ticketAlerts, tickets } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createHousehold, createProject, createStaff, signIn, testAppPerFile, type TestApp } from '../../test';
import { runResultsAggregation } from '../results/aggregator';
import { campaignWithTree, insertCompleteResponses, resultsDefinition } from '../results/testing';
import { serviceDesk } from '../tickets/testing';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;
type Card = {
  gap: number;
  key: string;
  size: number | null;
  missing: string | null;
  figures: Record<string, number | null>;
  evidence: { kind: string; link: string | null; detail: string }[];
  evidenceTotal: number;
  trend: { period: string; size: number | null }[];
  swot: { strengths: string; updatedByName: string } | null;
};

/**
 * Owners who perceive 5 everywhere, expect 4 of the facilities (有形度) and 7 of everything else: the tangibles
 * gap is +1, every other item's −2 on the 7-point scale.
 */
function answersOf(count: number): Answers[] {
  return Array.from({ length: count }, () => {
    const answers: Answers = { overall: 4, nps: 8 };
    for (const question of resultsDefinition.questions)
      if (question.type === 'servqual') answers[question.key] = { expectation: question.indicatorCode?.startsWith('tangibles') ? 4 : 7, perception: 5 };
    return answers;
  });
}

describe('5-GAP workspace', () => {
  let t: TestApp;
  let desk: Desk;
  let quality: string;
  let period: string;
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
    const staff = await createStaff(t.connection.db, desk.company.tenant.id, { roles: ['quality'], name: '品质部' });
    quality = await signIn(t.app, staff.login, staff.password);
    period = periodOf(t.clock.now());
  });

  const workspace = async (cookie: string, query = '') => desk.call(cookie, 'GET', `/gaps?projectId=${desk.company.project.id}${query}`);

  it('fills the five gaps from a SERVQUAL wave, an inspection, SLA and promises, with SWOT and questionnaire', async () => {
    const db = t.connection.db;
    const { tenant, project, building } = desk.company;
    const households = await Promise.all(Array.from({ length: 30 }, (_, index) => createHousehold(db, tenant.id, building, `${2001 + index}`)));
    const opened = await campaignWithTree(db, t.clock.now(), tenant.id, households, { name: '四季度服务质量调查' });
    await insertCompleteResponses(
      db,
      t.clock.now(),
      opened.campaign,
      answersOf(30).map((answers, index) => ({ household: households[index]!, answers })),
    );
    await runResultsAggregation(db, t.clock, { tenantIds: [tenant.id] });

    // An inspection that deducts one of the cleaning checklist's two items.
    const round = (await desk.call(quality, 'POST', '/inspections', { projectId: project.id, post: 'cleaning', kind: 'ad_hoc' })).json();
    const [first, second] = round.items as { id: string }[];
    await desk.call(quality, 'PUT', `/inspections/${round.id}/items/${first!.id}`, { result: 'deduct', deduction: 5, note: '大堂地面有污渍' });
    await desk.call(quality, 'PUT', `/inspections/${round.id}/items/${second!.id}`, { result: 'pass' });
    expect((await desk.call(quality, 'POST', `/inspections/${round.id}/submit`, {})).statusCode).toBe(200);

    // A complaint promised for an hour ago and still open, and a visit kept on time.
    const now = t.clock.now();
    const base = { tenantId: tenant.id, projectId: project.id, channel: 'hotline', priority: 'normal', reportedAt: new Date(now.getTime() - 5 * 3_600_000) };
    const [complaint] = await db
      .insert(tickets)
      .values({ ...base, number: 'TS-GAP-1', type: 'complaint', complaintScope: 'individual', status: 'in_progress', title: '电梯噪音投诉' })
      .returning();
    await db.insert(clearRecords).values({ tenantId: tenant.id, ticketId: complaint!.id, promisedAt: new Date(now.getTime() - 3_600_000) });
    await db.insert(tickets).values({
      ...base,
      number: 'TS-GAP-2',
      type: 'repair',
      status: 'in_progress',
      title: '厨房漏水',
      appointmentAt: new Date(now.getTime() - 2 * 3_600_000),
      arrivedAt: new Date(now.getTime() - 2 * 3_600_000 + 10 * 60_000),
    });

    // A repair whose resolution breached its SLA, and a reply that shirked (推诿) the owner.
    const [breached] = await db
      .insert(tickets)
      .values({ ...base, number: 'TS-GAP-3', type: 'repair', status: 'in_progress', title: '地库照明不亮', slaPolicyCode: 'repair' })
      .returning();
    await db
      .insert(ticketAlerts)
      .values({ tenantId: tenant.id, ticketId: breached!.id, projectId: project.id, kind: 'breach', target: 'resolution', level: 0 });
    const [text] = await db
      .insert(qaTexts)
      .values({
        tenantId: tenant.id,
        sourceType: 'ticket_update',
        sourceId: breached!.id,
        ticketId: breached!.id,
        projectId: project.id,
        body: '这不归我们管，您找开发商吧',
        score: 40,
        warmth: 20,
        autoFailed: false,
        redLines: ['shirking'],
      })
      .returning();
    await db.insert(qaFindings).values({
      tenantId: tenant.id,
      textId: text!.id,
      ruleId: 'shirking.not_ours',
      redLine: 'shirking',
      start: 0,
      end: 5,
      excerpt: '这不归我们管',
      why: { 'zh-CN': '推诿', 'en-US': 'Shirking' },
      severity: 'high',
      autoFail: false,
    });

    // Before the managers answered, gap 1 says what it lacks.
    const before = await workspace(desk.manager.cookie);
    expect(before.statusCode, before.body).toBe(200);
    expect((before.json().gaps as Card[])[0]).toMatchObject({ size: null, missing: 'no_questionnaire' });

    const dimensions = before.json().questionnaire.dimensions.map((dimension: { code: string }) => dimension.code);
    expect(dimensions).toEqual(['tangibles', 'professionalism', 'responsiveness', 'reliability', 'empathy']);
    const answered = await desk.call(desk.manager.cookie, 'PUT', '/gaps/questionnaire', {
      projectId: project.id,
      period,
      answers: { tangibles: 6, professionalism: 6, responsiveness: 5, reliability: 6, empathy: 6 },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const swot = await desk.call(desk.manager.cookie, 'PUT', '/gaps/swot', {
      projectId: project.id,
      period,
      gap: 5,
      strengths: '维修技术好',
      weaknesses: '承诺兑现不足',
      opportunities: '',
      threats: '业主期望高',
    });
    expect(swot.statusCode, swot.body).toBe(200);
    expect(swot.json()).toMatchObject({ key: `${project.id}:${period}:5`, updatedByName: '经理张强' });

    const body = (await workspace(desk.manager.cookie)).json();
    expect(body.wave).toMatchObject({ name: '四季度服务质量调查', responses: 30, scalePoints: 7 });
    const gaps = body.gaps as Card[];
    expect(gaps.map((card) => card.key)).toEqual([1, 2, 3, 4, 5].map((gap) => `${project.id}:${period}:${gap}`));
    // Gap 1: owners expect 4, 7, 7, 7, 7; managers predicted 6, 6, 5, 6, 6 → differences +2, −1, −2, −1, −1: mean |·| 1.4, bias −0.6.
    expect(gaps[0]!.size).toBeCloseTo(1.4, 5);
    expect(gaps[0]!.figures.bias).toBeCloseTo(-0.6, 5);
    // Gap 2: expectations above the floor 3, 6, 6, 6, 6 make importance 11.1, 22.2, 22.2, 22.2, 22.2 %; the weights are
    // 20, 20, 25, 20, 15 → 有形度 (+8.9) and 同理度 (−7.2) disagree by more than 5 points.
    expect(gaps[1]!.size).toBe(2);
    expect(gaps[1]!.evidence.map((item) => item.kind)).toEqual(['dimension_weight', 'dimension_weight']);
    // Gap 3: 2 inspection items (1 deducted), 1 SLA ticket (breached), 1 QA'd text (a red line) → 3 of 4 checks failed.
    expect(gaps[2]).toMatchObject({
      size: 75,
      figures: { inspectionItems: 2, inspectionDeducted: 1, inspectionScore: expect.any(Number), slaTickets: 1, slaBreached: 1, qaTexts: 1, redLineTexts: 1 },
      evidenceTotal: 3,
    });
    const evidenceOf = (kind: string) => gaps[2]!.evidence.find((item) => item.kind === kind);
    expect(evidenceOf('inspection_item')).toMatchObject({ link: `/inspections?projectId=${project.id}` });
    expect(evidenceOf('sla_breach')).toMatchObject({ detail: 'SLA 超时：解决', link: `/service-desk/${breached!.id}` });
    expect(evidenceOf('red_line')).toMatchObject({ detail: '触碰红线：推诿', link: `/service-desk/${breached!.id}` });
    // Gap 4: the visit kept, the complaint's promise missed → 50 %.
    expect(gaps[3]).toMatchObject({ size: 50, figures: { kept: 1, missed: 1, clearPromisesMissed: 1 } });
    expect(gaps[3]!.evidence[0]).toMatchObject({ kind: 'clear_promise', link: `/service-desk/${complaint!.id}` });
    // Gap 5: dimension gaps +1, −2, −2, −2, −2 weighted 20, 20, 25, 20, 15 → (20 − 160) / 100 = −1.4.
    expect(gaps[4]).toMatchObject({ size: -1.4, swot: { strengths: '维修技术好', updatedByName: '经理张强' } });
    expect(gaps[4]!.evidence).toHaveLength(5);
    expect(gaps[4]!.trend.map((point) => point.period).at(-1)).toBe(period);
    expect(gaps[4]!.trend.at(-1)!.size).toBe(-1.4);
    expect(body.questionnaire).toMatchObject({ mine: { responsiveness: 5 }, respondents: 1 });
    expect(body.canWrite).toBe(true);

    // Rewriting the SWOT keeps one note and audits before and after.
    await desk.call(desk.manager.cookie, 'PUT', '/gaps/swot', { projectId: project.id, period, gap: 5, strengths: '维修技术过硬' });
    const audits = await db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, tenant.id), eq(auditLogs.entityType, 'gap_swot')));
    expect(audits.map((row) => row.action).sort()).toEqual(['create', 'update']);
    expect((await workspace(quality)).json().gaps[4].swot.strengths).toBe('维修技术过硬');
  });

  it('refuses bad input with clear errors, and keeps other projects and roles out', async () => {
    const { project, tenant } = desk.company;
    const empty = await desk.call(desk.manager.cookie, 'PUT', '/gaps/swot', { projectId: project.id, period, gap: 3 });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('strengths');
    const badGap = await desk.call(desk.manager.cookie, 'PUT', '/gaps/swot', { projectId: project.id, period, gap: 6, strengths: 'x' });
    expect(badGap.statusCode).toBe(400);
    const badPeriod = await workspace(desk.manager.cookie, '&period=2026-13');
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().errors[0].field).toBe('period');
    const future = await desk.call(desk.manager.cookie, 'PUT', '/gaps/swot', { projectId: project.id, period: '2099-Q1', gap: 3, strengths: 'x' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('period');
    const unknown = await desk.call(desk.manager.cookie, 'PUT', '/gaps/questionnaire', { projectId: project.id, period, answers: { price: 5 } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('answers.price');
    const partial = await desk.call(desk.manager.cookie, 'PUT', '/gaps/questionnaire', { projectId: project.id, period, answers: { tangibles: 5 } });
    expect(partial.json().errors[0].field).toBe('answers.professionalism');
    const outOfScale = await desk.call(desk.manager.cookie, 'PUT', '/gaps/questionnaire', { projectId: project.id, period, answers: { tangibles: 9 } });
    expect(outOfScale.statusCode).toBe(400);

    // A manager of another project reads it as missing; a steward may not read gaps at all.
    const other = await createProject(t.connection.db, tenant.id, { name: '别的项目', code: 'OTHERGAP' });
    const stranger = await createStaff(t.connection.db, tenant.id, { roles: ['manager'], projectIds: [other.id] });
    const strangerCookie = await signIn(t.app, stranger.login, stranger.password);
    expect((await workspace(strangerCookie)).statusCode).toBe(404);
    expect((await desk.call(strangerCookie, 'PUT', '/gaps/swot', { projectId: project.id, period, gap: 3, strengths: 'x' })).statusCode).toBe(404);
    expect((await workspace(desk.steward.cookie)).statusCode).toBe(403);
  });

  it('measures gap 4 from outages ended late and works notices told in advance, each linked', async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const project = await createProject(db, tenantId, { name: '三期', code: 'P3GAP4' });
    // Early in the quarter, whatever today is: an outage announced to end at 4 h closed at 6 h (missed).
    const hour = 3_600_000;
    const base = periodRange(period).start.getTime() + 24 * hour;
    const [outage] = await db
      .insert(incidents)
      .values({
        tenantId,
        projectId: project.id,
        kind: 'planned',
        status: 'closed',
        title: '二次供水水箱清洗停水',
        publishedAt: new Date(base),
        startsAt: new Date(base + 2 * hour),
        endsAt: new Date(base + 4 * hour),
        closedAt: new Date(base + 6 * hour),
      })
      .returning();
    const works = (title: string, publishedAt: number, startsAt: number) => ({
      tenantId,
      projectId: project.id,
      kind: 'works',
      title,
      body: `${title}期间请关好窗户`,
      audience: 'project',
      status: 'published',
      createdById: desk.manager.id,
      publishedAt: new Date(publishedAt),
      startsAt: new Date(startsAt),
    });
    // One works notice published the day before the works (kept), one after they had begun (late).
    const [, late] = await db
      .insert(notices)
      .values([works('外墙清洗', base, base + 24 * hour), works('电梯更换', base + 30 * hour, base + 26 * hour)])
      .returning();
    const gaps = (await desk.call(quality, 'GET', `/gaps?projectId=${project.id}&period=${period}`)).json().gaps as {
      size: number | null;
      figures: Record<string, number>;
      evidence: { kind: string; id: string }[];
    }[];
    // 2 of 3 decided promises missed.
    expect(gaps[3]!.size).toBe(66.67);
    expect(gaps[3]!.figures).toMatchObject({ kept: 1, missed: 2, outagesOverrun: 1, noticesLate: 1 });
    expect(gaps[3]!.evidence.map((item) => [item.kind, item.id]).sort()).toEqual(
      [
        ['notice', late!.id],
        ['outage', outage!.id],
      ].sort(),
    );
  });
});
