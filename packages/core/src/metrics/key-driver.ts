import { type RatingAnswer, sum } from './answers';
import {
  ordinaryLeastSquares,
  ordinaryLeastSquaresFromMoments,
  type RegressionCoefficient,
  type RegressionFailureReason,
  type RegressionMoments,
  type RegressionResult,
} from './linear-regression';

/**
 * Key-driver analysis: the multiple linear regression of the overall satisfaction question on
 * the dimension (or indicator) scores, overall = b₀ + Σ bⱼ·dimensionⱼ + e, fitted by OLS (see
 * linear-regression.ts). A driver's weight in the owners' overall judgement is its coefficient;
 * the standardised coefficient βⱼ = bⱼ·sⱼ/s_overall (sample standard deviations) makes drivers on
 * different spreads comparable. A driver is significant when the two-sided t-test of bⱼ = 0 has
 * p < significanceLevel; the console must show the others as "not significant" rather than rank
 * them, since their estimated effect cannot be told apart from zero.
 *
 * Missing answers are deleted listwise: a respondent is used only if the overall question and
 * every driver were answered, because OLS needs complete rows (Hair et al., Multivariate Data
 * Analysis, ch. 2, on listwise deletion). The number dropped is returned as `excluded`.
 *
 * Driver values need not be integers, so a dimension score may be a respondent's item mean.
 */
export type KeyDriverInput = {
  overall: readonly RatingAnswer[];
  drivers: readonly { id: string; answers: readonly RatingAnswer[] }[];
  /** Two-sided level for "significant"; 0.05 unless the study says otherwise. */
  significanceLevel?: number;
};

export type KeyDriver = RegressionCoefficient & { id: string; standardisedCoefficient: number; significant: boolean };

export type KeyDriverAnalysis =
  | {
      status: 'fitted';
      observations: number;
      excluded: number;
      significanceLevel: number;
      intercept: RegressionCoefficient;
      drivers: KeyDriver[];
      rSquared: number;
      adjustedRSquared: number;
      fStatistic: number;
      fPValue: number;
      /** The F-test: do the drivers together explain the overall answer at all? */
      modelSignificant: boolean;
    }
  | { status: 'not_fitted'; reason: RegressionFailureReason; observations: number; excluded: number };

function sampleStandardDeviation(values: readonly number[]): number {
  const mean = sum(values) / values.length;
  return Math.sqrt(sum(values.map((value) => (value - mean) ** 2)) / (values.length - 1));
}

/** Regresses overall satisfaction on the drivers (listwise deletion) and flags significance. */
export function keyDriverAnalysis(input: KeyDriverInput): KeyDriverAnalysis {
  const significanceLevel = input.significanceLevel ?? 0.05;
  const { overall, drivers } = input;
  if (drivers.some((driver) => driver.answers.length !== overall.length)) {
    throw new RangeError('every driver must have one answer per respondent, aligned with the overall question');
  }
  const outcome: number[] = [];
  const rows: number[][] = [];
  overall.forEach((answer, respondent) => {
    const row = drivers.map((driver) => driver.answers[respondent] ?? null);
    if (answer === null || row.some((value) => value === null)) return;
    outcome.push(answer);
    rows.push(row as number[]);
  });
  const excluded = overall.length - outcome.length;
  const fit = ordinaryLeastSquares(outcome, rows);
  const spread = (column: number) => sampleStandardDeviation(column === 0 ? outcome : rows.map((row) => row[column - 1] ?? 0));
  return describeDrivers(
    fit,
    drivers.map((driver) => driver.id),
    excluded,
    significanceLevel,
    spread,
  );
}

/**
 * The same analysis from regression moments of the complete rows (variable 0 the overall
 * question, then one per driver, in `driverIds` order), e.g. added up from rollups; sample
 * standard deviations come from the moments as √((Σv² − (Σv)²/n)/(n − 1)). `excluded` is the
 * number of respondents the caller left out for a missing answer.
 */
export function keyDriverAnalysisFromMoments(
  moments: RegressionMoments,
  driverIds: readonly string[],
  options: { excluded?: number; significanceLevel?: number } = {},
): KeyDriverAnalysis {
  if (driverIds.length !== moments.sums.length - 1) throw new RangeError('one driver id per predictor in the moments');
  const fit = ordinaryLeastSquaresFromMoments(moments);
  const n = moments.observations;
  const spread = (column: number) => {
    const total = moments.sums[column] ?? 0;
    const squares = moments.crossProducts[column]?.[column] ?? 0;
    return Math.sqrt(Math.max(0, squares - (total * total) / n) / (n - 1));
  };
  return describeDrivers(fit, driverIds, options.excluded ?? 0, options.significanceLevel ?? 0.05, spread);
}

/** Driver ids, standardised coefficients and significance flags on a fit; `spread(0)` is the outcome's. */
function describeDrivers(
  fit: RegressionResult,
  driverIds: readonly string[],
  excluded: number,
  significanceLevel: number,
  spread: (column: number) => number,
): KeyDriverAnalysis {
  if (fit.status === 'not_fitted') return { ...fit, excluded };
  const outcomeSpread = spread(0);
  return {
    status: 'fitted',
    observations: fit.observations,
    excluded,
    significanceLevel,
    intercept: fit.intercept,
    drivers: driverIds.map((id, column) => {
      const slope = fit.slopes[column] as RegressionCoefficient;
      return {
        id,
        ...slope,
        standardisedCoefficient: (slope.estimate * spread(column + 1)) / outcomeSpread,
        significant: slope.pValue < significanceLevel,
      };
    }),
    rSquared: fit.rSquared,
    adjustedRSquared: fit.adjustedRSquared,
    fStatistic: fit.fStatistic,
    fPValue: fit.fPValue,
    modelSignificant: fit.fPValue < significanceLevel,
  };
}
