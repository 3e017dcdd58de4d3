import { describe, expect, it } from 'vitest';
import { keyDriverAnalysis } from './key-driver';
import { mtcars } from './published-datasets.fixture';

describe('keyDriverAnalysis', () => {
  // mtcars stands in for a survey: mpg as the overall question, wt/hp/am as drivers. The
  // published R output (see the fixture) has wt and hp significant and am not (p = 0.141).
  const input = {
    overall: mtcars.mpg,
    drivers: [
      { id: 'weight', answers: mtcars.weight },
      { id: 'horsepower', answers: mtcars.horsepower },
      { id: 'manual', answers: mtcars.manual },
    ],
  };

  it('reproduces R summary(lm(mpg ~ wt + hp + am)) and marks the insignificant driver', () => {
    const analysis = keyDriverAnalysis(input);
    if (analysis.status !== 'fitted') throw new Error('expected a fit');
    expect(analysis.observations).toBe(32);
    expect(analysis.excluded).toBe(0);
    expect(analysis.intercept.estimate).toBeCloseTo(34.00288, 5);
    const [weight, horsepower, manual] = analysis.drivers;
    expect(weight).toMatchObject({ id: 'weight', significant: true });
    expect(weight?.estimate).toBeCloseTo(-2.87858, 5);
    expect(weight?.standardError).toBeCloseTo(0.90497, 5);
    expect(weight?.pValue).toBeCloseTo(0.00357, 5);
    expect(horsepower?.pValue).toBeCloseTo(0.000546, 6);
    expect(manual).toMatchObject({ id: 'manual', significant: false });
    expect(manual?.estimate).toBeCloseTo(2.08371, 5);
    expect(manual?.t).toBeCloseTo(1.514, 3);
    expect(manual?.pValue).toBeCloseTo(0.141, 3);
    expect(analysis.rSquared).toBeCloseTo(0.8399, 4);
    expect(analysis.adjustedRSquared).toBeCloseTo(0.8227, 4);
    expect(analysis.fStatistic).toBeCloseTo(48.96, 2);
    expect(analysis.modelSignificant).toBe(true);
  });

  it('gives standardised coefficients b·s_x/s_y (R: coef × sd(x)/sd(mpg))', () => {
    const analysis = keyDriverAnalysis(input);
    if (analysis.status !== 'fitted') throw new Error('expected a fit');
    expect(analysis.drivers.map((driver) => driver.standardisedCoefficient)).toEqual([
      expect.closeTo(-0.4673283, 6),
      expect.closeTo(-0.4263599, 6),
      expect.closeTo(0.1725172, 6),
    ]);
  });

  it('makes every driver significant at a lax enough level', () => {
    const analysis = keyDriverAnalysis({ ...input, significanceLevel: 0.2 });
    expect(analysis.status === 'fitted' && analysis.drivers.every((driver) => driver.significant)).toBe(true);
  });

  it('deletes respondents with any skipped answer listwise and reports them', () => {
    const overall = [...mtcars.mpg, null, 20];
    const weight = [...mtcars.weight, 3, null];
    const horsepower = [...mtcars.horsepower, 100, 100];
    const manual = [...mtcars.manual, 1, 0];
    const analysis = keyDriverAnalysis({
      overall,
      drivers: [
        { id: 'weight', answers: weight },
        { id: 'horsepower', answers: horsepower },
        { id: 'manual', answers: manual },
      ],
    });
    expect(analysis).toMatchObject({ status: 'fitted', observations: 32, excluded: 2 });
    expect(analysis.status === 'fitted' && analysis.intercept.estimate).toBeCloseTo(34.00288, 5);
  });

  it('reports why it could not fit', () => {
    expect(keyDriverAnalysis({ overall: [], drivers: [{ id: 'a', answers: [] }] })).toEqual({
      status: 'not_fitted',
      reason: 'too_few_observations',
      observations: 0,
      excluded: 0,
    });
    expect(keyDriverAnalysis({ overall: [null, null, null, null], drivers: [{ id: 'a', answers: [1, 2, 3, 4] }] })).toMatchObject({
      reason: 'too_few_observations',
      excluded: 4,
    });
    expect(
      keyDriverAnalysis({
        overall: [1, 2, 3, 4, 5],
        drivers: [
          { id: 'a', answers: [1, 2, 3, 4, 5] },
          { id: 'b', answers: [2, 4, 6, 8, 10] },
        ],
      }),
    ).toMatchObject({ reason: 'collinear_predictors' });
  });

  it('rejects drivers not aligned with the overall question', () => {
    expect(() => keyDriverAnalysis({ overall: [1, 2], drivers: [{ id: 'a', answers: [1] }] })).toThrow(RangeError);
  });
});
