import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, Database } from '@manyi/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { TestClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { memorySmsSender } from '../src/sms/sms-sender';
import { localFileStorage } from '../src/storage/file-storage';
import { testDatabase } from './database';

export type TestApp = {
  app: FastifyInstance;
  connection: Connection;
  clock: TestClock;
  sms: ReturnType<typeof memorySmsSender>;
  dataDir: string;
  close(): Promise<void>;
};

/** The real app on `db`, as the tests configure it; `env`: settings beyond the defaults, as the environment gives them. */
async function appOn(
  db: Database,
  clock: TestClock,
  sms: ReturnType<typeof memorySmsSender>,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), publicUrl: 'http://manyi.test' };
  const app = await buildApp({
    deps: { db, clock, config, sms, storage: localFileStorage(join(dataDir, 'uploads')) },
    serveWeb: false,
  });
  await app.ready();
  return app;
}

/** The real app on the real database, driven through `app.inject` (no port). `env`: settings beyond the defaults, as the environment gives them. */
export async function createTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const connection = await testDatabase();
  const clock = new TestClock(new Date());
  const sms = memorySmsSender();
  const dataDir = await mkdtemp(join(tmpdir(), 'manyi-test-'));
  const app = await appOn(connection.db, clock, sms, dataDir, options.env);
  return {
    app,
    connection,
    clock,
    sms,
    dataDir,
    async close() {
      await app.close();
      await connection.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Another server instance of the test app on another handle of its database (otherInstance), with the same clock and storage. */
export function anotherApp(t: TestApp, db: Database): Promise<FastifyInstance> {
  return appOn(db, t.clock, t.sms, t.dataDir);
}

/** The cookie header that a response's Set-Cookie would make the browser send. */
export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error(`no Set-Cookie in response ${response.statusCode}: ${response.body}`);
  return first.split(';')[0]!;
}

/** `remoteAddress`: sign-ins are rate-limited per address; tests that sign many people in spread them. */
export async function signIn(app: FastifyInstance, login: string, password: string, remoteAddress?: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, ...(remoteAddress && { remoteAddress }) });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${login}: ${response.statusCode} ${response.body}`);
  return cookieFrom(response);
}
