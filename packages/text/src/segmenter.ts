/**
 * One jieba segmenter per process (@node-rs/jieba with the dictionary its package ships: nothing is fetched),
 * loaded on first use, with the property-service dictionary and every lexicon and topic term added so that
 * they come out as one token. A company's words are added to the same segmenter: adding a word only keeps
 * its characters together, so it cannot hurt another company's analysis.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { type TextConfig } from './config/types';

const require = createRequire(import.meta.url);

let jieba: Jieba | null = null;
let tfIdf: TfIdf | null = null;
const added = new Set<string>();

function loadJieba(): Jieba {
  jieba ??= Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  return jieba;
}

// A frequency well above ordinary words, so that the user word wins over a split into two common ones.
const userWordFrequency = 20_000;

/** Adds the words of a configuration that the segmenter does not know yet. */
export function teachWords(config: TextConfig): void {
  const segmenter = loadJieba();
  const lines: string[] = [];
  const words = [
    ...config.dictionary.map((entry) => ({ word: entry.word, tag: entry.tag ?? 'n' })),
    ...Object.keys(config.sentiment.terms).map((word) => ({ word, tag: 'a' })),
    ...config.topics.flatMap((topic) => topic.terms.map((word) => ({ word, tag: 'n' }))),
  ];
  for (const { word, tag } of words) {
    const clean = word.trim().toLowerCase();
    // jieba's dictionary lines are space-separated: a word with a space cannot be a dictionary word.
    if (clean.length < 2 || /\s/.test(clean) || added.has(clean)) continue;
    added.add(clean);
    lines.push(`${clean} ${userWordFrequency} ${tag}`);
  }
  if (lines.length > 0) segmenter.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
}

/** Precise-mode words of the text, without the HMM guesser: the lexicon decides what a word is. */
export function cut(text: string): string[] {
  return loadJieba().cut(text, false);
}

export function tag(text: string): { word: string; tag: string }[] {
  return loadJieba().tag(text, false);
}

/** TF-IDF keywords with the IDF table jieba ships; loaded the first time keywords are asked for. */
export function tfIdfKeywords(text: string, topK: number, stopWords: readonly string[]): { keyword: string; weight: number }[] {
  if (!tfIdf) {
    tfIdf = TfIdf.withDict(readFileSync(require.resolve('@node-rs/jieba/idf.txt')));
    // The binding (2.0.3) fails to convert a `stopWords` set, so stop words are filtered here instead.
    tfIdf.setConfig({ minKeywordLength: 2, useHmm: false });
  }
  const stop = new Set(stopWords);
  return tfIdf
    .extractKeywords(loadJieba(), text, topK + stop.size)
    .filter((item) => !stop.has(item.keyword) && !/^[\p{P}\s\d]+$/u.test(item.keyword))
    .slice(0, topK);
}

/** Loads the segmenter now rather than on the first text (a server calls this at start). */
export function warmUp(): void {
  loadJieba();
}
