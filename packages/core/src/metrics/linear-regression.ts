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
  const inverse = invertMatrix(crossProduct);
  if (!inverse) return { status: 'not_fitted', reason: 'collinear_predictors', observations };

  const designTimesOutcome = Array.from({ length: parameterCount }, (_, column) =>
    sum(design.map((values, index) => (values[column] ?? 0) * (outcome[index] ?? 0))),
  );
  const estimates = inverse.map((row) => sum(row.map((value, column) => value * (designTimesOutcome[column] ?? 0))));
  const residualSumOfSquares = sum(
    design.map((values, index) => {
      const fitted = sum(values.map((value, column) => value * (estimates[column] ?? 0)));
      return ((outcome[index] ?? 0) - fitted) ** 2;
    }),
  );
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
