import { describe, expect, it } from 'vitest';
import { compareNpsWithCompany, compareRateWithCompany, competitionRanks, correlationConfidenceInterval } from './fair-ranking';

describe('compareRateWithCompany', () => {
  // Company 900 of 1,000 satisfied; the project 18 of 20 (90 %) → the rest 882/980 = 90 %: no difference.
  it('compares with the rest of the company and keeps n', () => {
    const result = compareRateWithCompany({ satisfied: 18, valid: 20 }, { satisfied: 900, valid: 1000 });
    expect(result.value).toBeCloseTo(0.9, 12);
    expect(result.rest).toBeCloseTo(882 / 980, 12);
    expect(result.n).toBe(20);
    expect(result.mark).toBe('not_significant');
  });

  // A small project at 70 % (7/10) against a company at 90 %: 20 points lower, but n = 10.
  // Rest 893/990: p̄ = 900/1000 = 0.9, se = √(0.9·0.1·(1/990 + 1/10)) = 0.09531; z = (0.7 − 0.90202)/0.09531 = −2.1196, p = 0.0340.
  it('a 20-point gap on ten answers is significant only just; on five it is noise', () => {
    const ten = compareRateWithCompany({ satisfied: 7, valid: 10 }, { satisfied: 900, valid: 1000 });
    expect(ten.pValue).toBeCloseTo(0.034, 3);
    expect(ten.mark).toBe('below');
    const five = compareRateWithCompany({ satisfied: 4, valid: 5 }, { satisfied: 900, valid: 1000 });
    expect(five.mark).toBe('not_significant');
    expect(five.differenceFromCompany).toBeCloseTo(-0.1, 12);
  });

  it('a large project clearly above is marked above', () => {
    expect(compareRateWithCompany({ satisfied: 480, valid: 500 }, { satisfied: 1300, valid: 1500 }).mark).toBe('above');
  });

  it('says no_data without answers or without a rest of the company', () => {
    expect(compareRateWithCompany({ satisfied: 0, valid: 0 }, { satisfied: 9, valid: 10 }).mark).toBe('no_data');
    expect(compareRateWithCompany({ satisfied: 9, valid: 10 }, { satisfied: 9, valid: 10 }).mark).toBe('no_data');
  });
});

describe('compareNpsWithCompany', () => {
  // Unit 50/30/20 (NPS 30, Wald margin 15.3078); rest 400/400/200 of 1,000 (NPS 20):
  // rest var = 0.4 + 0.2 − 0.04 = 0.56, se = √(0.56/1000) = 2.3664 points, margin 4.6381;
  // combined margin = √(15.3078² + 4.6381²) = 15.9950; Δ from the rest = 10 < 15.995 → not significant.
  it('uses the combined Wald margin of the unit and the rest', () => {
    const result = compareNpsWithCompany({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 450, passives: 430, detractors: 220 });
    expect(result.value).toBeCloseTo(30, 12);
    expect(result.rest).toBeCloseTo(20, 12);
    expect(result.marginOfError).toBeCloseTo(15.995, 2);
    expect(result.mark).toBe('not_significant');
    expect(result.n).toBe(100);
    // Company NPS = (450 − 220)/1100 = 20.909…; the difference shown is from the company.
    expect(result.differenceFromCompany).toBeCloseTo(30 - (230 / 1100) * 100, 10);
  });

  it('marks a clear gap', () => {
    const result = compareNpsWithCompany({ promoters: 100, passives: 100, detractors: 300 }, { promoters: 1100, passives: 600, detractors: 800 });
    expect(result.mark).toBe('below');
  });
});

describe('competitionRanks', () => {
  it('shares ranks on ties, skips after them, leaves missing values unranked', () => {
    expect(competitionRanks([0.9, null, 0.95, 0.9, 0.8])).toEqual([2, null, 1, 2, 4]);
    expect(competitionRanks([3, 1, 2], false)).toEqual([3, 1, 2]);
  });
});

describe('correlationConfidenceInterval', () => {
  // r = 0.5, n = 28: z = 0.549306, se = 1/5 = 0.2, z ± 1.959964·0.2 → tanh(0.157313) = 0.156030, tanh(0.941299) = 0.735818.
  it('uses Fisher z', () => {
    const interval = correlationConfidenceInterval(0.5, 28)!;
    expect(interval.lower).toBeCloseTo(0.15603, 4);
    expect(interval.upper).toBeCloseTo(0.735818, 4);
  });
  it('is null when it cannot be computed', () => {
    expect(correlationConfidenceInterval(0.5, 3)).toBeNull();
    expect(correlationConfidenceInterval(1, 30)).toBeNull();
  });
});
