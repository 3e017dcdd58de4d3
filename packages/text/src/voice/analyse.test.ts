import { defaultCategories } from '@manyi/core';
import { describe, expect, it } from 'vitest';
import { baseTextConfig } from '../config/base';
import { mergeTextConfig } from '../config/merge';
import { analyseComment, analyseComments } from './analyse';

const polarity = (text: string, config = baseTextConfig) => analyseComment(text, config).sentiment.polarity;

describe('analyseComment: sentiment', () => {
  it('reads lexicon words, negation and degree', () => {
    expect(polarity('管家服务很好')).toBe('positive');
    expect(polarity('管家服务不好')).toBe('negative');
    expect(polarity('不太满意')).toBe('negative');
    expect(analyseComment('非常满意').sentiment.score).toBeGreaterThan(analyseComment('比较满意').sentiment.score);
    expect(analyseComment('电梯有点慢').sentiment.score).toBeGreaterThan(analyseComment('电梯非常慢').sentiment.score);
  });

  it('lets the clause after a contrast decide', () => {
    expect(polarity('环境还可以，但是物业费太贵了')).toBe('negative');
    expect(polarity('虽然问题还没完全解决，但管家一直在跟进，态度很好')).toBe('positive');
  });

  it('reads an expected action negated as a complaint, and a request as neutral', () => {
    expect(polarity('楼道的灯坏了一个月也没人修')).toBe('negative');
    expect(polarity('草坪好久没修剪了')).toBe('negative');
    expect(polarity('能不能在中心花园多放几张长椅？')).toBe('neutral');
    expect(polarity('请问物业费可以按季度交吗？')).toBe('neutral');
  });

  it('takes a company’s own terms', () => {
    const config = mergeTextConfig(baseTextConfig, { sentimentTerms: { 金牌管家: 2.5 } });
    expect(polarity('我们的金牌管家', config)).toBe('positive');
    expect(polarity('我们的金牌管家')).toBe('neutral');
  });

  it('reads traditional characters as simplified', () => {
    expect(analyseComment('管家服務很周到，逢年過節都會來問候').sentiment.polarity).toBe('positive');
  });
});

describe('analyseComment: topics', () => {
  it('finds the topics an owner talks about', () => {
    expect(analyseComment('电梯坏了三天都没人来修').topics.map((topic) => topic.code)).toContain('engineering.elevator');
    expect(analyseComment('物业费一年比一年贵').topics.map((topic) => topic.code)).toEqual(['fees']);
    expect(analyseComment('遛狗不牵绳的太多了').topics.map((topic) => topic.code)).toEqual(['order.pets']);
  });

  it('does not count a word found only inside a longer one (停车 in 停车费)', () => {
    expect(analyseComment('停车费太贵了').topics.map((topic) => topic.code)).toEqual(['fees']);
  });

  it('names a node of the ticket category tree for every topic', () => {
    const codes = new Set(defaultCategories.map((category) => category.code));
    for (const topic of baseTextConfig.topics) expect(codes.has(topic.categoryCode), topic.code).toBe(true);
  });

  it('takes a company’s extra topic terms', () => {
    const config = mergeTextConfig(baseTextConfig, { topicTerms: { 'order.parking': ['机械车位'] } });
    expect(analyseComment('机械车位老是卡住', config).topics.map((topic) => topic.code)).toContain('order.parking');
  });
});

describe('analyseComments', () => {
  it('sums polarity and topics over many comments', () => {
    const { results, summary } = analyseComments(['电梯坏了没人修，太差了', '保洁阿姨很辛苦，楼道很干净', '请问物业费怎么交？', '']);
    expect(results).toHaveLength(4);
    expect(summary.count).toBe(4);
    expect(summary.polarity).toEqual({ positive: 1, negative: 1, neutral: 2 });
    expect(summary.topics.find((topic) => topic.code === 'engineering.elevator')).toEqual({ code: 'engineering.elevator', count: 1, negative: 1, positive: 0 });
  });
});
