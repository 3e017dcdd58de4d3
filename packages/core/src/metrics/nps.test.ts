import { describe, expect, it } from 'vitest';
import { netPromoterScore, netPromoterScoreFromCounts, tallyNps } from './nps';

// Hand computation for 50 promoters, 30 passives, 20 detractors (n = 100), z = 1.959964:
//   NPS = 50 − 20 = 30 points
//   Wald: var = 0.5 + 0.2 − 0.3² = 0.61; se = √(0.61/100) = 0.0781025 → 7.81025 points;
//         margin = 1.959964 × 7.81025 = 15.30781 points
//   Adjusted Wald: n' = 103, p₊' = 50.75/103 = 0.4927184, p₋' = 20.75/103 = 0.2014563;
//         centre = 29.12621 points; var = 0.6941748 − 0.0848336 = 0.6093411;
//         se = √(0.6093411/103) = 7.691510 points; margin = 15.07508; interval 14.05113 … 44.20130
describe('netPromoterScoreFromCounts', () => {
  const result = netPromoterScoreFromCounts({ promoters: 50, passives: 30, detractors: 20 });

  it('computes the score in points and the shares', () => {
    expect(result.score).toBeCloseTo(30, 12);
    expect(result).toMatchObject({ valid: 100, excluded: 0, promoterShare: 0.5, detractorShare: 0.2, confidence: 0.95 });
  });
  it('computes the Wald margin of DESIGN §4', () => {
    expect(result.wald?.standardError).toBeCloseTo(7.810249675906654, 10);
    expect(result.wald?.marginOfError).toBeCloseTo(15.30780807504267, 10);
    expect(result.wald?.lower).toBeCloseTo(30 - 15.30780807504267, 10);
    expect(result.wald?.upper).toBeCloseTo(30 + 15.30780807504267, 10);
  });
  it('computes the adjusted-Wald interval centred on the adjusted NPS', () => {
    expect(result.adjustedWald?.centre).toBeCloseTo(29.126213592233007, 10);
    expect(result.adjustedWald?.standardError).toBeCloseTo(7.6915104218147565, 10);
    expect(result.adjustedWald?.marginOfError).toBeCloseTo(15.075083413471402, 10);
    expect(result.adjustedWald?.lower).toBeCloseTo(14.051130178761605, 10);
    expect(result.adjustedWald?.upper).toBeCloseTo(44.20129700570441, 10);
  });
  it('widens with confidence: 99 % uses z = 2.575829', () => {
    const wide = netPromoterScoreFromCounts({ promoters: 50, passives: 30, detractors: 20 }, { confidence: 0.99 });
    expect(wide.wald?.marginOfError).toBeCloseTo(2.5758293035489004 * 7.810249675906654, 10);
  });
  it('gives the Wald a zero width but the adjusted Wald a real one when everybody promotes', () => {
    const unanimous = netPromoterScoreFromCounts({ promoters: 20, passives: 0, detractors: 0 });
    expect(unanimous.score).toBe(100);
    expect(unanimous.wald?.marginOfError).toBe(0);
    // n' = 23, p₊' = 20.75/23, p₋' = 0.75/23 → centre 86.95652, margin 17.27318, upper clipped to 100
    expect(unanimous.adjustedWald?.centre).toBeCloseTo(86.95652173913044, 10);
    expect(unanimous.adjustedWald?.marginOfError).toBeCloseTo(17.273177713691073, 10);
    expect(unanimous.adjustedWald?.lower).toBeCloseTo(69.68334402543937, 10);
    expect(unanimous.adjustedWald?.upper).toBe(100);
  });
  it('returns nulls, not NaN, with no valid answers', () => {
    expect(netPromoterScoreFromCounts({ promoters: 0, passives: 0, detractors: 0 }, { excluded: 4 })).toEqual({
      promoters: 0,
      passives: 0,
      detractors: 0,
      valid: 0,
      excluded: 4,
      confidence: 0.95,
      score: null,
      promoterShare: null,
      detractorShare: null,
      wald: null,
      adjustedWald: null,
    });
  });
  it('rejects impossible counts', () => {
    expect(() => netPromoterScoreFromCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => netPromoterScoreFromCounts({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError);
  });
});

describe('netPromoterScore from answers', () => {
  it('puts 9–10 in promoters, 7–8 in passives, 0–6 in detractors and excludes skips', () => {
    expect(tallyNps([10, 9, 8, 7, 6, 0, null])).toEqual({ promoters: 2, passives: 2, detractors: 2, excluded: 1 });
    const result = netPromoterScore([10, 10, 9, 8, 6, null]);
    expect(result.score).toBeCloseTo(40, 12); // (3 − 1)/5
    expect(result).toMatchObject({ valid: 5, excluded: 1 });
  });
  it('is null for all-skipped answers and rejects answers off the 0–10 scale', () => {
    expect(netPromoterScore([null, null]).score).toBeNull();
    expect(() => netPromoterScore([11])).toThrow(RangeError);
  });
});
