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

function occurrences(text: string, term: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(term); index >= 0; index = text.indexOf(term, index + 1)) found.push(index);
  return found;
}

function onlyInsideLonger(text: string, term: string, longer: readonly string[]): boolean {
  const covers = longer.filter((other) => other.length > term.length && other.includes(term))
    .flatMap((other) => occurrences(text, other).map((start) => [start, start + other.length] as const));
  if (covers.length === 0) return false;
  return occurrences(text, term).every((start) => covers.some(([from, to]) => start >= from && start + term.length <= to));
}

export function topicsOf(text: string, tokens: readonly string[], config: CompiledConfig): TopicHit[] {
  const words = new Set(tokens);
  const matched = config.topicTerms.map(({ terms }) => terms.filter((term) => (term.length > 1 ? text.includes(term) : words.has(term))));
  const all = matched.flat();
  const hits: TopicHit[] = [];
  matched.forEach((terms, index) => {
    const found = terms.filter((term) => term.length === 1 || !onlyInsideLonger(text, term, all));
    const topic = config.config.topics[index];
    if (found.length > 0 && topic) hits.push({ code: topic.code, labels: topic.labels, categoryCode: topic.categoryCode, terms: found });
  });
  hits.sort((left, right) => right.terms.length - left.terms.length);
  const best = hits[0]?.terms.length ?? 0;
  return hits.filter((hit) => hit.terms.length * 2 >= best).slice(0, maxTopics);
}
