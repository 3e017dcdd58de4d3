import { describe, expect, it } from 'vitest';
import {
  widenedGaps,
  deliveryGap,
  differenceOnSevenPoints,
  gapKey,
  managementPerceptionGap,
  parseGapKey,
  periodOf,
  periodRange,
  periodsUpTo,
  promiseGap,
  promiseOutcome,
  standardsGap,
  toSevenPoint,
} from './gaps';

describe('5 GAP model (seed 001 第四讲)', () => {
  it('names quarters in Shanghai time and walks back over them', () => {
    // 2026-12-31 17:00 UTC is already 1 January 01:00 in Shanghai.
    expect(periodOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-Q1');
    expect(periodOf(new Date('2026-12-31T15:00:00Z'))).toBe('2026-Q4');
    expect(periodRange('2026-Q4')).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') });
    expect(periodsUpTo('2027-Q1', 4)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(() => periodRange('2026-Q5')).toThrow(RangeError);
  });

  it('keys a gap stably and reads the key back', () => {
    const key = gapKey('0192a3b4-0000-7000-8000-000000000001', '2026-Q4', 3);
    expect(key).toBe('0192a3b4-0000-7000-8000-000000000001:2026-Q4:3');
    expect(parseGapKey(key)).toEqual({ projectId: '0192a3b4-0000-7000-8000-000000000001', period: '2026-Q4', gap: 3 });
    expect(parseGapKey('x:2026-Q4:6')).toBeNull();
    expect(parseGapKey('x:2026-13:1')).toBeNull();
  });

  it('moves 5-point means onto the 7-point scale', () => {
    expect(toSevenPoint(5, 5)).toBe(7);
    expect(toSevenPoint(3, 5)).toBe(4);
    expect(differenceOnSevenPoints(-1, 5)).toBe(-1.5);
  });

  it('gap 1: managers who think owners expect less than they do', () => {
    // Two managers predict 5 and 6 for 反应度 (mean 5.5); owners expect 6.5 → −1. For 有形度 they predict 6, owners 5.5 → +0.5.
    const result = managementPerceptionGap(['responsiveness', 'tangibles', 'empathy'], [{ responsiveness: 5, tangibles: 6 }, { responsiveness: 6 }], {
      responsiveness: 6.5,
      tangibles: 5.5,
      empathy: 6,
    });
    expect(result.items[0]).toEqual({ code: 'responsiveness', predicted: 5.5, expected: 6.5, difference: -1, answers: 2 });
    expect(result.items[2]!.difference).toBeNull();
    expect(result.size).toBeCloseTo(0.75, 10);
    expect(result.bias).toBeCloseTo(-0.25, 10);
  });

  it('gap 2: indicators without a standard and weights that disagree with stated importance', () => {
    // Expectations above the floor: 5, 5, 6, 4 → importance 25, 25, 30, 20 %; weights 25, 25, 20, 30.
    const result = standardsGap(
      [
        { code: 'tangibles', weight: 25, expectation: 6 },
        { code: 'professionalism', weight: 25, expectation: 6 },
        { code: 'reliability', weight: 20, expectation: 7 },
        { code: 'empathy', weight: 30, expectation: 5 },
      ],
      [
        { code: 'tangibles.facilities', dimensionCode: 'tangibles', hasStandard: true },
        { code: 'empathy.listening', dimensionCode: 'empathy', hasStandard: false },
      ],
    );
    expect(result.missing).toEqual(['empathy.listening']);
    expect(result.weights.map((check) => [check.code, check.importance, check.disagrees])).toEqual([
      ['tangibles', 25, false],
      ['professionalism', 25, false],
      ['reliability', 30, true],
      ['empathy', 20, true],
    ]);
    expect(result.size).toBe(3);
    expect(result.distance).toBe(10);
    // Without owners' expectations nothing can disagree.
    expect(standardsGap([{ code: 'tangibles', weight: 100, expectation: null }], []).weights[0]!.importance).toBeNull();
  });

  it('gap 3: failed checks over every check of delivery against a standard', () => {
    // 40 inspection items with 4 deducted, 50 SLA tickets with 3 breached, 10 QA'd texts with 1 red line: 8 / 100.
    expect(deliveryGap({ inspections: { checks: 40, failed: 4 }, sla: { checks: 50, failed: 3 }, redLines: { checks: 10, failed: 1 } })).toEqual({
      size: 8,
      checks: 100,
      failed: 8,
    });
    expect(deliveryGap({ inspections: { checks: 0, failed: 0 }, sla: { checks: 0, failed: 0 }, redLines: { checks: 0, failed: 0 } }).size).toBeNull();
  });

  it('gap 4: promises kept, missed or still running', () => {
    const promised = new Date('2026-12-01T10:00:00Z');
    const now = new Date('2026-12-02T00:00:00Z');
    expect(promiseOutcome(promised, new Date('2026-12-01T10:20:00Z'), now, 30 * 60_000)).toBe('kept');
    expect(promiseOutcome(promised, new Date('2026-12-01T11:00:00Z'), now, 30 * 60_000)).toBe('missed');
    expect(promiseOutcome(promised, null, now)).toBe('missed');
    expect(promiseOutcome(new Date('2026-12-03T00:00:00Z'), null, now)).toBe('pending');
    expect(promiseGap(['kept', 'kept', 'kept', 'missed', 'pending'])).toEqual({ size: 25, kept: 3, missed: 1, pending: 1 });
  });

  it('finds the gaps that widened since last quarter for the weekly meeting, by magnitude (gap 5 is negative)', () => {
    const trend = (...sizes: (number | null)[]) => sizes.map((size, index) => ({ period: `2026-Q${index + 1}`, size }));
    const widened = widenedGaps([
      { gap: 1, key: 'p:2026-Q4:1', trend: trend(0.5, 0.4, 0.3, 0.6) },
      { gap: 2, key: 'p:2026-Q4:2', trend: trend(3, 3, 3, 3) },
      { gap: 3, key: 'p:2026-Q4:3', trend: trend(null, null, 0.2, 0.1) },
      { gap: 4, key: 'p:2026-Q4:4', trend: trend(null, null, null, 0.3) },
      { gap: 5, key: 'p:2026-Q4:5', trend: trend(-0.4, -0.5, -0.6, -0.9) },
    ]);
    expect(widened).toEqual([
      { gap: 1, key: 'p:2026-Q4:1', before: 0.3, now: 0.6, change: 0.3 },
      { gap: 5, key: 'p:2026-Q4:5', before: -0.6, now: -0.9, change: -0.3 },
    ]);
  });
});
