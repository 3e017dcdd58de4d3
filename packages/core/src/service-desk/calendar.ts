/**
 * Business time for SLA clocks. A target such as "resolve within 480 minutes" means different
 * instants on a round-the-clock calendar (emergencies) and on the service centre's working hours
 * (routine work), and on-hold periods (挂起) never count against the team: DESIGN §3 "on_hold
 * (clock paused)".
 *
 * All arithmetic is on UTC instants; days, weekdays and opening hours are Asia/Shanghai local
 * (shanghai-time.ts). Intervals are half-open [from, to).
 */
import { type HolidayTable, chinaHolidays } from './china-holidays';
import { type LocalDate, type Weekday, addLocalDays, parseClockTime, shanghaiDate, shanghaiMidnight, shanghaiWeekday } from './shanghai-time';

export type CalendarKind = '24x7' | 'working_hours';

/** A span of time excluded from the clock, e.g. a hold from its start until it was resumed. */
export type Pause = { from: Date; to: Date };

type OpeningPeriod = { startMinute: number; endMinute: number };

export type BusinessCalendar =
  | { kind: '24x7' }
  | {
      kind: 'working_hours';
      weekdays: ReadonlySet<Weekday>;
      /** Minutes after local midnight, ascending and not overlapping. */
      periods: readonly OpeningPeriod[];
      holidays: ReadonlySet<LocalDate>;
      workdays: ReadonlySet<LocalDate>;
    };

export type WorkingHoursOptions = {
  weekdays?: readonly Weekday[];
  /** Local 'HH:MM' opening periods, e.g. a lunch break splits the day in two. */
  periods?: readonly { start: string; end: string }[];
  holidayTable?: HolidayTable;
};

export const roundTheClock: BusinessCalendar = { kind: '24x7' };

/**
 * The common office schedule of a property service centre: Monday to Friday, 08:30–12:00 and
 * 13:30–18:00 (8 hours, lunch 12:00–13:30), national holidays and 调休 days applied. Tenants whose
 * desk also opens at weekends pass their own weekdays.
 */
export const defaultWorkingHours: Required<WorkingHoursOptions> = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  holidayTable: chinaHolidays,
};

/** Builds a working-hours calendar, refusing a configuration that would make the clock ambiguous. */
export function workingHoursCalendar(options: WorkingHoursOptions = {}): BusinessCalendar {
  const settings = {
    weekdays: options.weekdays ?? defaultWorkingHours.weekdays,
    periods: options.periods ?? defaultWorkingHours.periods,
    holidayTable: options.holidayTable ?? defaultWorkingHours.holidayTable,
  };
  const periods = settings.periods.map((period) => ({ startMinute: parseClockTime(period.start), endMinute: parseClockTime(period.end) }));
  periods.forEach((period, index) => {
    const previous = periods[index - 1];
    if (period.endMinute <= period.startMinute) throw new RangeError('Each opening period must end after it starts');
    if (previous && period.startMinute < previous.endMinute) throw new RangeError('Opening periods must be ascending and must not overlap');
  });
  if (periods.length === 0 || settings.weekdays.length === 0) throw new RangeError('A working-hours calendar needs opening periods and weekdays');
  return {
    kind: 'working_hours',
    weekdays: new Set(settings.weekdays),
    periods,
    holidays: new Set(settings.holidayTable.holidays),
    workdays: new Set(settings.holidayTable.workdays),
  };
}

/** 调休 workdays win over weekends, holidays over weekdays; otherwise the weekly pattern decides. */
export function isWorkingDay(date: LocalDate, calendar: BusinessCalendar): boolean {
  if (calendar.kind === '24x7') return true;
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return calendar.weekdays.has(shanghaiWeekday(date));
}

const minuteMilliseconds = 60_000;
/** Ten years of days: enough for any real target, and a stop for a calendar that never opens. */
const maximumDaysScanned = 3_660;

/**
 * Opening intervals in milliseconds, in order, starting at `from` and stopping once a day starts
 * at or after `until`; on a 24x7 calendar the single interval ends at Infinity.
 */
function* openIntervals(from: number, until: number, calendar: BusinessCalendar): Generator<[number, number]> {
  if (calendar.kind === '24x7') {
    yield [from, Number.POSITIVE_INFINITY];
    return;
  }
  let day = shanghaiDate(new Date(from));
  for (let scanned = 0; scanned < maximumDaysScanned; scanned += 1, day = addLocalDays(day, 1)) {
    const midnight = shanghaiMidnight(day).getTime();
    if (midnight >= until) return;
    if (!isWorkingDay(day, calendar)) continue;
    for (const period of calendar.periods) {
      const end = midnight + period.endMinute * minuteMilliseconds;
      if (end <= from) continue;
      yield [Math.max(from, midnight + period.startMinute * minuteMilliseconds), end];
    }
  }
  throw new RangeError(`The calendar has no working time within ${maximumDaysScanned} days`);
}

/** Sorted, merged, non-empty pauses, so that subtraction is a single forward pass. */
function normalisePauses(pauses: readonly Pause[]): [number, number][] {
  const sorted = pauses
    .map((pause): [number, number] => [pause.from.getTime(), pause.to.getTime()])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The parts of [start, end) that fall outside every pause. */
function withoutPauses(start: number, end: number, pauses: readonly [number, number][]): [number, number][] {
  const pieces: [number, number][] = [];
  let cursor = start;
  for (const [from, to] of pauses) {
    if (to <= cursor) continue;
    if (from >= end) break;
    if (from > cursor) pieces.push([cursor, from]);
    cursor = Math.max(cursor, to);
    if (cursor >= end) break;
  }
  if (cursor < end) pieces.push([cursor, end]);
  return pieces;
}

function* countedIntervals(from: number, until: number, calendar: BusinessCalendar, pauses: readonly Pause[]): Generator<[number, number]> {
  const merged = normalisePauses(pauses);
  for (const [start, end] of openIntervals(from, until, calendar)) yield* withoutPauses(start, end, merged);
}

/**
 * The instant at which `minutes` of business time have elapsed after `start`. Time before the
 * calendar opens, outside opening hours and inside pauses does not count; a target that ends
 * exactly at closing time is due at closing time (12:00, not 13:30).
 */
export function addBusinessTime(start: Date, minutes: number, calendar: BusinessCalendar, pauses: readonly Pause[] = []): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Business minutes must be a finite non-negative number, got ${minutes}`);
  let remaining = minutes * minuteMilliseconds;
  if (remaining === 0) return new Date(start.getTime());
  for (const [from, to] of countedIntervals(start.getTime(), Number.POSITIVE_INFINITY, calendar, pauses)) {
    if (remaining <= to - from) return new Date(from + remaining);
    remaining -= to - from;
  }
  throw new RangeError('Business time could not be added');
}

/** Business minutes in [a, b) outside pauses; negative when b is before a (time left vs. overdue). */
export function businessMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar, pauses: readonly Pause[] = []): number {
  if (b.getTime() < a.getTime()) return -businessMinutesBetween(b, a, calendar, pauses);
  const end = b.getTime();
  let total = 0;
  for (const [from, to] of countedIntervals(a.getTime(), end, calendar, pauses)) {
    if (from >= end) break;
    total += Math.min(to, end) - from;
  }
  return total / minuteMilliseconds;
}
