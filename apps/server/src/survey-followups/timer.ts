import type { FastifyBaseLogger } from 'fastify';
import { closeEndedCampaigns } from '../campaigns/closing';
import type { Dependencies } from '../http/context';
import { runFollowupPass } from './pass';

export type FollowupTimer = { stop(): Promise<void> };

/**
 * The survey passes on their own in-process interval (default 60 s), beside the SLA timer
 * (sla/timer.ts): campaigns past their closing time are closed (campaigns/closing.ts), then the
 * closed-loop pass runs, so detractor follow-ups wait at most a minute and a slow pass never
 * delays SLA warnings. Ticks never overlap; failures are logged and retried on the next tick.
 */
export function startFollowupTimer(deps: Dependencies, log: FastifyBaseLogger, intervalMs = 60_000): FollowupTimer {
  let running: Promise<void> | null = null;
  const handle = setInterval(() => {
    running ??= closeEndedCampaigns(deps.db, deps.clock.now())
      .then((closed) => { if (closed > 0) log.info({ closed }, 'survey campaigns closed at their closing time'); })
      .then(() => runFollowupPass({ ...deps, log }))
      .then((result) => { if (result.opened > 0) log.info(result, 'survey follow-ups opened'); })
      .catch((error: unknown) => log.error({ err: error }, 'survey background pass failed'))
      .finally(() => { running = null; });
  }, intervalMs);
  handle.unref();
  return {
    async stop() {
      clearInterval(handle);
      await running;
    },
  };
}
