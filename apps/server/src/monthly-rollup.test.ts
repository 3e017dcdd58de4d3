import { describe, expect, it } from 'vitest';
import { nextMonth, recountByMonth } from './monthly-rollup';

/** The batches a pass asks for, in order, with the rows each says it wrote. */
async function batchesOf(full: boolean, first: string | null, recent: string) {
  const asked: [string, string | null][] = [];
  const timed: string[] = [];
  const rows = await recountByMonth({
    full,
    recent,
    first: async () => first,
    recount: async (from, until) => {
      asked.push([from, until]);
      return 1;
    },
    onBatch: (batch) => timed.push(batch.from),
  });
  return { asked, timed, rows };
}

describe('recountByMonth', () => {
  it('recounts only the recent months in a regular pass', async () => {
    expect((await batchesOf(false, '2025-01-01', '2026-12-01')).asked).toEqual([['2026-12-01', null]]);
  });

  it('goes month by month from the first record in a full recount, then what lies before it, then the recent months', async () => {
    const { asked, timed, rows } = await batchesOf(true, '2026-10-01', '2026-12-01');
    expect(asked).toEqual([
      ['2026-10-01', '2026-11-01'],
      ['2026-11-01', '2026-12-01'],
      ['1970-01-01', '2026-10-01'],
      ['2026-12-01', null],
    ]);
    expect(timed).toEqual(['2026-10-01', '2026-11-01', '1970-01-01', '2026-12-01']);
    expect(rows).toBe(4);
  });

  it('crosses a year and clears everything before the recent months when there are no records', async () => {
    expect((await batchesOf(true, '2025-12-01', '2026-02-01')).asked.slice(0, 2)).toEqual([
      ['2025-12-01', '2026-01-01'],
      ['2026-01-01', '2026-02-01'],
    ]);
    expect((await batchesOf(true, null, '2026-12-01')).asked).toEqual([
      ['1970-01-01', '2026-12-01'],
      ['2026-12-01', null],
    ]);
  });

  it('counts months in the Shanghai calendar, whatever their length', () => {
    expect(['2026-01-01', '2026-02-01', '2024-02-01', '2026-12-01'].map(nextMonth)).toEqual(['2026-02-01', '2026-03-01', '2024-03-01', '2027-01-01']);
  });
});
