import { readFile } from 'node:fs/promises';
import { connect, type Connection, type Database } from '@manyi/db';
import { inject } from 'vitest';

/**
 * The database for one test file: PostgreSQL when DATABASE_URL is set (tests isolate themselves
 * by tenant), otherwise a fresh PGlite loaded from the migrated dump made in global set-up.
 */
export async function testDatabase(): Promise<Connection> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return connect({ databaseUrl, poolSize: 5 });
  const path = inject('pgliteDump');
  const dump = new Blob([await readFile(path)]);
  return connect({ loadDataDir: dump });
}

/**
 * Another server instance's handle on the same database: its own pool on PostgreSQL; on PGlite
 * (one process, one connection) the same connection, so writes through it still happen behind the
 * app's back. `close` leaves a shared connection open.
 */
export async function otherInstance(connection: Connection): Promise<{ db: Database; close(): Promise<void> }> {
  if (connection.kind !== 'postgres') return { db: connection.db, close: async () => {} };
  const other = await connect({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
  return { db: other.db, close: () => other.close() };
}
