import type { FastifyBaseLogger } from 'fastify';
import { backgroundQueue, timed } from '../metrics';

/**
 * In-process background work that outlives its request (validation and commit of an import).
 * The app waits for it on close, so a shutdown or a test never closes the database under a
 * running import.
 */
export type BackgroundWork = {
  run(name: string, log: FastifyBaseLogger, task: () => Promise<void>): void;
  drain(): Promise<void>;
};

export function backgroundWork(): BackgroundWork {
  const running = new Set<Promise<void>>();
  return {
    run(name, log, task) {
      backgroundQueue.inc({ queue: 'import_tasks' });
      const promise = Promise.resolve()
        .then(() => timed(name, task))
        .catch((error: unknown) => log.error({ err: error, task: name }, 'background task failed'))
        .finally(() => {
          running.delete(promise);
          backgroundQueue.dec({ queue: 'import_tasks' });
        });
      running.add(promise);
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
