import type { SQL } from 'drizzle-orm';
import type { Executor } from './connection';

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

/**
 * Text matched literally inside a LIKE pattern: `%`, `_` and the escape character `\` (PostgreSQL's
 * default ESCAPE) are escaped, so a search for "50%" finds "50%" and not "500".
 */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (character) => `\\${character}`);
}

/** The LIKE pattern for "contains this text" of a search box, or undefined when the box is empty. */
export function likeContaining(text: string | undefined): string | undefined {
  return text ? `%${escapeLike(text)}%` : undefined;
}
