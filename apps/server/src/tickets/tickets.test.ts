import { shanghaiDate } from '@manyi/core';
import { ticketSequences, timelineEvents } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createTestApp, signIn, type TestApp } from '../../test';
import { futureIso, repairBody, serviceDesk } from './testing';

describe('tickets: receipt, lifecycle and status machine', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-23T10:00:00Z');
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());
  const create = async (extra: object = {}, cookie = desk.agent.cookie) => {
    const response = await desk.call(cookie, 'POST', '/tickets', repairBody(desk.company.project.id, { householdId: desk.company.household.id, ...extra }));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const act = (id: string, body: object, cookie = desk.steward.cookie) => desk.call(cookie, 'POST', `/tickets/${id}/actions`, body);

  it('numbers tickets per project and Shanghai day, and makes the receiver first receiver and accountable', async () => {
    const first = await create();
    const second = await create({ type: 'complaint', categoryCode: 'service.attitude' });
    expect(first.number).toBe('BX-20261123-0001');
    expect(second.number).toBe('TS-20261123-0002');
    expect(second.complaintScope).toBe('individual');
    expect(first).toMatchObject({
      status: 'new',
      firstReceiver: { id: desk.agent.id, name: '热线小李' },
      accountable: { id: desk.agent.id },
      householdLabel: '1栋1单元101',
    });
    expect(first.sla.find((target: { target: string }) => target.target === 'resolution')).toMatchObject({ state: 'ok' });
    // Another project counts from 1 on the same day; the next Shanghai day starts again.
    const other = await createProject(t.connection.db, desk.company.tenant.id);
    const inOther = (await desk.call(desk.admin.cookie, 'POST', '/tickets', repairBody(other.id))).json();
    expect(inOther.number).toBe('BX-20261123-0001');
    t.clock.set('2026-11-23T16:30:00Z'); // 00:30 on the 24th in Shanghai
    expect((await create()).number).toBe('BX-20261124-0001');
  });

  it('writes the owner timeline and honours Idempotency-Key', async () => {
    const headers = { cookie: desk.agent.cookie, 'idempotency-key': 'create-once-1' };
    const payload = repairBody(desk.company.project.id, { reporterPersonId: desk.company.owner.id });
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({ reporterName: desk.company.owner.name, householdId: desk.company.household.id });
    const timeline = await t.connection.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.tenantId, desk.company.tenant.id), eq(timelineEvents.personId, desk.company.owner.id)));
    expect(timeline.map((event) => event.title)).toContain(`报修 ${first.json().number} 已登记`);
    const byReporter = (await desk.call(desk.steward.cookie, 'GET', `/tickets?reporterPersonId=${desk.company.owner.id}`)).json();
    expect(byReporter.items.map((item: { id: string }) => item.id)).toContain(first.json().id);
  });

  it("honours the receiver's Idempotency-Key: a retry, even two at once, makes one ticket and takes one number", async () => {
    const post = (key: string, payload: object, cookie = desk.agent.cookie) =>
      t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { cookie, 'idempotency-key': key }, payload });
    const payload = repairBody(desk.company.project.id, { householdId: desk.company.household.id, title: '客厅灯不亮' });
    const [first, second] = await Promise.all([post('double-click-1', payload), post('double-click-1', payload)]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json().id).toBe(first.json().id);
    // The second waits for the first one's answer and replays it.
    expect([first.headers['idempotent-replayed'], second.headers['idempotent-replayed']].filter((value) => value === 'true')).toHaveLength(1);
    const lastNumber = async () =>
      (
        await t.connection.db
          .select({ value: ticketSequences.lastValue })
          .from(ticketSequences)
          .where(and(eq(ticketSequences.projectId, desk.company.project.id), eq(ticketSequences.day, shanghaiDate(t.clock.now()))))
      )[0]?.value;
    const taken = await lastNumber();
    expect(first.json().number.endsWith(String(taken).padStart(4, '0'))).toBe(true);
    const retry = await post('double-click-1', payload);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toMatchObject({ id: first.json().id, number: first.json().number, title: '客厅灯不亮' });
    // The same key with another request is refused, in both languages, and writes nothing.
    const reused = await post('double-click-1', { ...payload, title: '卧室灯不亮' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused', messages: { 'zh-CN': '该幂等键已用于另一个不同的请求' } });
    expect(await lastNumber()).toBe(taken);
    // Keys are the receiver's own: a colleague's same key is a new ticket, with the next number.
    const colleague = (await post('double-click-1', payload, desk.steward.cookie)).json();
    expect(colleague.id).not.toBe(first.json().id);
    expect(colleague.number).toBe(`${first.json().number.slice(0, -4)}${String(taken! + 1).padStart(4, '0')}`);
    const listed = (await desk.call(desk.steward.cookie, 'GET', `/tickets?q=${encodeURIComponent('客厅灯不亮')}`)).json();
    expect(listed.items).toHaveLength(2);
  });

  it('runs a repair through the whole loop, recording first response and arrival', async () => {
    const ticket = await create();
    expect((await act(ticket.id, { action: 'accept' })).json()).toMatchObject({ status: 'accepted' });
    const assigned = (await act(ticket.id, { action: 'assign', assigneeId: desk.technician.id })).json();
    expect(assigned).toMatchObject({ status: 'assigned', assignee: { id: desk.technician.id, name: '师傅刘工' }, assignedPost: 'engineering' });
    // A technician acts only on his own work orders.
    const stranger = await act(ticket.id, { action: 'start' }, desk.technician2.cookie);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toMatchObject({ code: 'not_assignee', messages: { 'zh-CN': '此工单未派给您,请联系派单人' } });
    const started = (await act(ticket.id, { action: 'start' }, desk.technician.cookie)).json();
    expect(started.arrivedAt).not.toBeNull();
    expect((await act(ticket.id, { action: 'resolve', note: '已更换阀门' }, desk.technician.cookie)).json().status).toBe('resolved');
    const visit = await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/visits`, {
      method: 'phone',
      outcome: 'confirmed',
      csat: 5,
      peakMoment: '师傅准时上门',
      endMoment: '清理干净',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().status).toBe('visited');
    expect((await act(ticket.id, { action: 'close' })).json()).toMatchObject({ status: 'closed' });
    const detail = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${ticket.id}`)).json();
    // The same household reported a leak earlier in this file, so receipt also notes a repeat issue (incidents/receipt.ts).
    expect(detail.events.map((event: { kind: string }) => event.kind).filter((kind: string) => kind !== 'repeat_detected')).toEqual([
      'created',
      'accept',
      'assign',
      'start',
      'resolve',
      'visit',
      'close',
    ]);
    expect(detail.visits[0]).toMatchObject({ method: 'phone', outcome: 'confirmed', csat: 5, visitorName: '管家王丽' });
    expect(detail.availableActions).toEqual(['reopen']);
    // Nothing is owed on a closed ticket: no SLA clock runs.
    expect(detail.sla).toEqual([]);
  });

  it('refuses invalid transitions with 409 and bilingual labels, and stale versions', async () => {
    const ticket = await create();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: { cookie: desk.steward.cookie, 'accept-language': 'en' },
      payload: { action: 'close' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'invalid_transition',
      title: 'This action is not possible in the current status: cannot close a ticket that is new',
      messages: { 'zh-CN': '当前状态下不能执行此操作:「新建」状态不能「关闭」' },
    });
    const stale = await act(ticket.id, { action: 'accept', version: ticket.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('ticket_stale');
    // A repair cannot be resolved straight from accepted: somebody has to do the work.
    await act(ticket.id, { action: 'accept' });
    expect((await act(ticket.id, { action: 'resolve', note: '已处理完毕' })).statusCode).toBe(409);
    // Viewers and technicians cannot accept.
    expect((await act(ticket.id, { action: 'cancel' }, desk.technician.cookie)).json().code).toBe('role_not_allowed');
  });

  it('puts a ticket on hold only with a reason and a future resume time, and resumes where it was', async () => {
    const ticket = await create();
    await act(ticket.id, { action: 'accept' });
    await act(ticket.id, { action: 'assign', assigneeId: desk.technician.id });
    const noReason = await act(ticket.id, { action: 'hold', resumeAt: futureIso(t, 24) });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'hold_reason_required', messages: { 'zh-CN': '挂起需要填写原因,以便告知业主' } });
    expect((await act(ticket.id, { action: 'hold', reason: '等待配件' })).json().code).toBe('resume_time_required');
    expect((await act(ticket.id, { action: 'hold', reason: '等待配件', resumeAt: futureIso(t, -1) })).json().code).toBe('resume_time_in_past');
    const held = (await act(ticket.id, { action: 'hold', reason: '等待配件', resumeAt: futureIso(t, 24) })).json();
    expect(held).toMatchObject({ status: 'on_hold', holdReason: '等待配件' });
    const resumed = (await act(ticket.id, { action: 'resume' })).json();
    expect(resumed).toMatchObject({ status: 'assigned', holdReason: null, holdUntil: null });
  });

  it('refuses edits to closed, cancelled and merged tickets but allows them while open', async () => {
    const ticket = await create();
    const edited = await desk.call(desk.steward.cookie, 'PATCH', `/tickets/${ticket.id}`, {
      priority: 'urgent',
      categoryCode: 'engineering.gas',
      version: ticket.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ priority: 'urgent', categoryCode: 'engineering.gas' });
    expect((await desk.call(desk.steward.cookie, 'PATCH', `/tickets/${ticket.id}`, { categoryCode: 'no.such' })).json().errors[0].field).toBe('categoryCode');
    const cancelled = await act(ticket.id, { action: 'cancel', reason: '业主重复来电' });
    expect(cancelled.json().status).toBe('cancelled');
    const refused = await desk.call(desk.steward.cookie, 'PATCH', `/tickets/${ticket.id}`, { title: '改标题' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ticket_final', messages: { 'zh-CN': '工单已取消或已合并,不能再操作' } });
    expect((await act(ticket.id, { action: 'cancel' })).json().code).toBe('ticket_final');
  });

  it('counts reopenings and flags the repeat issue', async () => {
    const ticket = await create({ type: 'inquiry', categoryCode: 'service.information', title: '咨询停车办理' });
    await act(ticket.id, { action: 'accept' });
    await act(ticket.id, { action: 'resolve', note: '已告知办理流程' });
    expect((await act(ticket.id, { action: 'reopen' })).json().code).toBe('reopen_reason_required');
    const reopened = (await act(ticket.id, { action: 'reopen', note: '业主表示仍不清楚' })).json();
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, isRepeat: true, resolvedAt: null });
    await act(ticket.id, { action: 'assign', assigneeId: desk.steward.id });
    await act(ticket.id, { action: 'start' });
    await act(ticket.id, { action: 'resolve', note: '已处理完毕' });
    expect((await act(ticket.id, { action: 'reopen', note: '再次来电' })).json().reopenCount).toBe(2);
  });

  it('merges a duplicate with a note on both tickets', async () => {
    const original = await create();
    const duplicate = await create();
    const merged = (await act(duplicate.id, { action: 'merge', intoTicketId: original.id })).json();
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: original.id });
    const target = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${original.id}`)).json();
    expect(target.mergedFrom).toEqual([{ id: duplicate.id, number: duplicate.number }]);
    expect(target.events.at(-1)).toMatchObject({ kind: 'merged_from', note: `工单 ${duplicate.number} 已合并到本单` });
    const source = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${duplicate.id}`)).json();
    expect(source.events.at(-1)).toMatchObject({ kind: 'merge', note: `已合并到工单 ${original.number}` });
    expect((await act(original.id, { action: 'merge', intoTicketId: duplicate.id })).json().errors[0].field).toBe('intoTicketId');
  });

  it('keeps the first receiver accountable until the handover is accepted (首问负责)', async () => {
    const ticket = await create();
    const offered = (await desk.call(desk.agent.cookie, 'POST', `/tickets/${ticket.id}/handover`, { toStaffId: desk.steward.id })).json();
    expect(offered).toMatchObject({ accountable: { id: desk.agent.id }, handoverTo: { id: desk.steward.id } });
    expect((await desk.call(desk.technician.cookie, 'POST', `/tickets/${ticket.id}/handover/accept`)).statusCode).toBe(409);
    expect((await desk.call(desk.technician.cookie, 'POST', `/tickets/${ticket.id}/handover`, { toStaffId: desk.technician.id })).statusCode).toBe(403);
    expect((await desk.call(desk.steward.cookie, 'GET', `/tickets/${ticket.id}`)).json().canAcceptHandover).toBe(true);
    const accepted = (await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/handover/accept`)).json();
    expect(accepted).toMatchObject({ firstReceiver: { id: desk.agent.id }, accountable: { id: desk.steward.id }, handoverTo: null });
    const mine = (await desk.call(desk.steward.cookie, 'GET', '/tickets?mine=true')).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(ticket.id);
  });

  it('keeps internal notes from the owner, and an owner update resets the update clock', async () => {
    const ticket = await create();
    await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/notes`, { body: '业主性格急,注意沟通' });
    const updated = (await desk.call(desk.steward.cookie, 'POST', `/tickets/${ticket.id}/notes`, { body: '师傅已出发', visibleToOwner: true })).json();
    expect(updated.lastOwnerUpdateAt).not.toBeNull();
    const detail = (await desk.call(desk.steward.cookie, 'GET', `/tickets/${ticket.id}`)).json();
    expect(
      detail.events
        .filter((event: { kind: string }) => ['note', 'owner_update'].includes(event.kind))
        .map((event: { visibleToOwner: boolean }) => event.visibleToOwner),
    ).toEqual([false, true]);
  });

  it('filters the queue by status, category prefix, overdue and free text', async () => {
    const ticket = await create({ title: '电梯异响排查', categoryCode: 'engineering.elevator.fault' });
    const query = async (text: string) => (await desk.call(desk.steward.cookie, 'GET', `/tickets?${text}`)).json().items.map((item: { id: string }) => item.id);
    expect(await query('categoryCode=engineering.elevator&status=new,accepted')).toContain(ticket.id);
    expect(await query('categoryCode=engineering.leak')).not.toContain(ticket.id);
    expect(await query(`q=${encodeURIComponent('电梯异响')}`)).toEqual([ticket.id]);
    expect(await query(`q=${ticket.number}`)).toEqual([ticket.id]);
    expect(await query('overdue=true')).not.toContain(ticket.id);
    t.clock.advance(30 * 24 * 3_600_000);
    desk.steward.cookie = await signIn(t.app, desk.steward.login, desk.steward.password);
    expect(await query('overdue=true')).toContain(ticket.id);
    const page = (await desk.call(desk.steward.cookie, 'GET', '/tickets?limit=2')).json();
    expect(page.items).toHaveLength(2);
    const next = (await desk.call(desk.steward.cookie, 'GET', `/tickets?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].id < page.items[1].id).toBe(true);
  });
});
