import { describe, expect, it } from 'vitest';
import { ordinaryLeastSquares, type FittedRegression } from './linear-regression';
import { cars, mtcars } from './published-datasets.fixture';

function fitted(result: ReturnType<typeof ordinaryLeastSquares>): FittedRegression {
  if (result.status !== 'fitted') throw new Error(`expected a fit, got ${result.reason}`);
  return result;
}

describe('ordinaryLeastSquares', () => {
  it('reproduces R summary(lm(dist ~ speed, cars))', () => {
    const fit = fitted(
      ordinaryLeastSquares(
        cars.distance,
        cars.speed.map((speed) => [speed]),
      ),
    );
    expect(fit.observations).toBe(50);
    expect(fit.residualDegreesOfFreedom).toBe(48);
    expect(fit.intercept.estimate).toBeCloseTo(-17.5791, 4);
    expect(fit.intercept.standardError).toBeCloseTo(6.7584, 4);
    expect(fit.intercept.t).toBeCloseTo(-2.601, 3);
    expect(fit.intercept.pValue).toBeCloseTo(0.0123, 4);
    const [speed] = fit.slopes;
    expect(speed?.estimate).toBeCloseTo(3.9324, 4);
    expect(speed?.standardError).toBeCloseTo(0.4155, 4);
    expect(speed?.t).toBeCloseTo(9.464, 3);
    expect((speed?.pValue ?? 0) / 1.49e-12).toBeCloseTo(1, 2);
    expect(fit.rSquared).toBeCloseTo(0.6511, 4);
    expect(fit.adjustedRSquared).toBeCloseTo(0.6438, 4);
    expect(fit.fStatistic).toBeCloseTo(89.57, 2);
    expect(fit.residualStandardError).toBeCloseTo(15.38, 2);
  });

  it('reproduces R summary(lm(mpg ~ wt + hp, mtcars))', () => {
    const rows = mtcars.weight.map((weight, index) => [weight, mtcars.horsepower[index] ?? 0]);
    const fit = fitted(ordinaryLeastSquares(mtcars.mpg, rows));
    expect(fit.intercept.estimate).toBeCloseTo(37.22727, 5);
    expect(fit.intercept.standardError).toBeCloseTo(1.59879, 5);
    const [weight, horsepower] = fit.slopes;
    expect(weight?.estimate).toBeCloseTo(-3.87783, 5);
    expect(weight?.standardError).toBeCloseTo(0.63273, 5);
    expect((weight?.pValue ?? 0) / 1.12e-6).toBeCloseTo(1, 2);
    expect(horsepower?.estimate).toBeCloseTo(-0.03177, 5);
    expect(horsepower?.standardError).toBeCloseTo(0.00903, 5);
    expect(horsepower?.pValue).toBeCloseTo(0.00145, 5);
    expect(fit.rSquared).toBeCloseTo(0.8268, 4);
    expect(fit.adjustedRSquared).toBeCloseTo(0.8148, 4);
    expect(fit.fStatistic).toBeCloseTo(69.21, 2);
    expect(fit.fPValue).toBeLessThan(1e-10);
  });

  it('recovers an exact line with zero residual error', () => {
    const fit = fitted(ordinaryLeastSquares([3, 5, 7, 9], [[1], [2], [3], [4]]));
    expect(fit.intercept.estimate).toBeCloseTo(1, 12);
    expect(fit.slopes[0]?.estimate).toBeCloseTo(2, 12);
    expect(fit.rSquared).toBeCloseTo(1, 12);
  });

  it('declines to fit when it cannot', () => {
    expect(ordinaryLeastSquares([], [])).toEqual({ status: 'not_fitted', reason: 'too_few_observations', observations: 0 });
    expect(ordinaryLeastSquares([1, 2], [[1], [2]])).toMatchObject({ reason: 'too_few_observations' });
    expect(
      ordinaryLeastSquares(
        [1, 2, 3],
        [
          [1, 2],
          [2, 4],
          [3, 6],
        ],
      ),
    ).toMatchObject({ reason: 'too_few_observations' });
    expect(
      ordinaryLeastSquares(
        [1, 2, 3, 5],
        [
          [1, 2],
          [2, 4],
          [3, 6],
          [4, 8],
        ],
      ),
    ).toMatchObject({ reason: 'collinear_predictors' });
    expect(ordinaryLeastSquares([1, 2, 3], [[4], [4], [4]])).toMatchObject({ reason: 'collinear_predictors' });
    expect(ordinaryLeastSquares([4, 4, 4], [[1], [2], [3]])).toMatchObject({ reason: 'constant_outcome' });
  });

  it('rejects misaligned input', () => {
    expect(() => ordinaryLeastSquares([1, 2, 3], [[1], [2]])).toThrow(RangeError);
    expect(() => ordinaryLeastSquares([1, 2, 3], [[1], [2, 3], [4]])).toThrow(RangeError);
  });
});
