import { addLocalDays, shanghaiDate } from '@manyi/core';
import { cases, feeCollections } from '@manyi/db';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { signIn, testAppPerFile, type TestApp } from '../../test';
import { serviceDesk } from '../tickets/testing';

type Desk = Awaited<ReturnType<typeof serviceDesk>>;

describe('town hall, ORID, 5-3-1 and the weekly agenda', () => {
  let t: TestApp;
  let desk: Desk;
  testAppPerFile(async (made) => {
    t = made;
    desk = await serviceDesk(t);
  });
  const today = () => shanghaiDate(t.clock.now());

  it('shows each team’s targets and actions at the town hall, and keeps ORID and 5-3-1 in shape', async () => {
    const projectId = desk.company.project.id;
    const target = (
      await desk.call(desk.manager.cookie, 'POST', '/targets', {
        metric: 'inspection_score',
        scopeKind: 'project',
        projectId,
        periodStart: today(),
        periodEnd: addLocalDays(today(), 90),
        value: 92,
        baseline: 88,
      })
    ).json();
    const split = await desk.call(desk.manager.cookie, 'POST', `/targets/${target.id}/decompose`, {
      basis: 'weights',
      children: [
        { scopeKind: 'team', projectId, post: 'cleaning', value: 93, weight: 1 },
        { scopeKind: 'team', projectId, post: 'security', value: 91, weight: 1 },
      ],
    });
    expect(split.statusCode, split.body).toBe(201);
    const [cleaningTarget] = split.json().items;
    const action = (
      await desk.call(desk.manager.cookie, 'POST', '/actions', {
        projectId,
        post: 'cleaning',
        title: '垃圾桶破损当日更换',
        targetId: cleaningTarget.id,
        dueOn: addLocalDays(today(), 7),
      })
    ).json();
    await desk.call(desk.manager.cookie, 'POST', '/actions', { projectId, post: 'security', title: '岗亭交接班记录', dueOn: addLocalDays(today(), 7) });
    await desk.call(desk.steward.cookie, 'POST', `/actions/${action.id}/claim`);
    await desk.call(desk.steward.cookie, 'POST', `/actions/${action.id}/complete`, { evidence: '本周更换 6 个' });

    expect(
      (await desk.call(desk.steward.cookie, 'POST', '/meetings', { projectId, kind: 'town_hall', title: '四季度城镇会议', heldOn: today() })).statusCode,
    ).toBe(403);
    const meeting = (
      await desk.call(desk.manager.cookie, 'POST', '/meetings', { projectId, kind: 'town_hall', title: '四季度城镇会议', heldOn: today() })
    ).json();

    const view = (await desk.call(desk.steward.cookie, 'GET', `/meetings/${meeting.id}/town-hall`)).json();
    expect(view.teams.map((team: { post: string }) => team.post)).toEqual(['cleaning', 'security']);
    expect(view.teams[0]).toMatchObject({ progress: { total: 1, done: 1, overdue: 0, share: 1 } });
    expect(view.teams[0].targets[0]).toMatchObject({ id: cleaningTarget.id, value: 93 });
    expect(view.teams[1].progress).toMatchObject({ total: 1, done: 0 });

    const leap = await desk.call(desk.manager.cookie, 'PATCH', `/meetings/${meeting.id}`, {
      orid: { objective: '巡检扣分 12 项', reflective: '', interpretive: '', decisional: '每日复查' },
    });
    expect(leap.statusCode).toBe(422);
    expect(leap.json().errors.map((error: { field: string }) => error.field)).toEqual(['orid.reflective', 'orid.interpretive']);
    const orid = {
      objective: '巡检扣分 12 项，保洁 7 项',
      reflective: '大家觉得委屈也着急',
      interpretive: '标准没讲清，复查不及时',
      decisional: '每日复查，周会通报',
    };
    expect((await desk.call(desk.manager.cookie, 'PATCH', `/meetings/${meeting.id}`, { orid })).json().orid).toEqual(orid);

    const short = await desk.call(desk.manager.cookie, 'PATCH', `/meetings/${meeting.id}`, {
      wrapUp: { takeaways: ['一', '二', '三'], tools: ['SMART', 'ORID', 'SMART'], action: '' },
    });
    expect(short.json()).toMatchObject({ code: 'wrap_up_not_531' });
    expect(short.json().errors.map((error: { field: string }) => error.field)).toEqual(['wrapUp.takeaways', 'wrapUp.tools', 'wrapUp.action']);
    const wrapUp = {
      takeaways: ['目标要可衡量', '承诺要当众', '行动要认领', '复盘用 ORID', '差距靠数据'],
      tools: ['SMART', 'ORID', '5GAP'],
      action: '明天晨会公布班组目标',
    };
    expect((await desk.call(desk.manager.cookie, 'PATCH', `/meetings/${meeting.id}`, { wrapUp })).json().wrapUp).toEqual(wrapUp);
    expect((await desk.call(desk.steward.cookie, 'GET', '/meetings')).json().items).toHaveLength(1);
  });

  it('assembles the weekly agenda from data and adds it to the weekly report', async () => {
    const projectId = desk.company.project.id;
    const late = (await desk.call(desk.manager.cookie, 'POST', '/actions', { projectId, title: '地库漏水点排查', dueOn: today() })).json();
    const question = (await desk.call(desk.steward.cookie, 'POST', '/meeting-questions', { projectId, question: '业主拒绝登记装修，怎么办？' })).json();
    expect(question).toMatchObject({ askedByName: '管家王丽', answer: null });
    const [flagged] = await t.connection.db
      .insert(cases)
      .values({
        tenantId: desk.company.tenant.id,
        projectId,
        ticketId: late.id,
        status: 'published',
        title: '车库漏水数月未修',
        outcome: 'recovered',
        content: {},
        meetingFlaggedAt: t.clock.now(),
      })
      .returning();

    // A 收缴率 target for the quarter begun: 94 → 98, but the month's entry says 90 — behind, so off track.
    const quarterStart = `${shanghaiDate(t.clock.now()).slice(0, 7)}-01`;
    await t.connection.db
      .insert(feeCollections)
      .values({ tenantId: desk.company.tenant.id, projectId, month: quarterStart, receivable: 100_000, received: 90_000 });
    const fees = await desk.call(desk.manager.cookie, 'POST', '/targets', {
      metric: 'fee_collection',
      scopeKind: 'project',
      projectId,
      periodStart: quarterStart,
      periodEnd: addLocalDays(quarterStart, 90),
      value: 98,
      baseline: 94,
    });
    expect(fees.statusCode, fees.body).toBe(201);

    t.clock.advance(2 * 86_400_000);
    const manager = await signIn(t.app, desk.manager.login, desk.manager.password);
    const agenda = (await desk.call(manager, 'GET', `/meeting-agenda?projectId=${projectId}`)).json();
    expect(agenda.targetsOffTrack.map((item: { id: string; actual: number }) => [item.id, item.actual])).toContainEqual([fees.json().id, 90]);
    // The manager may read the 5-GAP workspace: the item is a list (empty here: no earlier quarter to compare with).
    expect(agenda.gapsWidened).toEqual([]);
    expect(agenda.overdueActions.map((item: { id: string }) => item.id)).toContain(late.id);
    expect(agenda.newCases.map((item: { id: string }) => item.id)).toEqual([flagged!.id]);
    expect(agenda.questions.map((item: { question: string }) => item.question)).toContain('业主拒绝登记装修，怎么办？');

    const answered = await desk.call(manager, 'POST', `/meeting-questions/${question.id}/answer`, { answer: '先上门讲清装修登记的原因：保护相邻业主的安全。' });
    expect(answered.json()).toMatchObject({ answeredByName: '经理张强' });
    expect((await desk.call(manager, 'POST', `/meeting-questions/${question.id}/answer`, { answer: '再答' })).json().code).toBe('question_answered');

    const report = await desk.call(manager, 'GET', `/analytics/reports/weekly?projectId=${projectId}&week=${shanghaiDate(t.clock.now())}&format=xlsx`);
    expect(report.statusCode, report.body.slice(0, 300)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((item) => item.name.includes('逾期的关键行动'));
    expect(sheet, workbook.worksheets.map((item) => item.name).join(',')).toBeDefined();
    const cells: string[] = [];
    sheet!.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text))));
    expect(cells).toContain('地库漏水点排查');
  });
});
