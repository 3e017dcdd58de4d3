/**
 * The warm rewrite of a reply with findings, as seed 001's homework asks (话术温度优化): each flagged span is
 * replaced by its rule's warm phrasing (a casual word by its service equivalent), 你 becomes 您, a greeting
 * opens the reply, and each red line found adds its closing, which carries a warmth technique ("我可以……",
 * "麻烦……好吗？", "我来负责……"). Facts (facts.ts) are kept: one the replacement would lose is added back.
 */
import { type CompiledConfig } from '../compile';
import { type RedLineCode } from '../config/types';
import { extractFacts } from './facts';

export type RewriteSpan = { start: number; end: number; redLine: RedLineCode; replacement: string | undefined };

const tagOrEntity = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->|&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});/g;
const greeting = /^(您好|你好|尊敬的|亲爱的|[\p{Script=Han}]{1,3}(先生|女士|阿姨|叔叔|师傅|经理|业主)(您好)?[，,])/u;

function formal(text: string, config: CompiledConfig): string {
  let out = text;
  for (const [casual, service] of config.formalEquivalents) out = out.split(casual).join(service);
  return out;
}

function tidy(text: string): string {
  return text
    .replace(tagOrEntity, '')
    .replace(/\s+/g, ' ')
    .replace(/你(?!们)/g, '您')
    .replace(/^[\s，,。！!？?；;、]+/u, '')
    .replace(/[，,、]+\s*([。！!？?])/gu, '$1')
    .replace(/([，,])[\s，,]+/gu, '$1')
    .replace(/([。！!？?])[\s，,。]+/gu, '$1')
    .replace(/[，,、\s]+$/u, '')
    .trim();
}

function endsSentence(text: string): string {
  return text.length === 0 || /[。！!？?]$/u.test(text) ? text : `${text}。`;
}

export function rewriteReply(original: string, spans: readonly RewriteSpan[], config: CompiledConfig): string {
  let body = original;
  let floor = Number.POSITIVE_INFINITY;
  for (const span of [...spans].sort((left, right) => right.start - left.start)) {
    if (span.end > floor) continue;
    const matched = original.slice(span.start, span.end);
    const replacement = span.replacement ?? formal(matched, config);
    body = `${body.slice(0, span.start)}${replacement}${body.slice(span.end)}`;
    floor = span.start;
  }
  body = tidy(body);
  const facts = extractFacts(original.replace(tagOrEntity, ''));
  const lost = facts.filter((fact) => !body.includes(fact));
  if (lost.length > 0) body = `${endsSentence(body)}相关信息：${lost.join('，')}。`;
  const lines = new Set(spans.map((span) => span.redLine));
  const closings = config.config.redLines.filter((line) => lines.has(line.code)).map((line) => line.closing).filter((closing) => !body.includes(closing));
  const opened = greeting.test(body) ? body : `您好，${body}`;
  return `${endsSentence(opened)}${closings.join('')}`.replace(/^您好，([。！!])/u, '您好$1');
}
