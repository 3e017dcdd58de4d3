import { describe, expect, it } from 'vitest';
import { meanScore, rescaleTo100, validAnswers } from './answers';
import { satisfactionRate } from './satisfaction-rate';

describe('satisfactionRate (top-2-box, DESIGN §4)', () => {
  it('counts 4 and 5 as satisfied over every valid answer, 3 included in the base', () => {
    // 5 valid answers, 3 of them 4–5 → 60 %; two nulls (skipped / 未体验) are outside the base.
    expect(satisfactionRate([5, 4, 3, null, 4, 1, null])).toEqual({ satisfied: 3, valid: 5, excluded: 2, rate: 0.6 });
  });
  it('returns full precision', () => {
    expect(satisfactionRate([5, 4, 3]).rate).toBe(2 / 3);
  });
  it('is null, not NaN, when nobody answered or everybody chose 未体验', () => {
    expect(satisfactionRate([])).toEqual({ satisfied: 0, valid: 0, excluded: 0, rate: null });
    expect(satisfactionRate([null, null, null])).toEqual({ satisfied: 0, valid: 0, excluded: 3, rate: null });
  });
  it('uses the top two boxes of another scale', () => {
    expect(satisfactionRate([7, 6, 5, 1], { minimum: 1, maximum: 7 }).rate).toBe(0.5);
  });
  it('rejects answers off the scale rather than shrinking the base', () => {
    expect(() => satisfactionRate([5, 6])).toThrow(RangeError);
    expect(() => satisfactionRate([0])).toThrow(RangeError);
    expect(() => satisfactionRate([4.5])).toThrow(RangeError);
  });
});

describe('answers helpers', () => {
  it('means only the valid answers', () => {
    expect(meanScore([5, null, 4, 3], { minimum: 1, maximum: 5 })).toEqual({ mean: 4, valid: 3, excluded: 1 });
    expect(meanScore([null], { minimum: 1, maximum: 5 })).toEqual({ mean: null, valid: 0, excluded: 1 });
  });
  it('rescales 1–5 to 0–100 with 1 → 0, 3 → 50, 5 → 100 (ACSI convention)', () => {
    const scale = { minimum: 1, maximum: 5 };
    expect([1, 3, 4.2, 5].map((mean) => rescaleTo100(mean, scale))).toEqual([0, 50, expect.closeTo(80, 12), 100]);
  });
  it('splits valid answers from exclusions', () => {
    expect(validAnswers([0, 10, null], { minimum: 0, maximum: 10 })).toEqual({ values: [0, 10], valid: 2, excluded: 1 });
  });
});
