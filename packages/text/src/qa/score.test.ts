import { describe, expect, it } from 'vitest';
import { checkReply } from './check-reply';
import { qaScore } from './score';

describe('qaScore', () => {
  it('a warm reply scores above a neutral one, a red line below, an auto-fail 0', () => {
    const warm = qaScore(checkReply('您好，非常感谢您的反馈，我马上安排师傅今天下午3点上门查看，处理好后我会第一时间告诉您，您看可以吗？'));
    const cold = qaScore(checkReply('不归我们管，你找开发商去。'));
    expect(warm).toBeGreaterThan(70);
    expect(cold).toBeLessThan(70);
    expect(qaScore({ autoFail: true, findings: [], warmth: { score: 100, present: [], missing: [] } })).toBe(0);
  });
});
