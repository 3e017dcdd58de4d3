import { type RatingAnswer, recommendScale, validAnswers } from './answers';
import { zForConfidence } from './distributions';

/**
 * Net Promoter Score (Reichheld, "The One Number You Need to Grow", HBR 2003; DESIGN §4):
 * promoters answer 9–10, passives 7–8, detractors 0–6 on the 0–10 likelihood-to-recommend
 * question; NPS = (%promoters − %detractors), in points from −100 to +100, on valid answers
 * (skipped = null is excluded and counted).
 *
 * Two margins of error are returned, both in points:
 * - `wald` (DESIGN §4): score each answer +1/0/−1; its variance is p₊ + p₋ − (p₊ − p₋)², so
 *   se = √((p₊ + p₋ − (p₊ − p₋)²)/n) and the margin is z·se around the NPS (Rocks 2016, the
 *   "Wald" interval; R package NPS, `nps.var`). It collapses to zero width when every answer
 *   falls in one group, which is why the adjusted interval is also given.
 * - `adjustedWald`: add 3/4 of an answer to the promoters and 3/4 to the detractors and 3 to n,
 *   n' = n + 3, p₊' = (n₊ + ¾)/n', p₋' = (n₋ + ¾)/n', then the same variance formula with n';
 *   the interval is centred on p₊' − p₋', not on the raw NPS. This is the adjusted-Wald method
 *   recommended by Lewis & Sauro (MeasuringU, "Confidence Intervals for Net Promoter Scores",
 *   2020, and "Evaluating NPS Confidence Intervals with Real-World Data", 2021) after
 *   B. Rocks, "Interval Estimation for the 'Net Promoter Score'", The American Statistician
 *   70(4), 2016. The constants are fixed (not scaled with z), as those articles state them.
 * Interval ends are clipped to [−100, 100], the range an NPS can take.
 */
export type NpsCounts = { promoters: number; passives: number; detractors: number };

export type NpsInterval = { centre: number; standardError: number; marginOfError: number; lower: number; upper: number };

export type NetPromoterScore = NpsCounts & {
  valid: number;
  excluded: number;
  confidence: number;
  /** Points, −100…100; null when there is no valid answer. */
  score: number | null;
  /** Proportions in [0, 1]; null when there is no valid answer. */
  promoterShare: number | null;
  detractorShare: number | null;
  wald: NpsInterval | null;
  adjustedWald: NpsInterval | null;
};

export type NpsOptions = { confidence?: number; excluded?: number };

function interval(promoters: number, detractors: number, base: number, z: number): NpsInterval {
  const promoterShare = promoters / base;
  const detractorShare = detractors / base;
  const net = promoterShare - detractorShare;
  const standardError = Math.sqrt(Math.max(0, promoterShare + detractorShare - net * net) / base) * 100;
  const marginOfError = z * standardError;
  const centre = net * 100;
  return {
    centre,
    standardError,
    marginOfError,
    lower: Math.max(-100, centre - marginOfError),
    upper: Math.min(100, centre + marginOfError),
  };
}

/** NPS from counts already tallied (e.g. from an aggregate query). */
export function netPromoterScoreFromCounts(counts: NpsCounts, options: NpsOptions = {}): NetPromoterScore {
  const confidence = options.confidence ?? 0.95;
  const z = zForConfidence(confidence);
  const { promoters, passives, detractors } = counts;
  if ([promoters, passives, detractors].some((count) => !Number.isInteger(count) || count < 0)) {
    throw new RangeError('NPS counts must be non-negative integers');
  }
  const valid = promoters + passives + detractors;
  const base = { promoters, passives, detractors, valid, excluded: options.excluded ?? 0, confidence };
  if (valid === 0) {
    return { ...base, score: null, promoterShare: null, detractorShare: null, wald: null, adjustedWald: null };
  }
  const wald = interval(promoters, detractors, valid, z);
  return {
    ...base,
    score: wald.centre,
    promoterShare: promoters / valid,
    detractorShare: detractors / valid,
    wald,
    adjustedWald: interval(promoters + 0.75, detractors + 0.75, valid + 3, z),
  };
}

/** Tallies 0–10 answers into promoters (9–10), passives (7–8) and detractors (0–6). */
export function tallyNps(answers: readonly RatingAnswer[]): NpsCounts & { excluded: number } {
  const { values, excluded } = validAnswers(answers, recommendScale);
  const promoters = values.filter((value) => value >= 9).length;
  const detractors = values.filter((value) => value <= 6).length;
  return { promoters, passives: values.length - promoters - detractors, detractors, excluded };
}

/** NPS with both margins from raw 0–10 answers (null = skipped, excluded and counted). */
export function netPromoterScore(answers: readonly RatingAnswer[], options: { confidence?: number } = {}): NetPromoterScore {
  const { excluded, ...counts } = tallyNps(answers);
  return netPromoterScoreFromCounts(counts, { ...options, excluded });
}
