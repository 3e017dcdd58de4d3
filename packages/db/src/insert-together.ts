import { getTableColumns, getTableName, is, SQL, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './connection';
import { preparedSql } from './prepared';

type RowsFor<Tables extends readonly PgTable[]> = { [K in keyof Tables]: Tables[K] extends PgTable ? Tables[K]['$inferInsert'][] : never };

type Field = { key: string; name: string; fill: (() => unknown) | null };

/** Each column once: its key in Drizzle rows, its name in the database, and how to fill it when a row leaves it out. */
function fieldsOf(tableName: string, columns: Record<string, Column>): Field[] {
  return Object.entries(columns).map(([key, column]) => {
    const { defaultFn, default: fixed } = column;
    const fill = defaultFn ? () => defaultFn()
      : is(fixed, SQL) ? () => { throw new Error(`${tableName}.${column.name}: its default is SQL, so give it a value`); }
      : fixed === undefined ? null : () => fixed;
    return { key, name: column.name, fill };
  });
}

/**
 * A row as jsonb_populate_recordset reads it: database column names, every column given (a
 * missing key would be NULL there, not the column default, so defaults are applied here), dates
 * as ISO strings, json columns as their value.
 */
function recordOf(fields: readonly Field[], row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    let value = row[field.key];
    if (value === undefined) value = field.fill ? field.fill() : null;
    record[field.name] = value instanceof Date ? value.toISOString() : value;
  }
  return record;
}

/**
 * Rows for several tables written by one statement: each table's rows travel as one jsonb
 * parameter and go in through a data-modifying CTE. A change that spans tables (a ticket, its
 * first event, the owner's timeline entry, the audit row) then costs one round trip and, outside
 * a transaction, one commit, instead of BEGIN, an INSERT per table and COMMIT
 * (bench/ticket-create.ts). All or nothing, as one statement is. The statement is prepared under
 * `name`, once per connection; a table with no rows this time gets an empty array.
 */
export function insertTogether<const Tables extends readonly PgTable[]>(name: string, tables: Tables) {
  const described = tables.map((table) => {
    const name = getTableName(table);
    const columns = getTableColumns(table) as Record<string, Column>;
    return { name, columns, fields: fieldsOf(name, columns) };
  });
  const parts = described.map(({ name: tableName, columns }, index) => {
    const names = sql.join(Object.values(columns).map((column) => sql.identifier(column.name)), sql`, `);
    return sql`${sql.identifier(`w${index}`)} as (insert into ${sql.identifier(tableName)} (${names}) select ${names} from jsonb_populate_recordset(null::${sql.identifier(tableName)}, ${sql.placeholder(`t${index}`)}::jsonb))`;
  });
  const statement = preparedSql<{ done: number }>(name, sql`with ${sql.join(parts, sql`, `)} select 1 as done`);
  return async (db: Executor, rows: RowsFor<Tables>): Promise<void> => {
    const values: Record<string, string> = {};
    described.forEach(({ fields }, index) => {
      values[`t${index}`] = JSON.stringify((rows[index] as Record<string, unknown>[]).map((row) => recordOf(fields, row)));
    });
    await statement(db).execute(values);
  };
}
