/**
 * Scores a steward's written answer to a case drill (packages/core training/drills.ts), turn by turn,
 * the way seed 001 teaches complaint handling (第三讲 服务有法、投诉化解):
 *
 * 1. The CLEAR checklist: were Control (控制情绪), Listen (聆听诉说), Establish (同理链接), Apologize
 *    (表达歉意) and Resolve (提出方案) present, and did Listen → Establish → Apologize → Resolve come in
 *    that order (first the feelings, then the facts)? Each step is recognised by its cue phrases below;
 *    Resolve needs an action, and full credit only with a promised time (承诺兑现: a promise without a
 *    time can be neither kept nor checked, the rule of core's missingClearSteps).
 *    Points: Control 10, Listen 20, Establish 20, Apologize 20, Resolve 20 (10 without a time), order 10.
 * 2. The red-line QA (checkReply) on every reply: each finding takes 10 points off; an auto-fail finding
 *    fails the drill whatever the points.
 *
 * The drill passes at 60 points with no auto-fail. Cue lists are heuristics written for these drills; they
 * recognise the phrasings the course teaches, not every way a person may say the same thing, so the
 * feedback names the phrase it found and a reviewer can disagree.
 */
import type { ClearStep, Label } from '@manyi/core';
import { baseTextConfig } from '../config/base';
import type { TextConfig } from '../config/types';
import { normaliseText } from '../normalise';
import { checkReply, type Finding } from '../qa/check-reply';
import { extractFacts } from '../qa/facts';

const cues: Record<ClearStep, RegExp> = {
  control: /先别(着急|生气|急)|别着急|消消气|请(您|你)?(先)?(坐下|慢慢说|放心)|慢慢说|我在听|喝口水|冷静/u,
  listen:
    /(您|你)(是说|的意思是|反映的是|说的是|遇到的是)|我(来)?(确认|复述|核实|重复)一下|对吗|是吗[?？]|(记|写)(下|录)(来|了)|请(您|你)?(详细|具体)(说说|讲讲|说一下)|具体(在|是)(哪|什么|几)|麻烦(您|你)告诉我|我明白(您|你)的意思/u,
  establish:
    /(换作|换成|如果)是我|(能|很|非常|完全|十分)?理解(您|你)(的)?(心情|感受|着急|不满|担心|生气)|我能理解|我理解|辛苦(您|你)?了|心疼|(您|你)的(疑问|担心|不满)(很|是|非常)(合理|正常)|一定(很|非常)?(不方便|着急|难受|生气)|(确实|真的?)(让|给)(您|你)(受|添|带来)/u,
  apologize: /抱歉|对不起|不好意思|致歉|道歉|(我们|是我们)的(失误|错|问题|不对|疏忽)|(没有|没)(做|处理)到位|做得不(好|对|够)/u,
  resolve: /(安排|派|上门|到现场|到您家|修好|维修|处理|更换|疏通|联系|核查|调取|回电|回复|告诉您|跟进|清理|检查|协助|负责|给您留|当面)/u,
};

const stepPoints: Record<ClearStep, number> = { control: 10, listen: 20, establish: 20, apologize: 20, resolve: 20 };
const orderPoints = 10;
const findingPenalty = 10;
export const drillPassMark = 60;
const orderedSteps: readonly ClearStep[] = ['listen', 'establish', 'apologize', 'resolve'];

export type DrillStepScore = {
  step: ClearStep;
  present: boolean;
  /** The reply (0-based) and the phrase that showed the step, in the text as normalised. */
  turn: number | null;
  excerpt: string | null;
  points: number;
  maxPoints: number;
  feedback: Label;
};

export type DrillScore = {
  steps: DrillStepScore[];
  inOrder: boolean;
  orderFeedback: Label;
  clearScore: number;
  findings: (Finding & { turn: number })[];
  /** Per reply, the warm rewrite of the red-line QA, or null where there was nothing to rewrite. */
  rewrites: (string | null)[];
  autoFail: boolean;
  total: number;
  passed: boolean;
};

const tips: Record<ClearStep, Label> = {
  control: {
    'zh-CN': '先稳住情绪再谈事情，例如“您先别着急，我在听，请您慢慢说”。',
    'en-US': 'Settle the emotion before the facts, e.g. “please don’t worry, I am listening, take your time”.',
  },
  listen: { 'zh-CN': '复述并确认业主说的事，例如“您是说……对吗？”', 'en-US': 'Say back what the owner told you and confirm it: “you mean …, right?”' },
  establish: { 'zh-CN': '说出业主的感受，例如“换作是我也会很着急”。', 'en-US': 'Name the owner’s feeling, e.g. “I would be worried too in your place”.' },
  apologize: { 'zh-CN': '为给业主带来的不便真诚道歉，不找借口。', 'en-US': 'Apologise sincerely for the trouble, without excuses.' },
  resolve: { 'zh-CN': '提出具体做法、承诺的时间和跟进的人。', 'en-US': 'Offer a concrete action, a promised time and who follows up.' },
};

interface Located {
  turn: number;
  index: number;
  excerpt: string;
}

/** The first place (turn, offset) where the step's cue appears; for Resolve, the first sentence that also names a time when there is one. */
function locate(step: ClearStep, replies: readonly string[]): (Located & { timed: boolean }) | null {
  let first: (Located & { timed: boolean }) | null = null;
  for (const [turn, reply] of replies.entries()) {
    if (step !== 'resolve') {
      const match = cues[step].exec(reply);
      if (match) return { turn, index: match.index, excerpt: match[0], timed: false };
      continue;
    }
    let offset = 0;
    for (const sentence of reply.split(/(?<=[。！？!?；;\n])/u)) {
      const match = cues.resolve.exec(sentence);
      if (match) {
        const timed = extractFacts(sentence).some((fact) => /[点时天日号周月前内]|今天|明天|后天|今晚|明早|小时|分钟/u.test(fact));
        const found = { turn, index: offset + match.index, excerpt: sentence.trim(), timed };
        if (timed) return found;
        first ??= found;
      }
      offset += sentence.length;
    }
  }
  return first;
}

const before = (left: Located, right: Located) => left.turn < right.turn || (left.turn === right.turn && left.index <= right.index);

export function scoreDrillAnswer(replies: readonly string[], config: TextConfig = baseTextConfig): DrillScore {
  const normalised = replies.map((reply) => normaliseText(reply, config.maxLength).text);
  const located = new Map<ClearStep, (Located & { timed: boolean }) | null>();
  const steps: DrillStepScore[] = (Object.keys(stepPoints) as ClearStep[]).map((step) => {
    const found = locate(step, normalised);
    located.set(step, found);
    const maxPoints = stepPoints[step];
    if (!found)
      return {
        step,
        present: false,
        turn: null,
        excerpt: null,
        points: 0,
        maxPoints,
        feedback: { 'zh-CN': `缺少这一步。${tips[step]['zh-CN']}`, 'en-US': `Missing. ${tips[step]['en-US']}` },
      };
    if (step === 'resolve' && !found.timed) {
      return {
        step,
        present: true,
        turn: found.turn,
        excerpt: found.excerpt,
        points: maxPoints / 2,
        maxPoints,
        feedback: {
          'zh-CN': `有方案「${found.excerpt}」，但没有承诺时间：说清几点、哪天完成。`,
          'en-US': `A plan (“${found.excerpt}”) but no promised time: say when it will be done.`,
        },
      };
    }
    return {
      step,
      present: true,
      turn: found.turn,
      excerpt: found.excerpt,
      points: maxPoints,
      maxPoints,
      feedback: { 'zh-CN': `做到了：「${found.excerpt}」`, 'en-US': `Done: “${found.excerpt}”` },
    };
  });

  const present = orderedSteps.map((step) => located.get(step)).filter((item): item is Located & { timed: boolean } => Boolean(item));
  const inOrder = present.length >= 2 && present.every((item, index) => index === 0 || before(present[index - 1]!, item));
  const orderFeedback: Label = inOrder
    ? {
        'zh-CN': '已做到的步骤顺序正确：先处理心情（聆听、同理、道歉），再处理事情（方案）。',
        'en-US': 'The steps you took come in the right order: feelings first (listen, empathise, apologise), then the plan.',
      }
    : present.length < 2
      ? { 'zh-CN': '步骤太少，无法判断顺序。', 'en-US': 'Too few steps to judge the order.' }
      : {
          'zh-CN': '顺序不对：先处理心情（聆听、同理、道歉），再处理事情（方案）。',
          'en-US': 'Wrong order: first the feelings (listen, empathise, apologise), then the facts (the plan).',
        };

  const clearScore = steps.reduce((sum, step) => sum + step.points, 0) + (inOrder ? orderPoints : 0);
  const checks = replies.map((reply) => checkReply(reply, config));
  const findings = checks.flatMap((check, turn) => check.findings.map((finding) => ({ ...finding, turn })));
  const rewrites = checks.map((check) => check.rewrite?.text ?? null);
  const autoFail = findings.some((finding) => finding.autoFail);
  const total = Math.max(0, clearScore - findingPenalty * findings.length);
  const answered = replies.some((reply) => reply.trim().length > 0);
  return { steps, inOrder, orderFeedback, clearScore, findings, rewrites, autoFail, total, passed: answered && !autoFail && total >= drillPassMark };
}
