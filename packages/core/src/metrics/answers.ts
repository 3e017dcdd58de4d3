/**
 * Answers as the metrics receive them: one entry per respondent, `null` when the respondent
 * skipped the question or chose 未体验 (not experienced). Both are excluded from every base,
 * because an owner who never used a service cannot be satisfied or dissatisfied with it; the
 * count of exclusions is returned so the console can show the base of each figure.
 */
export type RatingAnswer = number | null;

/** A closed rating scale, e.g. 1–5 for satisfaction or 0–10 for likelihood to recommend. */
export type RatingScale = { minimum: number; maximum: number };

/** The 5-point satisfaction scale of DESIGN §4: 1 非常不满意 … 5 非常满意. */
export const fivePointScale: RatingScale = { minimum: 1, maximum: 5 };

/** The 0–10 likelihood-to-recommend scale of the NPS question. */
export const recommendScale: RatingScale = { minimum: 0, maximum: 10 };

export type ValidAnswers = { values: number[]; valid: number; excluded: number };

/**
 * Splits answers into the valid ones and a count of exclusions. A number outside the scale or
 * not an integer step is a programming or import error, not an owner's choice, so it throws
 * instead of being silently dropped and shrinking the base.
 */
export function validAnswers(answers: readonly RatingAnswer[], scale: RatingScale): ValidAnswers {
  const values: number[] = [];
  for (const answer of answers) {
    if (answer === null) continue;
    if (!Number.isInteger(answer) || answer < scale.minimum || answer > scale.maximum) {
      throw new RangeError(`answer ${answer} is outside the scale ${scale.minimum}–${scale.maximum}`);
    }
    values.push(answer);
  }
  return { values, valid: values.length, excluded: answers.length - values.length };
}

export type MeanScore = { mean: number | null; valid: number; excluded: number };

/** Arithmetic mean of the valid answers; null when there are none (never NaN). */
export function meanScore(answers: readonly RatingAnswer[], scale: RatingScale): MeanScore {
  const { values, valid, excluded } = validAnswers(answers, scale);
  return { mean: valid === 0 ? null : sum(values) / valid, valid, excluded };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Linear rescale of a mean on a rating scale to 0–100: (mean − minimum)/(maximum − minimum)·100,
 * the convention of the American Customer Satisfaction Index, so that the lowest answer maps to
 * 0 and the highest to 100 whatever the number of scale points.
 */
export function rescaleTo100(mean: number, scale: RatingScale): number {
  return ((mean - scale.minimum) / (scale.maximum - scale.minimum)) * 100;
}
