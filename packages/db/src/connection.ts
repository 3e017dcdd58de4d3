import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
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
   * PostgreSQL only: a statement running longer is cancelled (default 30 s). PGlite accepts the
   * setting but never acts on it: PostgreSQL cancels a statement from a timer signal (SIGALRM), and
   * PGlite's single-threaded WebAssembly build has no signals, and runs each statement to its end on
   * the JavaScript thread, so no timer of ours can run meanwhile either (connection.test.ts shows a
   * pg_sleep outliving it). What guards the embedded database instead: it serves one installation
   * with a bounded load (every list is paged, imports are limited in size and rows, the sweeps work
   * in batches), and the idle-in-transaction guard below frees its one connection.
   */
  statementTimeoutMs?: number;
  /**
   * A transaction that has run no statement for this long is rolled back (default 60 s): on
   * PostgreSQL by the server (idle_in_transaction_session_timeout); on PGlite, whose server does not
   * enforce it either, by the driver wrapper below, because there a transaction left open (a stuck
   * request) holds the only connection and every other request waits behind it.
   */
  idleInTransactionTimeoutMs?: number;
};

/** Waiting for a connection longer than this is a database that does not answer. */
const connectTimeoutMs = 5_000;
/** A transaction left open (a stuck request, a lost client) holds its locks at most this long. */
const defaultIdleInTransactionTimeoutMs = 60_000;

/**
 * Planner settings of the app's PostgreSQL connections, where the server's defaults assume another machine.
 * - random_page_cost 1.1 (default 4, priced for spinning disks): on SSD storage, with a company's working set in
 *   memory, reading rows by index costs about what reading them in order does. At 4 the planner scanned all of a
 *   10,000,000-ticket table rather than read one month of it by index, and joined a month's visits to their tickets
 *   by scanning every ticket: the analytics recount's month took 12 s, at 1.1 it takes 7 s (bench/analytics.ts).
 * - jit off: compiling a statement cost ~1.5 s of that month and pays back only on statements longer than any the
 *   app runs; for the short requests it is pure cost when the planner misjudges their size.
 * A server tuned for its storage can set these itself (docs/deploy.md); the connection's setting wins.
 */
const plannerSettings = '-c random_page_cost=1.1 -c jit=off';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function connect(options: ConnectionOptions): Promise<Connection> {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? defaultIdleInTransactionTimeoutMs,
      options: plannerSettings,
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
  const db = drizzlePglite(guardIdleTransactions(client, options.idleInTransactionTimeoutMs ?? defaultIdleInTransactionTimeoutMs), { schema });
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

export class IdleInTransactionError extends Error {
  constructor(idleMs: number) {
    super(`transaction idle for more than ${idleMs} ms: rolled back (idle-in-transaction timeout)`);
    this.name = 'IdleInTransactionError';
  }
}

/**
 * PGlite's idle-in-transaction timeout, done in the driver: Drizzle runs every statement of a
 * transaction through the transaction's `query`, so the wrapper sees when one starts and ends. Once
 * no statement has been running for `idleMs`, the transaction's callback is abandoned with
 * IdleInTransactionError; PGlite then rolls back and frees its connection, and any statement the
 * abandoned callback still sends fails ("transaction is closed"). A busy transaction, however long,
 * is never cut.
 */
function guardIdleTransactions(client: PGlite, idleMs: number): PGlite {
  const transaction = async <T>(callback: (tx: PgliteTransaction) => Promise<T>): Promise<T> =>
    client.transaction(async (tx) => {
      let running = 0;
      let lastActive = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<never>((_, reject) => {
        const check = () => {
          const quiet = Date.now() - lastActive;
          if (running === 0 && quiet >= idleMs) reject(new IdleInTransactionError(idleMs));
          else timer = setTimeout(check, running === 0 ? idleMs - quiet : idleMs);
        };
        timer = setTimeout(check, idleMs);
      });
      const query = tx.query.bind(tx);
      const watched = Object.assign(Object.create(tx) as PgliteTransaction, {
        query: async (...args: Parameters<PgliteTransaction['query']>) => {
          running += 1;
          try {
            return await query(...args);
          } finally {
            running -= 1;
            lastActive = Date.now();
          }
        },
      });
      try {
        return await Promise.race([callback(watched), idle]);
      } finally {
        clearTimeout(timer);
      }
    });
  // PGlite keeps its state in private fields: its own methods must run on the instance itself.
  return new Proxy(client, {
    get: (target, property) => {
      if (property === 'transaction') return transaction;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
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
