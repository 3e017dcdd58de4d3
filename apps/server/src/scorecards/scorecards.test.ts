import { delightMoments, learningRecords, qaFindings, qaReviews, qaTexts, returnVisits, tickets } from '@manyi/db';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';
import { runScoreRefresh } from './rollup';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('scorecards (issue 18 §4)', () => {
  let t: TestApp;
  let desk: Desk;
  const ids: Record<string, string> = {};
  let counter = 0;

  const ticket = async (assigneeId: string, met: boolean) => {
    const at = t.clock.now();
    const [row] = await t.connection.db
      .insert(tickets)
      .values({
        tenantId: desk.company.tenant.id,
        projectId: desk.company.project.id,
        number: `BX-T-${++counter}`,
        type: 'repair',
        channel: 'hotline',
        priority: 'normal',
        status: 'resolved',
        title: `水管漏水 ${counter}`,
        assigneeId,
        reportedAt: new Date(at.getTime() - 3_600_000),
        resolvedAt: at,
        resolutionMet: met,
      })
      .returning();
    return row!;
  };
  const refresh = () => runScoreRefresh(t.connection.db, t.clock, { tenantIds: [desk.company.tenant.id] });

  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const steward = desk.steward.id;
    const met = await ticket(steward, true);
    const late = await ticket(steward, false);
    ids.met = met.id;
    ids.late = late.id;
    await ticket(desk.technician.id, true);
    const [visit] = await db
      .insert(returnVisits)
      .values({ tenantId, ticketId: met.id, method: 'phone', outcome: 'confirmed', csat: 5, visitorKind: 'staff', at: t.clock.now() })
      .returning();
    ids.visit = visit!.id;
    const [moment] = await db
      .insert(delightMoments)
      .values({
        tenantId,
        projectId: desk.company.project.id,
        staffId: steward,
        recordedById: desk.manager.id,
        description: '雨天帮业主收衣服',
        source: 'staff',
        occurredAt: t.clock.now(),
        rewardPoints: 4,
        rewardedById: desk.manager.id,
        rewardedAt: t.clock.now(),
      })
      .returning();
    ids.moment = moment!.id;
    await db.insert(learningRecords).values({ tenantId, staffId: steward, kind: 'lesson', subjectKey: 'clear', itemKey: 'l1' });
    await db.insert(learningRecords).values({ tenantId, staffId: steward, kind: 'quiz', subjectKey: 'clear', passed: false, score: 40 });
    const [text] = await db
      .insert(qaTexts)
      .values({
        tenantId,
        sourceType: 'ticket_update',
        sourceId: late.id,
        ticketId: late.id,
        projectId: desk.company.project.id,
        authorId: steward,
        body: '这不归我们管',
        score: 0,
        warmth: 0,
        autoFailed: true,
        redLines: ['shirking'],
      })
      .returning();
    const [finding] = await db
      .insert(qaFindings)
      .values({
        tenantId,
        textId: text!.id,
        ruleId: 'shirking.not_ours',
        redLine: 'shirking',
        start: 0,
        end: 6,
        excerpt: '这不归我们管',
        why: { 'zh-CN': '推诿', 'en-US': 'Shirking' },
        severity: 'high',
        autoFail: true,
      })
      .returning();
    ids.finding = finding!.id;
    await refresh();
  });

  it('sums the points from the records (加分 and 扣分) and lists every record behind them', async () => {
    const card = await desk.call(desk.steward.cookie, 'GET', '/scorecards/me');
    expect(card.statusCode, card.body).toBe(200);
    // +2 on time, −3 late, +1 confirmed, +2 rated 5, +4 感动点, +1 lesson, −5 red line; the failed quiz earns nothing.
    expect(card.json()).toMatchObject({ name: '管家王丽', total: 2, bonus: 10, deduction: -8 });
    expect(card.json().byKind).toEqual([
      { kind: 'sla_met', events: 1, points: 2 },
      { kind: 'sla_missed', events: 1, points: -3 },
      { kind: 'visit_confirmed', events: 1, points: 1 },
      { kind: 'rating_high', events: 1, points: 2 },
      { kind: 'red_line', events: 1, points: -5 },
      { kind: 'delight', events: 1, points: 4 },
      { kind: 'training_lesson', events: 1, points: 1 },
    ]);
    expect(card.json().ranks).toEqual([{ projectId: desk.company.project.id, projectName: expect.any(String), rank: 1, n: 5 }]);
    expect(card.json().trend).toHaveLength(6);

    const points = (await desk.call(desk.steward.cookie, 'GET', `/scorecards/staff/${desk.steward.id}/points`)).json().items;
    expect(points).toHaveLength(7);
    expect(points.find((point: { kind: string }) => point.kind === 'sla_met')).toMatchObject({
      recordType: 'ticket',
      recordId: ids.met,
      ticketId: ids.met,
      ticketNumber: 'BX-T-1',
      points: 2,
    });
    expect(points.find((point: { kind: string }) => point.kind === 'red_line')).toMatchObject({
      recordType: 'finding',
      recordId: ids.finding,
      ticketId: ids.late,
      points: -5,
    });
    expect(points.find((point: { kind: string }) => point.kind === 'delight')).toMatchObject({ recordType: 'moment', recordId: ids.moment, points: 4 });
    const total = points.reduce((sum: number, point: { points: number }) => sum + point.points, 0);
    expect(total).toBe(card.json().total);
  });

  it('lets a person object to a point once; a manager upholds it and the point stops counting at once', async () => {
    const body = { kind: 'sla_missed', recordId: ids.late, reason: '业主要求改约到周末,不是我拖延' };
    const raised = await desk.call(desk.steward.cookie, 'POST', '/scorecards/objections', body);
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json()).toMatchObject({ status: 'open', points: -3, staffName: '管家王丽' });
    const twice = await desk.call(desk.steward.cookie, 'POST', '/scorecards/objections', body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('score_objection_exists');
    expect((await desk.call(desk.steward.cookie, 'POST', '/scorecards/objections', { ...body, kind: 'sla_met' })).statusCode).toBe(422);
    expect((await desk.call(desk.technician.cookie, 'POST', '/scorecards/objections', body)).statusCode).toBe(422);

    const id = raised.json().id;
    expect((await desk.call(desk.steward.cookie, 'POST', `/scorecards/objections/${id}/resolve`, { decision: 'upheld', resolution: '同意' })).statusCode).toBe(
      403,
    );
    expect((await desk.call(desk.manager.cookie, 'GET', '/scorecards/objections?status=open')).json().items.map((item: { id: string }) => item.id)).toEqual([
      id,
    ]);
    const resolved = await desk.call(desk.manager.cookie, 'POST', `/scorecards/objections/${id}/resolve`, { decision: 'upheld', resolution: '核实为业主改约' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'upheld', resolution: '核实为业主改约' });
    expect(
      (await desk.call(desk.manager.cookie, 'POST', `/scorecards/objections/${id}/resolve`, { decision: 'dismissed', resolution: '再改' })).statusCode,
    ).toBe(409);

    expect((await desk.call(desk.steward.cookie, 'GET', '/scorecards/me')).json().total).toBe(5);
    await refresh();
    expect((await desk.call(desk.steward.cookie, 'GET', '/scorecards/me')).json().total).toBe(5);
    const late = (await desk.call(desk.steward.cookie, 'GET', `/scorecards/staff/${desk.steward.id}/points?kind=sla_missed`)).json().items[0];
    expect(late.objection).toMatchObject({ status: 'upheld' });
  });

  it("keeps others' cards to reviewers in scope and ranks people, teams and projects with n", async () => {
    expect((await desk.call(desk.steward.cookie, 'GET', `/scorecards/staff/${desk.technician.id}`)).statusCode).toBe(404);
    expect((await desk.call(desk.manager.cookie, 'GET', `/scorecards/staff/${desk.steward.id}`)).json().total).toBeGreaterThan(0);
    expect((await desk.call(desk.steward.cookie, 'GET', `/scorecards/projects/${desk.company.project.id}/ranking`)).statusCode).toBe(403);

    const ranking = (await desk.call(desk.manager.cookie, 'GET', `/scorecards/projects/${desk.company.project.id}/ranking`)).json();
    expect(ranking.n).toBe(5);
    expect(ranking.rows[0]).toMatchObject({ rank: 1, name: '管家王丽' });
    expect(ranking.rows[1]).toMatchObject({ rank: 2, name: '师傅刘工', points: 2 });
    const teams = (await desk.call(desk.manager.cookie, 'GET', `/scorecards/projects/${desk.company.project.id}/ranking?by=team`)).json();
    expect(teams.rows.find((row: { key: string }) => row.key === 'engineering')).toMatchObject({ n: 2, points: 1 });

    const company = (await desk.call(desk.admin.cookie, 'GET', '/scorecards/ranking')).json();
    expect(company.rows).toEqual([expect.objectContaining({ rank: 1, projectId: desk.company.project.id, n: 5, small: false })]);
  });

  it('applies the company weights, refusing a bonus made into a deduction', async () => {
    expect((await desk.call(desk.manager.cookie, 'PUT', '/scorecards/rules', { weights: { sla_met: 3 } })).statusCode).toBe(403);
    const wrong = await desk.call(desk.admin.cookie, 'PUT', '/scorecards/rules', { weights: { sla_met: -3 } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('weights.sla_met');
    expect((await desk.call(desk.admin.cookie, 'PUT', '/scorecards/rules', { weights: { sla_met: 99 } })).statusCode).toBe(400);
    const before = (await desk.call(desk.steward.cookie, 'GET', '/scorecards/me')).json().total;
    expect((await desk.call(desk.admin.cookie, 'PUT', '/scorecards/rules', { weights: { sla_met: 4 } })).statusCode).toBe(200);
    expect((await desk.call(desk.steward.cookie, 'GET', '/scorecards/me')).json().total).toBe(before + 2);
  });

  it('shows a new record after the next pass of the rollup', async () => {
    const before = (await desk.call(desk.technician.cookie, 'GET', '/scorecards/me')).json();
    await ticket(desk.technician.id, true);
    await refresh();
    const after = (await desk.call(desk.technician.cookie, 'GET', '/scorecards/me')).json();
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.countedAt).not.toBeNull();
  });

  it('counts a reviewed text: 90 or more is a bonus, under 60 a deduction, each linked to its review', async () => {
    const db = t.connection.db;
    const tenantId = desk.company.tenant.id;
    const texts = await db
      .insert(qaTexts)
      .values(
        ['已为您安排师傅今天下午三点上门，到时提前电话联系您', '等着吧', '好的'].map((body) => ({
          tenantId,
          sourceType: 'ticket_update',
          sourceId: uuidv7(),
          projectId: desk.company.project.id,
          authorId: desk.technician2.id,
          body,
          score: 80,
          warmth: 50,
          autoFailed: false,
          redLines: [],
        })),
      )
      .returning();
    // 95 and 50 earn points; 75, between the two, earns none.
    const reviews = await db
      .insert(qaReviews)
      .values([95, 50, 75].map((total, index) => ({ tenantId, textId: texts[index]!.id, reviewerId: desk.manager.id, rubric: {}, total })))
      .returning();
    await refresh();
    const card = (await desk.call(desk.technician2.cookie, 'GET', '/scorecards/me')).json();
    expect(card.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'qa_excellent', events: 1, points: 2 },
        { kind: 'qa_poor', events: 1, points: -2 },
      ]),
    );
    const points = (await desk.call(desk.technician2.cookie, 'GET', `/scorecards/staff/${desk.technician2.id}/points`)).json().items;
    expect(
      points
        .filter((point: { recordType: string }) => point.recordType === 'review')
        .map((point: { recordId: string; kind: string }) => [point.kind, point.recordId]),
    ).toEqual(
      expect.arrayContaining([
        ['qa_excellent', reviews[0]!.id],
        ['qa_poor', reviews[1]!.id],
      ]),
    );
    expect(points.some((point: { recordId: string }) => point.recordId === reviews[2]!.id)).toBe(false);
  });
});
