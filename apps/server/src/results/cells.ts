/**
 * A SurveyTally (@manyi/core) as rollup rows and back. Counts become (question, item, value, count)
 * rows the database can sum across cells; the reserved items of survey_result_counts carry what
 * is not a plain answer count ('#answered', '#kano', value −1 for 未体验). The moments that are
 * not counts (correlation and regression sums) travel as one jsonb per cell and are added in
 * JavaScript, a few hundred at most per request.
 */
import { emptyTally, mergeTallies, type DriverMoments, type IndicatorTreeNode, type PairMoments, type SurveyDefinition, type SurveyTally } from '@manyi/core';

export type CountRow = { questionKey: string; item: string; value: number; count: number };
export type CellMoments = { overallPairs: Record<string, PairMoments>; drivers: DriverMoments | null; driversExcluded: number };

export const answeredItem = '#answered';
export const kanoItem = '#kano';
export const notExperiencedValue = -1;

/** Projects and buildings are unknown for imported rows that matched no household: kept under the nil UUID. */
export const noPlace = '00000000-0000-0000-0000-000000000000';

export function tallyRows(tally: SurveyTally): { counts: CountRow[]; moments: CellMoments } {
  const counts: CountRow[] = [];
  for (const [questionKey, items] of Object.entries(tally.counts)) {
    for (const [item, values] of Object.entries(items))
      for (const [value, count] of Object.entries(values)) counts.push({ questionKey, item, value: Number(value), count });
  }
  for (const [questionKey, count] of Object.entries(tally.answered)) counts.push({ questionKey, item: answeredItem, value: 0, count });
  for (const [questionKey, items] of Object.entries(tally.notExperienced)) {
    for (const [item, count] of Object.entries(items)) counts.push({ questionKey, item, value: notExperiencedValue, count });
  }
  for (const [questionKey, cells] of Object.entries(tally.kanoPairs)) {
    cells.forEach((count, index) => {
      if (count > 0) counts.push({ questionKey, item: kanoItem, value: index, count });
    });
  }
  return { counts, moments: { overallPairs: tally.overallPairs, drivers: tally.drivers, driversExcluded: tally.driversExcluded } };
}

/**
 * The tally of a set of cells from their summed counts and their moments. With no cell it is the
 * survey's empty tally, so the analysis still lists every question with a zero base.
 */
export function tallyFromRows(
  definition: SurveyDefinition,
  tree: readonly IndicatorTreeNode[] | undefined,
  responses: number,
  counts: readonly CountRow[],
  moments: readonly CellMoments[],
): SurveyTally {
  const tally = emptyTally(definition, tree);
  tally.responses = responses;
  for (const { questionKey, item, value, count } of counts) {
    if (item === answeredItem) tally.answered[questionKey] = (tally.answered[questionKey] ?? 0) + count;
    else if (item === kanoItem) {
      const cells = (tally.kanoPairs[questionKey] ??= Array.from({ length: 25 }, () => 0));
      cells[value] = (cells[value] ?? 0) + count;
    } else if (value === notExperiencedValue) {
      const items = (tally.notExperienced[questionKey] ??= {});
      items[item] = (items[item] ?? 0) + count;
    } else {
      const values = ((tally.counts[questionKey] ??= {})[item] ??= {});
      values[String(value)] = (values[String(value)] ?? 0) + count;
    }
  }
  const parts = moments.map((moment): SurveyTally => ({
    responses: 0,
    counts: {},
    answered: {},
    notExperienced: {},
    kanoPairs: {},
    overallPairs: moment.overallPairs,
    drivers: moment.drivers,
    driversExcluded: moment.driversExcluded,
  }));
  const merged = mergeTallies([{ ...tally, drivers: null }, ...parts]);
  return { ...merged, drivers: merged.drivers ?? tally.drivers };
}
