import { describe, expect, it } from 'vitest';
import { checkFeeRows, collectionRate, normaliseMonth, type FeeRowInput } from './fee-collection';

const projects = new Map([
  ['LJY', 'p1'],
  ['绿景苑', 'p1'],
  ['SKY', 'p2'],
]);
const row = (number: number, extra: Partial<FeeRowInput> = {}): FeeRowInput => ({
  row: number,
  project: 'LJY',
  month: '2026-10',
  receivable: '100000',
  received: '92000',
  householdsInArrears: '31',
  ...extra,
});

describe('checkFeeRows', () => {
  it('keeps valid rows and reports each bad one with its field and reason', () => {
    const { valid, problems } = checkFeeRows(
      [
        row(2),
        row(3, { project: '不存在小区' }),
        row(4, { month: '2027-01' }),
        row(5, { received: '-5' }),
        row(6, { received: '120000' }),
        row(7, { project: 'SKY', month: '2026年9月', receivable: '1,200,000.50', received: '¥1,100,000' }),
        row(8), // LJY 2026-10 again
        row(9, { month: '十月' }),
        row(10, { householdsInArrears: '3.5' }),
      ],
      projects,
      '2026-12',
    );
    expect(valid).toEqual([
      { row: 2, projectId: 'p1', month: '2026-10', receivable: 100000, received: 92000, householdsInArrears: 31 },
      { row: 7, projectId: 'p2', month: '2026-09', receivable: 1200000.5, received: 1100000, householdsInArrears: 31 },
    ]);
    expect(problems.map((problem) => [problem.row, problem.field, problem.code])).toEqual([
      [3, 'project', 'unknown_project'],
      [4, 'month', 'future_month'],
      [5, 'received', 'negative'],
      [6, 'received', 'received_over_receivable'],
      [8, 'month', 'duplicate_month'],
      [9, 'month', 'bad_month'],
      [10, 'householdsInArrears', 'not_whole'],
    ]);
  });

  it('needs the amounts but not the households in arrears', () => {
    const { valid, problems } = checkFeeRows([row(2, { receivable: '' }), row(3, { householdsInArrears: '' })], projects, '2026-12');
    expect(problems).toEqual([{ row: 2, field: 'receivable', code: 'missing', value: '' }]);
    expect(valid[0]?.householdsInArrears).toBe(0);
  });
});

describe('normaliseMonth and collectionRate', () => {
  it('reads the usual ways of writing a month', () => {
    expect(['2026-3', '2026/03', '2026.03', '2026年3月'].map(normaliseMonth)).toEqual(['2026-03', '2026-03', '2026-03', '2026-03']);
    expect(normaliseMonth('2026-13')).toBeNull();
  });
  it('is received over receivable, null without receivable', () => {
    expect(collectionRate(92, 100)).toBeCloseTo(0.92, 12);
    expect(collectionRate(0, 0)).toBeNull();
  });
});
