import { describe, expect, it } from 'vitest';
import { pearsonCorrelation } from './correlation';
import { mtcars } from './published-datasets.fixture';

describe('pearsonCorrelation', () => {
  it('reproduces R cor(mtcars$wt, mtcars$mpg) = −0.8676594 and cor(hp, mpg) = −0.7761684', () => {
    expect(pearsonCorrelation(mtcars.weight, mtcars.mpg)).toEqual({ r: expect.closeTo(-0.8676594, 7), pairs: 32 });
    expect(pearsonCorrelation(mtcars.horsepower, mtcars.mpg).r).toBeCloseTo(-0.7761684, 7);
  });
  it('uses only the pairs where both answers are present', () => {
    // Pairs kept: (1,2), (2,4), (3,5) → r = 0.9819805 (hand: Sxy = 3, Sxx = 2, Syy = 4.6667)
    const result = pearsonCorrelation([1, 2, null, 3, 4], [2, 4, 9, 5, null]);
    expect(result.pairs).toBe(3);
    expect(result.r).toBeCloseTo(3 / Math.sqrt(2 * (14 / 3)), 12);
  });
  it('is null when undefined', () => {
    expect(pearsonCorrelation([], [])).toEqual({ r: null, pairs: 0 });
    expect(pearsonCorrelation([1], [2])).toEqual({ r: null, pairs: 1 });
    expect(pearsonCorrelation([3, 3, 3], [1, 2, 3])).toEqual({ r: null, pairs: 3 });
  });
  it('rejects series of different lengths', () => {
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(RangeError);
  });
});
