import { describe, expect, it } from 'vitest';
import { servqualGaps, servqualItemGap } from './servqual';

// Hand example with two of seed 001's dimensions:
//   有形度 tangibles (weight 40): item t1 pairs (5,4) (5,3) (4,4) → E 14/3, P 11/3, gap −1, 1 excluded;
//                                 item t2 E 4,4,4,4 P 4,5,4,5 → gap +0.5; dimension gap −0.25
//   信赖度 reliability (weight 60): item r1 E 5,5,5,5 P 3,3,4,2 → gap −2; dimension gap −2
//   total gap = (−0.25 − 2)/2 = −1.125; weighted gap = (40·−0.25 + 60·−2)/100 = −1.3
const tangibles = {
  id: 'tangibles',
  weight: 40,
  items: [
    { id: 't1', expectation: [5, 5, 4, null], perception: [4, 3, 4, 5] },
    { id: 't2', expectation: [4, 4, 4, 4], perception: [4, 5, 4, 5] },
  ],
};
const reliability = { id: 'reliability', weight: 60, items: [{ id: 'r1', expectation: [5, 5, 5, 5], perception: [3, 3, 4, 2] }] };

describe('servqualItemGap', () => {
  it('averages P − E over respondents who answered both', () => {
    expect(servqualItemGap(tangibles.items[0] as (typeof tangibles.items)[number])).toEqual({
      id: 't1',
      expectation: 14 / 3,
      perception: 11 / 3,
      gap: expect.closeTo(-1, 12),
      pairs: 3,
      excluded: 1,
    });
  });
  it('is null without a complete pair, and rejects misaligned or off-scale answers', () => {
    expect(servqualItemGap({ id: 'x', expectation: [5, null], perception: [null, 4] })).toMatchObject({ gap: null, pairs: 0, excluded: 2 });
    expect(() => servqualItemGap({ id: 'x', expectation: [5], perception: [4, 4] })).toThrow(RangeError);
    expect(() => servqualItemGap({ id: 'x', expectation: [7], perception: [null] })).toThrow(RangeError);
  });
});

describe('servqualGaps', () => {
  it('computes dimension, total and weighted gaps', () => {
    const result = servqualGaps([tangibles, reliability]);
    expect(result.dimensions.map((dimension) => [dimension.id, dimension.gap, dimension.weight])).toEqual([
      ['tangibles', expect.closeTo(-0.25, 12), 40],
      ['reliability', -2, 60],
    ]);
    expect(result.totalGap).toBeCloseTo(-1.125, 12);
    expect(result.weightedGap).toBeCloseTo(-1.3, 12);
  });
  it('normalises weights that do not sum to 100', () => {
    expect(
      servqualGaps([
        { ...tangibles, weight: 2 },
        { ...reliability, weight: 3 },
      ]).weightedGap,
    ).toBeCloseTo(-1.3, 12);
  });
  it('has no weighted gap without weights, and refuses a partial set of weights', () => {
    const unweighted = servqualGaps([
      { ...tangibles, weight: undefined },
      { ...reliability, weight: undefined },
    ]);
    expect(unweighted.weightedGap).toBeNull();
    expect(unweighted.totalGap).toBeCloseTo(-1.125, 12);
    expect(() => servqualGaps([tangibles, { ...reliability, weight: undefined }])).toThrow(RangeError);
    expect(() => servqualGaps([{ ...tangibles, weight: -1 }])).toThrow(RangeError);
  });
  it('leaves out dimensions nobody answered and returns nulls when nothing was answered', () => {
    const empty = { id: 'empathy', weight: 50, items: [{ id: 'e1', expectation: [null], perception: [null] }] };
    expect(servqualGaps([{ ...reliability, weight: 50 }, empty])).toMatchObject({ totalGap: -2, weightedGap: -2 });
    expect(servqualGaps([empty])).toMatchObject({ totalGap: null, weightedGap: null });
    expect(servqualGaps([])).toEqual({ dimensions: [], totalGap: null, weightedGap: null });
  });
});
