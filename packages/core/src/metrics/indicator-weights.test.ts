import { describe, expect, it } from 'vitest';
import { sampleIndicatorTree } from './indicator-tree.fixture';
import { type IndicatorNode, validateIndicatorWeights } from './indicator-weights';

const tree = sampleIndicatorTree;

describe('validateIndicatorWeights', () => {
  it('accepts a tree whose every level sums to 100', () => {
    expect(validateIndicatorWeights(tree)).toEqual({ valid: true, issues: [] });
  });
  it('accepts decimal weights within the tolerance', () => {
    expect(
      validateIndicatorWeights([
        { id: 'a', weight: 33.3 },
        { id: 'b', weight: 33.3 },
        { id: 'c', weight: 33.4 },
      ]).valid,
    ).toBe(true);
  });
  it('reports every level that does not sum to 100, with its parent, depth and nodes', () => {
    const wrong: IndicatorNode[] = [
      {
        id: 'service',
        weight: 60,
        children: [
          { id: 'attitude', weight: 50 },
          {
            id: 'speed',
            weight: 40,
            children: [
              { id: 'response', weight: 70 },
              { id: 'repair', weight: 20 },
            ],
          },
        ],
      },
      { id: 'environment', weight: 30 },
    ];
    expect(validateIndicatorWeights(wrong)).toEqual({
      valid: false,
      issues: [
        { kind: 'sum_not_100', parentId: null, depth: 1, nodeIds: ['service', 'environment'], sum: 90 },
        { kind: 'sum_not_100', parentId: 'service', depth: 2, nodeIds: ['attitude', 'speed'], sum: 90 },
        { kind: 'sum_not_100', parentId: 'speed', depth: 3, nodeIds: ['response', 'repair'], sum: 90 },
      ],
    });
  });
  it('reports negative or non-numeric weights and duplicate ids', () => {
    const result = validateIndicatorWeights([
      { id: 'a', weight: 120 },
      { id: 'b', weight: -20 },
      { id: 'a', weight: Number.NaN },
    ]);
    expect(result.valid).toBe(false);
    expect(result.issues).toContainEqual({ kind: 'invalid_weight', nodeId: 'b', weight: -20 });
    expect(result.issues).toContainEqual({ kind: 'duplicate_id', nodeId: 'a' });
    expect(result.issues.filter((issue) => issue.kind === 'invalid_weight')).toHaveLength(2);
  });
  it('flags an empty tree, whose weights cannot sum to 100', () => {
    expect(validateIndicatorWeights([]).issues).toEqual([{ kind: 'sum_not_100', parentId: null, depth: 1, nodeIds: [], sum: 0 }]);
  });
});
