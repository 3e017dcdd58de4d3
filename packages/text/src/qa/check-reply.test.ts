import { describe, expect, it } from 'vitest';
import { baseTextConfig } from '../config/base';
import { mergeTextConfig } from '../config/merge';
import { type RedLineRule } from '../config/types';
import { checkReply } from './check-reply';
import { extractFacts } from './facts';

const rule = (overrides: Partial<RedLineRule> & Pick<RedLineRule, 'id' | 'match'>): RedLineRule => ({
  redLine: 'refusing',
  why: { 'zh-CN': '公司规则', 'en-US': 'Company rule' },
  ...overrides,
});

describe('checkReply: the five red lines', () => {
  it.each([
    ['说了多少遍了，周末不能装修。', 'impatient'],
    ['不行，这个不能办。', 'refusing'],
    ['你是不是自己把地漏堵了？', 'doubting'],
    ['亲，搞定啦～', 'casual'],
    ['这个不归我们管，你去找开发商。', 'shirking'],
  ] as const)('%s → %s', (text, redLine) => {
    const check = checkReply(text);
    expect(check.redLines).toContain(redLine);
    const finding = check.findings.find((item) => item.redLine === redLine);
    expect(finding).toBeDefined();
    expect(text.slice(finding?.start, finding?.end)).toBe(finding?.excerpt);
    expect(finding?.why['zh-CN'].length).toBeGreaterThan(0);
    expect(finding?.why['en-US'].length).toBeGreaterThan(0);
  });

  it('gives the span of the red line, with severity and auto-fail from the red line', () => {
    const check = checkReply('您好，张师傅下午3点到，这个不归我们管。');
    expect(check.findings).toEqual([
      expect.objectContaining({ redLine: 'shirking', excerpt: '不归我们', start: 14, end: 18, severity: 'high', autoFail: true }),
    ]);
    expect(check.autoFail).toBe(true);
  });

  it('does not fire on the hard negatives: a third party with ownership kept, a refusal with an alternative', () => {
    for (const text of [
      '需要开发商维修，我可以帮您联系并跟进',
      '外墙渗水属于开发商保修范围，我已经把照片发给开发商工程部了，明天上午我带他们的师傅一起过来看。',
      '很抱歉，按照消防规定，楼道里不能堆放杂物，我可以帮您联系地下储物间，您看可以吗？',
      '停车位目前已经租满了，实在抱歉。我可以先帮您登记在候补名单上，一有空位我第一时间通知您。',
      '麻烦您跟我确认一下，漏水是在卫生间顶上还是墙角？',
    ]) {
      expect(checkReply(text).findings, text).toEqual([]);
    }
  });

  it('counts the warmth and pleasure techniques of seed 001', () => {
    const warm = checkReply('王阿姨您好，天冷了注意保暖。麻烦您明天上午在家好吗？我可以陪师傅一起上门，谢谢您的理解，请您放心。');
    expect(warm.warmth.present).toEqual(['first_person', 'i_can', 'trouble_ok', 'care', 'thanks', 'reliability']);
    expect(warm.warmth.score).toBe(15 + 15 + 15 + 10 + 10 + 10);
    expect(warm.warmth.missing.map((item) => item.code)).toEqual(['could_you', 'praise']);
    expect(checkReply('嗯。').warmth.score).toBe(0);
  });

  it('rewrites warmly, keeping times, places, amounts and names', () => {
    const text = '张师傅明天下午3点到3栋2单元1502，这个不归我们管，你自己去找开发商，费用200元。';
    const check = checkReply(text);
    expect(check.rewrite?.facts).toEqual(['张师傅', '明天', '下午3点', '3栋', '2单元', '1502', '200元']);
    for (const fact of check.rewrite?.facts ?? []) expect(check.rewrite?.text).toContain(fact);
    expect(check.rewrite?.text).toMatch(/^您好/);
    expect(check.rewrite?.text).toContain('我来负责');
    expect(checkReply(check.rewrite?.text ?? '').findings).toEqual([]);
    expect(check.rewrite?.warmth.score).toBeGreaterThan(check.warmth.score);
  });

  it('replaces casual words by their service equivalents', () => {
    expect(checkReply('OK啦，搞定了，回头给你弄').rewrite?.text).toBe('您好，好的，处理好了，稍后给您弄。有任何进展我会第一时间告诉您。');
  });

  it('has no rewrite when there is nothing to mend', () => {
    expect(checkReply('您好，师傅下午两点上门，我会全程跟进。').rewrite).toBeNull();
  });

  it('extracts facts without splitting a larger one', () => {
    expect(extractFacts('2026年12月8日上午8:00-11:00，8-12栋停水；费用386.5元，联系刘经理13800001234，工单T-20261201-015')).toEqual([
      '2026年12月8日',
      '8:00-11:00',
      '8-12栋',
      '386.5元',
      '刘经理',
      '13800001234',
      'T-20261201-015',
    ]);
  });
});

describe('checkReply: company rules', () => {
  it('adds keyword rules in any, all and at-least modes', () => {
    const config = mergeTextConfig(baseTextConfig, {
      rules: [
        rule({ id: 'co.any', redLine: 'shirking', match: { kind: 'keywords', terms: ['物管处'], mode: 'any' } }),
        rule({ id: 'co.all', redLine: 'refusing', match: { kind: 'keywords', terms: ['押金', '扣'], mode: 'all' } }),
        rule({ id: 'co.two', redLine: 'refusing', match: { kind: 'keywords', terms: ['政策', '统一', '规定'], mode: 'atLeast', count: 2 } }),
      ],
    });
    expect(checkReply('请您到物管处办理', config).findings.map((item) => item.ruleId)).toEqual(['co.any']);
    expect(checkReply('您的装修押金会扣掉一部分', config).findings.map((item) => item.ruleId)).toEqual(['co.all']);
    expect(checkReply('您的装修押金会全部退还', config).findings).toEqual([]);
    expect(checkReply('您好，按政策统一办理', config).findings.map((item) => item.ruleId)).toEqual(['co.two']);
    expect(checkReply('您好，按规定办理', config).findings).toEqual([]);
  });

  it('adds regex rules with exclusions, a severity and auto-fail', () => {
    const config = mergeTextConfig(baseTextConfig, {
      rules: [
        rule({
          id: 'co.regex',
          redLine: 'impatient',
          severity: 'low',
          autoFail: false,
          match: { kind: 'regex', pattern: '下班(了|时间)' },
          unless: [{ pattern: '明天一早', scope: 'text' }],
        }),
      ],
    });
    expect(checkReply('您好，现在已经下班了', config).findings).toEqual([expect.objectContaining({ ruleId: 'co.regex', severity: 'low', autoFail: false })]);
    expect(checkReply('您好，现在已经下班了，明天一早我来处理', config).findings).toEqual([]);
  });

  it('matches sample phrasings by similarity', () => {
    const config = mergeTextConfig(baseTextConfig, {
      rules: [rule({ id: 'co.similar', redLine: 'shirking', match: { kind: 'similar', samples: ['维修的事情找工程那边'], threshold: 0.6 } })],
    });
    expect(checkReply('维修的事情请找工程那边。', config).findings.map((item) => item.ruleId)).toEqual(['co.similar']);
    expect(checkReply('维修师傅今天下午到。', config).findings).toEqual([]);
  });

  it('switches a base rule off and changes a red line to auto-fail', () => {
    const quiet = mergeTextConfig(baseTextConfig, { rules: [{ ...baseTextConfig.rules.find((item) => item.id === 'casual.emoji')!, enabled: false }] });
    expect(checkReply('好的👍', quiet).findings).toEqual([]);
    const strict = mergeTextConfig(baseTextConfig, { redLines: [{ code: 'casual', autoFail: true, severity: 'high' }] });
    expect(checkReply('好的👍', strict).findings).toEqual([expect.objectContaining({ redLine: 'casual', autoFail: true, severity: 'high' })]);
    expect(checkReply('好的👍').autoFail).toBe(false);
  });

  it("a staff-side-only rule leaves the owner's reported words alone, offsets kept", () => {
    const config = mergeTextConfig(baseTextConfig, {
      rules: [rule({ id: 'co.notmine', redLine: 'casual', match: { kind: 'keywords', terms: ['歇菜'], mode: 'any' }, staffSideOnly: true })],
    });
    const quoted = checkReply('回访时业主说：“你们物业歇菜了”。我已记录，明天上午再上门查看。', config);
    expect(quoted.findings.filter((finding) => finding.ruleId === 'co.notmine')).toEqual([]);
    const reported = checkReply('业主反映楼道灯歇菜了，我已安排电工今天修好。', config);
    expect(reported.findings.filter((finding) => finding.ruleId === 'co.notmine')).toEqual([]);
    const own = '这个灯歇菜了，业主说的我知道了。';
    const mine = checkReply(own, config).findings.find((finding) => finding.ruleId === 'co.notmine');
    expect(mine && own.slice(mine.start, mine.end)).toBe('歇菜');
    // Without the option the same rule reads the quoted words too.
    const everywhere = mergeTextConfig(baseTextConfig, {
      rules: [rule({ id: 'co.notmine', redLine: 'casual', match: { kind: 'keywords', terms: ['歇菜'], mode: 'any' } })],
    });
    expect(checkReply('回访时业主说：“你们物业歇菜了”。', everywhere).findings.some((finding) => finding.ruleId === 'co.notmine')).toBe(true);
  });

  it('every base phrase rule judges only the staff side; the one-line brevity rule reads the whole text', () => {
    for (const item of baseTextConfig.rules) expect(item.staffSideOnly ?? false, item.id).toBe(item.match.kind !== 'brevity');
  });

  it.each([
    ['回访时业主说：“你们都说了好几遍了，还是没修好”。我已致歉，明天上午10点我陪师傅再上门复查。'],
    ['业主反映之前前台说“这不归我们管，你去找开发商”，我已向业主致歉，这件事由我负责协调开发商，周五前给您答复。'],
    ['业主表示：“你们物业就是不负责，别找我们”。我已记录并道歉，今天下午3点前给您回电。'],
    ['业主说“哈哈，等着吧，估计又没人管”，我已安排工程部今天下午2点上门查看。'],
    ['业主问“是不是你们看错了”，我已核实水表读数无误，并把照片发给您。'],
    ['回访时业主抱怨上次保安说不归物业管，我已向业主道歉，明早9点由我陪同维修师傅上门。'],
  ])("the base rules leave the owner's reported words alone: %s", (text) => {
    expect(checkReply(text).findings).toEqual([]);
  });

  it.each([
    ['业主反映楼道灯不亮，我们不管这个。', 'shirking', '我们不管'],
    ['业主说楼上漏水，已安排师傅，说了好几遍了。', 'impatient', '说了好几遍'],
    ['业主说的我知道了，说了好几遍了。', 'impatient', '说了好几遍'],
    ['业主问题已登记，你去找开发商。', 'shirking', '你去找'],
    ['如有其他说明，不归我们管。', 'shirking', '不归我们'],
  ])("the staff's own words beside the owner's still count: %s", (text, redLine, excerpt) => {
    expect(checkReply(text).findings).toEqual([expect.objectContaining({ redLine, excerpt })]);
  });
});
