import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createMigratedPgliteDump } from '@manyi/db';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';

/**
 * Runs once per test run. PGlite: migrate once and save the data directory, so each test file
 * starts from a copy in ~1 s instead of migrating. PostgreSQL: rebuild the schema from the
 * migrations, so a run never depends on what an earlier run left behind.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const connection = await connect({ databaseUrl });
    await connection.db.execute(sql`drop schema if exists public cascade`);
    await connection.db.execute(sql`drop schema if exists drizzle cascade`);
    await connection.db.execute(sql`create schema public`);
    await connection.migrate();
    await connection.close();
    project.provide('pgliteDump', '');
    return;
  }
  const dump = await createMigratedPgliteDump();
  const path = join(tmpdir(), `manyi-test-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', path);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}
