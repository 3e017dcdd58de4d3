import { describe, expect, it } from 'vitest';
import { sampleIndicatorTree } from './indicator-tree.fixture';
import { type IndicatorNode } from './indicator-weights';
import { weightedSatisfactionIndex } from './weighted-index';

// Hand example (1–5 answers rescaled: index = (mean − 1)/4 × 100):
//   attitude [5,4,4,5] mean 4.5 → 87.5;  response [3,3,4] mean 10/3 → 58.333;  repair [5,null] → 100
//   speed = 0.7·58.333 + 0.3·100 = 70.833;  service = 0.5·87.5 + 0.5·70.833 = 79.1667
//   cleaning [4,4,2] mean 10/3 → 58.333 = environment
//   index = 0.6·79.1667 + 0.4·58.333 = 70.8333
//   = Σ path weights × leaf index: 0.30·87.5 + 0.21·58.333 + 0.09·100 + 0.40·58.333
const tree = sampleIndicatorTree;
const answers = { attitude: [5, 4, 4, 5], response: [3, 3, 4], repair: [5, null], cleaning: [4, 4, 2] };

describe('weightedSatisfactionIndex', () => {
  it('combines the tree bottom-up with weights normalised per level', () => {
    const result = weightedSatisfactionIndex(tree, answers);
    expect(result.index).toBeCloseTo(70.83333333333333, 10);
    expect(result.index).toBeCloseTo(0.3 * 87.5 + 0.21 * (175 / 3) + 0.09 * 100 + 0.4 * (175 / 3), 10);
    expect(result).toMatchObject({ valid: 11, excluded: 1 });
    const [service, environment] = result.nodes;
    expect(service).toMatchObject({ id: 'service', normalisedWeight: 0.6, mean: null, valid: 8, excluded: 1 });
    expect(service?.index).toBeCloseTo(79.16666666666667, 10);
    expect(service?.children[0]).toMatchObject({ id: 'attitude', mean: 4.5, index: 87.5, normalisedWeight: 0.5 });
    expect(service?.children[1]?.children[1]).toMatchObject({ id: 'repair', mean: 5, index: 100, valid: 1, excluded: 1, normalisedWeight: 0.3 });
    expect(environment?.index).toBeCloseTo(175 / 3, 10);
  });

  it('gives the same index when weights are on another scale (normalised within each level)', () => {
    const rescaled: IndicatorNode[] = [
      { ...(tree[0] as IndicatorNode), weight: 3 },
      { ...(tree[1] as IndicatorNode), weight: 2 },
    ];
    expect(weightedSatisfactionIndex(rescaled, answers).index).toBeCloseTo(70.83333333333333, 10);
  });

  it('drops an indicator nobody experienced and renormalises its siblings', () => {
    // repair all 未体验: speed = 58.333, service = 0.5·87.5 + 0.5·58.333 = 72.9167,
    // index = 0.6·72.9167 + 0.4·58.333 = 67.0833
    const result = weightedSatisfactionIndex(tree, { ...answers, repair: [null, null] });
    expect(result.index).toBeCloseTo(67.08333333333333, 10);
    const speed = result.nodes[0]?.children[1];
    expect(speed?.children.map((child) => child.normalisedWeight)).toEqual([1, null]);
    expect(speed?.children[1]).toMatchObject({ index: null, mean: null, excluded: 2 });
  });

  it('maps all-lowest to 0 and all-highest to 100', () => {
    expect(weightedSatisfactionIndex(tree, { attitude: [1], response: [1], repair: [1], cleaning: [1] }).index).toBe(0);
    expect(weightedSatisfactionIndex(tree, { attitude: [5], response: [5], repair: [5], cleaning: [5] }).index).toBe(100);
  });

  it('is null, not NaN, with no answers at all', () => {
    expect(weightedSatisfactionIndex(tree, {})).toMatchObject({ index: null, valid: 0, excluded: 0 });
    expect(weightedSatisfactionIndex(tree, { attitude: [null], cleaning: [null] })).toMatchObject({ index: null, excluded: 2 });
    expect(weightedSatisfactionIndex([], {}).index).toBeNull();
  });

  it('is null where every answered sibling has weight 0', () => {
    const result = weightedSatisfactionIndex(
      [
        { id: 'a', weight: 0 },
        { id: 'b', weight: 100 },
      ],
      { a: [5] },
    );
    expect(result.index).toBeNull();
    expect(result.nodes[0]?.normalisedWeight).toBeNull();
  });

  it('rejects negative weights and off-scale answers', () => {
    expect(() => weightedSatisfactionIndex([{ id: 'a', weight: -1 }], { a: [5] })).toThrow(RangeError);
    expect(() => weightedSatisfactionIndex([{ id: 'a', weight: 100 }], { a: [9] })).toThrow(RangeError);
  });
});
