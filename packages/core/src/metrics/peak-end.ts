import { type RatingAnswer, fivePointScale, type RatingScale, validAnswers } from './answers';

/**
 * Peak-end score of a rated episode (a repair visit, a complaint's handling): the mean of its
 * most intense moment and its final moment, score = (peak + end)/2, after Kahneman,
 * Fredrickson, Schreiber & Redelmeier, "When more pain is preferred to less: adding a better
 * end", Psychological Science 4(6), 1993, and Redelmeier & Kahneman, Pain 66(1), 1996, who
 * found remembered experience follows this average and neglects duration.
 *
 * For a sequence of ratings in time order the peak is the moment furthest from the scale's
 * neutral point (|rating − (minimum + maximum)/2| largest), good or bad: "peak" means
 * intensity, not the best moment. Ties go to the more negative rating, since bad moments weigh
 * more in memory (Baumeister et al., "Bad is stronger than good", 2001), then to the later one.
 * The end is the last valid rating. Skipped moments (null) are left out. With no valid rating
 * the result carries nulls. Score and ratings are on the input scale, unrounded.
 */
export type EpisodeMoment = { index: number; rating: number };

export type PeakEndScore = {
  peak: EpisodeMoment | null;
  end: EpisodeMoment | null;
  score: number | null;
  valid: number;
  excluded: number;
};

/** (peak + end)/2 of ratings given in time order; see above for what counts as the peak. */
export function peakEndScore(ratings: readonly RatingAnswer[], scale: RatingScale = fivePointScale): PeakEndScore {
  const { valid, excluded } = validAnswers(ratings, scale);
  const neutral = (scale.minimum + scale.maximum) / 2;
  let peak: EpisodeMoment | null = null;
  let end: EpisodeMoment | null = null;
  for (const [index, rating] of ratings.entries()) {
    if (rating === null) continue;
    end = { index, rating };
    const intensity = Math.abs(rating - neutral);
    const peakIntensity = peak === null ? -1 : Math.abs(peak.rating - neutral);
    if (peak === null || intensity > peakIntensity || (intensity === peakIntensity && rating <= peak.rating)) peak = { index, rating };
  }
  const score = peak !== null && end !== null ? (peak.rating + end.rating) / 2 : null;
  return { peak, end, score, valid, excluded };
}

/**
 * The same score when the owner was asked directly for the peak and the end (DESIGN §1: the
 * post-service rating asks for both). Null if either was skipped.
 */
export function peakEndFromAnswers(peak: RatingAnswer, end: RatingAnswer, scale: RatingScale = fivePointScale): number | null {
  const { values } = validAnswers([peak, end], scale);
  if (peak === null || end === null) return null;
  return ((values[0] ?? 0) + (values[1] ?? 0)) / 2;
}
