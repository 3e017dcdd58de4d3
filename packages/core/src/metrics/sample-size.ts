import { zForConfidence } from './distributions';

/**
 * Sample size to estimate a proportion (such as 满意率) within ± marginOfError, DESIGN §4 and
 * Cochran, Sampling Techniques (3rd ed., 1977), §4.4, eqs. 4.1–4.2:
 *   n₀ = z²·p(1 − p)/e²,   n = n₀ / (1 + (n₀ − 1)/N)   (finite population correction),
 * with z the two-sided normal critical value for the confidence (1.959964 at 95 %; DESIGN writes
 * 1.96, which changes n₀ by < 0.01). p defaults to 0.5, the most conservative guess.
 * `exact` values are unrounded; `required` is the whole number of completed responses to plan
 * for: ⌈n⌉, and never more than the population.
 */
export type SampleSizeInput = {
  marginOfError: number;
  confidence?: number;
  proportion?: number;
  /** Households (or owners) in the population; omit for an effectively infinite population. */
  population?: number;
};

export type SampleSize = { withoutCorrection: number; exact: number; required: number };

export function sampleSizeForProportion(input: SampleSizeInput): SampleSize {
  const { marginOfError, population } = input;
  const proportion = input.proportion ?? 0.5;
  if (!(marginOfError > 0 && marginOfError < 1)) throw new RangeError('marginOfError must be a proportion between 0 and 1');
  if (!(proportion >= 0 && proportion <= 1)) throw new RangeError('proportion must be between 0 and 1');
  if (population !== undefined && !(Number.isInteger(population) && population >= 1)) {
    throw new RangeError('population must be a positive whole number');
  }
  const z = zForConfidence(input.confidence ?? 0.95);
  const withoutCorrection = (z * z * proportion * (1 - proportion)) / (marginOfError * marginOfError);
  const exact = population === undefined ? withoutCorrection : withoutCorrection / (1 + (withoutCorrection - 1) / population);
  // A tiny float excess over an integer (e.g. 385.00000000001) must not demand one more response.
  const required = Math.max(0, Math.ceil(exact - 1e-9));
  return { withoutCorrection, exact, required: population === undefined ? required : Math.min(required, population) };
}

/**
 * The margin of error a completed sample actually achieves for a proportion, the inverse of
 * the formula above: e = z·√(p(1 − p)/n)·√((N − n)/(N − 1)), the finite-population form that
 * Cochran's n solves exactly (Cochran 1977, eq. 4.2). Null when n = 0. p defaults to 0.5; pass
 * the observed rate to describe a result instead of a plan.
 */
export function marginOfErrorForProportion(input: { sampleSize: number; confidence?: number; proportion?: number; population?: number }): number | null {
  const { sampleSize, population } = input;
  if (sampleSize <= 0) return null;
  const proportion = input.proportion ?? 0.5;
  const z = zForConfidence(input.confidence ?? 0.95);
  const correction = population === undefined || population <= 1 ? 1 : Math.max(0, (population - sampleSize) / (population - 1));
  return z * Math.sqrt(((proportion * (1 - proportion)) / sampleSize) * correction);
}
