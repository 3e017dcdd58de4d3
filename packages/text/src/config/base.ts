/** The base configuration every company starts from; company additions are merged onto it (merge.ts). */
import { baseDictionary, baseStopWords } from './dictionary';
import { baseRedLines, baseRules } from './red-lines';
import { baseSentimentLexicon } from './sentiment-lexicon';
import { baseTopics } from './topics';
import { type TextConfig } from './types';
import { baseFormalEquivalents, baseWarmth } from './warmth';

export const baseTextConfig: TextConfig = Object.freeze({
  version: 1,
  redLines: baseRedLines,
  rules: baseRules,
  warmth: baseWarmth,
  formalEquivalents: baseFormalEquivalents,
  topics: baseTopics,
  sentiment: baseSentimentLexicon,
  dictionary: baseDictionary,
  stopWords: baseStopWords,
  // Enough for any reply or comment a person writes; a pasted document is analysed up to here and says so.
  maxLength: 20_000,
});
