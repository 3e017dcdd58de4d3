import { describe, expect, it } from 'vitest';
import { satisfactionRate } from './satisfaction-rate';
import { compareNps, compareRates } from './wave-change';

describe('compareRates (pooled two-proportion z-test)', () => {
  it('reproduces the OpenStax Introductory Statistics §10.4 hives example: 20/200 vs 12/200, p = 0.1404', () => {
    const change = compareRates({ satisfied: 20, valid: 200 }, { satisfied: 12, valid: 200 });
    expect(change?.pooledRate).toBeCloseTo(0.08, 14);
    expect(change?.difference).toBeCloseTo(-0.04, 14);
    expect(change?.standardError).toBeCloseTo(0.027129319932501072, 12);
    expect(change?.z).toBeCloseTo(-1.4744195615489717, 10);
    // Same p as R chisq.test(matrix(c(20, 180, 12, 188), 2, byrow = TRUE), correct = FALSE).
    expect(change?.pValue).toBeCloseTo(0.1403686607716731, 10);
    expect(change?.significant).toBe(false);
  });
  it('finds a real improvement significant', () => {
    // 60 % → 75 % on 400 each: p̄ = 0.675, se = √(0.675·0.325·2/400) = 0.033119, z = 4.529
    const change = compareRates({ satisfied: 240, valid: 400 }, { satisfied: 300, valid: 400 });
    expect(change?.z).toBeCloseTo(0.15 / Math.sqrt((0.675 * 0.325 * 2) / 400), 10);
    expect(change?.significant).toBe(true);
    expect(change?.pValue).toBeLessThan(1e-5);
  });
  it('accepts satisfactionRate results directly and honours the level', () => {
    const before = satisfactionRate([5, 4, 3, 2, null]);
    const after = satisfactionRate([5, 5, 4, 4]);
    const change = compareRates(before, after, 0.5);
    expect(change?.before).toBe(0.5);
    expect(change?.after).toBe(1);
    expect(change?.significanceLevel).toBe(0.5);
  });
  it('reports no change between two unanimous waves instead of NaN', () => {
    expect(compareRates({ satisfied: 20, valid: 20 }, { satisfied: 30, valid: 30 })).toMatchObject({ z: 0, pValue: 1, significant: false });
  });
  it('is null when a wave has no valid answers', () => {
    expect(compareRates({ satisfied: 0, valid: 0 }, { satisfied: 3, valid: 4 })).toBeNull();
  });
});

describe('compareNps (difference with combined margin)', () => {
  // Wave 1: 50/30/20 of 100 → NPS 30, margin 15.30781; wave 2: 60/25/15 → NPS 45, margin 14.50241.
  // Combined = √(15.30781² + 14.50241²) = 21.08670 > 15: not significant (z = 1.394, p = 0.163).
  it('keeps a 15-point change within the combined margin at n = 100', () => {
    const change = compareNps({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 60, passives: 25, detractors: 15 });
    expect(change?.difference).toBeCloseTo(15, 12);
    expect(change?.beforeMarginOfError).toBeCloseTo(15.307808075042672, 10);
    expect(change?.afterMarginOfError).toBeCloseTo(14.502409125142048, 10);
    expect(change?.combinedMarginOfError).toBeCloseTo(21.086698615367578, 10);
    expect(change?.z).toBeCloseTo(1.3942182370205194, 10);
    expect(change?.pValue).toBeCloseTo(0.16325171243303704, 10);
    expect(change?.significant).toBe(false);
  });
  it('finds the same change significant at n = 1000 (combined margin 6.668)', () => {
    const change = compareNps({ promoters: 500, passives: 300, detractors: 200 }, { promoters: 600, passives: 250, detractors: 150 });
    expect(change?.combinedMarginOfError).toBeCloseTo(6.66819959580804, 10);
    expect(change?.significant).toBe(true);
    expect(change?.pValue).toBeCloseTo(1.0389449521513156e-5, 12);
  });
  it('is null when a wave has no valid answers', () => {
    expect(compareNps({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 })).toBeNull();
  });
  it('handles two identical unanimous waves without NaN', () => {
    expect(compareNps({ promoters: 5, passives: 0, detractors: 0 }, { promoters: 9, passives: 0, detractors: 0 })).toMatchObject({
      difference: 0,
      z: 0,
      pValue: 1,
      significant: false,
    });
  });
});
