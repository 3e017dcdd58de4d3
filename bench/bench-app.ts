import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, queryRows, tenants, type Connection, type Database } from '@manyi/db';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app';
import { systemClock } from '../apps/server/src/clock';
import { loadConfig, type Config } from '../apps/server/src/config';
import { memorySmsSender } from '../apps/server/src/sms/sms-sender';
import { localFileStorage } from '../apps/server/src/storage/file-storage';

export type BenchApp = { connection: Connection; db: Database; app: FastifyInstance; close(): Promise<void> };

/** The real app on the given PostgreSQL database, migrated, with uploads in a scratch directory removed on close. */
export async function startBenchApp(databaseUrl: string, poolSize: number, overrides: Partial<Config> = {}): Promise<BenchApp> {
  const connection = await connect({ databaseUrl, poolSize });
  await connection.migrate();
  const dataDir = await mkdtemp(join(tmpdir(), 'manyi-bench-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), databaseUrl, ...overrides };
  const app = await buildApp({
    deps: { db: connection.db, clock: systemClock, config, sms: memorySmsSender(), storage: localFileStorage(join(dataDir, 'uploads')) },
    serveWeb: false,
  });
  return {
    connection,
    db: connection.db,
    app,
    async close() {
      await app.close();
      await connection.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every row of a bench company, in every table that has a tenant_id (there are no foreign keys). */
export async function removeTenantRows(db: Database, tenantId: string): Promise<void> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`
    select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.column_name = 'tenant_id'`,
  );
  for (const row of tables) {
    await db.execute(sql`delete from ${sql.identifier(row.name)} where tenant_id = ${tenantId}`);
  }
  await db.delete(tenants).where(eq(tenants.id, tenantId));
}

/** The session cookie of a staff user, signed in through the API as the console would. */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in: ${response.statusCode} ${response.body}`);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

/**
 * A new, empty database on the server of `serverUrl` for one run, dropped by `drop()`: every run
 * then starts from the same state. Reusing one database carries the dead rows of earlier runs
 * (a server may run without autovacuum, as this machine's test server does) and with them their
 * cost into the next measurement.
 */
export async function freshDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: admin.toString() });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
