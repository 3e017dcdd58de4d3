import { chinaHolidays, combineHolidayTables, workingHoursCalendar, type BusinessCalendar } from '@manyi/core';
import { calendarDays, type Executor } from '@manyi/db';
import { eq } from 'drizzle-orm';

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
