import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from './command';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

async function analyze(file: string, options: { template: string; mapping?: string }) {
  let stdout = '';
  let stderr = '';
  const code = await runAnalyze(fixture(file), options, { write: (text: string) => (stdout += text) }, { write: (text: string) => (stderr += text) });
  return { code, stdout, stderr, report: stdout ? JSON.parse(stdout) : null };
}

describe('manyi analyze', () => {
  it('maps a 问卷星 export onto the template, analyses the valid rows and reports the bad one on stderr', async () => {
    const { code, report, stderr } = await analyze('annual-wjx.csv', { template: 'satisfaction-annual' });
    expect(code).toBe(0);
    expect(report).toMatchObject({ template: 'satisfaction-annual', rows: 4, validRows: 3, invalidRows: 1, unmappedColumns: ['序号', '提交答卷时间'] });
    expect(report.mapping).toHaveLength(14);
    expect(report.mapping[0]).toEqual({ column: 2, header: '1、(服务态度)', questionKey: 'steward', item: 'attitude' });
    const { metrics } = report;
    expect(metrics.responses).toBe(3);
    expect(metrics.overall).toMatchObject({ questionKey: 'overall', valid: 3, satisfactionRate: { satisfied: 2, valid: 3, rate: 2 / 3 } });
    expect(metrics.nps).toMatchObject({ questionKey: 'nps', promoters: 1, passives: 1, detractors: 1, score: 0 });
    // 未体验 is excluded from the base (DESIGN §4).
    const greening = metrics.questions.find((question: { key: string }) => question.key === 'greening');
    expect(greening.rows.find((row: { key: string }) => row.key === 'environment')).toMatchObject({
      valid: 2,
      notExperienced: 1,
      satisfactionRate: { rate: 1 },
    });
    expect(metrics.weightedIndex.index).toBeGreaterThan(0);
    expect(metrics.keyDrivers).toMatchObject({ status: 'not_fitted', reason: 'too_few_observations' });
    expect(stderr).toContain('row 5, column "6、总体而言，您对本小区的物业服务满意吗？": value "很好"');
  });

  it('reads the GBK export and the Q-numbered .xlsx to the same figures', async () => {
    const utf8 = await analyze('annual-wjx.csv', { template: 'satisfaction-annual' });
    const gbk = await analyze('annual-wjx-gbk.csv', { template: 'satisfaction-annual' });
    expect(gbk.report.metrics).toEqual(utf8.report.metrics);
    const xlsx = await analyze('annual-q.xlsx', { template: 'satisfaction-annual' });
    expect(xlsx.code).toBe(0);
    expect(xlsx.report).toMatchObject({ rows: 3, validRows: 3, unmappedColumns: ['ID'] });
    expect(xlsx.report.metrics).toEqual(utf8.report.metrics);
  });

  it('takes a mapping override and refuses one that names no such question', async () => {
    const swapped = await analyze('annual-wjx.csv', {
      template: 'satisfaction-annual',
      mapping: JSON.stringify({ '7、您有多大可能向亲友推荐我们的物业服务？': null }),
    });
    expect(swapped.report.metrics.nps).toMatchObject({ valid: 0 });
    expect(swapped.report.unmappedColumns).toContain('7、您有多大可能向亲友推荐我们的物业服务？');
    const bad = await analyze('annual-wjx.csv', { template: 'satisfaction-annual', mapping: '{"15": "nope"}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--mapping: column 15');
  });

  it('exits non-zero on an unreadable file, an unknown template and a missing file', async () => {
    expect(await analyze('broken.xlsx', { template: 'satisfaction-annual' })).toMatchObject({ code: 2, stdout: '' });
    expect((await analyze('annual-wjx.csv', { template: 'nope' })).stderr).toContain('unknown template "nope"');
    expect((await analyze('missing.csv', { template: 'satisfaction-annual' })).code).toBe(2);
  });

  it('runs as `manyi analyze` and exits 2 on a broken file', async () => {
    const bin = join(import.meta.dirname, '../../bin/manyi.js');
    const run = promisify(execFile);
    const ok = await run(process.execPath, [bin, 'analyze', fixture('annual-q.xlsx'), '--template', 'satisfaction-annual']);
    expect(JSON.parse(ok.stdout).validRows).toBe(3);
    await expect(run(process.execPath, [bin, 'analyze', fixture('broken.xlsx'), '--template', 'satisfaction-annual'])).rejects.toMatchObject({ code: 2 });
  }, 30_000);
});
