import { chinaHolidays, combineHolidayTables, workingHoursCalendar, type BusinessCalendar } from '@manyi/core';
import { calendarDays, type Executor } from '@manyi/db';
import { and, asc, eq, gte, lte } from 'drizzle-orm';

export type CalendarDayKind = 'holiday' | 'workday';

/**
 * The company's working-hours calendar: the core's national table (2025–2026 holidays and 调休)
 * with the company's own calendar_days laid over it, so a company can add next year's schedule
 * or a local closure, and a row for a day the national table lists wins over it.
 */
export async function tenantCalendar(db: Executor, tenantId: string): Promise<BusinessCalendar> {
  const rows = await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays).where(eq(calendarDays.tenantId, tenantId));
  const own = {
    name: chinaHolidays.name,
    holidays: rows.filter((row) => row.kind === 'holiday').map((row) => row.day),
    workdays: rows.filter((row) => row.kind === 'workday').map((row) => row.day),
  };
  return workingHoursCalendar({ holidayTable: combineHolidayTables(chinaHolidays.name, chinaHolidays, own) });
}

const inYear = (tenantId: string, year: number) =>
  and(eq(calendarDays.tenantId, tenantId), gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`));

/** The company's own rows of one year, by day. */
export async function ownCalendarDays(db: Executor, tenantId: string, year: number) {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(inYear(tenantId, year))
    .orderBy(asc(calendarDays.day));
  return rows.map((row) => ({ ...row, kind: row.kind as CalendarDayKind }));
}

/** Deletes the year's rows and inserts the given ones (run inside the caller's transaction). */
export async function replaceCalendarDays(
  tx: Executor,
  tenantId: string,
  year: number,
  days: readonly { day: string; kind: CalendarDayKind; name: string }[],
): Promise<void> {
  await tx.delete(calendarDays).where(inYear(tenantId, year));
  if (days.length > 0) await tx.insert(calendarDays).values(days.map((item) => ({ tenantId, ...item })));
}
