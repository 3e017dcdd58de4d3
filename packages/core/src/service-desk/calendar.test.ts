import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessMinutesBetween, isWorkingDay, roundTheClock, workingHoursCalendar } from './calendar';
import { combineHolidayTables, noHolidays } from './china-holidays';
import { shanghaiDate, shanghaiInstant as at, shanghaiWeekday } from './shanghai-time';

const office = workingHoursCalendar();

describe('Shanghai local time', () => {
  it('puts 16:30 UTC on the next local day', () => {
    expect(shanghaiDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(at('2026-11-23', '08:30').toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });

  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(shanghaiWeekday('2026-11-23')).toBe(1);
    expect(shanghaiWeekday('2026-11-22')).toBe(7);
  });
});

describe('working days: weekends, holidays and 调休', () => {
  it.each([
    ['2026-11-20', true], // Friday
    ['2026-11-21', false], // Saturday
    ['2026-10-01', false], // 国庆节
    ['2026-10-08', true], // Thursday after the holiday
    ['2026-10-10', true], // Saturday worked in exchange (调休)
    ['2026-09-20', true], // Sunday worked in exchange
    ['2026-02-14', true], // Saturday before 春节
    ['2026-02-16', false], // 除夕
    ['2026-01-04', true], // Sunday after 元旦
    ['2025-01-26', true], // 2025 春节 make-up Sunday
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(date, office)).toBe(working);
  });

  it('lets a tenant add its own closure day', () => {
    const table = combineHolidayTables({ 'zh-CN': '本项目', 'en-US': 'This project' }, noHolidays, {
      name: noHolidays.name,
      holidays: ['2026-11-24'],
      workdays: [],
    });
    expect(isWorkingDay('2026-11-24', workingHoursCalendar({ holidayTable: table }))).toBe(false);
  });
});

describe('addBusinessTime on Mon–Fri 08:30–12:00 and 13:30–18:00', () => {
  it('carries a Friday 17:50 repair with a 60-minute target to Monday 09:20', () => {
    // 10 minutes on Friday, the other 50 from Monday's 08:30 opening.
    expect(addBusinessTime(at('2026-11-20', '17:50'), 60, office)).toEqual(at('2026-11-23', '09:20'));
  });

  it('skips the lunch break', () => {
    expect(addBusinessTime(at('2026-11-23', '11:30'), 60, office)).toEqual(at('2026-11-23', '14:00'));
  });

  it('is due at closing time when the target ends exactly there', () => {
    expect(addBusinessTime(at('2026-11-23', '11:00'), 60, office)).toEqual(at('2026-11-23', '12:00'));
  });

  it('starts counting at opening time for a report made before it', () => {
    expect(addBusinessTime(at('2026-11-23', '07:00'), 30, office)).toEqual(at('2026-11-23', '09:00'));
  });

  it('jumps over the National Day week to the Thursday after', () => {
    // 60 minutes on Wednesday 30 September, none from 1 to 7 October, 60 on Thursday 8 October.
    expect(addBusinessTime(at('2026-09-30', '17:00'), 120, office)).toEqual(at('2026-10-08', '09:30'));
  });

  it('counts the 调休 Saturday 10 October 2026 as a working day', () => {
    expect(addBusinessTime(at('2026-10-09', '17:30'), 60, office)).toEqual(at('2026-10-10', '09:00'));
  });

  it('counts the Saturday worked before Spring Festival, then skips the nine-day holiday', () => {
    expect(addBusinessTime(at('2026-02-13', '17:00'), 120, office)).toEqual(at('2026-02-14', '09:30'));
    // One full working day (480 minutes) from Saturday 14 February 17:00: 60 that evening, then
    // the holiday 15–23 February, then 420 from Tuesday 24 February 08:30 → 17:00.
    expect(addBusinessTime(at('2026-02-14', '17:00'), 480, office)).toEqual(at('2026-02-24', '17:00'));
  });

  it('treats a holiday Saturday reported ticket as starting on the 调休 Sunday', () => {
    expect(addBusinessTime(at('2026-01-03', '10:00'), 30, office)).toEqual(at('2026-01-04', '09:00'));
  });

  it('five working days from a Monday morning end the same Friday evening', () => {
    expect(addBusinessTime(at('2026-11-23', '08:30'), 5 * 480, office)).toEqual(at('2026-11-27', '18:00'));
  });

  it('returns the start for a zero target and refuses negative ones', () => {
    expect(addBusinessTime(at('2026-11-21', '10:00'), 0, office)).toEqual(at('2026-11-21', '10:00'));
    expect(() => addBusinessTime(at('2026-11-21', '10:00'), -5, office)).toThrow(RangeError);
  });
});

describe('pauses (on hold)', () => {
  it('excludes a pause inside opening hours', () => {
    const pauses = [{ from: at('2026-11-23', '09:30'), to: at('2026-11-23', '10:30') }];
    expect(addBusinessTime(at('2026-11-23', '09:00'), 120, office, pauses)).toEqual(at('2026-11-23', '12:00'));
  });

  it('merges overlapping pauses and ignores empty ones', () => {
    const pauses = [
      { from: at('2026-11-23', '10:00'), to: at('2026-11-23', '11:00') },
      { from: at('2026-11-23', '09:30'), to: at('2026-11-23', '10:30') },
      { from: at('2026-11-23', '15:00'), to: at('2026-11-23', '15:00') },
    ];
    // 30 minutes before the merged 09:30–11:00 pause, 60 after it until lunch, 30 after lunch.
    expect(addBusinessTime(at('2026-11-23', '09:00'), 120, office, pauses)).toEqual(at('2026-11-23', '14:00'));
    expect(businessMinutesBetween(at('2026-11-23', '09:00'), at('2026-11-23', '12:00'), office, pauses)).toBe(90);
  });

  it('pauses a 24x7 clock too', () => {
    const pauses = [{ from: at('2026-11-23', '02:00'), to: at('2026-11-23', '05:00') }];
    expect(addBusinessTime(at('2026-11-23', '01:00'), 120, roundTheClock, pauses)).toEqual(at('2026-11-23', '06:00'));
  });

  it('a pause over the weekend changes nothing on a working-hours clock', () => {
    const pauses = [{ from: at('2026-11-21', '00:00'), to: at('2026-11-23', '00:00') }];
    expect(addBusinessTime(at('2026-11-20', '17:50'), 60, office, pauses)).toEqual(at('2026-11-23', '09:20'));
  });
});

describe('businessMinutesBetween', () => {
  it('counts the Friday-evening example back to 60 minutes, and negative the other way', () => {
    expect(businessMinutesBetween(at('2026-11-20', '17:50'), at('2026-11-23', '09:20'), office)).toBe(60);
    expect(businessMinutesBetween(at('2026-11-23', '09:20'), at('2026-11-20', '17:50'), office)).toBe(-60);
  });

  it('counts nothing over a holiday week', () => {
    expect(businessMinutesBetween(at('2026-10-01', '00:00'), at('2026-10-08', '00:00'), office)).toBe(0);
  });

  it('counts wall-clock minutes on a 24x7 calendar', () => {
    expect(businessMinutesBetween(at('2026-11-23', '23:52'), at('2026-11-24', '00:00'), roundTheClock)).toBe(8);
  });

  it('inverts addBusinessTime for many starts and targets', () => {
    const starts = ['2026-02-13T09:10:00Z', '2026-09-30T08:59:00Z', '2026-11-20T09:50:00Z', '2026-12-31T15:00:00Z'].map((iso) => new Date(iso));
    for (const start of starts) {
      for (const minutes of [1, 29, 60, 480, 1441, 2400]) {
        expect(businessMinutesBetween(start, addBusinessTime(start, minutes, office), office)).toBeCloseTo(minutes, 9);
      }
    }
  });
});

describe('configuration', () => {
  it('accepts a seven-day service centre with one long period', () => {
    const daily = workingHoursCalendar({ weekdays: [1, 2, 3, 4, 5, 6, 7], periods: [{ start: '08:00', end: '20:00' }], holidayTable: noHolidays });
    expect(addBusinessTime(at('2026-11-21', '19:30'), 60, daily)).toEqual(at('2026-11-22', '08:30'));
  });

  it.each([
    [[{ start: '12:00', end: '08:30' }]],
    [
      [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '18:00' },
      ],
    ],
    [[{ start: '8:30', end: '12:00' }]],
    [[]],
  ])('refuses ambiguous opening periods %j', (periods) => {
    expect(() => workingHoursCalendar({ periods })).toThrow(RangeError);
  });
});
