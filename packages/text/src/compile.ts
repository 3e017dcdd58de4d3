/**
 * A configuration made ready to run: regular expressions compiled once, terms lower-cased, the segmenter
 * taught the configuration's words. Cached per configuration object, so a server that keeps one merged
 * configuration per company version compiles it once.
 */
import { type RedLineDefinition, type RedLineRule, type Severity, type TextConfig, type WarmthTechnique } from './config/types';
import { teachWords } from './segmenter';

export type CompiledMatch =
  | { kind: 'keywords'; terms: string[]; mode: 'any' | 'all' | 'atLeast'; count: number }
  | { kind: 'regex'; regex: RegExp; all: RegExp }
  | { kind: 'similar'; samples: Set<string>[]; threshold: number }
  | { kind: 'brevity'; maxChars: number };

export type CompiledRule = {
  rule: RedLineRule;
  match: CompiledMatch;
  unlessSentence: RegExp[];
  unlessText: RegExp[];
  severity: Severity;
  autoFail: boolean;
  line: RedLineDefinition;
};

export type CompiledConfig = {
  config: TextConfig;
  rules: CompiledRule[];
  warmth: { technique: WarmthTechnique; patterns: RegExp[] }[];
  /** Casual words, longest first, so that 哈哈哈 is replaced before 哈. */
  formalEquivalents: [string, string][];
  negations: Set<string>;
  contrasts: Set<string>;
  actions: Set<string>;
  /** Any of the request words, escaped. */
  requests: RegExp;
  topicTerms: { code: string; terms: string[] }[];
  /** Multi-character topic terms by their first character, for one pass over a text. */
  topicTermsByFirst: Map<string, { topic: number; term: string }[]>;
};

function byFirstCharacter(topics: readonly { terms: string[] }[]): Map<string, { topic: number; term: string }[]> {
  const index = new Map<string, { topic: number; term: string }[]>();
  topics.forEach(({ terms }, topic) => {
    for (const term of new Set(terms)) {
      if (term.length < 2) continue;
      const first = term[0] ?? '';
      index.set(first, [...(index.get(first) ?? []), { topic, term }]);
    }
  });
  return index;
}

/** Character bigrams, the unit of the similarity match (Dice coefficient). */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(text.replace(/[^\p{L}\p{N}]/gu, ''));
  const grams = new Set<string>();
  for (let index = 0; index + 1 < chars.length; index += 1) grams.add(`${chars[index]}${chars[index + 1]}`);
  if (chars.length === 1) grams.add(chars[0] ?? '');
  return grams;
}

function compileMatch(rule: RedLineRule): CompiledMatch {
  const match = rule.match;
  switch (match.kind) {
    case 'keywords':
      return { kind: 'keywords', terms: match.terms.map((term) => term.toLowerCase()), mode: match.mode, count: match.count ?? 1 };
    case 'regex': {
      const flags = `${(match.flags ?? '').replace(/[^i]/g, '')}u`;
      return { kind: 'regex', regex: new RegExp(match.pattern, flags), all: new RegExp(match.pattern, `${flags}g`) };
    }
    case 'similar':
      return { kind: 'similar', samples: match.samples.map((sample) => bigrams(sample.toLowerCase())), threshold: match.threshold };
    case 'brevity':
      return { kind: 'brevity', maxChars: match.maxChars };
  }
}

function compile(config: TextConfig): CompiledConfig {
  teachWords(config);
  const lines = new Map(config.redLines.map((line) => [line.code, line]));
  const rules: CompiledRule[] = [];
  for (const rule of config.rules) {
    const line = lines.get(rule.redLine);
    if (rule.enabled === false || !line) continue;
    rules.push({
      rule,
      match: compileMatch(rule),
      unlessSentence: (rule.unless ?? []).filter((item) => item.scope === 'sentence').map((item) => new RegExp(item.pattern, 'u')),
      unlessText: (rule.unless ?? []).filter((item) => item.scope === 'text').map((item) => new RegExp(item.pattern, 'u')),
      severity: rule.severity ?? line.severity,
      autoFail: rule.autoFail ?? line.autoFail,
      line,
    });
  }
  const topicTerms = config.topics.map((topic) => ({ code: topic.code, terms: topic.terms.map((term) => term.toLowerCase()) }));
  return {
    config,
    rules,
    warmth: config.warmth.map((technique) => ({ technique, patterns: technique.patterns.map((pattern) => new RegExp(pattern, 'u')) })),
    formalEquivalents: Object.entries(config.formalEquivalents).sort((left, right) => right[0].length - left[0].length),
    negations: new Set(config.sentiment.negations),
    contrasts: new Set(config.sentiment.contrasts),
    actions: new Set(config.sentiment.actions),
    requests: new RegExp(config.sentiment.requests.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)', 'u'),
    topicTerms,
    topicTermsByFirst: byFirstCharacter(topicTerms),
  };
}

const cache = new WeakMap<TextConfig, CompiledConfig>();

/** Throws on a broken regular expression: company additions pass validateCompanyAdditions first. */
export function compiled(config: TextConfig): CompiledConfig {
  let ready = cache.get(config);
  if (!ready) {
    ready = compile(config);
    cache.set(config, ready);
  }
  return ready;
}
