import type { FastifyBaseLogger } from 'fastify';
import { timed } from './metrics';

export type BackgroundTimer = { stop(): Promise<void> };

/**
 * Runs `pass` every `intervalMs`, in-process, for the background work beside the HTTP server
 * (SLA sweep, survey follow-ups, results aggregation). A tick never overlaps the previous pass:
 * a slow pass makes the next ticks skip, not pile up. Failures are logged under `name` and
 * retried on the next tick, never thrown. The interval is unref'd so it never keeps the process
 * alive on its own; stop() clears it and waits for the pass under way.
 */
export function startBackgroundTimer(name: string, intervalMs: number, log: FastifyBaseLogger, pass: () => Promise<void>): BackgroundTimer {
  let running: Promise<void> | null = null;
  const handle = setInterval(() => {
    running ??= timed(name, pass)
      .catch((error: unknown) => log.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  handle.unref();
  return {
    async stop() {
      clearInterval(handle);
      await running;
    },
  };
}
