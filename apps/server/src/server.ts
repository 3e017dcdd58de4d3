import { join } from 'node:path';
import { connect, type Connection } from '@manyi/db';
import closeWithGrace from 'close-with-grace';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from './app';
import { detectGroupIncidents } from './incidents/detection';
import { systemClock } from './clock';
import type { Config } from './config';
import { serializeError } from './http/log-redaction';
import { watchPool } from './metrics';
import { logSmsSender } from './sms/sms-sender';
import { failInterruptedJobs } from './imports/repository';
import { startSlaTimer } from './sla/timer';
import { backfillNameInitials } from './persons/repository';
import { draftClosedComplaintCases } from './cases/drafting';
import { failInterruptedImports } from './survey-imports/repository';
import { startFollowupTimer } from './survey-followups/timer';
import { startAnalyticsTimer } from './analytics/rollup';
import { startReportTimer } from './analytics/report-jobs';
import { startScoreTimer } from './scorecards/rollup';
import { startResultsTimer } from './results/aggregator';
import { startOwnerVoiceTimer } from './owner-voice/timer';
import { startNoticeTimer } from './notices/timer';
import { localFileStorage } from './storage/file-storage';

/** Where the database is, without the password, for a message a person reads. */
function databasePlace(config: Config): string {
  if (!config.databaseUrl) return `PGlite in ${join(config.dataDir, 'pglite')}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a valid address)';
  }
}

/**
 * Opens the database and proves it answers, so a start-up that cannot reach it stops at once with
 * the reason (connections give up after 5 s) instead of serving errors.
 */
export async function openDatabase(config: Config): Promise<Connection> {
  let connection: Connection | undefined;
  try {
    connection = await connect({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), ...config.database });
    await connection.db.execute(sql`select 1`);
    return connection;
  } catch (error) {
    await connection?.close().catch(() => undefined);
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach the database (${databasePlace(config)}): ${cause}`, { cause: error });
  }
}

export function createLogger(config: Config) {
  return pino({
    level: config.logLevel,
    serializers: { err: serializeError },
    ...(process.stdout.isTTY && { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }),
  });
}

/**
 * Import jobs run in the process that took the upload; one that stopped (kill -9, a deploy) left
 * its jobs 'validating' or 'committing' for ever, the console waiting on them. At start-up they
 * fail as interrupted. PGlite has one process, so all of them; with PostgreSQL other instances
 * may be running jobs of their own, so only those older than any real run (15 minutes).
 */
export async function sweepInterruptedImports(connection: Pick<Connection, 'db' | 'kind'>, now: Date): Promise<number> {
  const before = connection.kind === 'pglite' ? now : new Date(now.getTime() - 15 * 60_000);
  return (await failInterruptedJobs(connection.db, before, now)) + (await failInterruptedImports(connection.db, before, now));
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
  watchPool(connection.poolStats);
  const swept = await sweepInterruptedImports(connection, systemClock.now());
  if (swept > 0) logger.warn({ swept }, 'import jobs interrupted by the last stop marked failed');
  const initialsFilled = await backfillNameInitials(connection.db);
  if (initialsFilled > 0) logger.info({ persons: initialsFilled }, 'pinyin initials filled for owner search');
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
  const slaTimer = slaSweep
    ? startSlaTimer({
        db: connection.db,
        clock: systemClock,
        log: app.log,
        webhookTargets: config.webhookTargets,
        // Group complaints (incidents/detection.ts) and case drafts of closed complaints (cases/drafting.ts), both idempotent.
        afterSweep: async (now) => {
          await detectGroupIncidents(connection.db, now);
          await draftClosedComplaintCases(connection.db, now);
        },
      })
    : null;
  const followupTimer = slaSweep ? startFollowupTimer(app.deps, app.log) : null;
  const resultsTimer = process.env.MANYI_RESULTS_AGGREGATOR !== 'off' ? startResultsTimer(connection.db, systemClock, app.log) : null;
  const analyticsTimer = process.env.MANYI_ANALYTICS_ROLLUPS !== 'off' ? startAnalyticsTimer(connection.db, systemClock, app.log) : null;
  // Weekly and monthly reports on their schedule, and the ones asked for (MANYI_REPORTS=off: no schedule; asked-for ones still run).
  const reportTimer = process.env.MANYI_REPORTS !== 'off' ? startReportTimer(app.deps, app.log) : null;
  const scoreTimer = process.env.MANYI_ANALYTICS_ROLLUPS !== 'off' ? startScoreTimer(connection.db, systemClock, app.log) : null;
  const ownerVoiceTimer = slaSweep ? startOwnerVoiceTimer(connection.db, app.log) : null;
  const noticeTimer = slaSweep ? startNoticeTimer(app.deps, app.log) : null;
  app.addHook('onClose', async () => {
    await slaTimer?.stop();
    await followupTimer?.stop();
    await resultsTimer?.stop();
    await analyticsTimer?.stop();
    await reportTimer?.stop();
    await scoreTimer?.stop();
    await ownerVoiceTimer?.stop();
    await noticeTimer?.stop();
  });
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await connection.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
