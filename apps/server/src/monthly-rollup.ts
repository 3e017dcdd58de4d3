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
