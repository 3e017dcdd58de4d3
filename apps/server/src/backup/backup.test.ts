import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany } from '../../test';
import { backup, BackupError, restore } from './backup';

const quiet = { write: () => true };

/** Row counts of every table of the schema, so "everything" is every table, not a chosen few. */
async function counts(dataDir: string, databaseUrl?: string): Promise<Record<string, number>> {
  const connection = await connect(databaseUrl ? { databaseUrl } : { dataDir: join(dataDir, 'pglite') });
  try {
    // Both drivers answer execute() with { rows }.
    type Rows<T> = { rows: T[] };
    const tables = (await connection.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )) as unknown as Rows<{ table_name: string }>;
    const result: Record<string, number> = {};
    for (const { table_name: table } of tables.rows) {
      const counted = (await connection.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)) as unknown as Rows<{ n: number }>;
      result[table] = counted.rows[0]!.n;
    }
    return result;
  } finally {
    await connection.close();
  }
}

/** Issue 14 §12: `manyi backup` / `manyi restore` for the embedded database. */
describe('backup and restore (PGlite)', () => {
  let root: string;
  let original: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'manyi-backup-'));
    original = join(root, 'original');
    const connection = await connect({ dataDir: join(original, 'pglite') });
    await connection.migrate();
    await createCompany(connection.db, '甲物业');
    await createCompany(connection.db, '乙物业');
    await connection.close();
    await mkdir(join(original, 'uploads', 'attachments'), { recursive: true });
    await writeFile(join(original, 'uploads', 'attachments', 'photo.jpg'), Buffer.from('a photo of the leak'));
  }, 120_000);
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('restores into an empty DATA_DIR with every row of every table and the uploaded files', async () => {
    const folder = join(root, 'backup-1');
    await backup({ databaseUrl: undefined, dataDir: original }, folder, quiet);
    const restored = join(root, 'restored');
    await restore({ databaseUrl: undefined, dataDir: restored }, folder, quiet);

    const before = await counts(original);
    expect(before['tenants']).toBe(2);
    expect(before['households']).toBeGreaterThan(0);
    expect(await counts(restored)).toEqual(before);
    expect(await readFile(join(restored, 'uploads', 'attachments', 'photo.jpg'), 'utf8')).toBe('a photo of the leak');
  }, 120_000);

  it('never restores over a database, and sends PostgreSQL to pg_dump / pg_restore', async () => {
    const folder = join(root, 'backup-2');
    await backup({ databaseUrl: undefined, dataDir: original }, folder, quiet);
    await expect(restore({ databaseUrl: undefined, dataDir: original }, folder, quiet)).rejects.toThrow(/already holds a database/);
    await expect(backup({ databaseUrl: undefined, dataDir: original }, folder, quiet)).rejects.toThrow(/not empty/);
    await expect(backup({ databaseUrl: 'postgres://x@127.0.0.1/db', dataDir: original }, join(root, 'pg'), quiet)).rejects.toThrow(/pg_dump/);
    await expect(restore({ databaseUrl: 'postgres://x@127.0.0.1/db', dataDir: original }, folder, quiet)).rejects.toBeInstanceOf(BackupError);
  }, 120_000);
});

/** The documented PostgreSQL path (docs/deploy.md): pg_dump --format=custom, then pg_restore into an empty database. */
describe.skipIf(!process.env.DATABASE_URL)('backup and restore (PostgreSQL, pg_dump / pg_restore)', () => {
  const run = promisify(execFile);
  const base = process.env.DATABASE_URL ?? '';
  const suffix = `${process.pid}_${Date.now()}`;
  const urlOf = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const names = { source: `manyi_backup_src_${suffix}`, target: `manyi_backup_dst_${suffix}` };

  async function admin(statement: string) {
    const connection = await connect({ databaseUrl: base });
    try {
      await connection.db.execute(sql.raw(statement));
    } finally {
      await connection.close();
    }
  }

  afterAll(async () => {
    for (const name of Object.values(names)) await admin(`drop database if exists ${name}`);
  });

  it('restores a pg_dump into an empty database with every row of every table', async () => {
    await admin(`create database ${names.source}`);
    await admin(`create database ${names.target}`);
    const source = await connect({ databaseUrl: urlOf(names.source) });
    await source.migrate();
    await createCompany(source.db, '甲物业');
    await createCompany(source.db, '乙物业');
    await source.close();
    const dir = await mkdtemp(join(tmpdir(), 'manyi-pgdump-'));
    try {
      const dump = join(dir, 'manyi.dump');
      await run('pg_dump', ['--format=custom', `--file=${dump}`, urlOf(names.source)]);
      await run('pg_restore', ['--no-owner', `--dbname=${urlOf(names.target)}`, dump]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const before = await counts('', urlOf(names.source));
    expect(before['tenants']).toBe(2);
    expect(await counts('', urlOf(names.target))).toEqual(before);
  }, 120_000);
});
