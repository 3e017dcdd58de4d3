import type { FastifyBaseLogger } from 'fastify';
import { startBackgroundTimer, type BackgroundTimer } from '../background-timer';
import type { Dependencies } from '../http/context';
import { runReminderPass } from './service';

/** The notices' reminder pass on its own interval (default 5 min); idempotent, so a missed tick only delays. */
export function startNoticeTimer(deps: Dependencies, log: FastifyBaseLogger, intervalMs = 300_000): BackgroundTimer {
  return startBackgroundTimer('notice reminder pass', intervalMs, log, async () => {
    const reminded = await runReminderPass(deps, deps.clock.now());
    if (reminded > 0) log.info({ reminded }, 'unread notices reminded');
  });
}
