import type { Database } from '@manyi/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import { deliverWebhooks, type FetchLike } from './delivery';
import { runSlaSweep } from './sweep';

export type SlaTimerOptions = { db: Database; clock: Clock; log: FastifyBaseLogger; intervalMs?: number; fetchImpl?: FetchLike };
export type SlaTimer = { stop(): Promise<void> };

/**
 * Runs the SLA sweep and then the webhook deliveries every interval (default 30 s), in-process
 * (DESIGN §2). Every instance of the server may run it: the sweep's writes are idempotent and
 * deliveries are claimed. A tick never overlaps the previous one; errors are logged, never thrown.
 */
export function startSlaTimer(options: SlaTimerOptions): SlaTimer {
  const fetchImpl = options.fetchImpl ?? (fetch as unknown as FetchLike);
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        const sweep = await runSlaSweep(options.db, options.clock.now());
        const sent = await deliverWebhooks(options.db, fetchImpl, options.clock.now());
        if (sweep.alerts > 0 || sent.sent + sent.retried + sent.failed > 0) options.log.info({ sweep, sent }, 'sla sweep');
      } catch (error) {
        options.log.error({ err: error }, 'sla sweep failed');
      } finally {
        running = null;
      }
    })();
  };
  const handle = setInterval(tick, options.intervalMs ?? 30_000);
  handle.unref();
  return {
    async stop() {
      clearInterval(handle);
      await running;
    },
  };
}
