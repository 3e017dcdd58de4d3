import type { FastifyBaseLogger } from 'fastify';
import { startBackgroundTimer, type BackgroundTimer } from '../background-timer';
import { closeEndedCampaigns } from '../campaigns/closing';
import type { Dependencies } from '../http/context';
import { runFollowupPass } from './pass';

export type FollowupTimer = BackgroundTimer;

/**
 * The survey passes on their own in-process interval (default 60 s), beside the SLA timer
 * (sla/timer.ts): campaigns past their closing time are closed (campaigns/closing.ts), then the
 * closed-loop pass runs, so detractor follow-ups wait at most a minute and a slow pass never
 * delays SLA warnings. Ticks never overlap; failures are logged and retried on the next tick.
 */
export function startFollowupTimer(deps: Dependencies, log: FastifyBaseLogger, intervalMs = 60_000): FollowupTimer {
  return startBackgroundTimer('survey background pass', intervalMs, log, async () => {
    const closed = await closeEndedCampaigns(deps.db, deps.clock.now());
    if (closed > 0) log.info({ closed }, 'survey campaigns closed at their closing time');
    const result = await runFollowupPass({ ...deps, log });
    if (result.opened > 0) log.info(result, 'survey follow-ups opened');
  });
}
