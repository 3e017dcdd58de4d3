import { describe, expect, it } from 'vitest';
import { allocateProportionally } from './stratified-allocation';

describe('allocateProportionally', () => {
  it('allocates n·N_h/N and rounds by largest remainder so the parts sum to n', () => {
    // Quotas for n = 100 over 500/300/200 households are exact: 50, 30, 20.
    expect(
      allocateProportionally(100, [
        { id: 'A', population: 500 },
        { id: 'B', population: 300 },
        { id: 'C', population: 200 },
      ]).map((stratum) => stratum.sample),
    ).toEqual([50, 30, 20]);
    // n = 10 over 3 equal strata: quotas 3.333 each → 3, 3, 3 and one left over to the first (tie).
    const equal = allocateProportionally(10, [
      { id: 'A', population: 100 },
      { id: 'B', population: 100 },
      { id: 'C', population: 100 },
    ]);
    expect(equal.map((stratum) => stratum.sample)).toEqual([4, 3, 3]);
    expect(equal[0]?.quota).toBeCloseTo(10 / 3, 12);
  });
  it('gives leftovers to the largest remainders', () => {
    // n = 278 over 412/306/282 (N = 1000): quotas 114.536, 85.068, 78.396 → floors 114+85+78 = 277,
    // the one left goes to A (remainder .536).
    const allocation = allocateProportionally(278, [
      { id: 'A', population: 412 },
      { id: 'B', population: 306 },
      { id: 'C', population: 282 },
    ]);
    expect(allocation.map((stratum) => stratum.sample)).toEqual([115, 85, 78]);
    expect(allocation.reduce((sum, stratum) => sum + stratum.sample, 0)).toBe(278);
  });
  it('breaks equal remainders toward the larger stratum', () => {
    // n = 3 over 2/4/6 → quotas 0.5, 1, 1.5: A and C both have remainder .5, C is larger.
    const allocation = allocateProportionally(3, [
      { id: 'A', population: 2 },
      { id: 'B', population: 4 },
      { id: 'C', population: 6 },
    ]);
    expect(allocation.map((stratum) => stratum.sample)).toEqual([0, 1, 2]);
  });
  it('always sums exactly to n and stays within each stratum', () => {
    const strata = [7, 13, 1, 29, 50, 0, 3].map((population, index) => ({ id: `s${index}`, population }));
    for (let n = 0; n <= 103; n += 1) {
      const allocation = allocateProportionally(n, strata);
      expect(allocation.reduce((sum, stratum) => sum + stratum.sample, 0)).toBe(n);
      for (const stratum of allocation) expect(stratum.sample).toBeLessThanOrEqual(stratum.population);
    }
  });
  it('handles empty and impossible requests', () => {
    expect(allocateProportionally(0, [])).toEqual([]);
    expect(allocateProportionally(0, [{ id: 'A', population: 0 }])).toEqual([{ id: 'A', population: 0, quota: 0, sample: 0 }]);
    expect(() => allocateProportionally(5, [{ id: 'A', population: 4 }])).toThrow(RangeError);
    expect(() => allocateProportionally(2.5, [{ id: 'A', population: 4 }])).toThrow(RangeError);
    expect(() => allocateProportionally(1, [{ id: 'A', population: -4 }])).toThrow(RangeError);
  });
});
