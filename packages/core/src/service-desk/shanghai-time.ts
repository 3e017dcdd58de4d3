/**
 * Local time in Asia/Shanghai without a time-zone library. China has kept UTC+08:00 all year
 * since 1991 (no daylight saving), so a fixed offset is exact for every date the product handles.
 * Instants stay `Date` (UTC); only calendar questions (which day, which weekday, what clock
 * time) go through these helpers.
 */
const offsetMilliseconds = 8 * 60 * 60 * 1000;
const dayMilliseconds = 24 * 60 * 60 * 1000;

/** A local calendar date written as 'YYYY-MM-DD', the form holiday tables are published in. */
export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday, the numbering Chinese calendars print (周一…周日). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

function shifted(instant: Date): Date {
  return new Date(instant.getTime() + offsetMilliseconds);
}

/** The Shanghai calendar date of an instant: 2026-11-22T16:30Z is already '2026-11-23' locally. */
export function shanghaiDate(instant: Date): LocalDate {
  return shifted(instant).toISOString().slice(0, 10);
}

export function shanghaiWeekday(date: LocalDate): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** The instant at which a Shanghai date begins (local midnight, i.e. 16:00 UTC the day before). */
export function shanghaiMidnight(date: LocalDate): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new RangeError(`Not a valid date: ${date}`);
  return new Date(utcMidnight - offsetMilliseconds);
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMilliseconds).toISOString().slice(0, 10);
}

/** Builds an instant from Shanghai wall-clock parts; handy in tests and for configured times. */
export function shanghaiInstant(date: LocalDate, time = '00:00'): Date {
  return new Date(shanghaiMidnight(date).getTime() + parseClockTime(time) * 60_000);
}

/** '08:30' → 510 minutes after midnight; '24:00' is allowed as the end of a day. */
export function parseClockTime(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours * 60 + minutes > 24 * 60) throw new RangeError(`Not an HH:MM time: ${time}`);
  return hours * 60 + minutes;
}
