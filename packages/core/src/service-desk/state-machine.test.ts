import { describe, expect, it } from 'vitest';
import { type ClearRecord, type RecoveryRecord } from './complaint-records';
import { type TicketActor, type TicketCommand, type TicketSnapshot, availableActions, nextStatus } from './state-machine';

const steward: TicketActor = { kind: 'staff', userId: 'steward-1', roles: ['steward'] };
const manager: TicketActor = { kind: 'staff', userId: 'manager-1', roles: ['manager'] };
const technician: TicketActor = { kind: 'staff', userId: 'tech-1', roles: ['technician'] };
const otherTechnician: TicketActor = { kind: 'staff', userId: 'tech-2', roles: ['technician'] };
const viewer: TicketActor = { kind: 'staff', userId: 'viewer-1', roles: ['viewer'] };
const owner: TicketActor = { kind: 'owner', personId: 'owner-1' };
const neighbour: TicketActor = { kind: 'owner', personId: 'owner-2' };

const completeClear: ClearRecord = {
  controlNote: '先请业主到接待室坐下,倒水,等业主情绪平复',
  listenSummary: '车库B2漏水三个月未修,车辆被滴脏',
  empathyStatement: '换作是我,车天天被弄脏也会很着急',
  apology: '这么长时间没有解决,非常抱歉',
  resolvePlan: '今天安排工程查漏,周五前完成防水修补,免费洗车一次',
  promisedAt: new Date('2026-11-27T10:00:00Z'),
};
const completeRecovery: RecoveryRecord = {
  emotionalRecovery: '项目经理上门致歉,赠送洗车券',
  problemRecovery: '防水层修补;车库漏水纳入每周巡检清单',
};

function ticket(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    id: 'ticket-1',
    type: 'repair',
    status: 'new',
    statusBeforeHold: null,
    assigneeId: null,
    reporterPersonId: 'owner-1',
    reopenCount: 0,
    visitRequired: true,
    clearRecord: null,
    recoveryRecord: null,
    ...overrides,
  };
}

function expectStatus(result: ReturnType<typeof nextStatus>) {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.labels['en-US']}`);
  return result;
}

function expectRefusal(result: ReturnType<typeof nextStatus>, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(result.labels['zh-CN'].length).toBeGreaterThan(0);
  expect(result.labels['en-US'].length).toBeGreaterThan(0);
}

describe('the happy path of a repair', () => {
  it('walks new → accepted → assigned → in_progress → resolved → visited → closed', () => {
    let current = ticket();
    const steps: [TicketCommand, TicketActor, string][] = [
      [{ action: 'accept' }, steward, 'accepted'],
      [{ action: 'assign', assigneeId: 'tech-1' }, steward, 'assigned'],
      [{ action: 'start' }, technician, 'in_progress'],
      [{ action: 'resolve' }, technician, 'resolved'],
      [{ action: 'visit', outcome: 'confirmed' }, owner, 'visited'],
      [{ action: 'close' }, steward, 'closed'],
    ];
    for (const [command, actor, status] of steps) {
      const result = expectStatus(nextStatus(current, command, actor));
      expect(result.status).toBe(status);
      current = { ...current, status: result.status, assigneeId: command.action === 'assign' ? command.assigneeId : current.assigneeId };
    }
  });

  it('reports the effects the server must carry out', () => {
    expect(expectStatus(nextStatus(ticket(), { action: 'accept' }, steward)).effects).toEqual([{ kind: 'record_first_response' }]);
    expect(expectStatus(nextStatus(ticket({ status: 'assigned', assigneeId: 'tech-1' }), { action: 'start' }, technician)).effects).toEqual([
      { kind: 'record_on_site_arrival' },
    ]);
    expect(expectStatus(nextStatus(ticket({ status: 'in_progress', assigneeId: 'tech-1' }), { action: 'resolve' }, technician)).effects).toContainEqual({
      kind: 'start_return_visit_clock',
    });
  });

  it('lets the first receiver answer an inquiry on the spot (首问负责)', () => {
    expect(expectStatus(nextStatus(ticket({ type: 'inquiry', status: 'accepted' }), { action: 'resolve' }, steward)).status).toBe('resolved');
    expectRefusal(nextStatus(ticket({ type: 'repair', status: 'accepted' }), { action: 'resolve' }, steward), 'invalid_transition');
  });

  it('reassigns (转派) a ticket already in progress', () => {
    const result = expectStatus(nextStatus(ticket({ status: 'in_progress', assigneeId: 'tech-1' }), { action: 'assign', assigneeId: 'tech-2' }, steward));
    expect(result.status).toBe('assigned');
    expect(result.effects).toContainEqual({ kind: 'set_assignee', assigneeId: 'tech-2' });
  });
});

describe('roles', () => {
  it('refuses every action to a viewer', () => {
    expectRefusal(nextStatus(ticket(), { action: 'accept' }, viewer), 'role_not_allowed');
  });

  it('lets technicians start and resolve only their own work orders', () => {
    expectRefusal(nextStatus(ticket({ status: 'assigned', assigneeId: 'tech-1' }), { action: 'start' }, otherTechnician), 'not_assignee');
    expectRefusal(nextStatus(ticket({ status: 'in_progress', assigneeId: 'tech-1' }), { action: 'resolve' }, otherTechnician), 'not_assignee');
    expectRefusal(nextStatus(ticket({ status: 'accepted' }), { action: 'assign', assigneeId: 'tech-1' }, technician), 'role_not_allowed');
  });

  it('judges a technician who is also a steward by the broader role', () => {
    const both: TicketActor = { kind: 'staff', userId: 'tech-2', roles: ['technician', 'steward'] };
    expect(nextStatus(ticket({ status: 'assigned', assigneeId: 'tech-1' }), { action: 'start' }, both).ok).toBe(true);
  });

  it('lets only the reporting owner confirm, and owners nothing else', () => {
    expectRefusal(nextStatus(ticket({ status: 'resolved' }), { action: 'visit', outcome: 'confirmed' }, neighbour), 'not_reporter');
    expectRefusal(nextStatus(ticket({ status: 'visited' }), { action: 'close' }, owner), 'owner_not_allowed');
  });

  it('keeps the return visit away from the technician who did the work', () => {
    expectRefusal(nextStatus(ticket({ status: 'resolved', assigneeId: 'tech-1' }), { action: 'visit', outcome: 'confirmed' }, technician), 'role_not_allowed');
  });

  it('lets only managers and above cancel a complaint', () => {
    const complaint = ticket({ type: 'complaint', status: 'accepted' });
    expectRefusal(nextStatus(complaint, { action: 'cancel', reason: '业主撤诉' }, steward), 'role_not_allowed');
    expect(expectStatus(nextStatus(complaint, { action: 'cancel', reason: '业主撤诉' }, manager)).status).toBe('cancelled');
    expect(nextStatus(ticket({ status: 'accepted' }), { action: 'cancel', reason: '重复报修' }, steward).ok).toBe(true);
  });
});

describe('hold and resume', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const resumeAt = new Date('2026-11-25T02:00:00Z');

  it('pauses the clocks, remembers where it came from and tells the owner', () => {
    const result = expectStatus(
      nextStatus(ticket({ status: 'in_progress', assigneeId: 'tech-1' }), { action: 'hold', reason: '等待配件到货', resumeAt }, technician, now),
    );
    expect(result.status).toBe('on_hold');
    expect(result.effects).toEqual([
      { kind: 'pause_clocks', reason: '等待配件到货', resumeAt, statusBeforeHold: 'in_progress' },
      { kind: 'notify_owner', about: 'on_hold' },
    ]);
  });

  it('needs a reason and a future resume time', () => {
    const working = ticket({ status: 'assigned', assigneeId: 'tech-1' });
    expectRefusal(nextStatus(working, { action: 'hold', reason: '  ', resumeAt }, steward, now), 'hold_reason_required');
    expectRefusal(nextStatus(working, { action: 'hold', reason: '等待配件', resumeAt: null }, steward, now), 'resume_time_required');
    expectRefusal(nextStatus(working, { action: 'hold', reason: '等待配件', resumeAt: now }, steward, now), 'resume_time_in_past');
  });

  it.each(['accepted', 'assigned', 'in_progress'] as const)('returns to %s on resume', (before) => {
    const held = ticket({ status: 'on_hold', statusBeforeHold: before, assigneeId: 'tech-1' });
    const result = expectStatus(nextStatus(held, { action: 'resume' }, steward));
    expect(result.status).toBe(before);
    expect(result.effects).toContainEqual({ kind: 'resume_clocks' });
  });

  it('refuses to resume when the status before the hold is lost', () => {
    expectRefusal(nextStatus(ticket({ status: 'on_hold' }), { action: 'resume' }, steward), 'hold_origin_unknown');
  });

  it('cannot hold a ticket that is not yet accepted or already resolved', () => {
    expectRefusal(nextStatus(ticket({ status: 'new' }), { action: 'hold', reason: 'x', resumeAt }, steward, now), 'invalid_transition');
    expectRefusal(nextStatus(ticket({ status: 'resolved' }), { action: 'hold', reason: 'x', resumeAt }, steward, now), 'invalid_transition');
  });
});

describe('complaints need CLEAR and service recovery before resolution (seed 001 第三讲)', () => {
  const complaint = ticket({ type: 'complaint', status: 'in_progress', assigneeId: 'steward-1' });

  it('names the missing CLEAR steps in both languages', () => {
    const result = nextStatus({ ...complaint, clearRecord: { ...completeClear, apology: '', promisedAt: null } }, { action: 'resolve' }, steward);
    expectRefusal(result, 'clear_incomplete');
    if (result.ok) return;
    expect(result.labels['zh-CN']).toContain('表达歉意、提出方案');
    expect(result.labels['en-US']).toContain('Apologise, Resolve');
  });

  it('refuses without any CLEAR record', () => {
    expectRefusal(nextStatus(complaint, { action: 'resolve' }, steward), 'clear_incomplete');
  });

  it('needs both halves of service recovery', () => {
    const result = nextStatus(
      { ...complaint, clearRecord: completeClear, recoveryRecord: { ...completeRecovery, problemRecovery: null } },
      { action: 'resolve' },
      steward,
    );
    expectRefusal(result, 'recovery_missing');
    if (!result.ok) expect(result.labels['zh-CN']).toContain('问题补救');
  });

  it('resolves once everything is recorded', () => {
    expect(nextStatus({ ...complaint, clearRecord: completeClear, recoveryRecord: completeRecovery }, { action: 'resolve' }, steward).ok).toBe(true);
  });
});

describe('reopen, close and the final statuses', () => {
  it('reopens when the owner rejects the result, counting the reopen', () => {
    const result = expectStatus(nextStatus(ticket({ status: 'resolved', reopenCount: 1 }), { action: 'visit', outcome: 'rejected', note: '还在漏水' }, owner));
    expect(result.status).toBe('reopened');
    expect(result.effects).toContainEqual({ kind: 'set_reopen_count', reopenCount: 2 });
    expect(result.effects).toContainEqual({ kind: 'flag_repeat_issue' });
  });

  it('asks why the owner rejected', () => {
    expectRefusal(nextStatus(ticket({ status: 'resolved' }), { action: 'visit', outcome: 'rejected' }, steward), 'rejection_reason_required');
  });

  it.each(['resolved', 'visited', 'closed'] as const)('reopens a %s ticket when the issue recurs', (status) => {
    const result = expectStatus(nextStatus(ticket({ status }), { action: 'reopen', reason: 'recurred', note: '一周后再次漏水' }, steward));
    expect(result.status).toBe('reopened');
    expect(result.effects).toContainEqual({ kind: 'set_reopen_count', reopenCount: 1 });
  });

  it('sends a reopened ticket back to work', () => {
    const reopened = ticket({ status: 'reopened', assigneeId: 'tech-1' });
    expect(expectStatus(nextStatus(reopened, { action: 'start' }, technician)).status).toBe('in_progress');
    expect(expectStatus(nextStatus(reopened, { action: 'assign', assigneeId: 'tech-2' }, steward)).status).toBe('assigned');
    expectRefusal(nextStatus(ticket({ status: 'reopened' }), { action: 'start' }, steward), 'assignee_required');
  });

  it('needs a note to reopen', () => {
    expectRefusal(nextStatus(ticket({ status: 'closed' }), { action: 'reopen', reason: 'recurred', note: '' }, steward), 'reopen_reason_required');
  });

  it('closes only after the return visit when one is owed', () => {
    expectRefusal(nextStatus(ticket({ status: 'resolved' }), { action: 'close' }, steward), 'return_visit_required');
    expect(expectStatus(nextStatus(ticket({ status: 'visited' }), { action: 'close' }, steward)).status).toBe('closed');
    expectRefusal(nextStatus(ticket({ status: 'in_progress', visitRequired: false }), { action: 'close' }, steward), 'invalid_transition');
  });

  it('lets staff close a resolved ticket that owes no return visit', () => {
    const resolved = ticket({ status: 'resolved', visitRequired: false });
    const result = expectStatus(nextStatus(resolved, { action: 'close' }, steward));
    expect(result).toEqual({ ok: true, status: 'closed', effects: [{ kind: 'stop_clocks' }] });
    // Still staff only, and not the person who did the work.
    expectRefusal(nextStatus(resolved, { action: 'close' }, owner), 'owner_not_allowed');
    expectRefusal(nextStatus({ ...resolved, assigneeId: 'tech-1' }, { action: 'close' }, technician), 'role_not_allowed');
    // The owner may confirm on the H5 page either way.
    expect(expectStatus(nextStatus(resolved, { action: 'visit', outcome: 'confirmed' }, owner)).status).toBe('visited');
    expect(expectStatus(nextStatus(resolved, { action: 'visit', outcome: 'rejected', note: '还在漏水' }, owner)).status).toBe('reopened');
  });

  it('accepts no edits on a closed ticket', () => {
    expectRefusal(nextStatus(ticket({ status: 'closed' }), { action: 'assign', assigneeId: 'tech-1' }, manager), 'ticket_closed');
  });

  it('accepts nothing on cancelled or merged tickets', () => {
    expectRefusal(nextStatus(ticket({ status: 'cancelled' }), { action: 'reopen', reason: 'recurred', note: 'x' }, manager), 'ticket_final');
    expectRefusal(nextStatus(ticket({ status: 'merged' }), { action: 'accept' }, manager), 'ticket_final');
  });

  it('needs a reason to cancel', () => {
    expectRefusal(nextStatus(ticket(), { action: 'cancel', reason: '' }, steward), 'cancel_reason_required');
  });

  it('merges into another ticket, never into itself', () => {
    const result = expectStatus(nextStatus(ticket({ status: 'accepted' }), { action: 'merge', intoTicketId: 'ticket-9' }, steward));
    expect(result.status).toBe('merged');
    expect(result.effects).toContainEqual({ kind: 'link_to_ticket', ticketId: 'ticket-9' });
    expectRefusal(nextStatus(ticket({ status: 'accepted' }), { action: 'merge', intoTicketId: 'ticket-1' }, steward), 'merge_into_self');
    expectRefusal(nextStatus(ticket({ status: 'resolved' }), { action: 'merge', intoTicketId: 'ticket-9' }, steward), 'invalid_transition');
  });

  it('explains an impossible transition with both labels', () => {
    const result = nextStatus(ticket({ status: 'new' }), { action: 'start' }, steward);
    expectRefusal(result, 'invalid_transition');
    if (!result.ok) expect(result.labels['zh-CN']).toContain('「新建」状态不能「开始处理」');
  });
});

describe('availableActions', () => {
  it('offers a technician only their own work', () => {
    expect(availableActions(ticket({ status: 'in_progress', assigneeId: 'tech-1' }), technician)).toEqual(['hold', 'resolve']);
    expect(availableActions(ticket({ status: 'in_progress', assigneeId: 'tech-1' }), otherTechnician)).toEqual([]);
  });

  it('offers the owner the return visit and nothing on a closed ticket but reopen', () => {
    expect(availableActions(ticket({ status: 'resolved' }), owner)).toEqual(['visit', 'reopen']);
    expect(availableActions(ticket({ status: 'closed' }), owner)).toEqual(['reopen']);
    expect(availableActions(ticket({ status: 'merged' }), manager)).toEqual([]);
  });

  it('does not offer resolve on an accepted repair', () => {
    expect(availableActions(ticket({ status: 'accepted' }), steward)).not.toContain('resolve');
    expect(availableActions(ticket({ type: 'praise', status: 'accepted' }), steward)).toContain('resolve');
  });

  it('offers close on a resolved ticket only when it owes no return visit', () => {
    expect(availableActions(ticket({ status: 'resolved' }), steward)).toEqual(['visit', 'reopen']);
    expect(availableActions(ticket({ status: 'resolved', visitRequired: false }), steward)).toEqual(['visit', 'close', 'reopen']);
    expect(availableActions(ticket({ status: 'resolved', visitRequired: false }), owner)).toEqual(['visit', 'reopen']);
  });
});
