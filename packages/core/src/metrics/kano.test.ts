import { describe, expect, it } from 'vitest';
import { classifyKanoPair, kanoAnalysis, type KanoPair } from './kano';
import { kanoAnswers, kanoCategories } from './vocabulary';

function pairs(functional: number, dysfunctional: number, count: number): KanoPair[] {
  return Array.from({ length: count }, () => ({ functional, dysfunctional }));
}

describe('classifyKanoPair (Berger et al. 1993 evaluation table)', () => {
  it('maps all 25 answer pairs as the standard table does', () => {
    const expected = ['Q A A A O', 'R I I I M', 'R I I I M', 'R I I I M', 'R R R R Q'];
    const letter = { questionable: 'Q', attractive: 'A', one_dimensional: 'O', must_be: 'M', indifferent: 'I', reverse: 'R' } as const;
    const actual = [1, 2, 3, 4, 5].map((functional) => [1, 2, 3, 4, 5].map((dysfunctional) => letter[classifyKanoPair(functional, dysfunctional)]).join(' '));
    expect(actual).toEqual(expected);
  });
  it('rejects codes outside 1–5', () => {
    expect(() => classifyKanoPair(0, 3)).toThrow(RangeError);
    expect(() => classifyKanoPair(3, 6)).toThrow(RangeError);
    expect(() => classifyKanoPair(1.5, 3)).toThrow(RangeError);
  });
});

describe('kanoAnalysis', () => {
  // A = 4, O = 6, M = 7, I = 2, R = 1, Q = 1, and 2 pairs with a skipped answer.
  // Better = (4 + 6)/(4 + 6 + 7 + 2) = 10/19 = 0.526316; Worse = −(6 + 7)/19 = −0.684211.
  const answers: KanoPair[] = [
    ...pairs(1, 2, 1),
    ...pairs(1, 3, 2),
    ...pairs(1, 4, 1),
    ...pairs(1, 5, 6),
    ...pairs(2, 5, 3),
    ...pairs(3, 5, 2),
    ...pairs(4, 5, 2),
    ...pairs(3, 3, 2),
    ...pairs(5, 1, 1),
    ...pairs(1, 1, 1),
    { functional: null, dysfunctional: 5 },
    { functional: 1, dysfunctional: null },
  ];

  it('counts categories, picks the most frequent and computes Better/Worse', () => {
    expect(kanoAnalysis(answers)).toEqual({
      counts: { attractive: 4, one_dimensional: 6, must_be: 7, indifferent: 2, reverse: 1, questionable: 1 },
      valid: 21,
      excluded: 2,
      category: 'must_be',
      tied: [],
      better: 10 / 19,
      worse: -13 / 19,
    });
  });
  it('breaks ties M > O > A > I and says which categories tied', () => {
    const tie = kanoAnalysis([...pairs(1, 5, 3), ...pairs(2, 5, 3), ...pairs(1, 3, 3)]);
    expect(tie.category).toBe('must_be');
    expect(tie.tied).toEqual(['must_be', 'one_dimensional', 'attractive']);
    expect(kanoAnalysis([...pairs(1, 3, 2), ...pairs(3, 3, 2)]).category).toBe('attractive');
  });
  it('classifies an attractive feature: Better high, Worse 0 (not −0)', () => {
    const result = kanoAnalysis([...pairs(1, 3, 8), ...pairs(3, 3, 2)]);
    expect(result.category).toBe('attractive');
    expect(result.better).toBe(0.8);
    expect(result.worse).toBe(0);
  });
  it('returns nulls without valid pairs, and null coefficients when only R/Q were given', () => {
    expect(kanoAnalysis([])).toMatchObject({ valid: 0, excluded: 0, category: null, tied: [], better: null, worse: null });
    expect(kanoAnalysis([{ functional: null, dysfunctional: null }])).toMatchObject({ valid: 0, excluded: 1, category: null });
    expect(kanoAnalysis(pairs(5, 1, 2))).toMatchObject({ category: 'reverse', better: null, worse: null });
  });
});

describe('Kano vocabulary', () => {
  it('labels the categories as seed 004 does and lists the answers in table order', () => {
    expect(kanoCategories.labels.must_be['zh-CN']).toBe('必备因素');
    expect(kanoCategories.labels.attractive['zh-CN']).toBe('魅力因素');
    expect(kanoCategories.values).toHaveLength(6);
    expect(kanoAnswers.values.map((value) => kanoAnswers.labels[value]['zh-CN'])).toEqual(['喜欢', '理应如此', '无所谓', '能忍受', '不喜欢']);
  });
});
