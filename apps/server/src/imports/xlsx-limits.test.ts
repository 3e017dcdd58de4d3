import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyAppPerFile, createProject, type Company, type TestApp } from '../../test';
import { runAnalyze } from '../analyze/command';
import { readSheetRows, SheetLimitError } from './reader';
import { inflatingXlsxFile, uploadImport, xlsxFile } from './testing';
import { defaultXlsxLimits } from './xlsx-limits';

const row = ['1', '1', '101', '张三', '13800000001', '业主'];

async function readAll(path: string, limits = defaultXlsxLimits) {
  const rows = [];
  for await (const item of readSheetRows(path, 'xlsx', limits)) rows.push(item);
  return rows;
}

describe('xlsx resource limits (issue 14 §6)', () => {
  let dir: string;
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'manyi-xlsx-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function fileOf(name: string, content: Buffer) {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  it('refuses, before any row is read, shared strings that unpack past the limit', async () => {
    // 80 MB of one letter deflates to ~80 KB: the shape of the 1.1 MB upload that took 950 MB.
    const bomb = await inflatingXlsxFile([row], 80 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const path = await fileOf('bomb.xlsx', bomb);
    const before = process.memoryUsage().rss;
    const error = await readAll(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetLimitError);
    expect((error as SheetLimitError).limit).toBe('sharedStringsBytes');
    // The check inflates in chunks and keeps none of it.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts shared strings, whole-file bytes and columns against their limits', async () => {
    const many = await fileOf(
      'many.xlsx',
      await xlsxFile(Array.from({ length: 50 }, (_, index) => ['1', '1', String(100 + index), `住户${index}`, '', '业主'])),
    );
    await expect(readAll(many, { ...defaultXlsxLimits, sharedStrings: 20 })).rejects.toMatchObject({ limit: 'sharedStrings' });
    await expect(readAll(many, { ...defaultXlsxLimits, uncompressedBytes: 4_000 })).rejects.toMatchObject({ limit: 'uncompressedBytes' });
    expect(await readAll(many)).toHaveLength(51);
    const wide = await fileOf('wide.xlsx', await xlsxFile([[...row, ...Array.from({ length: 40 }, () => ''), 'far right']]));
    await expect(readAll(wide, { ...defaultXlsxLimits, columns: 30 })).rejects.toMatchObject({ limit: 'columns', row: 2 });
  });

  it('`manyi analyze` says the file is too large and exits 2', async () => {
    const path = await fileOf('answers.xlsx', await inflatingXlsxFile([row], 80 * 1024 * 1024));
    let stderr = '';
    const code = await runAnalyze(path, { template: 'satisfaction-annual' }, { write: () => true }, { write: (text: string) => (stderr += text) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/sharedStringsBytes limit/);
  });

  describe('through the upload', () => {
    let t: TestApp;
    let company: Company;
    let admin: string;
    companyAppPerFile((made) => ({ t, company, admin } = made));

    it('answers 413 spreadsheet_too_large with both languages', async () => {
      const project = await createProject(t.connection.db, company.tenant.id);
      const response = await uploadImport(t.app, admin, project.id, { name: '住户.xlsx', content: await inflatingXlsxFile([row], 80 * 1024 * 1024) });
      expect(response.statusCode).toBe(413);
      const body = response.json();
      expect(body.code).toBe('spreadsheet_too_large');
      expect(body.detail ?? body.title).toBeTruthy();
    });
  });
});
