import type { Executor } from '@manyi/db';
import type { SQL } from 'drizzle-orm';

/**
 * Runs raw SQL and returns its rows. The common Database type leaves the result of execute()
 * driver-specific; node-postgres and PGlite both answer with `{ rows }`.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A UUIDv7 made in SQL (PostgreSQL 15 has no uuidv7()): the millisecond timestamp over the first
 * 48 bits of a random UUID, version bits set to 7, so rows written by set-based statements sort
 * by time like every other id (DESIGN §2).
 */
export const uuidv7Sql = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;
