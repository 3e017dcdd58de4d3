import { describe, expect, it } from 'vitest';
import {
  fisherFUpperTailPValue,
  logGamma,
  normalCdf,
  normalQuantile,
  normalTwoSidedPValue,
  regularisedIncompleteBeta,
  studentTTwoSidedPValue,
  zForConfidence,
} from './distributions';

// Reference values: the standard normal, t and F tables printed in every statistics textbook
// (e.g. Montgomery & Runger, Applied Statistics and Probability for Engineers, Appendix A), and
// to more digits SciPy 1.17 (scipy.stats.norm / t / f), which the tables agree with.

describe('logGamma', () => {
  it('matches Γ at integers and at ½', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln(100!)
  });
});

describe('regularisedIncompleteBeta', () => {
  it('is x for a = b = 1 and symmetric for a = b at ½', () => {
    expect(regularisedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularisedIncompleteBeta(0.5, 4.5, 4.5)).toBeCloseTo(0.5, 14);
    expect(regularisedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularisedIncompleteBeta(1, 2, 3)).toBe(1);
  });
  it('matches the closed form I_x(2, 3) = 6x² − 8x³ + 3x⁴ at 0.4', () => {
    // I_x(2,3) = 6x² − 8x³ + 3x⁴ → at 0.4: 0.96 − 0.512 + 0.0768 = 0.5248
    expect(regularisedIncompleteBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 13);
  });
});

describe('normal distribution', () => {
  it('gives the tabulated critical values', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 12);
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 12);
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035489004, 12);
  });
  it('gives the tabulated CDF values', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300933, 15);
    expect(normalCdf(0.5)).toBeCloseTo(0.6914624612740131, 14);
    expect(normalCdf(0)).toBe(0.5);
  });
  it('keeps precision far in the tails', () => {
    expect(normalTwoSidedPValue(8) / 1.244192114854348e-15).toBeCloseTo(1, 9);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 12);
    expect(normalTwoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 14);
  });
  it('round-trips quantile and CDF', () => {
    for (const probability of [0.001, 0.02, 0.1, 0.5, 0.7, 0.975, 0.9999]) {
      expect(normalCdf(normalQuantile(probability))).toBeCloseTo(probability, 14);
    }
  });
  it('rejects confidence levels outside (0, 1)', () => {
    expect(() => zForConfidence(1)).toThrow(RangeError);
    expect(() => zForConfidence(0)).toThrow(RangeError);
    expect(() => zForConfidence(95)).toThrow(RangeError);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('Student t', () => {
  it('gives p = 0.05 at the tabulated two-sided 5 % critical values', () => {
    expect(studentTTwoSidedPValue(12.706, 1)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSidedPValue(3.182, 3)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSidedPValue(2.228, 10)).toBeCloseTo(0.05001177181711132, 12);
    expect(studentTTwoSidedPValue(1.96, 100_000)).toBeCloseTo(0.05, 4);
  });
  it('matches SciPy at other points', () => {
    expect(studentTTwoSidedPValue(2, 10)).toBeCloseTo(0.07338803477074037, 13);
    expect(studentTTwoSidedPValue(-1.5, 3)).toBeCloseTo(0.23058386524482294, 13);
    expect(studentTTwoSidedPValue(9.464, 48) / 1.489786734661786e-12).toBeCloseTo(1, 8);
    expect(studentTTwoSidedPValue(0, 7)).toBe(1);
  });
});

describe('Fisher F', () => {
  it('gives p = 0.05 at the tabulated 5 % critical value F(4, 20) = 2.866', () => {
    expect(fisherFUpperTailPValue(2.866, 4, 20)).toBeCloseTo(0.05, 4);
  });
  it('matches SciPy', () => {
    expect(fisherFUpperTailPValue(3, 4, 20)).toBeCloseTo(0.04320099833421409, 13);
    expect(fisherFUpperTailPValue(69.21121339177772, 2, 29) / 9.109054385221977e-12).toBeCloseTo(1, 8);
    expect(fisherFUpperTailPValue(0, 2, 29)).toBe(1);
  });
});
