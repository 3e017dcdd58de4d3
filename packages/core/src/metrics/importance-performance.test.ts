import { describe, expect, it } from 'vitest';
import { importancePerformanceAnalysis } from './importance-performance';
import { importancePerformanceQuadrants } from './vocabulary';

describe('importancePerformanceAnalysis', () => {
  it('places attributes by stated weights, split at the means', () => {
    // Importance mean = (40 + 30 + 20 + 10)/4 = 25; performance means 4.5, 3, 4, 2 → mean 3.375.
    const map = importancePerformanceAnalysis(
      [
        { id: 'security', weight: 40, ratings: [5, 4, null] },
        { id: 'repair', weight: 30, ratings: [3, 3] },
        { id: 'greening', weight: 20, ratings: [4, 4] },
        { id: 'parking', weight: 10, ratings: [2, 2] },
      ],
      { kind: 'weights' },
    );
    expect(map.importanceThreshold).toBe(25);
    expect(map.performanceThreshold).toBe(3.375);
    expect(map.points.map((point) => [point.id, point.quadrant])).toEqual([
      ['security', 'keep_up'],
      ['repair', 'concentrate_here'],
      ['greening', 'possible_overkill'],
      ['parking', 'low_priority'],
    ]);
    expect(map.points[0]).toMatchObject({ performance: 4.5, importance: 40, valid: 2, excluded: 1 });
  });

  it('derives importance from the correlation with the overall question', () => {
    // Pairwise r with overall: 0.970725, 0.272166 (5 pairs), 0.877058 (values from SciPy pearsonr);
    // means of r = 0.706650 and of performance = (3.3333 + 3.2 + 1.6667)/3 = 2.7333.
    const overall = [5, 4, 4, 2, 1, 3];
    const map = importancePerformanceAnalysis(
      [
        { id: 'a', ratings: [5, 4, 5, 2, 1, 3] },
        { id: 'b', ratings: [3, 3, 4, 3, 3, null] },
        { id: 'c', ratings: [2, 2, 2, 1, 1, 2] },
      ],
      { kind: 'correlation', overall },
    );
    expect(map.importanceSource).toBe('correlation');
    expect(map.points.map((point) => point.importance)).toEqual([
      expect.closeTo(0.9707253433941507, 12),
      expect.closeTo(0.2721655269759087, 12),
      expect.closeTo(0.877058019307029, 12),
    ]);
    expect(map.points.map((point) => point.quadrant)).toEqual(['keep_up', 'possible_overkill', 'concentrate_here']);
  });

  it('counts a value equal to the mean as high', () => {
    const map = importancePerformanceAnalysis(
      [
        { id: 'x', weight: 50, ratings: [4] },
        { id: 'y', weight: 50, ratings: [4] },
      ],
      { kind: 'weights' },
    );
    expect(map.points.map((point) => point.quadrant)).toEqual(['keep_up', 'keep_up']);
  });

  it('leaves unplaceable attributes out of the means', () => {
    const map = importancePerformanceAnalysis(
      [
        { id: 'answered', weight: 10, ratings: [4] },
        { id: 'all-not-experienced', weight: 90, ratings: [null, null] },
      ],
      { kind: 'weights' },
    );
    expect(map.importanceThreshold).toBe(10);
    expect(map.points[1]).toMatchObject({ performance: null, quadrant: null, excluded: 2 });
    const empty = importancePerformanceAnalysis([{ id: 'a', ratings: [null] }], { kind: 'correlation', overall: [4] });
    expect(empty).toMatchObject({ importanceThreshold: null, performanceThreshold: null });
    expect(empty.points[0]?.quadrant).toBeNull();
  });

  it('requires weights for stated importance', () => {
    expect(() => importancePerformanceAnalysis([{ id: 'a', ratings: [4] }], { kind: 'weights' })).toThrow(RangeError);
  });

  it('labels the quadrants in Chinese', () => {
    expect(importancePerformanceQuadrants.labels.concentrate_here['zh-CN']).toBe('重点改进');
    expect(importancePerformanceQuadrants.labels.possible_overkill['zh-CN']).toBe('过度投入');
  });
});
