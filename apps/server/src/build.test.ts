import { execFile, spawnSync } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../../..');

/** Issue 14 §10: built for production. */
describe('the compiled server and `manyi` command', () => {
  let outdir: string;
  beforeAll(async () => {
    // Beside dist/, so the compiled code resolves node_modules and its neighbours as dist/ does.
    outdir = await mkdtemp(join(repo, 'apps/server/dist-test-'));
    await run(process.execPath, [join(repo, 'apps/server/scripts/build.mjs'), '--outdir', outdir]);
  }, 120_000);
  afterAll(async () => rm(outdir, { recursive: true, force: true }));

  it('runs `manyi --help` as plain JavaScript within 1 s', () => {
    // Best of three, so a busy machine's one slow start does not decide.
    const times: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [join(outdir, 'cli.js'), '--help'], { encoding: 'utf8' });
      times.push(performance.now() - started);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('analyze [options] <file>');
    }
    expect(Math.min(...times)).toBeLessThan(1_000);
  });

  it('analyses a file from the compiled code, finding its neighbours (no TypeScript loader)', async () => {
    const { stdout } = await run(process.execPath, [
      join(outdir, 'cli.js'),
      'analyze',
      join(repo, 'apps/server/src/analyze/fixtures/annual-q.xlsx'),
      '--template',
      'satisfaction-annual',
    ]);
    expect(JSON.parse(stdout).validRows).toBe(3);
    const entry = await readFile(join(outdir, 'cli.js'), 'utf8');
    // --help loads commander and the command list only: the server, the drivers and exceljs come with the command that needs them.
    expect(entry).not.toMatch(/from ["'](fastify|exceljs|drizzle-orm|@electric-sql\/pglite|pg)["']/);
  });
});

describe('dependencies and the Node versions CI runs', () => {
  it('no installed package requires a Node that CI (20.19 and 24) does not run', async () => {
    const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>;
    };
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      if (!path || !range) continue;
      for (const version of ['20.19.0', '24.0.0']) if (!semver.satisfies(version, range)) refused.push(`${path} (${range}) on Node ${version}`);
    }
    expect(refused).toEqual([]);
  });
});
