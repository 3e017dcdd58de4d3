import { practiceModel, scriptScenarios } from '@manyi/core';
import { describe, expect, it } from 'vitest';
import { scorePractice } from './score-practice';

const soothing = scriptScenarios.find((scenario) => scenario.key === 'complaint-soothing')!;
const model = practiceModel(soothing, 'standard');

describe('script practice scoring (话术练习)', () => {
  it("the library's own phrasing passes with every technique and key point", () => {
    const score = scorePractice({ reply: model, model });
    expect(score).toMatchObject({ passed: true, findings: [], techniqueShare: 1, pointShare: 1 });
    expect(score.total).toBeGreaterThanOrEqual(90);
    expect(score.points.some((point) => point.kind === 'time')).toBe(true);
  });

  it('a red line fails the practice and is named with a warm rewrite', () => {
    const score = scorePractice({ reply: soothing.cold, model });
    expect(score.passed).toBe(false);
    expect(score.findings[0]?.redLine).toBe('shirking');
    expect(score.rewrite).toEqual(expect.any(String));
    expect(score.feedback[0]!['zh-CN']).toContain('推诿');
  });

  it('a correct but cold reply is told which techniques, points and promised time the model has', () => {
    const score = scorePractice({ reply: '好的，我们会处理。', model });
    expect(score.findings).toEqual([]);
    expect(score.passed).toBe(false);
    const missing = score.techniques.filter((technique) => technique.inModel && !technique.inReply).map((technique) => technique.code);
    expect(missing).toContain('trouble_ok');
    expect(score.feedback.some((line) => line['zh-CN'].includes('承诺了时间'))).toBe(true);
    const warm = scorePractice({ reply: '非常理解您的心情，我会亲自跟进，今天18点前给您答复，麻烦您再等等好吗？', model });
    expect(warm.passed).toBe(true);
    expect(warm.total).toBeGreaterThan(score.total);
  });

  it("scores each DISC situation against that type's phrasing", () => {
    const repair = scriptScenarios.find((scenario) => scenario.key === 'repair-intake')!;
    expect(practiceModel(repair, 'tiger')).toBe(repair.disc.tiger);
    expect(scorePractice({ reply: repair.disc.tiger, model: practiceModel(repair, 'tiger') }).passed).toBe(true);
  });
});
