import type { Executor } from './connection';

/**
 * A query built once per database handle (pool, PGlite instance or transaction) and then only
 * executed: building a Drizzle query costs more CPU than PostgreSQL spends running a keyed lookup,
 * so the statements on every request's path (session, receipt, answer, idempotency) are prepared
 * (bench/ticket-create.ts and bench/survey-ingest.ts profiles).
 */
export function preparedOnce<T>(build: (db: Executor) => T): (db: Executor) => T {
  const built = new WeakMap<Executor, T>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
