/**
 * The SQL meaning of "overdue" and "due today", shared by the console tiles (stats.ts) and the
 * queue filters (GET /tickets?overdue=true, ?dueToday=true, repository.ts), so that clicking a tile
 * lists exactly the tickets it counted.
 */
import { addLocalDays, openStatuses, shanghaiDate, shanghaiMidnight } from '@manyi/core';
import { tickets } from '@manyi/db';
import { and, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';

/** Open statuses whose clocks run (on hold pauses them; the SLA sweep ignores held tickets too). */
export const runningOpenStatuses = openStatuses.filter((status) => status !== 'on_hold');

/**
 * A running clock is past its deadline: response, on-site arrival, resolution or the owner update
 * on a running open ticket, or the return visit of a resolved one that owes a visit. Deadlines are
 * cleared once met (sla/deadlines.ts), so a set deadline in the past is a missed one.
 */
export function overdueCondition(now: Date): SQL {
  return or(
    and(
      inArray(tickets.status, runningOpenStatuses),
      or(lt(tickets.responseDueAt, now), lt(tickets.arrivalDueAt, now), lt(tickets.resolutionDueAt, now), lt(tickets.nextUpdateDueAt, now)),
    ),
    and(eq(tickets.status, 'resolved'), lt(tickets.visitDueAt, now)),
  )!;
}

/** A running resolution or on-site deadline between now and the end of today in Shanghai; missed ones are overdue. */
export function dueTodayCondition(now: Date): SQL {
  const tomorrow = shanghaiMidnight(addLocalDays(shanghaiDate(now), 1));
  return and(
    inArray(tickets.status, runningOpenStatuses),
    or(and(gte(tickets.resolutionDueAt, now), lt(tickets.resolutionDueAt, tomorrow)), and(gte(tickets.arrivalDueAt, now), lt(tickets.arrivalDueAt, tomorrow))),
  )!;
}
