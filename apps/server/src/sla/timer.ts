import type { Database } from '@manyi/db';
import type { FastifyBaseLogger } from 'fastify';
import { startBackgroundTimer, type BackgroundTimer } from '../background-timer';
import type { Clock } from '../clock';
import { deliverWebhooks, type FetchLike } from './delivery';
import { raiseHoldExpiredAlerts } from './hold-expiry';
import { runSlaSweep } from './sweep';
import { webhookFetch, type WebhookTargetPolicy } from './webhook-target';

export type SlaTimerOptions = {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  webhookTargets: WebhookTargetPolicy;
  intervalMs?: number;
  fetchImpl?: FetchLike;
  /** More desk work on the same tick, after the deliveries (server.ts: group-incident detection, which sla/ cannot import without a cycle). */
  afterSweep?: (now: Date) => Promise<unknown>;
};
export type SlaTimer = BackgroundTimer;

/**
 * Runs the SLA sweep, the expired-hold check and then the webhook deliveries every interval (default 30 s), in-process
 * (DESIGN §2). Every instance of the server may run it: the sweep's writes are idempotent and
 * deliveries are claimed. A tick never overlaps the previous one; errors are logged, never thrown.
 */
export function startSlaTimer(options: SlaTimerOptions): SlaTimer {
  const fetchImpl = options.fetchImpl ?? webhookFetch(options.webhookTargets);
  return startBackgroundTimer('sla sweep', options.intervalMs ?? 30_000, options.log, async () => {
    const sweep = await runSlaSweep(options.db, options.clock.now());
    // Expired holds are flagged to a person, never resumed by the machine (hold-expiry.ts).
    const holds = await raiseHoldExpiredAlerts(options.db, options.clock.now());
    const sent = await deliverWebhooks(options.db, fetchImpl, options.clock.now());
    await options.afterSweep?.(options.clock.now());
    if (sweep.alerts + holds.alerts > 0 || sent.sent + sent.retried + sent.failed > 0) options.log.info({ sweep, holds, sent }, 'sla sweep');
  });
}
