import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetRows } from '../imports/reader';
import { runAnalyze } from './command';

/** What people really send (issue 14 §9): late GBK, renamed workbooks, shifted numbers, part of a matrix, nothing valid. */
describe('imports and `manyi analyze` read real files', () => {
  let dir: string;
  let csv: string[][];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'manyi-real-'));
    const text = await readFile(join(import.meta.dirname, 'fixtures', 'annual-wjx.csv'), 'utf8');
    csv = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function analyze(name: string, content: Buffer | string) {
    const path = join(dir, name);
    await writeFile(path, content);
    let stdout = '';
    let stderr = '';
    const code = await runAnalyze(
      path,
      { template: 'satisfaction-annual' },
      { write: (text: string) => (stdout += text) },
      { write: (text: string) => (stderr += text) },
    );
    return { code, stderr, report: stdout ? JSON.parse(stdout) : null };
  }

  const asCsv = (rows: string[][]) => `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;

  it('decides the encoding on the whole file: GBK whose first Chinese character comes after 64 KiB', async () => {
    // 非常满意 in GBK, after 100 KB of ASCII that is valid UTF-8 too.
    const gbk = Buffer.from('b7c7b3a3c2fad2e2', 'hex');
    const ascii = Array.from({ length: 10_000 }, (_, index) => `${index + 1},ok\r\n`).join('');
    expect(ascii.length).toBeGreaterThan(64 * 1024);
    const path = join(dir, 'late-gbk.csv');
    await writeFile(path, Buffer.concat([Buffer.from(`id,note\r\n${ascii}10001,`), gbk, Buffer.from('\r\n')]));
    let last: string[] = [];
    for await (const row of readSheetRows(path, 'csv')) last = row.cells;
    expect(last).toEqual(['10001', '非常满意']);
  });

  it('recognises a workbook by its content whatever its extension', async () => {
    const workbook = join(dir, 'answers.xls');
    await copyFile(join(import.meta.dirname, 'fixtures', 'annual-q.xlsx'), workbook);
    for (const name of ['answers.xls', 'answers.csv', 'answers']) {
      await copyFile(workbook, join(dir, `copy-${name}`));
      let stdout = '';
      const code = await runAnalyze(
        join(dir, `copy-${name}`),
        { template: 'satisfaction-annual' },
        { write: (text: string) => (stdout += text) },
        { write: () => true },
      );
      expect(code, name).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ rows: 3, validRows: 3 });
    }
    const csvAsTxt = await analyze('answers.txt', asCsv(csv));
    expect(csvAsTxt).toMatchObject({ code: 0, report: { rows: 4, validRows: 3 } });
  });

  it('reports a column whose number and title point at different questions instead of mapping it by number', async () => {
    // Questions 6 and 7 with their numbers swapped, as when a question is inserted in the other tool.
    const headers = [...csv[0]!];
    const overall = headers.findIndex((header) => header.startsWith('6、'));
    const nps = headers.findIndex((header) => header.startsWith('7、'));
    headers[overall] = headers[overall]!.replace(/^6、/, '7、');
    headers[nps] = headers[nps]!.replace(/^7、/, '6、');
    const { code, report, stderr } = await analyze('shifted.csv', asCsv([headers, ...csv.slice(1)]));
    expect(code).toBe(0);
    expect(report.conflicts).toEqual([
      { column: overall, header: headers[overall], byNumber: 'nps', byTitle: 'overall' },
      { column: nps, header: headers[nps], byNumber: 'overall', byTitle: 'nps' },
    ]);
    expect(report.unmappedColumns).toEqual(expect.arrayContaining([headers[overall], headers[nps]]));
    expect(report.mapping.map((entry: { questionKey: string }) => entry.questionKey)).not.toContain('nps');
    expect(stderr).toContain('its number points at nps, its title at overall');
  });

  it('keeps the mapped rows of a matrix when only some of its rows have a column', async () => {
    const dropped = csv[0]!.findIndex((header) => header === '1、(问题跟进到底)');
    expect(dropped).toBeGreaterThan(0);
    const without = csv.map((row) => row.filter((_, index) => index !== dropped));
    const { code, report } = await analyze('part-matrix.csv', asCsv(without));
    expect(code).toBe(0);
    expect(report).toMatchObject({ rows: 4, validRows: 3 });
    const steward = report.metrics.questions.find((question: { key: string }) => question.key === 'steward');
    expect(steward.rows.find((row: { key: string }) => row.key === 'attitude')).toMatchObject({ valid: 3 });
  });

  it('exits non-zero with the reason when no row is valid', async () => {
    const overall = csv[0]!.findIndex((header) => header.startsWith('6、'));
    const bad = [csv[0]!, ...csv.slice(1).map((row) => row.map((cell, index) => (index === overall ? '很好' : cell)))];
    const { code, report, stderr } = await analyze('nothing-valid.csv', asCsv(bad));
    expect(code).toBe(2);
    expect(report).toBeNull();
    expect(stderr).toMatch(/none of the 4 data rows is valid; most common problem \(4×\)/);
  });
});
