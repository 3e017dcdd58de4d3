import { join } from 'node:path';
import { connect, type Connection } from '@manyi/db';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app';
import { systemClock } from './clock';
import type { Config } from './config';
import { logSmsSender } from './owners/sms';
import { localFileStorage } from './storage/file-storage';

export function openDatabase(config: Config): Promise<Connection> {
  return connect({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
}

export function createLogger(config: Config) {
  return pino({ level: config.logLevel, ...(process.stdout.isTTY && { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }) });
}

/** Starts the HTTP server and closes it (in-flight requests first, then the database) on SIGINT/SIGTERM. */
export async function serve(config: Config, connection: Connection, logger = createLogger(config)) {
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
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await connection.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
