/**
 * Scores a steward's practice of a script (话术练习, packages/core training/practice.ts): what they would say in one
 * situation of a scenario, set beside the script library's phrasing for it (the model), the way seed 001 第一讲
 * trains it — first the floor (消极沟通5大红线), then the warmth (4大温度技巧, 4类愉悦技巧):
 *
 * 1. The red-line QA (checkReply, with the company's rules when the caller passes its check): its QA score
 *    (qaScore: 70 for a correct neutral reply, + 0.3 × warmth, − per finding; 0 on an auto-fail).
 * 2. The warmth techniques the model uses: the share of them the reply uses too (a model without any asks none).
 * 3. The model's key points: its TF-IDF keywords (jieba's IDF table) and, when the model promises a time,
 *    a time in the reply (承诺兑现: a promise without a time can be neither kept nor checked).
 *
 * Total = 0.6 × QA score + 20 × technique share + 20 × key-point share, 0 on an auto-fail. The practice passes
 * at 60 with no red line at all: every phrasing of the library passes the red-line QA, so a practice of it must.
 * The weights are ours; the keyword match is literal (a synonym is not recognised), so the feedback names the
 * words it looked for and the steward can judge.
 */
import type { Label } from '@manyi/core';
import { compiled } from '../compile';
import { baseTextConfig } from '../config/base';
import type { TextConfig, WarmthTechnique } from '../config/types';
import { extractKeywords } from '../keywords';
import { normaliseText } from '../normalise';
import { checkReply, type Finding, type ReplyCheck } from '../qa/check-reply';
import { extractFacts } from '../qa/facts';
import { qaScore } from '../qa/score';

export const practicePassMark = 60;
const keywordCount = 6;
const courtesy = new Set(['您好', '你好', '我会', '我们', '你们', '您们', '请您', '可以', '一下', '打扰', '谢谢', '感谢', '这样', '这件', '那样', '什么']);
const timeWords = /[点时天日号周月前内]|今天|明天|后天|今晚|明早|小时|分钟|\d[:：]\d/u;
/** A fact that names a time, not a place (8号楼) or an amount. */
const isTime = (fact: string) => timeWords.test(fact) && !/栋|楼|单元|室|层|元/u.test(fact);

export type PracticeTechnique = { code: WarmthTechnique['code']; labels: Label; inModel: boolean; inReply: boolean; suggestion: string };
export type PracticePoint = { point: string; kind: 'keyword' | 'time'; covered: boolean };

export type PracticeScore = {
  qaScore: number;
  warmth: number;
  findings: Finding[];
  autoFail: boolean;
  /** The warm rewrite of the red-line QA, or null when nothing crossed a line. */
  rewrite: string | null;
  techniques: PracticeTechnique[];
  techniqueShare: number;
  points: PracticePoint[];
  pointShare: number;
  total: number;
  passed: boolean;
  feedback: Label[];
};

const share = (hits: number, of: number) => (of === 0 ? 1 : hits / of);

/** The model's key points: its keywords (two characters or more) and whether it promises a time. */
function keyPoints(model: string, config: TextConfig): { keywords: string[]; time: string | null } {
  const keywords: string[] = [];
  for (const { keyword } of extractKeywords(model, { topK: keywordCount * 3 }, config)) {
    // Greetings and pronouns are in every phrasing; a word inside a longer keyword (麻烦 in 添麻烦) is the same point.
    if (keyword.length < 2 || /^\d/.test(keyword) || courtesy.has(keyword)) continue;
    if (keywords.some((kept) => kept.includes(keyword) || keyword.includes(kept))) continue;
    keywords.push(keyword);
    if (keywords.length === keywordCount) break;
  }
  const time = extractFacts(model).find(isTime) ?? null;
  return { keywords, time };
}

export function scorePractice(input: { reply: string; model: string; check?: ReplyCheck }, config: TextConfig = baseTextConfig): PracticeScore {
  const check = input.check ?? checkReply(input.reply, config);
  const modelWarmth = checkReply(input.model, config).warmth.present;
  const reply = normaliseText(input.reply, config.maxLength).text;
  const techniques: PracticeTechnique[] = compiled(config).warmth.map(({ technique }) => ({
    code: technique.code,
    labels: technique.labels,
    inModel: modelWarmth.includes(technique.code),
    inReply: check.warmth.present.includes(technique.code),
    suggestion: technique.suggestion,
  }));
  const asked = techniques.filter((technique) => technique.inModel);
  const techniqueShare = share(asked.filter((technique) => technique.inReply).length, asked.length);

  const { keywords, time } = keyPoints(input.model, config);
  const replyTimes = extractFacts(reply).some(isTime);
  const points: PracticePoint[] = [
    ...keywords.map((word) => ({ point: word, kind: 'keyword' as const, covered: reply.includes(word) })),
    ...(time ? [{ point: time, kind: 'time' as const, covered: replyTimes }] : []),
  ];
  const pointShare = share(points.filter((point) => point.covered).length, points.length);

  const qa = qaScore(check);
  const total = check.autoFail ? 0 : Math.round(0.6 * qa + 20 * techniqueShare + 20 * pointShare);
  const passed = check.findings.length === 0 && total >= practicePassMark && reply.trim().length > 0;

  const feedback: Label[] = [];
  for (const finding of check.findings)
    feedback.push({
      'zh-CN': `触犯红线「${finding.labels['zh-CN']}」：「${finding.excerpt}」，${finding.why['zh-CN']}`,
      'en-US': `Crosses the red line "${finding.labels['en-US']}": "${finding.excerpt}" — ${finding.why['en-US']}`,
    });
  for (const technique of asked.filter((item) => !item.inReply))
    feedback.push({
      'zh-CN': `参考话术用了「${technique.labels['zh-CN']}」，您的回答没有，例如：${technique.suggestion}`,
      'en-US': `The model uses ${technique.labels['en-US']}; your reply does not (e.g. “${technique.suggestion}”).`,
    });
  const missingWords = points.filter((point) => point.kind === 'keyword' && !point.covered).map((point) => point.point);
  if (missingWords.length > 0)
    feedback.push({
      'zh-CN': `参考话术的要点您没有提到：${missingWords.join('、')}。`,
      'en-US': `Points of the model you did not mention: ${missingWords.join(', ')}.`,
    });
  if (time && !replyTimes)
    feedback.push({
      'zh-CN': `参考话术承诺了时间（${time}），您的回答没有：说清几点、哪天。`,
      'en-US': `The model promises a time (${time}); yours does not: say when.`,
    });
  if (feedback.length === 0)
    feedback.push({ 'zh-CN': '没有触犯红线，温度技巧和要点都做到了。', 'en-US': 'No red line, and the warmth techniques and key points are all there.' });

  return {
    qaScore: qa,
    warmth: check.warmth.score,
    findings: check.findings,
    autoFail: check.autoFail,
    rewrite: check.rewrite?.text ?? null,
    techniques,
    techniqueShare: Math.round(techniqueShare * 100) / 100,
    points,
    pointShare: Math.round(pointShare * 100) / 100,
    total,
    passed,
    feedback,
  };
}
