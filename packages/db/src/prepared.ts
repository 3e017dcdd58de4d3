import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
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

/**
 * A raw SQL statement (e.g. one with data-modifying CTEs, which the query builder cannot prepare)
 * compiled to text once and run as a named prepared statement: PostgreSQL parses and plans it once
 * per connection instead of on every request. Values go in as `sql.placeholder(name)`; the result
 * is the rows, as node-postgres and PGlite both return them for untyped statements.
 */
export function preparedSql<Row>(name: string, query: SQL): (db: Executor) => { execute(values: Record<string, unknown>): Promise<Row[]> } {
  const compiled = new PgDialect().sqlToQuery(query);
  const prepared = preparedOnce((db: Executor) => db._.session.prepareQuery(compiled, undefined, name, false));
  return (db) => ({
    async execute(values) {
      const result = (await prepared(db).execute(values)) as { rows: Row[] };
      return result.rows;
    },
  });
}
