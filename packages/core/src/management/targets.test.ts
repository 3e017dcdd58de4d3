import { describe, expect, it } from 'vitest';
import { checkDecomposition, onTrack, periodsOverlap, smartCheck, targetProgress } from './targets';

const period = { start: new Date('2027-01-01'), end: new Date('2027-04-01') };

describe('targets (seed 001 第四讲 SMART, seed 002 目标分解)', () => {
  it('children add up when their weighted mean reaches the parent', () => {
    // 满意率 90 % for a project: 300 households at 92 %, 100 at 85 % → (300·92 + 100·85) / 400 = 90.25.
    expect(
      checkDecomposition('satisfaction', 90, [
        { value: 92, weight: 300 },
        { value: 85, weight: 100 },
      ]),
    ).toEqual({ adds: true, combined: 90.25, problem: null });
    expect(
      checkDecomposition('satisfaction', 90, [
        { value: 88, weight: 300 },
        { value: 92, weight: 100 },
      ]),
    ).toMatchObject({ adds: false, combined: 89, problem: 'short' });
    // Lower is better: complaints per 1,000 households must not exceed the parent.
    expect(
      checkDecomposition('complaints_per_1000', 5, [
        { value: 4, weight: 1 },
        { value: 6, weight: 1 },
      ]).adds,
    ).toBe(true);
    expect(
      checkDecomposition('complaints_per_1000', 5, [
        { value: 6, weight: 1 },
        { value: 6, weight: 1 },
      ]).adds,
    ).toBe(false);
    expect(checkDecomposition('nps', 30, [{ value: 30, weight: 0 }]).problem).toBe('weight_missing');
    expect(checkDecomposition('nps', 30, []).problem).toBe('no_children');
  });

  it('periods overlap when each starts before the other ends', () => {
    expect(periodsOverlap(period, { start: new Date('2027-03-01'), end: new Date('2027-06-01') })).toBe(true);
    expect(periodsOverlap(period, { start: new Date('2027-04-01'), end: new Date('2027-07-01') })).toBe(false);
  });

  it('checks SMART: a baseline, a step no larger than twice the largest recent change, a deadline ahead', () => {
    const now = new Date('2026-12-15');
    const passed = smartCheck({ metric: 'satisfaction', value: 90, baseline: 86, history: [82, 84, 85, 86], period, now });
    expect(passed.every((criterion) => criterion.passed)).toBe(true);
    const tooFar = smartCheck({ metric: 'satisfaction', value: 99, baseline: 86, history: [82, 84, 85, 86], period, now });
    expect(tooFar.find((criterion) => criterion.criterion === 'achievable')).toMatchObject({ passed: false, code: 'too_far' });
    const noBaseline = smartCheck({ metric: 'nps', value: 30, baseline: null, history: [], period, now });
    expect(noBaseline.find((criterion) => criterion.criterion === 'measurable')?.passed).toBe(false);
    const late = smartCheck({ metric: 'nps', value: 30, baseline: 20, history: [], period, now: new Date('2027-05-01') });
    expect(late.find((criterion) => criterion.criterion === 'time_bound')?.passed).toBe(false);
    const backwards = smartCheck({ metric: 'complaints_per_1000', value: 8, baseline: 6, history: [], period, now });
    expect(backwards.find((criterion) => criterion.criterion === 'specific')?.code).toBe('no_improvement');
  });

  it('measures progress from the baseline and whether it keeps pace with the period', () => {
    expect(targetProgress('satisfaction', 86, 90, 88)).toBe(0.5);
    expect(targetProgress('complaints_per_1000', 6, 4, 5)).toBe(0.5);
    expect(targetProgress('nps', 20, 30, null)).toBeNull();
    expect(onTrack(0.5, period, new Date('2027-02-01'))).toBe(true);
    expect(onTrack(0.1, period, new Date('2027-03-15'))).toBe(false);
  });
});
