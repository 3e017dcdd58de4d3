import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './connection';

/**
 * Whether a handle is a transaction rather than the pool or PGlite instance: a transaction is one
 * connection (its queries cannot overlap) and what it reads may still roll back (never cache it).
 */
export function isTransaction(db: Executor): boolean {
  return db instanceof PgTransaction;
}
