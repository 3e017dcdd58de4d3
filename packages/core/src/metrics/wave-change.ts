import { normalTwoSidedPValue } from './distributions';
import { netPromoterScoreFromCounts, type NpsCounts } from './nps';

/**
 * The change between two survey waves, and whether it is more than sampling noise.
 * Both tests assume the waves are independent samples (different respondents or a fresh draw);
 * a panel that re-surveys the same households would call for a paired test instead.
 */

/** Counts behind a rate; a `SatisfactionRate` result can be passed as it is. */
export type RateCounts = { satisfied: number; valid: number };

export type RateChange = {
  before: number;
  after: number;
  /** after − before, as a proportion (multiply by 100 for percentage points). */
  difference: number;
  pooledRate: number;
  standardError: number;
  z: number;
  pValue: number;
  significanceLevel: number;
  significant: boolean;
};

/**
 * Two-proportion z-test with the pooled estimate under H₀: p₁ = p₂ (e.g. Agresti, Categorical
 * Data Analysis, §2.2; OpenStax Introductory Statistics §10.4):
 *   p̄ = (x₁ + x₂)/(n₁ + n₂),  se = √(p̄(1 − p̄)(1/n₁ + 1/n₂)),  z = (p̂₂ − p̂₁)/se,
 *   p = 2(1 − Φ(|z|)), the same p as the chi-square test without continuity correction.
 * Null when either wave has no valid answer. When both waves sit at 0 % or both at 100 % the
 * pooled se is 0 and there is no evidence of change, so z = 0 and p = 1 (as Fisher's exact test
 * also gives).
 */
export function compareRates(before: RateCounts, after: RateCounts, significanceLevel = 0.05): RateChange | null {
  if (before.valid === 0 || after.valid === 0) return null;
  const rateBefore = before.satisfied / before.valid;
  const rateAfter = after.satisfied / after.valid;
  const pooledRate = (before.satisfied + after.satisfied) / (before.valid + after.valid);
  const standardError = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / before.valid + 1 / after.valid));
  const difference = rateAfter - rateBefore;
  const z = standardError === 0 ? 0 : difference / standardError;
  const pValue = standardError === 0 ? 1 : normalTwoSidedPValue(z);
  return {
    before: rateBefore,
    after: rateAfter,
    difference,
    pooledRate,
    standardError,
    z,
    pValue,
    significanceLevel,
    significant: pValue < significanceLevel,
  };
}

export type NpsChange = {
  before: number;
  after: number;
  /** after − before, in NPS points. */
  difference: number;
  beforeMarginOfError: number;
  afterMarginOfError: number;
  /** √(margin₁² + margin₂²), in points. */
  combinedMarginOfError: number;
  z: number;
  pValue: number;
  confidence: number;
  significant: boolean;
};

/**
 * NPS difference between waves with its combined margin: each wave's Wald margin (DESIGN §4,
 * see nps.ts) combined as √(m₁² + m₂²), and the change is significant when |Δ| exceeds it.
 * Because mᵢ = z·seᵢ, this is the two-sample Wald z-test of Rocks (2016; R package NPS,
 * `nps.test`): z = Δ/√(se₁² + se₂²), and |Δ| > combined margin exactly when p < 1 − confidence.
 * Null when either wave has no valid answer. Two unanimous waves have zero margins; a change
 * between them is then reported significant by the rule, which is why the console should show
 * each wave's base beside it.
 */
export function compareNps(before: NpsCounts, after: NpsCounts, confidence = 0.95): NpsChange | null {
  const first = netPromoterScoreFromCounts(before, { confidence });
  const second = netPromoterScoreFromCounts(after, { confidence });
  if (first.score === null || second.score === null || !first.wald || !second.wald) return null;
  const difference = second.score - first.score;
  const combinedMarginOfError = Math.hypot(first.wald.marginOfError, second.wald.marginOfError);
  const standardError = Math.hypot(first.wald.standardError, second.wald.standardError);
  const z = standardError === 0 ? (difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY) : difference / standardError;
  return {
    before: first.score,
    after: second.score,
    difference,
    beforeMarginOfError: first.wald.marginOfError,
    afterMarginOfError: second.wald.marginOfError,
    combinedMarginOfError,
    z,
    pValue: standardError === 0 ? (difference === 0 ? 1 : 0) : normalTwoSidedPValue(z),
    confidence,
    significant: Math.abs(difference) > combinedMarginOfError,
  };
}
