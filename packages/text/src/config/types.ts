/**
 * The shape of everything the text engine knows: plain, JSON-able data, so that a company can see it in the
 * console, add to it (config/merge.ts) and store its additions beside its other settings. Nothing here is code.
 */
import { redLineCodes, severities, type Label, type RedLineCode, type Severity } from '@manyi/core';

export { redLineCodes, severities, type RedLineCode, type Severity };

export type Polarity = 'positive' | 'negative' | 'neutral';

export type RedLineDefinition = {
  code: RedLineCode;
  labels: Label;
  /** What the red line is, in the seed's words (zh) and ours (en). */
  description: Label;
  severity: Severity;
  /** A finding of this red line fails the whole text in a QA scorecard, whatever else it scores. */
  autoFail: boolean;
  /** Appended once to a rewrite that had a finding of this red line: the warm move the seed teaches for it. */
  closing: string;
};

/** How a rule recognises a sentence. Keywords and samples are compared with normalised text (normalise.ts). */
export type RuleMatch =
  /** `any`: one of the terms; `all`: every term; `atLeast`: `count` distinct terms, in the same sentence. */
  | { kind: 'keywords'; terms: string[]; mode: 'any' | 'all' | 'atLeast'; count?: number }
  /** A JavaScript regular expression without flags other than `i` and `u`. */
  | { kind: 'regex'; pattern: string; flags?: string }
  /** A sentence within `threshold` (0–1, Dice coefficient of character bigrams) of one of the samples. */
  | { kind: 'similar'; samples: string[]; threshold: number }
  /** The whole reply is at most `maxChars` Chinese characters, letters or digits long: a curt one-liner. */
  | { kind: 'brevity'; maxChars: number };

export type RedLineRule = {
  /** Stable id; a company rule with the id of a base rule replaces it, and `enabled: false` switches it off. */
  id: string;
  redLine: RedLineCode;
  match: RuleMatch;
  /**
   * Regular expressions that cancel the rule: seen in the same sentence (`sentence`), or anywhere in the text
   * (`text`: the polite refusal whose alternative comes in the next sentence, the named third party whose
   * follow-up the steward takes on).
   */
  unless?: { pattern: string; scope: 'sentence' | 'text' }[];
  /** Overrides the red line's severity and auto-fail for this rule. */
  severity?: Severity;
  autoFail?: boolean;
  /** Why this was flagged, shown to the steward. */
  why: Label;
  /** What replaces the matched span in the rewrite; empty removes it. */
  replacement?: string;
  /**
   * Only the staff member's own words count: what the text reports the owner saying (in quotation marks, or after
   * 业主说/业主表示/业主反映…) is left out, so a return-visit remark quoting the owner's 「你们就是不管」 is not the
   * steward's red line.
   */
  staffSideOnly?: boolean;
  enabled?: boolean;
};

/** A warmth technique (沟通4大温度技巧) or a pleasure technique (沟通4类愉悦技巧) of seed 001. */
export type WarmthTechnique = {
  code: 'first_person' | 'i_can' | 'could_you' | 'trouble_ok' | 'praise' | 'care' | 'thanks' | 'reliability';
  family: 'warmth' | 'pleasure';
  labels: Label;
  /** Regular expressions; one match is enough. */
  patterns: string[];
  /** Points out of 100 when present: the four warmth techniques weigh 15 each, the four pleasure ones 10. */
  weight: number;
  /** A phrasing to suggest when the technique is missing. */
  suggestion: string;
};

export type Topic = {
  code: string;
  labels: Label;
  /** The node of the ticket category tree (packages/core service-desk/category-tree.ts) the topic belongs to. */
  categoryCode: string;
  terms: string[];
};

export type SentimentLexicon = {
  /** Word → weight, positive or negative (about −3 … +3). Domain terms of property service live here too. */
  terms: Record<string, number>;
  /** Words that flip the polarity of a sentiment word up to three words after them (不, 没, 别 …). */
  negations: string[];
  /** Degree adverbs → multiplier of the sentiment word that follows (非常 1.6, 有点 0.7 …). */
  degrees: Record<string, number>;
  /** Conjunctions after which the clause counts more than the one before (但是, 不过 …). */
  contrasts: string[];
  /**
   * What owners expect the property company to do (修, 处理, 回复, 来 …): neutral alone, a complaint when
   * negated (没修好, 也不来, 没人擦), weighing `negatedAction`.
   */
  actions: string[];
  negatedAction: number;
  /** Words that make a text a request or question (建议, 能不能, 请问 …): its praise and blame count less. */
  requests: string[];
};

/** A word jieba must keep whole, with an optional part-of-speech tag. */
export type DictionaryWord = { word: string; tag?: string };

export type TextConfig = {
  version: 1;
  redLines: RedLineDefinition[];
  rules: RedLineRule[];
  warmth: WarmthTechnique[];
  /** Casual word → its service equivalent, used by the rewrite (啥 → 什么, 搞定 → 处理好). */
  formalEquivalents: Record<string, string>;
  topics: Topic[];
  sentiment: SentimentLexicon;
  dictionary: DictionaryWord[];
  stopWords: string[];
  /** Longer texts are analysed up to this many characters and say so (`truncated`). */
  maxLength: number;
};

/** What a company adds to the base configuration; every field optional. */
export type CompanyTextAdditions = {
  rules?: RedLineRule[];
  /** Overrides severity / auto-fail of a red line. */
  redLines?: { code: RedLineCode; severity?: Severity; autoFail?: boolean }[];
  sentimentTerms?: Record<string, number>;
  negations?: string[];
  degrees?: Record<string, number>;
  topics?: Topic[];
  /** Extra terms for an existing topic, by code. */
  topicTerms?: Record<string, string[]>;
  dictionary?: DictionaryWord[];
  formalEquivalents?: Record<string, string>;
  stopWords?: string[];
};
