import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany } from '../../test';
import { backup, BackupError, restore } from './backup';

const quiet = { write: () => true };

/** Row counts of every table of the schema, so "everything" is every table, not a chosen few. */
async function counts(dataDir: string): Promise<Record<string, number>> {
  const connection = await connect({ dataDir: join(dataDir, 'pglite') });
  try {
    const tables = await connection.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    const result: Record<string, number> = {};
    for (const { table_name: table } of tables.rows) {
      const [row] = (await connection.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`)).rows;
      result[table] = row!.n;
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
