import { type RatingAnswer, fivePointScale, type RatingScale, validAnswers } from './answers';

/**
 * 满意率, the satisfaction rate of DESIGN §4: the share of valid answers in the top two boxes
 * (满意 4 and 非常满意 5 on the 5-point scale), i.e. rate = #(answer ≥ maximum − 1) / #valid.
 *
 * Rule for the base: an answer of `null` (skipped, or 未体验 "not experienced") is excluded from
 * both numerator and denominator and counted in `excluded`; every other answer on the scale,
 * including 一般 (3), is in the base. With no valid answer the rate is null, never NaN.
 * The rate is a proportion in [0, 1], unrounded; the console formats it as a percentage.
 */
export type SatisfactionRate = { satisfied: number; valid: number; excluded: number; rate: number | null };

/** Top-2-box rate: #(answer ≥ maximum − 1)/#valid; null answers excluded (see above). */
export function satisfactionRate(answers: readonly RatingAnswer[], scale: RatingScale = fivePointScale): SatisfactionRate {
  const { values, valid, excluded } = validAnswers(answers, scale);
  const satisfied = values.filter((value) => value >= scale.maximum - 1).length;
  return { satisfied, valid, excluded, rate: valid === 0 ? null : satisfied / valid };
}

/**
 * The same rate from a distribution already counted (value → number of answers), e.g. a rollup:
 * satisfied = Σ count over values ≥ maximum − 1, valid = Σ count; `excluded` (skipped, 未体验) is
 * passed through as counted by the caller. Values off the scale throw, as in satisfactionRate.
 */
export function satisfactionRateFromCounts(
  distribution: Readonly<Record<string, number>>,
  scale: RatingScale = fivePointScale,
  excluded = 0,
): SatisfactionRate {
  let satisfied = 0;
  let valid = 0;
  for (const [key, count] of Object.entries(distribution)) {
    const value = Number(key);
    if (!Number.isInteger(value) || value < scale.minimum || value > scale.maximum) {
      throw new RangeError(`answer ${key} is outside the scale ${scale.minimum}–${scale.maximum}`);
    }
    valid += count;
    if (value >= scale.maximum - 1) satisfied += count;
  }
  return { satisfied, valid, excluded, rate: valid === 0 ? null : satisfied / valid };
}
