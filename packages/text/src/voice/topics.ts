/**
 * Topics of an owner's text: a topic is present when one of its terms is (a term of two characters or more
 * anywhere in the text, a one-character term only as a word of its own, so that 花 does not fire on 花钱).
 * Topics are ranked by how many of their terms occur; those with less than half the best count are dropped,
 * and at most three are kept, since an owner's sentence rarely has more and the weak ones are mostly noise.
 * A term seen only inside a longer term that matched (停车 in 停车费, 垃圾 in 装修垃圾) does not count.
 */
import { type Label } from '@manyi/core';
import { type CompiledConfig } from '../compile';

export type TopicHit = { code: string; labels: Label; categoryCode: string; terms: string[] };

export const maxTopics = 3;

type Occurrence = { topic: number; term: string; start: number };

/** Every occurrence of every multi-character term, found through an index by first character. */
function occurrencesOf(text: string, config: CompiledConfig): Occurrence[] {
  const found: Occurrence[] = [];
  for (let start = 0; start < text.length; start += 1) {
    const candidates = config.topicTermsByFirst.get(text[start] ?? '');
    if (!candidates) continue;
    for (const candidate of candidates) if (text.startsWith(candidate.term, start)) found.push({ topic: candidate.topic, term: candidate.term, start });
  }
  return found;
}

export function topicsOf(text: string, tokens: readonly string[], config: CompiledConfig): TopicHit[] {
  const occurrences = occurrencesOf(text, config);
  // A term counts when one of its occurrences is not inside an occurrence of a longer term.
  const counted = occurrences.filter(
    (item) =>
      !occurrences.some(
        (other) => other.term.length > item.term.length && other.start <= item.start && other.start + other.term.length >= item.start + item.term.length,
      ),
  );
  const found = config.topicTerms.map(() => new Set<string>());
  for (const item of counted) found[item.topic]?.add(item.term);
  const words = new Set(tokens);
  config.topicTerms.forEach(({ terms }, index) => {
    for (const term of terms) if (term.length === 1 && words.has(term)) found[index]?.add(term);
  });
  const hits: TopicHit[] = [];
  found.forEach((terms, index) => {
    const topic = config.config.topics[index];
    if (terms.size > 0 && topic) hits.push({ code: topic.code, labels: topic.labels, categoryCode: topic.categoryCode, terms: [...terms] });
  });
  hits.sort((left, right) => right.terms.length - left.terms.length);
  const best = hits[0]?.terms.length ?? 0;
  return hits.filter((hit) => hit.terms.length * 2 >= best).slice(0, maxTopics);
}
