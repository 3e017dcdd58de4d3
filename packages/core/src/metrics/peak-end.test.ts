import { describe, expect, it } from 'vitest';
import { peakEndFromAnswers, peakEndScore } from './peak-end';

describe('peakEndScore', () => {
  it('averages the most intense moment and the last one', () => {
    // Neutral 3: intensities 1, 1, 2, 1 → peak is the 5; end is the final 4 → (5 + 4)/2 = 4.5
    expect(peakEndScore([4, 2, 5, 4])).toEqual({
      peak: { index: 2, rating: 5 },
      end: { index: 3, rating: 4 },
      score: 4.5,
      valid: 4,
      excluded: 0,
    });
  });
  it('takes a bad peak even when the average was good (the colonoscopy finding)', () => {
    // Mean 4, but the 1 is the most intense moment: (1 + 5)/2 = 3
    expect(peakEndScore([5, 5, 5, 1, 4, 5]).score).toBe(3);
  });
  it('breaks equal intensity toward the negative moment, then the later one', () => {
    expect(peakEndScore([4, 1, 5, 3]).peak).toEqual({ index: 1, rating: 1 });
    expect(peakEndScore([2, 4, 2, 3]).peak).toEqual({ index: 2, rating: 2 });
    expect(peakEndScore([4, 4]).peak).toEqual({ index: 1, rating: 4 });
  });
  it('skips null moments and handles a single rating', () => {
    expect(peakEndScore([null, 3, null])).toEqual({
      peak: { index: 1, rating: 3 },
      end: { index: 1, rating: 3 },
      score: 3,
      valid: 1,
      excluded: 2,
    });
  });
  it('uses the neutral point of other scales', () => {
    // 0–10, neutral 5: 9 has intensity 4, 2 has 3 → peak 9, end 7 → 8
    expect(peakEndScore([6, 9, 2, 7], { minimum: 0, maximum: 10 }).score).toBe(8);
  });
  it('returns nulls without ratings', () => {
    expect(peakEndScore([])).toEqual({ peak: null, end: null, score: null, valid: 0, excluded: 0 });
    expect(peakEndScore([null, null])).toMatchObject({ score: null, excluded: 2 });
  });
});

describe('peakEndFromAnswers', () => {
  it('averages directly asked peak and end ratings', () => {
    expect(peakEndFromAnswers(2, 5)).toBe(3.5);
    expect(peakEndFromAnswers(null, 5)).toBeNull();
    expect(() => peakEndFromAnswers(6, 5)).toThrow(RangeError);
  });
});
