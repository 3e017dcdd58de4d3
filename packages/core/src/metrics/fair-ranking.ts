import { zForConfidence } from './distributions';
import type { NpsCounts } from './nps';
import { compareNps, compareRates, type RateCounts } from './wave-change';

/**
 * Fair rankings (issue 16 §2; seed 002 适度竞争: compete, but do not shame a small project for
 * noise). Every project is compared with THE REST OF THE COMPANY, not with the company total:
 * the company figure contains the project itself, so the two are not independent samples and a
 * big project would be tested partly against itself. With the rest of the company the two
 * samples are disjoint and the tests of wave-change.ts apply as they stand:
 *
 * - a rate (满意率, SLA compliance, repeat-complaint share, complaints per household):
 *   two-proportion z-test with the pooled estimate, p̄ = (x₁ + x₂)/(n₁ + n₂),
 *   se = √(p̄(1 − p̄)(1/n₁ + 1/n₂)), z = (p̂₁ − p̂₂)/se, two-sided p = 2(1 − Φ(|z|))
 *   (Agresti, Categorical Data Analysis §2.2); different when p < 0.05;
 * - NPS: the difference with its margin, Δ = NPS₁ − NPS₂, margin = √(m₁² + m₂²) where
 *   mᵢ = z·√((p₊ + p₋ − (p₊ − p₋)²)/nᵢ) is each side's Wald margin (DESIGN §4, Rocks 2016);
 *   different when |Δ| > margin.
 *
 * `mark` is 'above' / 'below' when the difference is significant and 'not_significant'
 * otherwise — the console greys those rows' difference and says "与公司差异不显著". A project
 * with no valid answer, or a company with no other project to compare with, is 'no_data'.
 * The sample size (n) travels with every row so a reader sees why a difference is not significant.
 */
export type ComparisonMark = 'above' | 'below' | 'not_significant' | 'no_data';

export type RateAgainstCompany = {
  /** The unit's rate, 0–1, null without a valid answer. */
  value: number | null;
  n: number;
  /** The rest of the company's rate (company minus this unit). */
  rest: number | null;
  /** value − company rate, as a proportion (×100 for percentage points). */
  differenceFromCompany: number | null;
  pValue: number | null;
  mark: ComparisonMark;
};

export type NpsAgainstCompany = {
  value: number | null;
  n: number;
  rest: number | null;
  differenceFromCompany: number | null;
  /** The combined Wald margin of the unit and the rest, in points. */
  marginOfError: number | null;
  mark: ComparisonMark;
};

const minus = (company: RateCounts, unit: RateCounts): RateCounts => ({
  satisfied: company.satisfied - unit.satisfied,
  valid: company.valid - unit.valid,
});

/** A unit's rate against the rest of the company (counts of the unit are included in company). */
export function compareRateWithCompany(unit: RateCounts, company: RateCounts, significanceLevel = 0.05): RateAgainstCompany {
  const value = unit.valid === 0 ? null : unit.satisfied / unit.valid;
  const companyRate = company.valid === 0 ? null : company.satisfied / company.valid;
  const rest = minus(company, unit);
  const test = compareRates(rest, unit, significanceLevel);
  return {
    value,
    n: unit.valid,
    rest: rest.valid === 0 ? null : rest.satisfied / rest.valid,
    differenceFromCompany: value === null || companyRate === null ? null : value - companyRate,
    pValue: test?.pValue ?? null,
    mark: !test ? 'no_data' : !test.significant ? 'not_significant' : test.difference > 0 ? 'above' : 'below',
  };
}

const npsScore = (counts: NpsCounts) => {
  const n = counts.promoters + counts.passives + counts.detractors;
  return n === 0 ? null : ((counts.promoters - counts.detractors) / n) * 100;
};

/** A unit's NPS against the rest of the company, with the margin of the difference. */
export function compareNpsWithCompany(unit: NpsCounts, company: NpsCounts, confidence = 0.95): NpsAgainstCompany {
  const rest: NpsCounts = {
    promoters: company.promoters - unit.promoters,
    passives: company.passives - unit.passives,
    detractors: company.detractors - unit.detractors,
  };
  const value = npsScore(unit);
  const companyScore = npsScore(company);
  // A unanimous side has a zero Wald margin; compareNps would then call any difference
  // significant. Only a real margin can clear a project, so zero-width sides are reported as is.
  const test = compareNps(rest, unit, confidence);
  return {
    value,
    n: unit.promoters + unit.passives + unit.detractors,
    rest: npsScore(rest),
    differenceFromCompany: value === null || companyScore === null ? null : value - companyScore,
    marginOfError: test?.combinedMarginOfError ?? null,
    mark: !test ? 'no_data' : !test.significant ? 'not_significant' : test.difference > 0 ? 'above' : 'below',
  };
}

/**
 * Standard competition ranking ("1224"): equal values share a rank, the next rank skips. Units
 * without a value come last, unranked (null). `higherIsBetter` false ranks the smallest first
 * (e.g. complaints per 1,000 households).
 */
export function competitionRanks(values: readonly (number | null)[], higherIsBetter = true): (number | null)[] {
  const order = values
    .map((value, index) => ({ value, index }))
    .filter((entry): entry is { value: number; index: number } => entry.value !== null)
    .sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value));
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry.index] = previous && previous.value === entry.value ? ranks[previous.index]! : position + 1;
  });
  return ranks;
}

export type CorrelationInterval = { r: number; n: number; lower: number; upper: number; confidence: number };

/**
 * Confidence interval of Pearson's r by Fisher's z transformation (Fisher 1921):
 * z = atanh(r), se = 1/√(n − 3), interval tanh(z ± z_{α/2}·se). Null for n ≤ 3 or |r| = 1
 * (the transformation is infinite there).
 */
export function correlationConfidenceInterval(r: number, n: number, confidence = 0.95): CorrelationInterval | null {
  if (n <= 3 || !Number.isFinite(r) || Math.abs(r) >= 1) return null;
  const z = Math.atanh(r);
  const margin = zForConfidence(confidence) / Math.sqrt(n - 3);
  return { r, n, lower: Math.tanh(z - margin), upper: Math.tanh(z + margin), confidence };
}
