import { describe, expect, it } from 'vitest';
import { pearsonCorrelation, pearsonCorrelationFromMoments } from './correlation';
import { kanoAnalysis, kanoAnalysisFromCounts, kanoPairIndex } from './kano';
import { ordinaryLeastSquares, ordinaryLeastSquaresFromMoments } from './linear-regression';
import { satisfactionRate, satisfactionRateFromCounts } from './satisfaction-rate';

// The count- and moment-based variants that rollups feed must agree with the raw-answer functions.
describe('count-based variants', () => {
  it('satisfactionRateFromCounts equals satisfactionRate on the answers behind the counts', () => {
    expect(satisfactionRateFromCounts({ 1: 1, 3: 2, 4: 3, 5: 4 }, undefined, 2)).toEqual(satisfactionRate([1, 3, 3, 4, 4, 4, 5, 5, 5, 5, null, null]));
    expect(() => satisfactionRateFromCounts({ 6: 1 })).toThrow(RangeError);
  });

  it('kanoAnalysisFromCounts equals kanoAnalysis on the pairs', () => {
    const pairs = [
      [1, 5],
      [1, 5],
      [2, 5],
      [1, 3],
      [3, 3],
      [5, 1],
    ] as const;
    const counts = Array.from({ length: 25 }, () => 0);
    for (const [functional, dysfunctional] of pairs)
      counts[kanoPairIndex(functional, dysfunctional)] = (counts[kanoPairIndex(functional, dysfunctional)] ?? 0) + 1;
    expect(kanoAnalysisFromCounts(counts)).toEqual(kanoAnalysis(pairs.map(([functional, dysfunctional]) => ({ functional, dysfunctional }))));
  });

  it('pearsonCorrelationFromMoments equals pearsonCorrelation', () => {
    const x = [1, 2, 3, 4, 5, 3];
    const y = [2, 2, 4, 5, 4, 3];
    const moments = { pairs: 6, sumX: 18, sumY: 20, sumXX: 64, sumYY: 74, sumXY: x.reduce((total, value, i) => total + value * (y[i] ?? 0), 0) };
    expect(pearsonCorrelationFromMoments(moments).r).toBeCloseTo(pearsonCorrelation(x, y).r ?? Number.NaN, 12);
    expect(pearsonCorrelationFromMoments({ ...moments, sumXX: 54 }).r).toBeNull(); // no variance in x: 6·54 = 18²
  });

  it('ordinaryLeastSquaresFromMoments equals ordinaryLeastSquares', () => {
    const rows = [
      [1, 2],
      [2, 1],
      [3, 4],
      [4, 3],
      [5, 5],
      [2, 2],
      [4, 1],
    ];
    const outcome = [2, 2, 4, 4, 5, 2, 3];
    const variables = rows.map((row, i) => [outcome[i] ?? 0, ...row]);
    const sums = [0, 1, 2].map((j) => variables.reduce((total, row) => total + (row[j] ?? 0), 0));
    const crossProducts = [0, 1, 2].map((i) => [0, 1, 2].map((j) => variables.reduce((total, row) => total + (row[i] ?? 0) * (row[j] ?? 0), 0)));
    const fromRows = ordinaryLeastSquares(outcome, rows);
    const fromMoments = ordinaryLeastSquaresFromMoments({ observations: 7, sums, crossProducts });
    if (fromRows.status !== 'fitted' || fromMoments.status !== 'fitted') throw new Error('not fitted');
    expect(fromMoments.rSquared).toBeCloseTo(fromRows.rSquared, 10);
    fromRows.slopes.forEach((slope, index) => expect(fromMoments.slopes[index]?.pValue).toBeCloseTo(slope.pValue, 10));
    expect(ordinaryLeastSquaresFromMoments({ observations: 3, sums, crossProducts })).toMatchObject({ status: 'not_fitted', reason: 'too_few_observations' });
  });
});
