import { fisherFUpperTailPValue, studentTTwoSidedPValue } from './distributions';
import { invertMatrix } from './matrix';
import { sum } from './answers';

/**
 * Ordinary least squares with an intercept, by the normal equations:
 *   b = (XᵀX)⁻¹Xᵀy,  s² = Σeᵢ²/(n − k − 1),  se(bⱼ) = √(s²·[(XᵀX)⁻¹]ⱼⱼ),
 *   tⱼ = bⱼ/se(bⱼ) on n − k − 1 degrees of freedom,
 *   R² = 1 − SSres/SStot,  adjusted R² = 1 − (1 − R²)(n − 1)/(n − k − 1),
 *   F = (R²/k)/((1 − R²)/(n − k − 1)) on (k, n − k − 1) degrees of freedom,
 * as in any regression text (e.g. Wooldridge, Introductory Econometrics, ch. 3–4) and as R's
 * `summary(lm(...))` reports them. The normal equations are adequate here because key-driver
 * models have a handful of predictors on 1–5 scales; they are not for ill-conditioned designs.
 */
export type RegressionCoefficient = { estimate: number; standardError: number; t: number; pValue: number };

export type FittedRegression = {
  status: 'fitted';
  observations: number;
  residualDegreesOfFreedom: number;
  intercept: RegressionCoefficient;
  /** One per predictor column, in input order. */
  slopes: RegressionCoefficient[];
  rSquared: number;
  adjustedRSquared: number;
  fStatistic: number;
  fPValue: number;
  residualStandardError: number;
};

export type RegressionFailureReason =
  /** n ≤ k + 1: no degrees of freedom left to estimate the error variance. */
  | 'too_few_observations'
  /** XᵀX is singular: a predictor is constant or a linear combination of others. */
  | 'collinear_predictors'
  /** Every outcome is the same, so there is no variance to explain and R² is undefined. */
  | 'constant_outcome';

export type RegressionResult = FittedRegression | { status: 'not_fitted'; reason: RegressionFailureReason; observations: number };

/**
 * Fits y = b₀ + b₁x₁ + … + bₖxₖ. `predictors[i]` holds observation i's k predictor values;
 * `outcome[i]` its y. Rows must be complete: the caller decides how to treat missing answers.
 */
export function ordinaryLeastSquares(outcome: readonly number[], predictors: readonly (readonly number[])[]): RegressionResult {
  const observations = outcome.length;
  if (predictors.length !== observations) throw new RangeError('outcome and predictors must have one row per observation');
  const predictorCount = predictors[0]?.length ?? 0;
  if (predictors.some((row) => row.length !== predictorCount)) throw new RangeError('every predictor row must have the same length');
  const parameterCount = predictorCount + 1;
  const residualDegreesOfFreedom = observations - parameterCount;
  if (residualDegreesOfFreedom < 1) return { status: 'not_fitted', reason: 'too_few_observations', observations };

  const mean = sum(outcome) / observations;
  const totalSumOfSquares = sum(outcome.map((value) => (value - mean) ** 2));
  if (totalSumOfSquares === 0) return { status: 'not_fitted', reason: 'constant_outcome', observations };

  const design = predictors.map((row) => [1, ...row]);
  const crossProduct = Array.from({ length: parameterCount }, (_, row) =>
    Array.from({ length: parameterCount }, (_, column) => sum(design.map((values) => (values[row] ?? 0) * (values[column] ?? 0)))),
  );
  const designTimesOutcome = Array.from({ length: parameterCount }, (_, column) =>
    sum(design.map((values, index) => (values[column] ?? 0) * (outcome[index] ?? 0))),
  );
  return solveNormalEquations(observations, crossProduct, designTimesOutcome, totalSumOfSquares, (estimates) =>
    sum(
      design.map((values, index) => {
        const fitted = sum(values.map((value, column) => value * (estimates[column] ?? 0)));
        return ((outcome[index] ?? 0) - fitted) ** 2;
      }),
    ),
  );
}

/**
 * Sufficient statistics of a regression sample, addable across groups: over the complete rows,
 * n, the sums of each variable and the matrix of sums of cross-products Σ vᵢvⱼ. Variable 0 is the
 * outcome y, variables 1…k the predictors.
 */
export type RegressionMoments = { observations: number; sums: readonly number[]; crossProducts: readonly (readonly number[])[] };

/**
 * The same fit from moments, without the rows: XᵀX = [[n, Σxⱼ], [Σxⱼ, Σxⱼxₗ]], Xᵀy = [Σy, Σxⱼy],
 * SSres = Σy² − bᵀXᵀy (the normal-equation identity) and SStot = Σy² − (Σy)²/n. Equal to
 * ordinaryLeastSquares on the rows up to rounding; an outcome spread below 1e-12 of Σy² counts as
 * constant.
 */
export function ordinaryLeastSquaresFromMoments(moments: RegressionMoments): RegressionResult {
  const { observations, sums, crossProducts } = moments;
  const predictorCount = sums.length - 1;
  if (predictorCount < 0 || crossProducts.length !== sums.length) throw new RangeError('moments need the outcome and one entry per predictor');
  const parameterCount = predictorCount + 1;
  if (observations - parameterCount < 1) return { status: 'not_fitted', reason: 'too_few_observations', observations };
  const sumY = sums[0] ?? 0;
  const sumYY = crossProducts[0]?.[0] ?? 0;
  const totalSumOfSquares = sumYY - (sumY * sumY) / observations;
  if (totalSumOfSquares <= 1e-12 * sumYY) return { status: 'not_fitted', reason: 'constant_outcome', observations };
  // Reorder so the intercept's column of ones comes first: index 0 → 1, predictor j → its moment index j.
  const at = (row: number, column: number): number => {
    if (row === 0 && column === 0) return observations;
    if (row === 0) return sums[column] ?? 0;
    if (column === 0) return sums[row] ?? 0;
    return crossProducts[row]?.[column] ?? 0;
  };
  const crossProduct = Array.from({ length: parameterCount }, (_, row) => Array.from({ length: parameterCount }, (_, column) => at(row, column)));
  const designTimesOutcome = Array.from({ length: parameterCount }, (_, column) => (column === 0 ? sumY : (crossProducts[column]?.[0] ?? 0)));
  return solveNormalEquations(observations, crossProduct, designTimesOutcome, totalSumOfSquares, (estimates) =>
    Math.max(0, sumYY - sum(estimates.map((estimate, index) => estimate * (designTimesOutcome[index] ?? 0)))),
  );
}

/** The common tail: b = (XᵀX)⁻¹Xᵀy, then standard errors, t, p, R², F as documented above. */
function solveNormalEquations(
  observations: number,
  crossProduct: number[][],
  designTimesOutcome: number[],
  totalSumOfSquares: number,
  residualSumOfSquaresOf: (estimates: number[]) => number,
): RegressionResult {
  const parameterCount = crossProduct.length;
  const predictorCount = parameterCount - 1;
  const residualDegreesOfFreedom = observations - parameterCount;
  const inverse = invertMatrix(crossProduct);
  if (!inverse) return { status: 'not_fitted', reason: 'collinear_predictors', observations };
  const estimates = inverse.map((row) => sum(row.map((value, column) => value * (designTimesOutcome[column] ?? 0))));
  const residualSumOfSquares = residualSumOfSquaresOf(estimates);
  const errorVariance = residualSumOfSquares / residualDegreesOfFreedom;
  const coefficients = estimates.map((estimate, index): RegressionCoefficient => {
    const standardError = Math.sqrt(errorVariance * (inverse[index]?.[index] ?? 0));
    const t = estimate / standardError;
    return { estimate, standardError, t, pValue: studentTTwoSidedPValue(t, residualDegreesOfFreedom) };
  });

  const rSquared = 1 - residualSumOfSquares / totalSumOfSquares;
  const fStatistic = predictorCount === 0 ? 0 : rSquared / predictorCount / ((1 - rSquared) / residualDegreesOfFreedom);
  return {
    status: 'fitted',
    observations,
    residualDegreesOfFreedom,
    intercept: coefficients[0] as RegressionCoefficient,
    slopes: coefficients.slice(1),
    rSquared,
    adjustedRSquared: 1 - ((1 - rSquared) * (observations - 1)) / residualDegreesOfFreedom,
    fStatistic,
    fPValue: predictorCount === 0 ? 1 : fisherFUpperTailPValue(fStatistic, predictorCount, residualDegreesOfFreedom),
    residualStandardError: Math.sqrt(errorVariance),
  };
}
