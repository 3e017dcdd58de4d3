/** The company's own holidays and 调休 working days, one year at a time, over the national table. */
import { chinaHolidays, shanghaiDate } from '@manyi/core';
import { recordAudit } from '../audit/record';
import { settingsChanged } from '../company-version/cache';
import type { Context } from '../http/context';
import { requirePermission } from '../policy/policy';
import { ownCalendarDays, replaceCalendarDays } from './calendar-store';
import { recomputeTenantDeadlines } from './recompute';
import type { CalendarDaysInput } from '@manyi/contracts/sla';

function nationalDays(year: number) {
  const prefix = `${year}-`;
  return { holidays: chinaHolidays.holidays.filter((day) => day.startsWith(prefix)), workdays: chinaHolidays.workdays.filter((day) => day.startsWith(prefix)) };
}

/** Readable by every staff member: the console shows working-hours deadlines to all of them. */
export async function getCalendarYear(context: Context, requestedYear: number | undefined) {
  const year = requestedYear ?? Number(shanghaiDate(context.clock.now()).slice(0, 4));
  return { year, days: await ownCalendarDays(context.db, context.principal.tenantId, year), national: nationalDays(year) };
}

/** Replaces the year's overrides in one transaction with its audit row, then recomputes deadlines (recompute.ts). */
export async function replaceCalendarYear(context: Context, input: CalendarDaysInput) {
  requirePermission(context.principal, 'sla.manage');
  const tenantId = context.principal.tenantId;
  const now = context.clock.now();
  const days = await context.db.transaction(async (tx) => {
    const before = await ownCalendarDays(tx, tenantId, input.year);
    await replaceCalendarDays(tx, tenantId, input.year, input.days);
    await settingsChanged(tx, tenantId);
    const after = await ownCalendarDays(tx, tenantId, input.year);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'calendar_days',
      entityId: null,
      summary: `修改 ${input.year} 年节假日与调休`,
      before,
      after,
    });
    return after;
  });
  const recomputedTickets = await recomputeTenantDeadlines(context.db, tenantId, now);
  return { year: input.year, days, national: nationalDays(input.year), recomputedTickets };
}
