import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';
import { complaintBody, futureIso, repairBody, serviceDesk } from '../tickets/testing';

describe('complaints: CLEAR steps and service recovery gate the resolution', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  testAppPerFile(async (app) => {
    t = app;
    desk = await serviceDesk(t);
  });

  it('refuses to resolve a complaint without CLEAR and recovery, then resolves once they are complete', async () => {
    const { call, steward } = desk;
    const ticket = (
      await call(desk.agent.cookie, 'POST', '/tickets', complaintBody(desk.company.project.id, { householdId: desk.company.household.id }))
    ).json();
    await call(steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'accept' });
    await call(steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'assign', assigneeId: steward.id });
    await call(steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'start' });

    const bare = await call(steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'resolve', note: '已处理完毕' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({
      code: 'clear_incomplete',
      messages: { 'zh-CN': '投诉处理记录(CLEAR)不完整:控制情绪、聆听诉说、同理链接、表达歉意、提出方案' },
    });

    // Step by step, as the conversation goes.
    const control = await call(steward.cookie, 'PUT', `/tickets/${ticket.id}/clear`, { controlNote: '请业主到接待室坐下,先倒了杯水' });
    expect(control.statusCode, control.body).toBe(200);
    expect(control.json().steps.control).toMatchObject({ done: true, savedBy: '管家王丽' });
    expect(control.json().steps.listen).toMatchObject({ done: false, savedBy: null });
    const rest = (
      await call(steward.cookie, 'PUT', `/tickets/${ticket.id}/clear`, {
        listenSummary: '业主上周办理门禁卡时被前台冷淡对待',
        empathyStatement: '换作是我也会很不舒服',
        apology: '我代表服务中心向您道歉',
        resolvePlan: '前台当面致歉并重新培训接待礼仪',
        promisedAt: futureIso(t, 48),
      })
    ).json();
    expect(rest.complete).toBe(true);
    expect(rest.controlNote).toBe('请业主到接待室坐下,先倒了杯水');

    const noRecovery = await call(steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'resolve', note: '已处理完毕' });
    expect(noRecovery.json()).toMatchObject({
      code: 'recovery_missing',
      messages: { 'en-US': 'A complaint needs a service-recovery record: Emotional recovery, Problem recovery' },
    });
    const recovery = (
      await call(steward.cookie, 'PUT', `/tickets/${ticket.id}/recovery`, {
        emotionalRecovery: '项目经理上门致歉并送上鲜花',
        problemRecovery: '前台接待流程加入首问登记',
        lessonLearned: '高峰期增派前台人员',
      })
    ).json();
    expect(recovery).toMatchObject({ complete: true, compensation: null, updatedBy: '管家王丽' });

    const resolved = await call(steward.cookie, 'POST', `/tickets/${ticket.id}/actions`, { action: 'resolve', note: '已处理完毕' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().status).toBe('resolved');
    const detail = (await call(steward.cookie, 'GET', `/tickets/${ticket.id}`)).json();
    expect(detail.clear.complete).toBe(true);
    expect(detail.recovery.complete).toBe(true);
    expect(detail.events.filter((event: { kind: string }) => event.kind === 'clear_saved')).toHaveLength(2);
  });

  it('keeps CLEAR to complaints and to staff who handle them', async () => {
    const repair = (await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id))).json();
    const refused = await desk.call(desk.steward.cookie, 'PUT', `/tickets/${repair.id}/clear`, { controlNote: 'x' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('not_a_complaint');
    const complaint = (await desk.call(desk.agent.cookie, 'POST', '/tickets', complaintBody(desk.company.project.id))).json();
    expect((await desk.call(desk.technician.cookie, 'PUT', `/tickets/${complaint.id}/clear`, { controlNote: 'x' })).statusCode).toBe(403);
    // Only managers and above may cancel a complaint.
    const cancel = await desk.call(desk.steward.cookie, 'POST', `/tickets/${complaint.id}/actions`, { action: 'cancel', reason: '误报' });
    expect(cancel.json().code).toBe('role_not_allowed');
  });
});
