import { describe, expect, it } from 'vitest';
import { baseTextConfig } from './base';
import { mergeTextConfig } from './merge';
import { regexProblem, validateCompanyAdditions } from './validate';

describe('company additions', () => {
  it('accepts a well-formed set of additions', () => {
    const check = validateCompanyAdditions({
      rules: [
        {
          id: 'co.rule',
          redLine: 'shirking',
          match: { kind: 'regex', pattern: '找(总部|集团)' },
          why: { 'zh-CN': '推给总部', 'en-US': 'Passes to head office' },
          severity: 'high',
          autoFail: true,
        },
      ],
      sentimentTerms: { 金牌管家: 2 },
      topicTerms: { fees: ['能耗费'] },
    });
    expect(check.ok).toBe(true);
  });

  it('refuses a broken regular expression with the engine’s reason, in Chinese and English', () => {
    const check = validateCompanyAdditions({
      rules: [
        {
          id: 'co.broken',
          redLine: 'refusing',
          match: { kind: 'regex', pattern: '不(行|可以' },
          unless: [{ pattern: '[a-', scope: 'text' }],
          why: { 'zh-CN': '拒绝', 'en-US': 'Refusal' },
        },
      ],
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => issue.path)).toEqual(['rules.0.match.pattern', 'rules.0.unless.0.pattern']);
    expect(check.issues[0]?.messages['zh-CN']).toMatch(/^正则表达式无法编译：.*Unterminated group/);
    expect(check.issues[0]?.messages['en-US']).toMatch(/^The regular expression does not compile: .*Unterminated group/);
  });

  it('refuses unknown red lines, fields and out-of-range numbers', () => {
    const check = validateCompanyAdditions({
      rules: [{ id: 'co.x', redLine: 'rude', match: { kind: 'similar', samples: ['走开'], threshold: 2 }, why: { 'zh-CN': 'x', 'en-US': 'x' } }],
      colour: 'red',
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => issue.path).sort()).toEqual(['', 'rules.0.match.threshold', 'rules.0.redLine']);
  });

  it('checks patterns with the flags the engine uses', () => {
    expect(regexProblem('\\p{Script=Han}')).toBeNull();
    expect(regexProblem('(?<=a')).toMatch(/Invalid regular expression/);
  });

  it('merges additions onto the base without losing base entries', () => {
    const merged = mergeTextConfig(baseTextConfig, { topicTerms: { fees: ['能耗费'] }, negations: ['甭'], stopWords: ['小区'] });
    expect(merged.topics.find((topic) => topic.code === 'fees')?.terms).toContain('能耗费');
    expect(merged.topics.find((topic) => topic.code === 'fees')?.terms).toContain('物业费');
    expect(merged.rules).toHaveLength(baseTextConfig.rules.length);
    expect(merged.sentiment.negations).toContain('甭');
    expect(merged.stopWords.filter((word) => word === '小区')).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
  });

  it('every base rule and every base pattern passes the company validation', () => {
    const check = validateCompanyAdditions({ rules: baseTextConfig.rules });
    expect(check.ok ? [] : check.issues).toEqual([]);
  });
});
