import { type RatingAnswer, fivePointScale, type RatingScale, sum, validAnswers } from './answers';

/**
 * SERVQUAL gap scores (Parasuraman, Zeithaml & Berry, "SERVQUAL: a multiple-item scale for
 * measuring consumer perceptions of service quality", Journal of Retailing 64(1), 1988; the
 * weighted form in their 1991 revision, Journal of Retailing 67(4)), with seed 004's rule that
 * satisfaction = perception − expectation and seed 001's five dimensions 有形度/专业度/反应度/
 * 信赖度/同理度 (DESIGN §4):
 *   item gap      = mean over respondents of (Pᵢ − Eᵢ), using respondents who answered both;
 *   dimension gap = mean of its item gaps (items without a pair are left out);
 *   total gap     = mean of the dimension gaps (unweighted), and
 *   weighted gap  = Σ w_d·gap_d / Σ w_d over dimensions that have a gap, i.e. the weights
 *                   (e.g. the 100 points owners or the company allotted) normalised to sum to 1.
 * A negative gap means the service falls short of what owners expect. All values are on the
 * answer scale (−4…+4 for 1–5), unrounded; null where there is nothing to average.
 */
export type ServqualItem = { id: string; expectation: readonly RatingAnswer[]; perception: readonly RatingAnswer[] };

export type ServqualDimension = { id: string; weight?: number; items: readonly ServqualItem[] };

export type ServqualItemGap = {
  id: string;
  expectation: number | null;
  perception: number | null;
  gap: number | null;
  /** Respondents who answered both questions. */
  pairs: number;
  /** Respondents who skipped either. */
  excluded: number;
};

export type ServqualDimensionGap = { id: string; gap: number | null; weight: number | null; items: ServqualItemGap[] };

export type ServqualGaps = {
  dimensions: ServqualDimensionGap[];
  totalGap: number | null;
  /** Null when no dimension carries a weight (or none has a gap). */
  weightedGap: number | null;
};

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** One item's gap: mean(P) − mean(E) over the respondents who answered both. */
export function servqualItemGap(item: ServqualItem, scale: RatingScale = fivePointScale): ServqualItemGap {
  if (item.expectation.length !== item.perception.length) {
    throw new RangeError(`item ${item.id}: expectation and perception must have one answer per respondent`);
  }
  // Validate both sides first so an answer off the scale throws even when its pair is missing.
  validAnswers(item.expectation, scale);
  validAnswers(item.perception, scale);
  const expectations: number[] = [];
  const perceptions: number[] = [];
  item.expectation.forEach((expected, respondent) => {
    const perceived = item.perception[respondent] ?? null;
    if (expected === null || perceived === null) return;
    expectations.push(expected);
    perceptions.push(perceived);
  });
  const expectation = mean(expectations);
  const perception = mean(perceptions);
  return {
    id: item.id,
    expectation,
    perception,
    gap: expectation === null || perception === null ? null : perception - expectation,
    pairs: expectations.length,
    excluded: item.expectation.length - expectations.length,
  };
}

/** Item, dimension, total and weighted gaps for a set of dimensions (formulas above). */
export function servqualGaps(dimensions: readonly ServqualDimension[], scale: RatingScale = fivePointScale): ServqualGaps {
  return servqualGapsFromItems(dimensions.map((dimension) => ({ ...dimension, items: dimension.items.map((item) => servqualItemGap(item, scale)) })));
}

export type ServqualDimensionOfItems = { id: string; weight?: number; items: readonly ServqualItemGap[] };

/**
 * Dimension, total and weighted gaps from item gaps already computed, e.g. from counted answers
 * (an item gap needs only the mean expectation and perception over the respondents who answered
 * both, which a tally of the pairs gives). Same rules as servqualGaps.
 */
export function servqualGapsFromItems(dimensions: readonly ServqualDimensionOfItems[]): ServqualGaps {
  const results = dimensions.map((dimension): ServqualDimensionGap => {
    if (dimension.weight !== undefined && !(dimension.weight >= 0)) {
      throw new RangeError(`dimension ${dimension.id}: weight must be non-negative`);
    }
    const items = [...dimension.items];
    const gaps = items.flatMap((item) => (item.gap === null ? [] : [item.gap]));
    return { id: dimension.id, gap: mean(gaps), weight: dimension.weight ?? null, items };
  });
  const weightedCount = results.filter((dimension) => dimension.weight !== null).length;
  if (weightedCount > 0 && weightedCount < results.length) {
    // Silently dropping the unweighted dimensions would change what the weighted gap means.
    throw new RangeError('give every dimension a weight, or none');
  }
  const scored = results.filter((dimension) => dimension.gap !== null);
  const weighted = scored.filter((dimension) => dimension.weight !== null);
  const weightTotal = sum(weighted.map((dimension) => dimension.weight ?? 0));
  return {
    dimensions: results,
    totalGap: mean(scored.map((dimension) => dimension.gap ?? 0)),
    weightedGap:
      weighted.length === 0 || weightTotal === 0 ? null : sum(weighted.map((dimension) => (dimension.weight ?? 0) * (dimension.gap ?? 0))) / weightTotal,
  };
}
