/** The company's own holidays and 调休 working days, one year at a time, over the national table. */
import { chinaHolidays, shanghaiDate } from '@manyi/core';
import { calendarDays, type Executor } from '@manyi/db';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import { settingsChanged } from '../company-version/cache';
import type { Context } from '../http/context';
import { requirePermission } from '../policy/policy';
import type { CalendarDayKind } from './calendar-store';
import { recomputeTenantDeadlines } from './recompute';
import type { CalendarDaysInput } from '@manyi/contracts/sla';

const inYear = (tenantId: string, year: number) =>
  and(eq(calendarDays.tenantId, tenantId), gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`));

async function ownDays(db: Executor, tenantId: string, year: number) {
  const rows = await db.select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays)
    .where(inYear(tenantId, year)).orderBy(asc(calendarDays.day));
  return rows.map((row) => ({ ...row, kind: row.kind as CalendarDayKind }));
}

function nationalDays(year: number) {
  const prefix = `${year}-`;
  return { holidays: chinaHolidays.holidays.filter((day) => day.startsWith(prefix)), workdays: chinaHolidays.workdays.filter((day) => day.startsWith(prefix)) };
}

/** Readable by every staff member: the console shows working-hours deadlines to all of them. */
export async function getCalendarYear(context: Context, requestedYear: number | undefined) {
  const year = requestedYear ?? Number(shanghaiDate(context.clock.now()).slice(0, 4));
  return { year, days: await ownDays(context.db, context.principal.tenantId, year), national: nationalDays(year) };
}

/** Replaces the year's overrides in one transaction with its audit row, then recomputes deadlines (recompute.ts). */
export async function replaceCalendarYear(context: Context, input: CalendarDaysInput) {
  requirePermission(context.principal, 'sla.manage');
  const tenantId = context.principal.tenantId;
  const now = context.clock.now();
  const days = await context.db.transaction(async (tx) => {
    const before = await ownDays(tx, tenantId, input.year);
    await tx.delete(calendarDays).where(inYear(tenantId, input.year));
    if (input.days.length > 0) await tx.insert(calendarDays).values(input.days.map((item) => ({ tenantId, ...item })));
    await settingsChanged(tx, tenantId);
    const after = await ownDays(tx, tenantId, input.year);
    await recordAudit(tx, context, { action: 'update', entityType: 'calendar_days', entityId: null, summary: `修改 ${input.year} 年节假日与调休`, before, after });
    return after;
  });
  const recomputedTickets = await recomputeTenantDeadlines(context.db, tenantId, now);
  return { year: input.year, days, national: nationalDays(input.year), recomputedTickets };
}
