import { type RatingAnswer } from './answers';
import { type KanoCategory } from './vocabulary';

/**
 * Kano classification by the standard 5×5 evaluation table (Berger et al., "Kano's methods for
 * understanding customer-defined quality", Center for Quality Management Journal 2(4), 1993;
 * Matzler & Hinterhuber, Technovation 18(1), 1998). Each respondent answers a functional
 * question ("if the service has this feature…") and a dysfunctional one ("if it does not…") with
 * 1 喜欢 like, 2 理应如此 must-be, 3 无所谓 neutral, 4 能忍受 live-with, 5 不喜欢 dislike:
 *
 *   functional \ dysfunctional   1   2   3   4   5
 *   1 like                       Q   A   A   A   O
 *   2 must-be                    R   I   I   I   M
 *   3 neutral                    R   I   I   I   M
 *   4 live-with                  R   I   I   I   M
 *   5 dislike                    R   R   R   R   Q
 *
 * An attribute's category is the most frequent one (DESIGN §4). Ties are broken by
 * M > O > A > I > R > Q, the common rule that errs towards the category whose neglect costs
 * most (a missing must-be causes dissatisfaction however good the rest is). When there is a tie,
 * `tied` lists every category that shared the top count (in that order) so the console can say
 * so; otherwise it is empty.
 *
 * Customer satisfaction coefficients (Berger et al. 1993):
 *   Better = (A + O)/(A + O + M + I),   Worse = −(O + M)/(A + O + M + I),
 * R and Q excluded from the denominator; null when A + O + M + I = 0.
 */
const table: readonly (readonly KanoCategory[])[] = [
  ['questionable', 'attractive', 'attractive', 'attractive', 'one_dimensional'],
  ['reverse', 'indifferent', 'indifferent', 'indifferent', 'must_be'],
  ['reverse', 'indifferent', 'indifferent', 'indifferent', 'must_be'],
  ['reverse', 'indifferent', 'indifferent', 'indifferent', 'must_be'],
  ['reverse', 'reverse', 'reverse', 'reverse', 'questionable'],
];

const tieOrder: readonly KanoCategory[] = ['must_be', 'one_dimensional', 'attractive', 'indifferent', 'reverse', 'questionable'];

/** Category of one respondent's (functional, dysfunctional) answer pair, codes 1–5. */
export function classifyKanoPair(functional: number, dysfunctional: number): KanoCategory {
  const category = table[functional - 1]?.[dysfunctional - 1];
  if (!category || !Number.isInteger(functional) || !Number.isInteger(dysfunctional)) {
    throw new RangeError(`Kano answers must be 1–5, got (${functional}, ${dysfunctional})`);
  }
  return category;
}

export type KanoPair = { functional: RatingAnswer; dysfunctional: RatingAnswer };

export type KanoAnalysis = {
  counts: Record<KanoCategory, number>;
  /** Pairs with both answers. */
  valid: number;
  /** Pairs with either answer skipped. */
  excluded: number;
  category: KanoCategory | null;
  tied: KanoCategory[];
  better: number | null;
  worse: number | null;
};

/** Category (mode, ties M > O > A > I > R > Q) and Better/Worse of one attribute's answer pairs. */
export function kanoAnalysis(pairs: readonly KanoPair[]): KanoAnalysis {
  const pairCounts: number[] = Array.from({ length: 25 }, () => 0);
  for (const { functional, dysfunctional } of pairs) {
    if (functional === null || dysfunctional === null) continue;
    classifyKanoPair(functional, dysfunctional); // throws on answers off the table
    const index = kanoPairIndex(functional, dysfunctional);
    pairCounts[index] = (pairCounts[index] ?? 0) + 1;
  }
  const analysis = kanoAnalysisFromCounts(pairCounts);
  return { ...analysis, excluded: pairs.length - analysis.valid };
}

/** Position of the answer pair (functional f, dysfunctional d), codes 1–5, in a 25-cell count list: (f − 1)·5 + (d − 1). */
export function kanoPairIndex(functional: number, dysfunctional: number): number {
  return (functional - 1) * 5 + (dysfunctional - 1);
}

/**
 * The same analysis from the 5×5 table of pair counts already tallied (e.g. a rollup), as a
 * 25-cell list indexed by kanoPairIndex; `excluded` is passed through as counted by the caller.
 */
export function kanoAnalysisFromCounts(pairCounts: readonly number[], excluded = 0): KanoAnalysis {
  if (pairCounts.length !== 25) throw new RangeError('Kano pair counts must have 25 cells (5×5)');
  const counts: Record<KanoCategory, number> = {
    must_be: 0,
    one_dimensional: 0,
    attractive: 0,
    indifferent: 0,
    reverse: 0,
    questionable: 0,
  };
  let valid = 0;
  pairCounts.forEach((count, index) => {
    if (!Number.isInteger(count) || count < 0) throw new RangeError('Kano pair counts must be non-negative integers');
    counts[classifyKanoPair(Math.floor(index / 5) + 1, (index % 5) + 1)] += count;
    valid += count;
  });
  const top = Math.max(...tieOrder.map((category) => counts[category]));
  const tied = valid === 0 ? [] : tieOrder.filter((category) => counts[category] === top);
  const { attractive, one_dimensional: oneDimensional, must_be: mustBe, indifferent } = counts;
  const classified = attractive + oneDimensional + mustBe + indifferent;
  return {
    counts,
    valid,
    excluded,
    category: tied[0] ?? null,
    tied: tied.length > 1 ? tied : [],
    better: classified === 0 ? null : (attractive + oneDimensional) / classified,
    // Written as 0 − x so that no O or M gives 0, not −0.
    worse: classified === 0 ? null : 0 - (oneDimensional + mustBe) / classified,
  };
}
