/**
 * The scorecards' background pass: score_months recounted from the point sources (sources.ts) through the one
 * monthly-rollup mechanism the analytics rollups use (monthly-rollup.ts): the current month every 30 s after the
 * previous pass, every month at start-up and every six hours. A point earned now shows within one interval plus
 * one pass (scorecards.test.ts checks the pass; bench/scorecards.ts times it at scale).
 */
import type { Database } from '@manyi/db';
import type { FastifyBaseLogger } from 'fastify';
import type { BackgroundTimer } from '../background-timer';
import type { Clock } from '../clock';
import { recentFromMonth, recountByMonth, startMonthlyRollupTimer, type MonthBatch } from '../monthly-rollup';
import { firstTicketMonth } from '../tickets/repository';
import { refreshScoreMonths, tenantsWithStaff } from './repository';
import { scoreSources } from './sources';

export type ScoreRefreshOptions = {
  tenantIds?: readonly string[] | undefined;
  full?: boolean | undefined;
  /** Told each transaction's time (the bench's longest statement). */
  onBatch?: ((batch: MonthBatch) => void) | undefined;
};

/**
 * One pass, in recountByMonth's batches. Tickets are most of the points, so a full recount goes month by month
 * from the first ticket; points of other records before it (texts, 感动点, learning) fall in the batch before.
 */
export async function runScoreRefresh(db: Database, clock: Clock, options: ScoreRefreshOptions = {}): Promise<{ companies: number; rows: number }> {
  const tenantIds = options.tenantIds ?? (await tenantsWithStaff(db));
  let rows = 0;
  for (const tenantId of tenantIds) {
    rows += await recountByMonth({
      full: options.full ?? false,
      recent: recentFromMonth(clock.now()),
      first: () => firstTicketMonth(db, tenantId),
      recount: (from, until) => db.transaction((tx) => refreshScoreMonths(tx, tenantId, scoreSources, from, until)),
      onBatch: options.onBatch,
    });
  }
  return { companies: tenantIds.length, rows };
}

export function startScoreTimer(db: Database, clock: Clock, log: FastifyBaseLogger, everyMs = 30_000): BackgroundTimer {
  return startMonthlyRollupTimer('scorecard rollups', clock, log, (full) => runScoreRefresh(db, clock, { full }), everyMs);
}
