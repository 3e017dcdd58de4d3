import { builtInDrills } from '@manyi/core';
import { describe, expect, it } from 'vitest';
import { scoreDrillAnswer } from './score-drill';

describe('scoreDrillAnswer: CLEAR checklist and red lines', () => {
  it.each(builtInDrills.map((drill) => [drill.key, drill.modelReplies] as const))(
    'the model answer of %s shows every step in order and crosses no red line',
    (_key, replies) => {
      const score = scoreDrillAnswer(replies);
      expect(score.findings).toEqual([]);
      expect(score.steps.filter((step) => step.points < step.maxPoints).map((step) => step.step)).toEqual([]);
      expect(score.inOrder).toBe(true);
      expect(score.total).toBe(100);
      expect(score.passed).toBe(true);
    },
  );

  it('a cold answer fails: red lines found per reply, steps missing', () => {
    const score = scoreDrillAnswer(['知道了。', '这个不归我们管，你去找开发商。', '等着吧。']);
    expect(score.findings.map((finding) => [finding.turn, finding.redLine])).toEqual(expect.arrayContaining([[1, 'shirking']]));
    expect(score.steps.find((step) => step.step === 'apologize')?.present).toBe(false);
    expect(score.steps.find((step) => step.step === 'establish')?.present).toBe(false);
    expect(score.passed).toBe(false);
    expect(score.total).toBeLessThan(30);
  });

  it('a plan without a time earns half of Resolve and says so', () => {
    const score = scoreDrillAnswer(['您是说车库顶漏水，对吗？', '换作是我也会着急，非常抱歉。', '我会安排师傅去维修。']);
    const resolve = score.steps.find((step) => step.step === 'resolve')!;
    expect(resolve.present).toBe(true);
    expect(resolve.points).toBe(10);
    expect(resolve.feedback['zh-CN']).toContain('没有承诺时间');
    const timed = scoreDrillAnswer(['您是说车库顶漏水，对吗？', '换作是我也会着急，非常抱歉。', '我今天下午3点前安排师傅去维修。']);
    expect(timed.steps.find((step) => step.step === 'resolve')!.points).toBe(20);
  });

  it('a plan before listening and apologising is out of order', () => {
    const score = scoreDrillAnswer(['我明天上午9点安排师傅上门维修。', '您是说车库顶漏水，对吗？换作是我也会着急，非常抱歉。']);
    expect(score.steps.every((step) => step.step === 'control' || step.present)).toBe(true);
    expect(score.inOrder).toBe(false);
    expect(score.orderFeedback['zh-CN']).toContain('顺序不对');
  });

  it('an empty answer does not pass and does not crash', () => {
    const score = scoreDrillAnswer(['', '  ', '']);
    expect(score.passed).toBe(false);
    expect(score.total).toBe(0);
  });
});
