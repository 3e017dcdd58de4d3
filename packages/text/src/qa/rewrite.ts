/**
 * The warm rewrite of a reply with findings, as seed 001's homework asks (话术温度优化). It works clause by clause
 * (a clause ends at ，、；：or a sentence end): a clause with a casual word keeps its content with each casual word
 * replaced by its service equivalent; any other flagged clause is dropped and its rule's warm phrasing takes its
 * place (one phrasing per red line). 你 becomes 您, a greeting opens the reply, and each red line found adds its closing,
 * which carries a warmth technique ("我可以……", "麻烦……好吗？", "我来负责……"). The result is checked again and a
 * clause that still crosses a line is dropped (twice at most). Facts (facts.ts) are kept: one a dropped clause
 * held is added back after the body.
 */
import { type CompiledConfig } from '../compile';
import { type RedLineCode } from '../config/types';
import { tagOrEntity } from '../normalise';
import { extractFacts } from './facts';

export type RewriteSpan = { start: number; end: number; redLine: RedLineCode; replacement: string | undefined };
/** Finds the spans of a text (the same detection checkReply runs), for the re-check of the rewrite. */
export type SpanDetector = (text: string) => RewriteSpan[];

const greeting = /^(您好|你好|尊敬的|[\p{Script=Han}]{1,3}(先生|女士|阿姨|叔叔|师傅|经理|业主)(您好)?[，,])/u;
const clausePattern = /[^，,、；;：:。！!？?\n]+[，,、；;：:。！!？?\n]*/gu;

type Clause = { start: number; end: number; text: string };

function clauses(text: string): Clause[] {
  return [...text.matchAll(clausePattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}

function formal(text: string, config: CompiledConfig): string {
  let out = text.replace(/\p{Extended_Pictographic}\uFE0F?/gu, '');
  for (const [casual, service] of config.formalEquivalents) out = out.split(casual).join(service);
  return out;
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/你(?!们)/g, '您')
    .replace(/^[\s，,。！!？?；;、：:]+/u, '')
    .replace(/[，,、；;：:]+\s*([。！!？?])/gu, '$1')
    .replace(/([，,、])[\s，,、]+/gu, '$1')
    .replace(/([。！!？?])[\s，,、。]+/gu, '$1')
    .replace(/[，,、；;：:\s]+$/u, '')
    .trim();
}

function endsSentence(text: string): string {
  return text.length === 0 || /[。！!？?]$/u.test(text) ? text : `${text}。`;
}

function rewriteOnce(text: string, spans: readonly RewriteSpan[], config: CompiledConfig, used: Set<string>, keepCasual: boolean): string {
  const pieces: string[] = [];
  for (const clause of clauses(text)) {
    const hits = spans.filter((span) => span.start < clause.end && span.end > clause.start);
    if (hits.length === 0) {
      pieces.push(clause.text);
      continue;
    }
    if (keepCasual && hits.every((span) => span.redLine === 'casual')) {
      pieces.push(formal(clause.text, config));
      continue;
    }
    const ending = /[。！!？?]$/u.test(clause.text) ? '。' : '，';
    for (const span of hits) {
      const phrase = span.replacement;
      if (phrase && !used.has(span.redLine)) {
        used.add(span.redLine);
        pieces.push(`${phrase}${ending}`);
      }
    }
  }
  return tidy(pieces.join(''));
}

export function rewriteReply(
  original: string,
  spans: readonly RewriteSpan[],
  lines: ReadonlySet<RedLineCode>,
  config: CompiledConfig,
  detect: SpanDetector,
): { text: string; facts: string[] } {
  const clean = original.replace(tagOrEntity, (match) => ' '.repeat(match.length));
  const used = new Set<string>();
  let body = rewriteOnce(clean, spans, config, used, true);
  for (let pass = 0; pass < 2; pass += 1) {
    const remaining = detect(body);
    if (remaining.length === 0) break;
    // What the first pass could not mend is dropped.
    body = rewriteOnce(body, remaining, config, used, false);
  }
  // Slang numbers (666, 233) are what a casual finding points at, not facts.
  const slang = spans.filter((span) => span.redLine === 'casual').map((span) => original.slice(span.start, span.end));
  const facts = extractFacts(clean).filter((fact) => !slang.some((word) => word.includes(fact)));
  const lost = facts.filter((fact) => !body.includes(fact));
  if (lost.length > 0) body = `${endsSentence(body)}相关信息：${lost.join('，')}。`;
  const closings = config.config.redLines
    .filter((line) => lines.has(line.code))
    .map((line) => line.closing)
    .filter((closing) => !body.includes(closing));
  const opened = body.length === 0 ? '您好' : greeting.test(body) ? body : `您好，${body}`;
  return { text: `${endsSentence(opened)}${closings.join('')}`, facts };
}
