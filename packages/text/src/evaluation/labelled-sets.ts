/**
 * The labelled sets in packages/text/data and the figures the tests and bench/RESULTS.md report: precision
 * and recall per red line (a reply may carry several), sentiment accuracy, topic precision and recall.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Polarity, type RedLineCode } from '../config/types';

export type LabelledReply = { line: number; text: string; redLines: RedLineCode[] };
export type LabelledComment = { line: number; text: string; sentiment: Polarity; topics: string[] };

const redLineByChinese: Record<string, RedLineCode> = { 烦躁: 'impatient', 拒绝: 'refusing', 质疑: 'doubting', 随意: 'casual', 推诿: 'shirking' };
const polarityByShort: Record<string, Polarity> = { pos: 'positive', neg: 'negative', neu: 'neutral' };

export const labelledSetFiles = {
  repliesDevelopment: 'replies.dev.tsv',
  repliesTest: 'replies.test.tsv',
  commentsDevelopment: 'comments.dev.tsv',
  commentsTest: 'comments.test.tsv',
} as const;

function rows(file: string): { line: number; fields: string[] }[] {
  const path = fileURLToPath(new URL(`../../data/${file}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((text, index) => ({ line: index + 1, fields: text.split('\t') }))
    .filter((row) => row.fields.length > 1 && !(row.fields[0] ?? '').startsWith('#'));
}

export function loadReplies(file: string): LabelledReply[] {
  return rows(file).map(({ line, fields: [labels = '', text = ''] }) => ({
    line,
    text,
    redLines:
      labels === '无'
        ? []
        : labels.split(',').map((label) => {
            const code = redLineByChinese[label.trim()];
            if (!code) throw new Error(`${file}:${line}: unknown red line ${label}`);
            return code;
          }),
  }));
}

export function loadComments(file: string): LabelledComment[] {
  return rows(file).map(({ line, fields: [polarity = '', topics = '', text = ''] }) => {
    const sentiment = polarityByShort[polarity];
    if (!sentiment) throw new Error(`${file}:${line}: unknown sentiment ${polarity}`);
    return {
      line,
      text,
      sentiment,
      topics: topics
        .split(',')
        .map((topic) => topic.trim())
        .filter(Boolean),
    };
  });
}

export type PrecisionRecall = { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number };

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function precisionRecall(pairs: readonly { expected: readonly string[]; predicted: readonly string[] }[], label: string): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, predicted } of pairs) {
    const isExpected = expected.includes(label);
    const isPredicted = predicted.includes(label);
    if (isExpected && isPredicted) truePositives += 1;
    else if (isPredicted) falsePositives += 1;
    else if (isExpected) falseNegatives += 1;
  }
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
  };
}

/** Micro-averaged over every label of every item: for multi-label topics. */
export function microPrecisionRecall(pairs: readonly { expected: readonly string[]; predicted: readonly string[] }[]): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, predicted } of pairs) {
    for (const label of predicted) {
      if (expected.includes(label)) truePositives += 1;
      else falsePositives += 1;
    }
    for (const label of expected) if (!predicted.includes(label)) falseNegatives += 1;
  }
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
  };
}
