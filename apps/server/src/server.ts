import { join } from 'node:path';
import { connect, type Connection } from '@manyi/db';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app';
import { detectGroupIncidents } from './incidents/detection';
import { systemClock } from './clock';
import type { Config } from './config';
import { logSmsSender } from './sms/sms-sender';
import { startSlaTimer } from './sla/timer';
import { startFollowupTimer } from './survey-followups/timer';
import { startResultsTimer } from './results/aggregator';
import { localFileStorage } from './storage/file-storage';

export function openDatabase(config: Config): Promise<Connection> {
  return connect({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
}

export function createLogger(config: Config) {
  return pino({ level: config.logLevel, ...(process.stdout.isTTY && { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }) });
}

export type ServeOptions = {
  /** Run the SLA sweep and webhook deliveries on a timer (default true; MANYI_SLA_SWEEP=off disables it). */
  slaSweep?: boolean;
};

/**
 * Starts the HTTP server and the SLA timer, and closes them (timer, in-flight requests, then the
 * database) on SIGINT/SIGTERM. The timer lives here, not in buildApp, so tests run sweeps explicitly.
 */
export async function serve(config: Config, connection: Connection, logger = createLogger(config), options: ServeOptions = {}) {
  const app = await buildApp({
    deps: {
      db: connection.db,
      clock: systemClock,
      config,
      sms: logSmsSender(logger),
      storage: localFileStorage(join(config.dataDir, 'uploads')),
    },
    logger,
  });
  const slaSweep = options.slaSweep ?? process.env.MANYI_SLA_SWEEP !== 'off';
  const slaTimer = slaSweep ? startSlaTimer({
    db: connection.db, clock: systemClock, log: app.log,
    afterSweep: (now) => detectGroupIncidents(connection.db, now), // group complaints: incidents/detection.ts (idempotent)
  }) : null;
  const followupTimer = slaSweep ? startFollowupTimer(app.deps, app.log) : null;
  const resultsTimer = process.env.MANYI_RESULTS_AGGREGATOR !== 'off' ? startResultsTimer(connection.db, systemClock, app.log) : null;
  app.addHook('onClose', async () => { await slaTimer?.stop(); await followupTimer?.stop(); await resultsTimer?.stop(); });
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await connection.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
