import { describe, expect, it } from 'vitest';
import { checkScoreRules, defaultScoreRules, pointsOf, projectAverage, rankByPoints, scoreKindSign, scoreKinds, scoreTotals } from './points';

describe('scorecard points (seed 002: 加分/扣分, 数据说话)', () => {
  it('gives bonus kinds positive and deduction kinds negative default weights', () => {
    for (const kind of scoreKinds.values) {
      if (scoreKindSign(kind) === 'bonus') expect(defaultScoreRules[kind]).toBeGreaterThanOrEqual(0);
      else expect(defaultScoreRules[kind]).toBeLessThanOrEqual(0);
    }
  });

  it('sums weight × amount per kind into bonus, deduction and total', () => {
    const totals = scoreTotals(
      [
        { kind: 'sla_met', events: 10, amount: 10 },
        { kind: 'sla_missed', events: 2, amount: 2 },
        { kind: 'delight', events: 1, amount: 5 },
        { kind: 'sla_met', events: 1, amount: 1 },
      ],
      defaultScoreRules,
    );
    expect(totals.byKind).toEqual([
      { kind: 'sla_met', events: 11, points: 22 },
      { kind: 'sla_missed', events: 2, points: -6 },
      { kind: 'delight', events: 1, points: 5 },
    ]);
    expect(totals).toMatchObject({ bonus: 27, deduction: -6, total: 21 });
  });

  it('applies a company override and refuses a reward turned into a deduction', () => {
    const { rules, problems } = checkScoreRules({ sla_met: 3, red_line: 4, rating_low: -30, unknown: 9 });
    expect(rules.sla_met).toBe(3);
    expect(rules.red_line).toBe(defaultScoreRules.red_line);
    expect(problems).toEqual([
      { kind: 'rating_low', reason: 'range' },
      { kind: 'red_line', reason: 'sign' },
    ]);
    expect(pointsOf('sla_met', rules)).toBe(3);
  });

  it('ranks with shared ranks for ties (1, 2, 2, 4)', () => {
    const ranked = rankByPoints([
      { name: '乙', points: 5 },
      { name: '甲', points: 9 },
      { name: '丙', points: 5 },
      { name: '丁', points: 1 },
    ]);
    expect(ranked.map((entry) => [entry.name, entry.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['丁', 4],
    ]);
  });

  it('compares projects by points per person and marks small teams', () => {
    expect(projectAverage(100, 20)).toEqual({ average: 5, small: false });
    expect(projectAverage(10, 3)).toEqual({ average: 3.3, small: true });
    expect(projectAverage(0, 0)).toEqual({ average: null, small: true });
  });
});
