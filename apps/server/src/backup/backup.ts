/**
 * `manyi backup <dir>` and `manyi restore <dir>` for the embedded database (issue 14 §12): the
 * PGlite data directory as one gzipped tarball (PGlite's own dumpDataDir), and the uploaded files
 * (ticket photos, import files) beside it. PGlite is one process: the server is stopped first (the
 * data-directory lock refuses a second opener). PostgreSQL is backed up with its own tools,
 * pg_dump and pg_restore (docs/deploy.md), which these commands name instead of reimplementing.
 */
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '@manyi/db';
import type { Config } from '../config';

export class BackupError extends Error {}

const databaseFile = 'database.tar.gz';
const uploadsDir = 'uploads';
const manifestFile = 'manifest.json';

type Sink = { write(text: string): unknown };

const postgresAdvice = (verb: 'backup' | 'restore') =>
  verb === 'backup'
    ? 'DATABASE_URL is PostgreSQL: back it up with pg_dump --format=custom --file=manyi.dump "$DATABASE_URL", and copy DATA_DIR/uploads (docs/deploy.md)'
    : 'DATABASE_URL is PostgreSQL: restore with pg_restore --no-owner --dbname="$DATABASE_URL" manyi.dump into an empty database, and copy the uploads back into DATA_DIR/uploads (docs/deploy.md)';

async function isEmptyDir(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch {
    return true;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function backup(config: Pick<Config, 'databaseUrl' | 'dataDir'>, target: string, out: Sink): Promise<void> {
  if (config.databaseUrl) throw new BackupError(postgresAdvice('backup'));
  const databaseDir = join(config.dataDir, 'pglite');
  if (await isEmptyDir(databaseDir)) throw new BackupError(`no database in ${databaseDir} (is DATA_DIR right?)`);
  if (!(await isEmptyDir(target))) throw new BackupError(`${target} is not empty: a backup goes into a new folder`);
  await mkdir(target, { recursive: true });
  const connection = await connect({ dataDir: databaseDir });
  let dump: Blob;
  try {
    dump = await connection.dumpDataDir!();
  } finally {
    await connection.close();
  }
  await writeFile(join(target, databaseFile), Buffer.from(await dump.arrayBuffer()));
  const uploads = join(config.dataDir, uploadsDir);
  const withUploads = await exists(uploads);
  if (withUploads) await cp(uploads, join(target, uploadsDir), { recursive: true });
  await writeFile(
    join(target, manifestFile),
    `${JSON.stringify({ kind: 'pglite', createdAt: new Date().toISOString(), database: databaseFile, uploads: withUploads }, null, 2)}\n`,
  );
  out.write(`backup written to ${target} (database ${(dump.size / 1024 / 1024).toFixed(1)} MB${withUploads ? ', uploads' : ''})\n`);
}

/** Into an empty DATA_DIR only: a restore never overwrites a database that holds data. */
export async function restore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, source: string, out: Sink): Promise<void> {
  if (config.databaseUrl) throw new BackupError(postgresAdvice('restore'));
  const dumpPath = join(source, databaseFile);
  if (!(await exists(dumpPath))) throw new BackupError(`${source} holds no ${databaseFile}: not a manyi backup`);
  const databaseDir = join(config.dataDir, 'pglite');
  if (!(await isEmptyDir(databaseDir))) throw new BackupError(`${databaseDir} already holds a database: restore into an empty DATA_DIR`);
  const uploads = join(config.dataDir, uploadsDir);
  if (!(await isEmptyDir(uploads))) throw new BackupError(`${uploads} is not empty: restore into an empty DATA_DIR`);
  const dump = new Blob([await readFile(dumpPath)], { type: 'application/x-gzip' });
  const connection = await connect({ dataDir: databaseDir, loadDataDir: dump });
  try {
    // A backup from an older release is brought up to this one's schema.
    await connection.migrate();
  } finally {
    await connection.close();
  }
  if (await exists(join(source, uploadsDir))) await cp(join(source, uploadsDir), uploads, { recursive: true });
  out.write(`restored ${source} into ${config.dataDir}\n`);
}
