/**
 * The analytics rollups' background pass (issue 16 §7: figures at most 60 s behind the records).
 *
 * Every pass recounts the current Shanghai month of analytics_ticket_months (and the previous one
 * during the first two days of a month) and the whole of analytics_place_now, in one transaction
 * per company: a recount is idempotent, so passes on several instances, a crashed pass or a
 * ticket changed twice need no bookkeeping. What moves a month's figures — a receipt, a
 * resolution, a return visit — is counted in the month it happens. Tickets reported earlier
 * change their months' counts only when corrected (type, category, cancelled): the full recount,
 * at start-up and every six hours, picks those up.
 */
import type { Database } from '@manyi/db';
import type { FastifyBaseLogger } from 'fastify';
import type { BackgroundTimer } from '../background-timer';
import type { Clock } from '../clock';
import { addLocalDays } from '@manyi/core';
import { firstMonth, recentFromMonth, startMonthlyRollupTimer } from '../monthly-rollup';
export { recentFromMonth };
import { firstTicketMonth, refreshPlaceNow, refreshTicketMonths, tenantsWithData } from './repository';

export type RefreshOptions = {
  /** Only these companies (tests, the on-demand refresh); default every company. */
  tenantIds?: readonly string[] | undefined;
  /** Recount every month instead of the last two. */
  full?: boolean | undefined;
  /** Told each transaction's time (the bench's longest statement). */
  onBatch?: ((batch: { tenantId: string; from: string; ms: number }) => void) | undefined;
};

const nextMonth = (month: string) => `${addLocalDays(`${month.slice(0, 7)}-28`, 5).slice(0, 7)}-01`;

/**
 * One pass. The regular pass recounts the recent months of a company and its place rows in one
 * transaction. The full recount goes month by month from the company's first ticket, each month
 * its own statement and transaction (a month is a few hundred thousand tickets at the largest
 * scale), so no statement comes near the statement timeout however long the history; readers
 * see each month either before or after its recount, never half of it.
 */
export async function runAnalyticsRefresh(db: Database, clock: Clock, options: RefreshOptions = {}): Promise<{ companies: number; rows: number }> {
  const now = clock.now();
  const recent = recentFromMonth(now);
  const tenantIds = options.tenantIds ?? (await tenantsWithData(db));
  let rows = 0;
  for (const tenantId of tenantIds) {
    if (options.full) {
      const first = await firstTicketMonth(db, tenantId);
      for (let month = first; month !== null && month < recent; month = nextMonth(month)) {
        const until = nextMonth(month);
        const started = performance.now();
        rows += await db.transaction((tx) => refreshTicketMonths(tx, [tenantId], month!, until));
        options.onBatch?.({ tenantId, from: month, ms: performance.now() - started });
      }
      // Rows of months before the first ticket (tickets since deleted) go too.
      await db.transaction((tx) => refreshTicketMonths(tx, [tenantId], firstMonth, first ?? recent));
    }
    const started = performance.now();
    rows += await db.transaction(async (tx) => {
      const counted = await refreshTicketMonths(tx, [tenantId], recent);
      await refreshPlaceNow(tx, [tenantId], now);
      return counted;
    });
    options.onBatch?.({ tenantId, from: recent, ms: performance.now() - started });
  }
  return { companies: tenantIds.length, rows };
}

/** How long after one pass ended the next starts: a figure lags its records by at most this plus one pass (budget 60 s). */
export const analyticsPassEveryMs = 30_000;

/** The analytics pass every `everyMs` after the previous one ended (monthly-rollup.ts). */
export function startAnalyticsTimer(db: Database, clock: Clock, log: FastifyBaseLogger, everyMs = analyticsPassEveryMs, tickMs = 5_000): BackgroundTimer {
  return startMonthlyRollupTimer('analytics rollups', clock, log, (full) => runAnalyticsRefresh(db, clock, { full }), everyMs, tickMs);
}
