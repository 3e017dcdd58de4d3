/**
 * The one mechanism behind the monthly rollups (analytics_ticket_months, score_months): a pass recounts the
 * current Shanghai month (and the previous one during the first two days of a month) from the records, in one
 * transaction per company, so passes on several instances, a crashed pass or a record changed twice need no
 * bookkeeping; a full recount of every month runs at start-up and every six hours, for records corrected later.
 */
import { addLocalDays, shanghaiDate } from '@manyi/core';
import type { FastifyBaseLogger } from 'fastify';
import { startBackgroundTimer, type BackgroundTimer } from './background-timer';
import type { Clock } from './clock';

export const firstMonth = '1970-01-01';

/**
 * The first month a regular pass recounts, as 'YYYY-MM-01': the current Shanghai month, and during
 * the first two days of a month the previous one too (what happened at the turn of the month).
 */
export function recentFromMonth(now: Date): string {
  const today = shanghaiDate(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  return Number(today.slice(8, 10)) <= 2 ? `${addLocalDays(monthStart, -1).slice(0, 7)}-01` : monthStart;
}

/** The first day of the month after `month` ('YYYY-MM-01'). */
export const nextMonth = (month: string) => `${addLocalDays(`${month.slice(0, 7)}-28`, 5).slice(0, 7)}-01`;

/** Recounts the months [from, until) in one transaction of its own (until null: every month from `from` on); returns the rows written. */
export type RecountMonths = (from: string, until: string | null) => Promise<number>;

export type MonthBatch = { from: string; until: string | null; ms: number };

/**
 * The batches of one pass, each its own statement and transaction, so none comes near the statement timeout
 * however long a company's history (a month is up to ~850,000 tickets at issue 16's scale, a year in one
 * statement ran past 30 s), and a reader sees each month either before or after its recount, never half of it.
 *
 * - regular pass: [recent, ∞);
 * - full recount: every month from `first` (the month of the company's first record; null without records) up to
 *   `recent`, one by one; then [epoch, first), whose rows are left over from records since deleted; then [recent, ∞).
 */
export async function recountByMonth(options: {
  full: boolean;
  recent: string;
  first: () => Promise<string | null>;
  recount: RecountMonths;
  onBatch?: ((batch: MonthBatch) => void) | undefined;
}): Promise<number> {
  const { recent, recount } = options;
  const timed = async (from: string, until: string | null) => {
    const started = performance.now();
    const rows = await recount(from, until);
    options.onBatch?.({ from, until, ms: performance.now() - started });
    return rows;
  };
  let rows = 0;
  if (options.full) {
    const first = await options.first();
    for (let month = first; month !== null && month < recent; month = nextMonth(month)) rows += await timed(month, nextMonth(month));
    const before = first !== null && first < recent ? first : recent;
    if (firstMonth < before) rows += await timed(firstMonth, before);
  }
  return rows + (await timed(recent, null));
}

const fullEveryMs = 6 * 60 * 60 * 1000;

/**
 * Runs `pass` every `everyMs` (default 30 s) after the previous one ended, so a figure lags its records by at
 * most that plus one pass. The timer ticks every 5 s and skips until the pass is due: the first pass (a full
 * recount) then starts a few seconds after start-up, not `everyMs` later.
 */
export function startMonthlyRollupTimer(
  name: string,
  clock: Clock,
  log: FastifyBaseLogger,
  pass: (full: boolean) => Promise<Record<string, unknown>>,
  everyMs = 30_000,
  tickMs = 5_000,
): BackgroundTimer {
  let lastFull = Number.NEGATIVE_INFINITY;
  let lastEnd = Number.NEGATIVE_INFINITY;
  return startBackgroundTimer(name, tickMs, log, async () => {
    if (clock.now().getTime() - lastEnd < everyMs) return;
    const full = clock.now().getTime() - lastFull >= fullEveryMs;
    try {
      const result = await pass(full);
      if (full) lastFull = clock.now().getTime();
      log.debug({ ...result, full }, `${name} refreshed`);
    } finally {
      lastEnd = clock.now().getTime();
    }
  });
}
