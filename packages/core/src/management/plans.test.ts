import { describe, expect, it } from 'vitest';
import { actionEffect, actionMoveProblem, actionState, gapKeyPattern, oridMissing, teamProgress, wrapUpProblems } from './plans';

describe('action plans (seed 001 第四讲)', () => {
  it('reads overdue from the due day, never for a done action', () => {
    expect(actionState('claimed', '2026-12-01', '2026-12-02')).toBe('overdue');
    expect(actionState('open', '2026-12-02', '2026-12-02')).toBe('open');
    expect(actionState('done', '2026-11-01', '2026-12-02')).toBe('done');
  });

  it('lets anyone claim an unclaimed action, and only its owner complete it', () => {
    expect(actionMoveProblem('claim', { status: 'open', ownerId: null }, 'a')).toBeNull();
    expect(actionMoveProblem('claim', { status: 'claimed', ownerId: 'b' }, 'a')).toBe('already_claimed');
    expect(actionMoveProblem('complete', { status: 'open', ownerId: null }, 'a')).toBe('no_owner');
    expect(actionMoveProblem('complete', { status: 'claimed', ownerId: 'b' }, 'a')).toBe('not_owner');
    expect(actionMoveProblem('complete', { status: 'claimed', ownerId: 'a' }, 'a')).toBeNull();
    expect(actionMoveProblem('complete', { status: 'done', ownerId: 'a' }, 'a')).toBe('already_done');
  });

  it('judges the effect in the metric’s own direction', () => {
    expect(actionEffect('satisfaction', 85, 88.5)).toEqual({ change: 3.5, improved: true });
    expect(actionEffect('complaints_per_1000', 6, 4)).toEqual({ change: -2, improved: true });
    expect(actionEffect('complaints_per_1000', 4, 6)?.improved).toBe(false);
    expect(actionEffect(null, 1, 2)).toBeNull();
  });

  it('checks ORID and 5-3-1', () => {
    expect(oridMissing({ objective: '投诉 12 件', reflective: '', interpretive: '响应慢', decisional: ' ' })).toEqual(['reflective', 'decisional']);
    expect(wrapUpProblems({ takeaways: ['a', 'b', 'c', 'd', 'e'], tools: ['x', 'y', 'z'], action: '明天开始' })).toEqual([]);
    expect(wrapUpProblems({ takeaways: ['a', 'a', 'c', 'd', 'e'], tools: ['x', 'y'], action: '' })).toEqual([
      { field: 'takeaways', expected: 5, got: 4 },
      { field: 'tools', expected: 3, got: 2 },
      { field: 'action', expected: 1, got: 0 },
    ]);
  });

  it('sums a team’s progress and knows the gap key', () => {
    expect(teamProgress(['done', 'claimed', 'overdue', 'done'])).toEqual({ total: 4, done: 2, overdue: 1, share: 0.5 });
    expect(teamProgress([]).share).toBeNull();
    expect(gapKeyPattern.test('0190a8b2-7c1e-7000-8000-000000000001:2026-Q4:3')).toBe(true);
    expect(gapKeyPattern.test('0190a8b2-7c1e-7000-8000-000000000001:2026-Q4:6')).toBe(false);
  });
});
