/**
 * Red-line QA of a text a steward writes to an owner: which of the five red lines it crosses, where (offsets
 * in the text as typed), why, how bad, and a warm rewrite; plus which warmth techniques it already uses.
 * Rules look at one sentence at a time (a brevity rule at the whole text); a rule's `unless` patterns cancel
 * it, in the sentence or anywhere in the text. One finding per red line and sentence: the first rule wins.
 */
import { type Label } from '@manyi/core';
import { bigrams, compiled, type CompiledConfig, type CompiledRule } from '../compile';
import { baseTextConfig } from '../config/base';
import { type RedLineCode, type Severity, type TextConfig } from '../config/types';
import { normaliseText } from '../normalise';
import { splitSentences, type Sentence } from '../sentences';
import { noticesFor, type Notice } from '../notices';
import { rewriteReply, type RewriteSpan } from './rewrite';
import { warmthOf, type WarmthReport } from './warmth';

export type Finding = {
  ruleId: string;
  redLine: RedLineCode;
  labels: Label;
  /** Offsets (UTF-16 code units, as JavaScript strings count) in the text as given; `excerpt` is that slice. */
  start: number;
  end: number;
  excerpt: string;
  why: Label;
  severity: Severity;
  autoFail: boolean;
};

export type ReplyCheck = {
  findings: Finding[];
  /** The red lines crossed, in the order of seed 001. */
  redLines: RedLineCode[];
  /** A finding whose red line or rule is auto-fail. */
  autoFail: boolean;
  warmth: WarmthReport;
  /** Null when there is nothing to rewrite. */
  rewrite: { text: string; facts: string[]; warmth: WarmthReport } | null;
  notices: Notice[];
};

type Hit = { start: number; end: number; all: { start: number; end: number }[] };
type DetectedSpan = RewriteSpan & { wholeText: boolean };

function matchSentence(rule: CompiledRule, sentence: Sentence): Hit | null {
  const match = rule.match;
  const text = sentence.text;
  switch (match.kind) {
    case 'regex': {
      const first = match.regex.exec(text);
      if (!first) return null;
      const all = [...text.matchAll(match.all)]
        .filter((item) => item[0].length > 0)
        .map((item) => ({ start: sentence.start + item.index, end: sentence.start + item.index + item[0].length }));
      return { start: sentence.start + first.index, end: sentence.start + first.index + first[0].length, all };
    }
    case 'keywords': {
      const positions = match.terms.map((term) => ({ term, index: text.indexOf(term) })).filter((item) => item.index >= 0);
      const needed = match.mode === 'any' ? 1 : match.mode === 'all' ? match.terms.length : match.count;
      if (positions.length < needed || positions.length === 0) return null;
      const all = positions.map((item) => ({ start: sentence.start + item.index, end: sentence.start + item.index + item.term.length }));
      return { start: Math.min(...all.map((item) => item.start)), end: Math.max(...all.map((item) => item.end)), all };
    }
    case 'similar': {
      const grams = bigrams(text);
      if (grams.size === 0) return null;
      const close = match.samples.some((sample) => {
        let shared = 0;
        for (const gram of grams) if (sample.has(gram)) shared += 1;
        return (2 * shared) / (grams.size + sample.size) >= match.threshold;
      });
      return close ? { start: sentence.start, end: sentence.end, all: [] } : null;
    }
    case 'brevity':
      return null;
  }
}

const countedChars = /[\p{Script=Han}\p{L}\p{N}]/gu;

/**
 * Quoted speech, and what follows 业主说/表示/反映/称/问: the owner's words, not the staff's. Unquoted reported
 * speech runs to the end of the sentence or to the clause where the staff member takes over (「，我已…」「，已安排…」
 * 「，经核实…」), so 「业主反映灯不亮，我们不管」 still reads the steward's 「我们不管」. 「业主说的」「业主问题」「其他说明」
 * are not reported speech.
 */
const ownerSpeech =
  /[“「『"‘][^”」』"’]{0,200}[”」』"’]?|(?:业主|住户|客户|对方|(?<!其)他|她)(?:说(?![的明])|讲(?![的解])|表示|反映|反馈|称|问(?!题)|抱怨)[:：，,]?[^。！？!?；;\n]*?(?=[，,](?:(?:我们?|本人)|已|现已|经(?:核实|查)|马上|立即)|[。！？!?；;\n]|$)/gu;
const blank = '\u3000';

/** The text with the owner's reported words blanked out, offsets unchanged (a staff-side-only rule reads this). */
export function maskOwnerSpeech(text: string): string {
  return text.replace(ownerSpeech, (speech) => blank.repeat(speech.length));
}

function matchWhole(rule: CompiledRule, text: string): Hit | null {
  if (rule.match.kind !== 'brevity') return null;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const counted = text.match(countedChars)?.length ?? 0;
  if (han === 0 || counted > rule.match.maxChars) return null;
  const start = text.length - text.trimStart().length;
  return { start, end: text.trimEnd().length, all: [] };
}

function findings(text: string, original: string, config: CompiledConfig): { found: Finding[]; spans: DetectedSpan[] } {
  const sentences = splitSentences(text);
  let staffSide: Sentence[] | undefined;
  const staffSentences = () => {
    if (!staffSide) {
      const masked = maskOwnerSpeech(text);
      staffSide = sentences.map((sentence) => ({ ...sentence, text: masked.slice(sentence.start, sentence.end) }));
    }
    return staffSide;
  };
  const found: Finding[] = [];
  const spans: DetectedSpan[] = [];
  const taken = new Set<string>();
  const record = (rule: CompiledRule, hit: Hit, sentenceIndex: number) => {
    for (const span of hit.all.length > 0 ? hit.all : [hit])
      spans.push({ start: span.start, end: span.end, redLine: rule.line.code, replacement: rule.rule.replacement, wholeText: sentenceIndex < 0 });
    const key = `${rule.line.code}:${sentenceIndex}`;
    if (taken.has(key)) return;
    taken.add(key);
    found.push({
      ruleId: rule.rule.id,
      redLine: rule.line.code,
      labels: rule.line.labels,
      start: hit.start,
      end: hit.end,
      excerpt: original.slice(hit.start, hit.end),
      why: rule.rule.why,
      severity: rule.severity,
      autoFail: rule.autoFail,
    });
  };
  for (const rule of config.rules) {
    if (rule.unlessText.some((pattern) => pattern.test(text))) continue;
    if (rule.match.kind === 'brevity') {
      const hit = matchWhole(rule, text);
      if (hit) record(rule, { ...hit, all: [] }, -1);
      continue;
    }
    (rule.rule.staffSideOnly ? staffSentences() : sentences).forEach((sentence, index) => {
      if (rule.unlessSentence.some((pattern) => pattern.test(sentence.text))) return;
      const hit = matchSentence(rule, sentence);
      if (hit) record(rule, hit, index);
    });
  }
  found.sort((left, right) => left.start - right.start);
  return { found, spans };
}

const lineOrder = (config: CompiledConfig) => config.config.redLines.map((line) => line.code);

/** The engine's QA of one staff text; `config` is the base configuration or a company's merge (mergeTextConfig). */
export function checkReply(input: string, config: TextConfig = baseTextConfig): ReplyCheck {
  const ready = compiled(config);
  const normalised = normaliseText(input, config.maxLength);
  const notices = noticesFor(input, normalised);
  const { found, spans } = findings(normalised.text, input, ready);
  const warmth = warmthOf(normalised.text, ready);
  const crossed = new Set(found.map((finding) => finding.redLine));
  const original = input.slice(0, normalised.text.length);
  let rewrite: ReplyCheck['rewrite'] = null;
  if (found.length > 0) {
    // A brevity finding spans the whole reply: the rewrite keeps the words and adds the closing.
    const detect = (text: string): RewriteSpan[] => findings(normaliseText(text, config.maxLength).text, text, ready).spans.filter((span) => !span.wholeText);
    const { text, facts } = rewriteReply(
      original,
      spans.filter((span) => !span.wholeText),
      crossed,
      ready,
      detect,
    );
    rewrite = { text, facts, warmth: warmthOf(normaliseText(text, config.maxLength).text, ready) };
  }
  return {
    findings: found,
    redLines: lineOrder(ready).filter((code) => crossed.has(code)),
    autoFail: found.some((finding) => finding.autoFail),
    warmth,
    rewrite,
    notices,
  };
}
