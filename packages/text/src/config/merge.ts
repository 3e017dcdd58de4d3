/**
 * Base configuration + a company's additions = the configuration its texts are checked with. Additions only
 * add or override by key (rule id, topic code, red-line code, term); nothing of the base is lost unless a
 * company rule with a base rule's id says `enabled: false`.
 */
import { type CompanyTextAdditions, type RedLineRule, type TextConfig, type Topic } from './types';

function byKey<T>(base: readonly T[], added: readonly T[] | undefined, key: (item: T) => string): T[] {
  const merged = new Map(base.map((item) => [key(item), item]));
  for (const item of added ?? []) merged.set(key(item), item);
  return [...merged.values()];
}

function unique(base: readonly string[], added: readonly string[] | undefined): string[] {
  return [...new Set([...base, ...(added ?? [])])];
}

export function mergeTextConfig(base: TextConfig, additions: CompanyTextAdditions): TextConfig {
  const topics: Topic[] = byKey(base.topics, additions.topics, (topic) => topic.code).map((topic) => {
    const extra = additions.topicTerms?.[topic.code];
    return extra ? { ...topic, terms: unique(topic.terms, extra) } : topic;
  });
  const rules: RedLineRule[] = byKey(base.rules, additions.rules, (rule) => rule.id);
  return {
    ...base,
    redLines: base.redLines.map((line) => {
      const override = additions.redLines?.find((item) => item.code === line.code);
      return override ? { ...line, severity: override.severity ?? line.severity, autoFail: override.autoFail ?? line.autoFail } : line;
    }),
    rules,
    topics,
    sentiment: {
      ...base.sentiment,
      terms: { ...base.sentiment.terms, ...additions.sentimentTerms },
      negations: unique(base.sentiment.negations, additions.negations),
      degrees: { ...base.sentiment.degrees, ...additions.degrees },
    },
    dictionary: byKey(base.dictionary, additions.dictionary, (word) => word.word),
    formalEquivalents: { ...base.formalEquivalents, ...additions.formalEquivalents },
    stopWords: unique(base.stopWords, additions.stopWords),
  };
}
