import { shanghaiInstant as at } from '@manyi/core';
import { auditLogs, tickets } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createTestApp, type TestApp } from '../../test';
import { complaintBody, repairBody, serviceDesk } from '../tickets/testing';

type Policy = {
  code: string;
  position: number;
  name: Record<string, string>;
  match: Record<string, unknown>;
  targets: Record<string, unknown>;
  warnShare: number;
  active: boolean;
};

describe('SLA policy and calendar settings', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof serviceDesk>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(at('2026-11-23', '10:00')); // Monday
    desk = await serviceDesk(t);
  });
  afterAll(() => t.close());

  const ticketRow = async (id: string) => (await t.connection.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
  const editable = (policy: Policy) => ({
    code: policy.code,
    name: policy.name,
    match: policy.match,
    targets: policy.targets,
    warnShare: policy.warnShare,
    active: policy.active,
  });

  it('lists the seeded defaults in match order to admin and quality only', async () => {
    const response = await desk.call(desk.admin.cookie, 'GET', '/sla-policies');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Policy[];
    expect(items).toHaveLength(11);
    expect(items.map((item) => item.position)).toEqual([...items.keys()]);
    expect(items.find((item) => item.code === 'complaint')).toMatchObject({
      warnShare: 0.8,
      active: true,
      targets: { first_response: { minutes: 30, calendar: '24x7' } },
    });
    expect((await desk.call(desk.steward.cookie, 'GET', '/sla-policies')).statusCode).toBe(403);
    expect((await desk.call(desk.steward.cookie, 'PUT', '/sla-policies', { policies: items.map(editable) })).statusCode).toBe(403);
  });

  it('replaces the list in order, audits it and recomputes the deadlines of open tickets at once', async () => {
    const complaint = (await desk.call(desk.agent.cookie, 'POST', '/tickets', complaintBody(desk.company.project.id))).json();
    const before = await ticketRow(complaint.id);
    expect(before.slaPolicyCode).toBe('complaint');
    expect(before.responseDueAt).toEqual(at('2026-11-23', '10:30'));
    const defaults = (await desk.call(desk.admin.cookie, 'GET', '/sla-policies')).json().items as Policy[];
    const vip = {
      code: 'vip_complaint',
      name: { 'zh-CN': '高端项目投诉', 'en-US': 'Premium project complaints' },
      match: { types: ['complaint'], projectIds: [desk.company.project.id] },
      targets: { first_response: { minutes: 10, calendar: '24x7' }, resolution: { minutes: 24 * 60, calendar: '24x7' } },
      warnShare: 0.9,
    };
    const response = await desk.call(desk.admin.cookie, 'PUT', '/sla-policies', { policies: [vip, ...defaults.map(editable)] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().recomputedTickets).toBeGreaterThanOrEqual(1);
    expect(response.json().items[0]).toMatchObject({ code: 'vip_complaint', position: 0, warnShare: 0.9, active: true, rationale: { 'zh-CN': '' } });
    const after = await ticketRow(complaint.id);
    expect(after).toMatchObject({
      slaPolicyCode: 'vip_complaint',
      responseDueAt: at('2026-11-23', '10:10'),
      resolutionDueAt: at('2026-11-24', '10:00'),
      slaCheckAt: null,
    });
    // Derived columns only: nobody's open edit form goes stale.
    expect(after.version).toBe(before.version);
    const [audit] = await t.connection.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, desk.company.tenant.id), eq(auditLogs.entityType, 'sla_policies')));
    expect(audit).toMatchObject({ action: 'update', actorId: desk.admin.id });
    expect((audit!.after as Policy[])[0]!.code).toBe('vip_complaint');
    expect(audit!.before as Policy[]).toHaveLength(11);

    const reset = await desk.call(desk.admin.cookie, 'POST', '/sla-policies/reset');
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().items.map((item: Policy) => item.code)).toEqual(defaults.map((item) => item.code));
    expect(await ticketRow(complaint.id)).toMatchObject({ slaPolicyCode: 'complaint', responseDueAt: at('2026-11-23', '10:30') });
  });

  it('refuses duplicate codes, out-of-range targets and shares, empty targets and projects of another company', async () => {
    const base = { code: 'a', name: { 'zh-CN': '甲', 'en-US': 'A' }, match: {}, targets: { resolution: { minutes: 60, calendar: '24x7' } } };
    const refused = async (policies: object[], status = 400) => {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/sla-policies',
        headers: { cookie: desk.admin.cookie, 'accept-language': 'en' },
        payload: { policies },
      });
      expect(response.statusCode, response.body).toBe(status);
      return response.json().errors as { field: string; message: string }[];
    };
    expect(await refused([base, { ...base }])).toContainEqual(expect.objectContaining({ field: 'policies.1.code', message: 'This policy code is used twice' }));
    expect((await refused([{ ...base, targets: { resolution: { minutes: 0, calendar: '24x7' } } }]))[0]!.field).toBe('policies.0.targets.resolution.minutes');
    expect((await refused([{ ...base, targets: { resolution: { minutes: 60 * 24 * 90 + 1, calendar: '24x7' } } }]))[0]!.field).toBe(
      'policies.0.targets.resolution.minutes',
    );
    expect((await refused([{ ...base, targets: { resolution: { minutes: 60, calendar: 'weekdays' } } }]))[0]!.field).toBe(
      'policies.0.targets.resolution.calendar',
    );
    expect((await refused([{ ...base, warnShare: 0.3 }]))[0]!.field).toBe('policies.0.warnShare');
    expect((await refused([{ ...base, targets: {} }]))[0]!.message).toBe('Set at least one target');
    expect((await refused([{ ...base, code: 'Bad Code' }]))[0]!.field).toBe('policies.0.code');
    expect((await refused([{ ...base, match: { types: ['repair'], colour: ['red'] } }]))[0]!.field).toBe('policies.0.match');
    const stranger = await createCompany(t.connection.db, '别家物业');
    expect(await refused([{ ...base, match: { projectIds: [desk.company.project.id, stranger.project.id] } }], 422)).toEqual([
      { field: 'policies.0.match.projectIds.1', message: 'Unknown project', messages: { 'zh-CN': '项目不存在', 'en-US': 'Unknown project' } },
    ]);
    expect(await refused([])).toHaveLength(1);
    // Nothing was half written.
    expect((await desk.call(desk.admin.cookie, 'GET', '/sla-policies')).json().items).toHaveLength(11);
  });

  it('keeps a company calendar per year, audited, and moves working-hours deadlines with it', async () => {
    // An inquiry: its default policy keeps the working-hours calendar.
    const inquiry = { type: 'inquiry', categoryCode: 'fees.property_fee', title: '物业费咨询', description: '业主来电咨询物业费' };
    const repair = (await desk.call(desk.agent.cookie, 'POST', '/tickets', repairBody(desk.company.project.id, inquiry))).json();
    expect((await ticketRow(repair.id)).resolutionDueAt).toEqual(at('2026-11-24', '10:00'));
    const read = await desk.call(desk.steward.cookie, 'GET', '/calendar-days?year=2026');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ year: 2026, days: [] });
    expect(read.json().national.holidays).toContain('2026-10-01');
    expect(read.json().national.workdays).toContain('2026-10-10');

    const days = [
      { day: '2026-11-24', kind: 'holiday', name: '项目停业' },
      { day: '2026-11-28', kind: 'workday', name: '调休' },
    ];
    expect((await desk.call(desk.steward.cookie, 'PUT', '/calendar-days', { year: 2026, days })).statusCode).toBe(403);
    const saved = await desk.call(desk.admin.cookie, 'PUT', '/calendar-days', { year: 2026, days });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2026, days });
    expect(saved.json().recomputedTickets).toBeGreaterThanOrEqual(1);
    expect((await ticketRow(repair.id)).resolutionDueAt).toEqual(at('2026-11-25', '10:00'));
    const [audit] = await t.connection.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, desk.company.tenant.id), eq(auditLogs.entityType, 'calendar_days')));
    expect(audit).toMatchObject({ before: [], after: days });

    // Replacing the year's list drops the holiday again; other years are untouched.
    await desk.call(desk.admin.cookie, 'PUT', '/calendar-days', { year: 2027, days: [{ day: '2027-01-04', kind: 'holiday', name: '' }] });
    expect((await desk.call(desk.admin.cookie, 'PUT', '/calendar-days', { year: 2026, days: [] })).json().days).toEqual([]);
    expect((await ticketRow(repair.id)).resolutionDueAt).toEqual(at('2026-11-24', '10:00'));
    expect((await desk.call(desk.admin.cookie, 'GET', '/calendar-days?year=2027')).json().days).toHaveLength(1);
  });

  it('refuses days outside the year, twice the same day and dates that do not exist', async () => {
    const put = (days: object[]) => desk.call(desk.admin.cookie, 'PUT', '/calendar-days', { year: 2026, days });
    for (const [days, field] of [
      [[{ day: '2027-01-01', kind: 'holiday' }], 'days.0.day'],
      [
        [
          { day: '2026-05-01', kind: 'holiday' },
          { day: '2026-05-01', kind: 'workday' },
        ],
        'days.1.day',
      ],
      [[{ day: '2026-02-30', kind: 'holiday' }], 'days.0.day'],
      [[{ day: '2026-03-01', kind: 'vacation' }], 'days.0.kind'],
    ] as const) {
      const response = await put([...days]);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
  });
});
