import { execFile } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { connect, queryRows, type Connection } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { TestClock } from './clock';
import { loadConfig } from './config';
import { memorySmsSender } from './sms/sms-sender';
import { localFileStorage } from './storage/file-storage';

/** A "database" that accepts connections and never says a word: a server that hangs, or a black-holed network path. */
let silent: Server;
let databaseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  databaseUrl = `postgres://manyi@127.0.0.1:${(silent.address() as AddressInfo).port}/manyi`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe('a database that does not answer', () => {
  let connection: Connection;
  afterAll(() => connection?.close());

  it('makes /readyz answer 503 within 2 s', async () => {
    connection = await connect({ databaseUrl });
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = await buildApp({
      deps: { db: connection.db, clock: new TestClock(), config, sms: memorySmsSender(), storage: localFileStorage('/nonexistent') },
      serveWeb: false,
    });
    const started = Date.now();
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  }, 10_000);

  it('makes start-up say so and exit non-zero within 30 s', async () => {
    const bin = join(import.meta.dirname, '../bin/manyi.js');
    const started = Date.now();
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, 'migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 40_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
      });
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/database/i);
    expect(outcome.stderr).toMatch(/127\.0\.0\.1/);
  }, 45_000);
});

describe('database settings', () => {
  it('reads the pool size and the statement timeout from the environment', () => {
    expect(loadConfig({}).database).toEqual({ poolSize: 10, statementTimeoutMs: 30_000 });
    expect(loadConfig({ DATABASE_POOL_SIZE: '3', DATABASE_STATEMENT_TIMEOUT_MS: '5000' }).database).toEqual({ poolSize: 3, statementTimeoutMs: 5_000 });
  });

  it.runIf(process.env.DATABASE_URL)('cancels a statement that runs past the timeout on PostgreSQL', async () => {
    const postgres = await connect({ databaseUrl: process.env.DATABASE_URL, statementTimeoutMs: 300, poolSize: 1 });
    try {
      await expect(postgres.db.execute(sql`select pg_sleep(2)`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/statement timeout/) } });
      expect(await queryRows(postgres.db, sql`show idle_in_transaction_session_timeout`)).toEqual([{ idle_in_transaction_session_timeout: '1min' }]);
    } finally {
      await postgres.close();
    }
  });
});
