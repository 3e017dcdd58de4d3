import { describe, expect, it } from 'vitest';
import { marginOfErrorForProportion, sampleSizeForProportion } from './sample-size';

describe('sampleSizeForProportion (Cochran 1977 §4.4)', () => {
  it('gives the textbook 385 for ±5 % at 95 % with p = 0.5', () => {
    // n₀ = 1.959964² × 0.25 / 0.05² = 384.1459 (384.16 with z rounded to 1.96)
    const size = sampleSizeForProportion({ marginOfError: 0.05 });
    expect(size.withoutCorrection).toBeCloseTo(384.14588206941255, 10);
    expect(size.exact).toBe(size.withoutCorrection);
    expect(size.required).toBe(385);
  });
  it('applies the finite population correction n = n₀/(1 + (n₀ − 1)/N)', () => {
    // N = 1000: 384.1459 / (1 + 383.1459/1000) = 277.7335 → 278; N = 500 → 217.4872 → 218
    expect(sampleSizeForProportion({ marginOfError: 0.05, population: 1000 })).toEqual({
      withoutCorrection: expect.closeTo(384.14588206941255, 10),
      exact: expect.closeTo(277.7334531731877, 10),
      required: 278,
    });
    expect(sampleSizeForProportion({ marginOfError: 0.05, population: 500 }).required).toBe(218);
  });
  it('uses the expected proportion: p = 0.8, ±3 %, N = 2000 → 682.93 → 509.28 → 510', () => {
    const size = sampleSizeForProportion({ marginOfError: 0.03, proportion: 0.8, population: 2000 });
    expect(size.withoutCorrection).toBeCloseTo(682.9260125678447, 9);
    expect(size.exact).toBeCloseTo(509.2802779551464, 9);
    expect(size.required).toBe(510);
  });
  it('never asks for more than the population and needs nobody for a certain proportion', () => {
    expect(sampleSizeForProportion({ marginOfError: 0.01, population: 30 }).required).toBeLessThanOrEqual(30);
    expect(sampleSizeForProportion({ marginOfError: 0.05, proportion: 1 }).required).toBe(0);
  });
  it('rejects impossible inputs', () => {
    expect(() => sampleSizeForProportion({ marginOfError: 0 })).toThrow(RangeError);
    expect(() => sampleSizeForProportion({ marginOfError: 5 })).toThrow(RangeError);
    expect(() => sampleSizeForProportion({ marginOfError: 0.05, proportion: 1.2 })).toThrow(RangeError);
    expect(() => sampleSizeForProportion({ marginOfError: 0.05, population: 0 })).toThrow(RangeError);
    expect(() => sampleSizeForProportion({ marginOfError: 0.05, confidence: 1.2 })).toThrow(RangeError);
  });
});

describe('marginOfErrorForProportion', () => {
  it('is the inverse of the sample-size formula', () => {
    expect(marginOfErrorForProportion({ sampleSize: 384.14588206941255 })).toBeCloseTo(0.05, 12);
    expect(marginOfErrorForProportion({ sampleSize: 277.7334531731877, population: 1000 })).toBeCloseTo(0.05, 12);
  });
  it('is zero for a census and null for no sample', () => {
    expect(marginOfErrorForProportion({ sampleSize: 200, population: 200 })).toBe(0);
    expect(marginOfErrorForProportion({ sampleSize: 0 })).toBeNull();
  });
});
