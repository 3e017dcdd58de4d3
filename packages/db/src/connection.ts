import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The common face of both drivers; services never know which database they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repository methods accept either, so callers decide the transaction boundary. */
export type Executor = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

export type Connection = {
  db: Database;
  kind: DatabaseKind;
  /** PGlite only: the whole data directory as a gzipped tarball (`manyi backup`); PostgreSQL is backed up with pg_dump. */
  dumpDataDir?: () => Promise<Blob>;
  /** PostgreSQL's pool use, for /metrics; PGlite has no pool. */
  poolStats?: () => { total: number; idle: number; waiting: number; max: number };
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export type ConnectionOptions = {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps the database in memory. */
  dataDir?: string | undefined;
  /** A PGlite data dump (from `dumpDataDir`) to start from, used by tests to skip migrations. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /**
   * PostgreSQL only: a statement running longer is cancelled (default 30 s). PGlite, one in-process
   * connection without timers, cannot interrupt a statement; nothing else waits on a lock there.
   */
  statementTimeoutMs?: number;
};

/** Waiting for a connection longer than this is a database that does not answer. */
const connectTimeoutMs = 5_000;
/** A transaction left open (a stuck request, a lost client) holds its locks at most this long. */
const idleInTransactionTimeoutMs = 60_000;

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function connect(options: ConnectionOptions): Promise<Connection> {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    });
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema });
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: options.poolSize ?? 10 }),
      // Migrations may build an index over a large table: their own connection, without the statement timeout.
      migrate: async () => {
        const migrations = new pg.Pool({ connectionString: options.databaseUrl, max: 1, connectionTimeoutMillis: connectTimeoutMs });
        migrations.on('error', () => undefined);
        try {
          await migratePg(drizzlePg(migrations, { schema }), { migrationsFolder });
        } finally {
          await migrations.end();
        }
      },
      close: () => pool.end(),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    dumpDataDir: () => client.dumpDataDir('gzip'),
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

/** For test set-up: the raw PGlite handle is needed to dump a migrated data directory. */
export async function createMigratedPgliteDump(): Promise<Blob> {
  const client = await PGlite.create();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  const dump = await client.dumpDataDir('none');
  await client.close();
  return dump;
}
