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
import { recentFromMonth, recountByMonth, startMonthlyRollupTimer, type MonthBatch } from '../monthly-rollup';
import { firstTicketMonth } from '../tickets/repository';
export { recentFromMonth };
import { refreshPlaceNow, refreshTicketMonths, tenantsWithData } from './repository';

export type RefreshOptions = {
  /** Only these companies (tests, the on-demand refresh); default every company. */
  tenantIds?: readonly string[] | undefined;
  /** Recount every month instead of the last two. */
  full?: boolean | undefined;
  /** Told each transaction's time (the bench's longest statement). */
  onBatch?: ((batch: MonthBatch & { tenantId: string }) => void) | undefined;
};

/**
 * One pass, in the batches of monthly-rollup.ts's recountByMonth. The batch of the recent months also replaces
 * the company's place rows, in the same transaction.
 */
export async function runAnalyticsRefresh(db: Database, clock: Clock, options: RefreshOptions = {}): Promise<{ companies: number; rows: number }> {
  const now = clock.now();
  const tenantIds = options.tenantIds ?? (await tenantsWithData(db));
  let rows = 0;
  for (const tenantId of tenantIds) {
    rows += await recountByMonth({
      full: options.full ?? false,
      recent: recentFromMonth(now),
      first: () => firstTicketMonth(db, tenantId),
      recount: (from, until) =>
        db.transaction(async (tx) => {
          const counted = await refreshTicketMonths(tx, [tenantId], from, until ?? undefined);
          if (until === null) await refreshPlaceNow(tx, [tenantId], now);
          return counted;
        }),
      onBatch: options.onBatch && ((batch) => options.onBatch?.({ ...batch, tenantId })),
    });
  }
  return { companies: tenantIds.length, rows };
}

/** How long after one pass ended the next starts: a figure lags its records by at most this plus one pass (budget 60 s). */
export const analyticsPassEveryMs = 30_000;

/** The analytics pass every `everyMs` after the previous one ended (monthly-rollup.ts). */
export function startAnalyticsTimer(db: Database, clock: Clock, log: FastifyBaseLogger, everyMs = analyticsPassEveryMs, tickMs = 5_000): BackgroundTimer {
  return startMonthlyRollupTimer('analytics rollups', clock, log, (full) => runAnalyticsRefresh(db, clock, { full }), everyMs, tickMs);
}
