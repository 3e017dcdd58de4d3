import { readFile } from 'node:fs/promises';
import { connect, type Connection } from '@manyi/db';
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
