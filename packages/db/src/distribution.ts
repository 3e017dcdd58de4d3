import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from './connection';
import { queryRows } from './sql-helpers';
import * as schema from './schema/index';

/**
 * How the schema spreads over several database servers once one is not enough (Citus, DESIGN §2;
 * ARCHITECTURE.md, "Sharding by company"). Every table belongs to one of three kinds, listed here and
 * nowhere else:
 *
 * - **Company tables** (every table not listed below): distributed by `tenant_id`, all in one
 *   colocation group, so one company's rows of every table live on the same server and a statement
 *   that names one company runs there whole, joins and transactions included. Citus can only enforce
 *   a key that contains the distribution column, hence the rule `shardingProblems` checks: the
 *   primary key and every unique constraint or unique index include `tenant_id`, and a foreign key
 *   between company tables is composite, `(tenant_id, x_id) → (tenant_id, id)`.
 * - **Reference tables**: global rows, belonging to no company, copied whole to every server so any
 *   company's statement can join them locally.
 * - **Tables distributed by another column**, in their own colocation group: global rows written too
 *   often to copy to every server, and only ever read and written alone (never joined, never in a
 *   company's transaction).
 */
export const distributionColumn = 'tenant_id';

export const referenceTables: { table: PgTable; why: string }[] = [
  { table: schema.tenants, why: 'the companies themselves; every session query joins the company (its settings version, its code at sign-in)' },
  {
    table: schema.attemptCounters,
    why: 'sign-in and owner-code counters, keyed by company and login or by phone before anyone is signed in; few rows, read and written alone',
  },
];

export const ownDistribution: { table: PgTable; column: string; why: string }[] = [
  {
    table: schema.idempotencyKeys,
    column: 'scope',
    why: "a POST's idempotency claim and stored answer, each its own statement outside the request's transaction; public owner routes have no company",
  },
];

const nameOf = (table: PgTable): string => getTableConfig(table).name;

/** Every table of the schema. */
export function allTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);
}

/** The tables distributed by `tenant_id`: every table that is neither a reference table nor distributed by another column. */
export function companyTables(tables: PgTable[] = allTables()): PgTable[] {
  const listed = new Set([...referenceTables, ...ownDistribution].map((entry) => nameOf(entry.table)));
  return tables.filter((table) => !listed.has(nameOf(table)));
}

const columnNames = (columns: PgColumn[] | { name: string }[]): string[] => columns.map((column) => column.name);

/**
 * What stops a company table from being distributed by `tenant_id`, one sentence per fault saying
 * exactly what to change in the Drizzle schema (empty when every table follows the rule).
 */
export function shardingProblems(tables: PgTable[] = companyTables()): string[] {
  const problems: string[] = [];
  for (const table of tables) {
    const config = getTableConfig(table);
    const name = config.name;
    const tenant = config.columns.find((column) => column.name === distributionColumn);
    if (!tenant || !tenant.notNull) {
      problems.push(
        `${name}: a company table needs "tenantId: tenantId()" (uuid tenant_id not null); if its rows belong to no company, list it in referenceTables in packages/db/src/distribution.ts`,
      );
      continue;
    }
    const keyColumns = [
      ...config.columns.filter((column) => column.primary).map((column) => column.name),
      ...config.primaryKeys.flatMap((key) => columnNames(key.columns)),
    ];
    if (keyColumns.length === 0) {
      problems.push(`${name}: has no primary key; declare "(t) => [primaryKey({ columns: [t.tenantId, t.id] }), …]"`);
    } else if (!keyColumns.includes(distributionColumn)) {
      problems.push(
        `${name}: primary key (${keyColumns.join(', ')}) lacks tenant_id; use "id: id()" (not .primaryKey()) and declare "(t) => [primaryKey({ columns: [t.tenantId, ${keyColumns.map((column) => `t.${camel(column)}`).join(', ')}] }), …]"`,
      );
    }
    for (const index of config.indexes) {
      if (!index.config.unique) continue;
      const columns = index.config.columns.map((column) => ('name' in column ? (column.name as string) : '(expression)'));
      if (!columns.includes(distributionColumn)) {
        problems.push(
          `${name}: unique index ${index.config.name} (${columns.join(', ')}) lacks tenant_id; write uniqueIndex('${index.config.name}').on(t.tenantId, ${columns.map((column) => `t.${camel(column)}`).join(', ')})`,
        );
      }
    }
    for (const unique of config.uniqueConstraints) {
      const columns = columnNames(unique.columns);
      if (!columns.includes(distributionColumn)) {
        problems.push(
          `${name}: unique constraint ${unique.getName()} (${columns.join(', ')}) lacks tenant_id; write unique(…).on(t.tenantId, ${columns.map((column) => `t.${camel(column)}`).join(', ')})`,
        );
      }
    }
    for (const column of config.columns) {
      if (column.isUnique)
        problems.push(`${name}: column ${column.name} is .unique() alone; drop .unique() and declare uniqueIndex(…).on(t.tenantId, t.${camel(column.name)})`);
    }
    for (const foreignKey of config.foreignKeys) {
      const reference = foreignKey.reference();
      const from = columnNames(reference.columns);
      const to = columnNames(reference.foreignColumns);
      const target = getTableConfig(reference.foreignTable).name;
      if (referenceTables.some((entry) => nameOf(entry.table) === target)) continue;
      const at = from.indexOf(distributionColumn);
      if (at < 0 || to[at] !== distributionColumn) {
        problems.push(
          `${name}: foreign key (${from.join(', ')}) → ${target} (${to.join(', ')}) must pair tenant_id with tenant_id; declare foreignKey({ columns: [t.tenantId, ${from
            .filter((column) => column !== distributionColumn)
            .map((column) => `t.${camel(column)}`)
            .join(', ')}], foreignColumns: [${target}.tenantId, …] })`,
        );
      }
    }
  }
  for (const entry of ownDistribution) {
    const config = getTableConfig(entry.table);
    for (const index of config.indexes) {
      const columns = index.config.columns.map((column) => ('name' in column ? column.name : '(expression)'));
      if (index.config.unique && !columns.includes(entry.column))
        problems.push(`${config.name}: unique index ${index.config.name} (${columns.join(', ')}) lacks ${entry.column}, its distribution column`);
    }
  }
  return problems;
}

const camel = (column: string): string => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The same rule read from a migrated database (pg_catalog), so a constraint made by hand-written SQL
 * in a migration, or a table no Drizzle schema declares, is checked too.
 */
export async function shardingProblemsInDatabase(db: Executor): Promise<string[]> {
  const listed = new Map<string, string>([
    ...referenceTables.map((entry): [string, string] => [nameOf(entry.table), 'reference']),
    ...ownDistribution.map((entry): [string, string] => [nameOf(entry.table), 'own']),
  ]);
  type Row = {
    table: string;
    hasTenant: boolean;
    hasKey: boolean;
    uniques: { name: string; columns: string[] }[];
    foreignKeys: { name: string; target: string; from: string[]; to: string[] }[];
  };
  const rows = await queryRows<Row>(
    db,
    sql`
    select c.relname as "table",
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnotnull and not a.attisdropped) as "hasTenant",
      exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') as "hasKey",
      coalesce((
        select json_agg(json_build_object('name', i.relname, 'columns', (
          select json_agg(coalesce(a.attname, '(expression)') order by k.ordinality)
          from unnest(x.indkey) with ordinality k(attnum, ordinality)
          left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum)))
        from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid = c.oid and x.indisunique), '[]') as "uniques",
      coalesce((
        select json_agg(json_build_object('name', k.conname, 'target', t.relname,
          'from', (select json_agg(a.attname order by u.ordinality) from unnest(k.conkey) with ordinality u(attnum, ordinality) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum),
          'to', (select json_agg(a.attname order by u.ordinality) from unnest(k.confkey) with ordinality u(attnum, ordinality) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum)))
        from pg_constraint k join pg_class t on t.oid = k.confrelid
        where k.conrelid = c.oid and k.contype = 'f'), '[]') as "foreignKeys"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`,
  );
  const problems: string[] = [];
  for (const row of rows) {
    if (listed.has(row.table)) continue;
    if (!row.hasTenant) {
      problems.push(`${row.table}: no "tenant_id uuid not null"; add it, or list the table in referenceTables in packages/db/src/distribution.ts`);
      continue;
    }
    if (!row.hasKey) problems.push(`${row.table}: has no primary key; add primary key (tenant_id, id)`);
    for (const unique of row.uniques) {
      if (!unique.columns.includes(distributionColumn))
        problems.push(`${row.table}: unique index ${unique.name} (${unique.columns.join(', ')}) lacks tenant_id; add it to the index`);
    }
    for (const foreignKey of row.foreignKeys) {
      if (listed.get(foreignKey.target) === 'reference') continue;
      const at = foreignKey.from.indexOf(distributionColumn);
      if (at < 0 || foreignKey.to[at] !== distributionColumn) {
        problems.push(
          `${row.table}: foreign key ${foreignKey.name} (${foreignKey.from.join(', ')}) → ${foreignKey.target} (${foreignKey.to.join(', ')}) must pair tenant_id with tenant_id`,
        );
      }
    }
  }
  return problems;
}

/**
 * The statements that turn this schema into a distributed one on a Citus coordinator, in order:
 * reference tables first, then the company tables colocated with `tenants`' first dependant, then the
 * tables with their own distribution column. (Not run here; docs/deploy.md says when and how.)
 */
export function citusStatements(): string[] {
  const [anchor, ...rest] = companyTables().map(nameOf);
  return [
    ...referenceTables.map((entry) => `select create_reference_table('${nameOf(entry.table)}');`),
    `select create_distributed_table('${anchor}', '${distributionColumn}');`,
    ...rest.map((name) => `select create_distributed_table('${name}', '${distributionColumn}', colocate_with => '${anchor}');`),
    ...ownDistribution.map((entry) => `select create_distributed_table('${nameOf(entry.table)}', '${entry.column}', colocate_with => 'none');`),
  ];
}
