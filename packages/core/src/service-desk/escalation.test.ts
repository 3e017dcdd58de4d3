import { describe, expect, it } from 'vitest';
import { roundTheClock, workingHoursCalendar } from './calendar';
import { breachAgeMinutes, defaultEscalationLadder, escalationLevel, escalationLevelsReached, urgentEscalationLadder } from './escalation';
import { shanghaiInstant as at } from './shanghai-time';
import { type SlaDeadline } from './sla';

describe('escalation ladder steward → project manager → quality/region → company', () => {
  it.each([
    [null, 'steward'],
    [-30, 'steward'],
    [0, 'project_manager'],
    [24 * 60 - 1, 'project_manager'],
    [24 * 60, 'quality_region'],
    [72 * 60, 'company'],
    [365 * 24 * 60, 'company'],
  ])('a breach %s minutes old reaches %s', (age, level) => {
    expect(escalationLevel(age)).toBe(level);
  });

  it('lists every rung reached so the sweep can notify each once', () => {
    expect(escalationLevelsReached(25 * 60)).toEqual(['steward', 'project_manager', 'quality_region']);
  });

  it('climbs faster on the urgent ladder', () => {
    expect(escalationLevel(90, urgentEscalationLadder)).toBe('quality_region');
    expect(escalationLevel(90, defaultEscalationLadder)).toBe('project_manager');
    expect(escalationLevel(4 * 60, urgentEscalationLadder)).toBe('company');
  });

  it('accepts a tenant ladder and refuses one out of order', () => {
    expect(escalationLevel(120, [{ level: 'project_manager', afterBreachMinutes: 120 }])).toBe('project_manager');
    expect(escalationLevel(119, [{ level: 'project_manager', afterBreachMinutes: 120 }])).toBe('steward');
    expect(() =>
      escalationLevel(10, [
        { level: 'company', afterBreachMinutes: 60 },
        { level: 'project_manager', afterBreachMinutes: 0 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('breachAgeMinutes', () => {
  const office = workingHoursCalendar();
  const deadline = (due: Date, calendar = office): SlaDeadline => ({ target: 'resolution', start: due, due, minutes: 0, calendar, pauses: [] });

  it('does not age a working-hours breach over the weekend', () => {
    const due = at('2026-11-20', '17:00');
    expect(breachAgeMinutes(deadline(due), at('2026-11-22', '22:00'))).toBe(60);
    expect(escalationLevel(breachAgeMinutes(deadline(due), at('2026-11-22', '22:00')))).toBe('project_manager');
  });

  it('ages a 24x7 breach by the wall clock', () => {
    const due = at('2026-11-20', '17:00');
    expect(breachAgeMinutes(deadline(due, roundTheClock), at('2026-11-21', '17:00'))).toBe(24 * 60);
  });

  it('is negative while time is left', () => {
    expect(breachAgeMinutes(deadline(at('2026-11-23', '10:00')), at('2026-11-23', '09:00'))).toBe(-60);
  });
});
