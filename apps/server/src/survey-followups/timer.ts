import type { FastifyBaseLogger } from 'fastify';
import type { Dependencies } from '../http/context';
import { runFollowupPass } from './pass';

export type FollowupTimer = { stop(): Promise<void> };

/**
 * The closed-loop pass on its own in-process interval (default 60 s), beside the SLA timer
 * (sla/timer.ts): detractor follow-ups wait at most a minute, and a slow pass never delays SLA
 * warnings. Ticks never overlap; failures are logged and retried on the next tick.
 */
export function startFollowupTimer(deps: Dependencies, log: FastifyBaseLogger, intervalMs = 60_000): FollowupTimer {
  let running: Promise<void> | null = null;
  const handle = setInterval(() => {
    running ??= runFollowupPass({ ...deps, log })
      .then((result) => { if (result.opened > 0) log.info(result, 'survey follow-ups opened'); })
      .catch((error: unknown) => log.error({ err: error }, 'survey follow-up pass failed'))
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
