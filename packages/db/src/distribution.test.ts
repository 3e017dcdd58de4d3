import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { foreignKey, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, migrationsFolder, type Connection } from './connection';
import { allTables, citusStatements, companyTables, ownDistribution, referenceTables, shardingProblems, shardingProblemsInDatabase } from './distribution';
import { id, tenantId } from './schema/columns';
import * as schema from './schema/index';

/** Issue 14 §11: every company table can be distributed by tenant_id (Citus). */
describe('ready to shard by company', () => {
  it('every company table of the Drizzle schema has tenant_id in its primary key, unique constraints and foreign keys', () => {
    expect(shardingProblems()).toEqual([]);
  });

  it('lists the global tables in one place, and every other table is a company table', () => {
    expect(referenceTables.map((entry) => entry.table)).toEqual([schema.tenants, schema.attemptCounters]);
    expect(ownDistribution.map((entry) => entry.table)).toEqual([schema.idempotencyKeys]);
    expect(companyTables().length).toBe(allTables().length - 3);
    expect(companyTables()).toContain(schema.tickets);
    const statements = citusStatements();
    expect(statements.slice(0, 2)).toEqual(["select create_reference_table('tenants');", "select create_reference_table('attempt_counters');"]);
    expect(statements).toHaveLength(allTables().length);
    expect(statements).toContain("select create_distributed_table('tickets', 'tenant_id', colocate_with => 'regions');");
    expect(statements.at(-1)).toBe("select create_distributed_table('idempotency_keys', 'scope', colocate_with => 'none');");
  });

  it('fails a table keyed by id alone, a token unique on its own, a foreign key without tenant_id, and a table without tenant_id, saying what to write', () => {
    const parents = pgTable('parents', { id: id(), tenantId: tenantId() }, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);
    const keyedById = pgTable('keyed_by_id', { id: uuid('id').primaryKey(), tenantId: tenantId(), token: text('token').notNull() }, (t) => [
      uniqueIndex('keyed_by_id_token_uq').on(t.token),
    ]);
    const children = pgTable('children', { id: id(), tenantId: tenantId(), parentId: uuid('parent_id').notNull(), code: text('code').notNull() }, (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      unique('children_code_uq').on(t.code),
      foreignKey({ columns: [t.parentId], foreignColumns: [parents.id] }),
    ]);
    const orphan = pgTable('orphans', { id: uuid('id').primaryKey() });
    const good = pgTable('good', { id: id(), tenantId: tenantId(), parentId: uuid('parent_id').notNull() }, (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [parents.tenantId, parents.id] }),
    ]);
    expect(shardingProblems([parents, keyedById, children, orphan, good])).toEqual([
      'keyed_by_id: primary key (id) lacks tenant_id; use "id: id()" (not .primaryKey()) and declare "(t) => [primaryKey({ columns: [t.tenantId, t.id] }), …]"',
      "keyed_by_id: unique index keyed_by_id_token_uq (token) lacks tenant_id; write uniqueIndex('keyed_by_id_token_uq').on(t.tenantId, t.token)",
      'children: unique constraint children_code_uq (code) lacks tenant_id; write unique(…).on(t.tenantId, t.code)',
      'children: foreign key (parent_id) → parents (id) must pair tenant_id with tenant_id; declare foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [parents.tenantId, …] })',
      'orphans: a company table needs "tenantId: tenantId()" (uuid tenant_id not null); if its rows belong to no company, list it in referenceTables in packages/db/src/distribution.ts',
    ]);
  });

  describe('the migrated database', () => {
    let connection: Connection;
    beforeAll(async () => {
      const databaseUrl = process.env.DATABASE_URL;
      connection = databaseUrl ? await connect({ databaseUrl, poolSize: 2 }) : await connect({ loadDataDir: new Blob([await readFile(inject('pgliteDump'))]) });
    });
    afterAll(() => connection.close());

    it('follows the rule too (constraints made by the SQL migrations, tables no schema file declares)', async () => {
      expect(await shardingProblemsInDatabase(connection.db)).toEqual([]);
    });

    it('fails a table that breaks it', async () => {
      const rollback = new Error('rollback');
      const found = await connection.db
        .transaction(async (tx) => {
          await tx.execute(
            sql`create table sharding_probe (id uuid primary key, tenant_id uuid not null, token text, parent_id uuid references sharding_probe (id))`,
          );
          await tx.execute(sql`create unique index sharding_probe_token_uq on sharding_probe (token)`);
          await tx.execute(sql`create table sharding_global (id uuid primary key)`);
          const problems = await shardingProblemsInDatabase(tx);
          throw Object.assign(rollback, { problems });
        })
        .catch((error: unknown) => (error === rollback ? (rollback as Error & { problems: string[] }).problems : Promise.reject(error)));
      expect(found).toEqual([
        'sharding_global: no "tenant_id uuid not null"; add it, or list the table in referenceTables in packages/db/src/distribution.ts',
        'sharding_probe: unique index sharding_probe_pkey (id) lacks tenant_id; add it to the index',
        'sharding_probe: unique index sharding_probe_token_uq (token) lacks tenant_id; add it to the index',
        'sharding_probe: foreign key sharding_probe_parent_id_fkey (parent_id) → sharding_probe (id) must pair tenant_id with tenant_id',
      ]);
    });
  });

  it('migrates a database that already holds data: rows keep their ids and the new keys hold', async () => {
    // The migrations up to the one before this change (0022), as a database that ran them would have them.
    const folder = await mkdtemp(join(tmpdir(), 'manyi-migrations-'));
    try {
      await cp(migrationsFolder, folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
      const at = journal.entries.findIndex((entry) => entry.tag.endsWith('_tenant_in_every_key'));
      expect(at).toBeGreaterThan(0);
      await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));

      const client = await PGlite.create();
      const db = drizzle(client, { schema });
      await migrate(db, { migrationsFolder: folder });
      const tenant = '0190f5a0-0000-7000-8000-000000000001';
      const other = '0190f5a0-0000-7000-8000-000000000002';
      await db.insert(schema.tenants).values([
        { id: tenant, code: 'a', name: '甲物业' },
        { id: other, code: 'b', name: '乙物业' },
      ]);
      const region = '0190f5a0-0000-7000-8000-0000000000a1';
      await db.insert(schema.regions).values({ id: region, tenantId: tenant, name: '华东' });
      await db.insert(schema.sessions).values({ id: 'token-digest', tenantId: tenant, kind: 'staff', expiresAt: new Date('2030-01-01') });
      await db
        .insert(schema.ownerInvites)
        .values({ tenantId: tenant, personId: region, tokenHash: 'invite', createdBy: region, expiresAt: new Date('2030-01-01') });

      await migrate(db, { migrationsFolder });
      const keys = await db.execute(sql`select conname from pg_constraint where conrelid = 'regions'::regclass and contype = 'p'`);
      expect(keys.rows).toEqual([{ conname: 'regions_tenant_id_id_pk' }]);
      expect((await db.select().from(schema.regions)).map((row) => row.id)).toEqual([region]);
      // The same id in another company is another row now; the same (company, id) still is not.
      await db.insert(schema.regions).values({ id: region, tenantId: other, name: '华东' });
      await expect(db.insert(schema.regions).values({ id: region, tenantId: tenant, name: '华南' })).rejects.toThrow();
      await expect(
        db.insert(schema.sessions).values({ id: 'token-digest', tenantId: tenant, kind: 'staff', expiresAt: new Date('2030-01-01') }),
      ).rejects.toThrow();
      expect(await shardingProblemsInDatabase(db)).toEqual([]);
      await client.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

// Provided by apps/server/test/global-setup.ts (the migrated PGlite data directory), which this package cannot import.
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}
