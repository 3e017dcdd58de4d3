import { describe, expect, it } from 'vitest';
import { workingHoursCalendar } from './calendar';
import { shanghaiInstant as at } from './shanghai-time';
import { type SlaPolicy, type SlaTicket, computeDeadlines, matchPolicy, minutesRemaining, policyMatches, slaState } from './sla';
import { defaultSlaPolicies } from './sla-defaults';

const office = workingHoursCalendar();

function ticket(overrides: Partial<SlaTicket> = {}): SlaTicket {
  return {
    type: 'repair',
    categoryCode: 'engineering.water_electric',
    priority: 'normal',
    channel: 'hotline',
    projectId: 'project-1',
    reportedAt: at('2026-11-20', '17:50'),
    resolvedAt: null,
    lastOwnerUpdateAt: null,
    ...overrides,
  };
}

/** A company that answers routine repairs on weekdays only switches the default to its working-hours calendar. */
const weekdayRoutineRepair: SlaPolicy = {
  ...(defaultSlaPolicies.find((policy) => policy.code === 'routine_repair') as SlaPolicy),
  targets: {
    first_response: { minutes: 30, calendar: 'working_hours' },
    resolution: { minutes: 8 * 60, calendar: 'working_hours' },
  },
};

function policyFor(overrides: Partial<SlaTicket>): string | undefined {
  return matchPolicy(ticket(overrides), defaultSlaPolicies)?.code;
}

describe('matching: first match wins', () => {
  it.each([
    [{ categoryCode: 'order.fire' }, 'safety'],
    [{ categoryCode: 'engineering.elevator.entrapment', channel: 'gov_12345' as const }, 'safety'],
    [{ channel: 'gov_12345' as const, type: 'complaint' as const }, 'gov_12345'],
    [{ channel: 'survey' as const, type: 'complaint' as const }, 'survey_followup'],
    [{ priority: 'urgent' as const }, 'urgent_repair'],
    [{ categoryCode: 'engineering.elevator.fault' }, 'equipment_fault'],
    [{ priority: 'high' as const }, 'high_priority_repair'],
    [{}, 'routine_repair'],
    [{ type: 'common_area' as const, categoryCode: 'environment.cleaning' }, 'routine_repair'],
    [{ type: 'complaint' as const, categoryCode: 'service.attitude' }, 'complaint'],
    [{ type: 'inquiry' as const, categoryCode: 'fees.property_fee' }, 'inquiry'],
    [{ type: 'praise' as const, categoryCode: null }, 'suggestion_praise'],
  ])('%j → %s', (overrides, code) => {
    expect(policyFor(overrides)).toBe(code);
  });

  it('matches category prefixes on whole segments', () => {
    const policy: SlaPolicy = {
      code: 'x',
      name: { 'zh-CN': 'x', 'en-US': 'x' },
      match: { categoryPrefixes: ['engineering.elevator'] },
      targets: {},
      rationale: { 'zh-CN': '', 'en-US': '' },
    };
    expect(policyMatches(policy, ticket({ categoryCode: 'engineering.elevator.fault' }))).toBe(true);
    expect(policyMatches(policy, ticket({ categoryCode: 'engineering.elevators' }))).toBe(false);
    expect(policyMatches(policy, ticket({ categoryCode: null }))).toBe(false);
  });

  it('lets a tenant put a project exception first', () => {
    const vip: SlaPolicy = { ...(defaultSlaPolicies.at(-1) as SlaPolicy), code: 'vip', match: { projectIds: ['project-vip'] } };
    expect(matchPolicy(ticket({ projectId: 'project-vip' }), [vip, ...defaultSlaPolicies])?.code).toBe('vip');
    expect(matchPolicy(ticket(), [vip, ...defaultSlaPolicies])?.code).toBe('routine_repair');
  });

  it('always finds a policy thanks to the fallback', () => {
    expect(policyFor({ type: 'suggestion', channel: 'patrol', categoryCode: null })).toBe('suggestion_praise');
    expect(defaultSlaPolicies.at(-1)?.match).toEqual({});
  });
});

describe('computeDeadlines', () => {
  it('runs the default repair and complaint policies round the clock: a Sunday repair is answered on Sunday', () => {
    const sunday = ticket({ reportedAt: at('2026-11-22', '10:00') });
    const repair = computeDeadlines(sunday, matchPolicy(sunday, defaultSlaPolicies) as SlaPolicy, office);
    expect(repair.first_response?.due).toEqual(at('2026-11-22', '10:30'));
    expect(repair.resolution?.due).toEqual(at('2026-11-23', '10:00'));
    const complaint = ticket({ type: 'complaint', categoryCode: 'service.attitude', reportedAt: at('2026-11-22', '10:00') });
    const answered = computeDeadlines(complaint, matchPolicy(complaint, defaultSlaPolicies) as SlaPolicy, office);
    expect(answered.first_response?.due).toEqual(at('2026-11-22', '10:30'));
    expect(answered.resolution?.due).toEqual(at('2026-11-25', '10:00'));
  });

  it("gives a Friday 17:50 repair under a company's weekday policy its first response Monday 08:50 and resolution Monday 17:50", () => {
    const policy = weekdayRoutineRepair;
    const deadlines = computeDeadlines(ticket(), policy, office);
    // 10 minutes on Friday + 20 on Monday; one working day = 480 minutes: 10 Friday + 470 Monday.
    expect(deadlines.first_response?.due).toEqual(at('2026-11-23', '08:50'));
    expect(deadlines.resolution?.due).toEqual(at('2026-11-23', '17:50'));
    expect(deadlines.on_site).toBeUndefined();
    expect(deadlines.return_visit).toBeUndefined();
  });

  it('runs a fire report at 03:00 on Sunday on the 24x7 clock: on site by 03:08', () => {
    const fire = ticket({ categoryCode: 'order.fire', reportedAt: at('2026-11-22', '03:00') });
    const deadlines = computeDeadlines(fire, matchPolicy(fire, defaultSlaPolicies) as SlaPolicy, office);
    expect(deadlines.on_site?.due).toEqual(at('2026-11-22', '03:08'));
    expect(deadlines.first_response?.due).toEqual(at('2026-11-22', '03:05'));
  });

  it('gives a 12345 referral received before National Day one working day to respond and five to conclude', () => {
    const referral = ticket({ type: 'complaint', channel: 'gov_12345', categoryCode: 'order.noise', reportedAt: at('2026-09-30', '10:00') });
    const deadlines = computeDeadlines(referral, matchPolicy(referral, defaultSlaPolicies) as SlaPolicy, office);
    // 30 Sep 10:00–18:00 holds 390 working minutes (lunch excluded); the other 90 fall on Thursday 8 October.
    expect(deadlines.first_response?.due).toEqual(at('2026-10-08', '10:00'));
    // 2400 minutes: 390 + 8 Oct 480 + 9 Oct 480 + Sat 10 Oct (调休) 480 + Mon 12 Oct 480 = 2310, then 90 on 13 Oct.
    expect(deadlines.resolution?.due).toEqual(at('2026-10-13', '10:00'));
  });

  it('schedules complaint updates every 24 hours from the last one, and the return visit 3 days after resolution', () => {
    const complaint = ticket({ type: 'complaint', categoryCode: 'service.attitude', reportedAt: at('2026-11-23', '09:00') });
    const policy = matchPolicy(complaint, defaultSlaPolicies) as SlaPolicy;
    expect(computeDeadlines(complaint, policy, office).owner_update?.due).toEqual(at('2026-11-24', '09:00'));
    const updated = { ...complaint, lastOwnerUpdateAt: at('2026-11-24', '08:00') };
    expect(computeDeadlines(updated, policy, office).owner_update?.due).toEqual(at('2026-11-25', '08:00'));
    const resolved = { ...updated, resolvedAt: at('2026-11-25', '16:00') };
    const deadlines = computeDeadlines(resolved, policy, office);
    expect(deadlines.owner_update).toBeUndefined();
    expect(deadlines.return_visit?.due).toEqual(at('2026-11-28', '16:00'));
  });

  it('moves deadlines by the time spent on hold', () => {
    const repair = ticket({ reportedAt: at('2026-11-23', '09:00') });
    const policy = weekdayRoutineRepair;
    const pauses = [{ from: at('2026-11-23', '10:00'), to: at('2026-11-24', '10:00') }];
    // 60 minutes before the hold; after it resumes on Tuesday 10:00, 390 that day and the last 30 on Wednesday.
    expect(computeDeadlines(repair, policy, office, pauses).resolution?.due).toEqual(at('2026-11-25', '09:00'));
  });
});

describe('slaState', () => {
  const repair = ticket({ reportedAt: at('2026-11-23', '09:00') });
  const deadline = computeDeadlines(repair, weekdayRoutineRepair, office).resolution;
  if (!deadline) throw new Error('expected a resolution deadline');

  it('is ok before 80% of the business time, warning after, breached at the deadline', () => {
    // 480 minutes from Monday 09:00 end Tuesday 09:00 (450 on Monday, 30 on Tuesday); 80% = 384
    // minutes = 180 in the morning + 204 after lunch = Monday 16:54.
    expect(deadline.due).toEqual(at('2026-11-24', '09:00'));
    expect(slaState(deadline, at('2026-11-23', '16:53'))).toBe('ok');
    expect(slaState(deadline, at('2026-11-23', '16:54'))).toBe('warning');
    expect(slaState(deadline, at('2026-11-24', '08:59'))).toBe('warning');
    expect(slaState(deadline, at('2026-11-24', '09:00'))).toBe('breached');
  });

  it('takes the warning share as a parameter', () => {
    expect(slaState(deadline, at('2026-11-23', '13:00'), 0.5)).toBe('ok');
    expect(slaState(deadline, at('2026-11-23', '15:00'), 0.5)).toBe('warning');
    expect(() => slaState(deadline, at('2026-11-23', '15:00'), 0)).toThrow(RangeError);
  });

  it('does not turn amber over the weekend for a Friday-evening repair', () => {
    const friday = computeDeadlines(ticket(), weekdayRoutineRepair, office).resolution;
    if (!friday) throw new Error('expected a resolution deadline');
    expect(slaState(friday, at('2026-11-22', '20:00'))).toBe('ok');
  });

  it('counts the time left in business minutes', () => {
    expect(minutesRemaining(deadline, at('2026-11-23', '17:00'))).toBe(90);
    expect(minutesRemaining(deadline, at('2026-11-24', '10:00'))).toBe(-60);
  });
});
