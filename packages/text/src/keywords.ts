/**
 * Keywords of a text, two ways. TF-IDF: jieba's extractor with the IDF table it ships (term frequency in the
 * text × inverse document frequency in jieba's corpus). TextRank (Mihalcea & Tarau 2004): the content words
 * (nouns, verbs, adjectives by jieba's tags, two characters or more, not stop words) are nodes, two words
 * within a window of five are linked, and PageRank with damping 0.85 over 20 iterations ranks them — the
 * method jieba's Python version uses, which @node-rs/jieba does not carry.
 */
import { compiled } from './compile';
import { baseTextConfig } from './config/base';
import { type TextConfig } from './config/types';
import { normaliseText } from './normalise';
import { tag, tfIdfKeywords } from './segmenter';

export type Keyword = { keyword: string; weight: number };
export type KeywordMethod = 'tfidf' | 'textrank';

const contentTag = /^(n|nr|ns|nt|nz|vn|v|a|an|ad|l|i)$/;
const window = 5;
const damping = 0.85;
const iterations = 20;

function textRank(text: string, topK: number, stopWords: ReadonlySet<string>): Keyword[] {
  const words = tag(text)
    .filter((item) => contentTag.test(item.tag) && item.word.length > 1 && !stopWords.has(item.word))
    .map((item) => item.word);
  const links = new Map<string, Map<string, number>>();
  const link = (from: string, to: string) => {
    const edges = links.get(from) ?? new Map<string, number>();
    edges.set(to, (edges.get(to) ?? 0) + 1);
    links.set(from, edges);
  };
  words.forEach((word, index) => {
    for (let other = index + 1; other < Math.min(words.length, index + window); other += 1) {
      const neighbour = words[other] ?? word;
      if (neighbour === word) continue;
      link(word, neighbour);
      link(neighbour, word);
    }
  });
  if (links.size === 0) return [...new Set(words)].slice(0, topK).map((keyword) => ({ keyword, weight: 1 }));
  const totals = new Map([...links].map(([word, edges]) => [word, [...edges.values()].reduce((sum, count) => sum + count, 0)]));
  let rank = new Map([...links.keys()].map((word) => [word, 1]));
  for (let round = 0; round < iterations; round += 1) {
    const next = new Map<string, number>();
    for (const [word, edges] of links) {
      let sum = 0;
      for (const [neighbour, count] of edges) sum += (count / (totals.get(neighbour) ?? 1)) * (rank.get(neighbour) ?? 0);
      next.set(word, 1 - damping + damping * sum);
    }
    rank = next;
  }
  const best = Math.max(...rank.values());
  return [...rank]
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .slice(0, topK)
    .map(([keyword, weight]) => ({ keyword, weight: Math.round((weight / best) * 1000) / 1000 }));
}

export function extractKeywords(input: string, options: { method?: KeywordMethod; topK?: number } = {}, config: TextConfig = baseTextConfig): Keyword[] {
  const ready = compiled(config);
  const text = normaliseText(input, config.maxLength).text;
  if (text.trim().length === 0) return [];
  const topK = Math.max(1, Math.min(options.topK ?? 10, 100));
  if ((options.method ?? 'tfidf') === 'textrank') return textRank(text, topK, new Set(ready.config.stopWords));
  return tfIdfKeywords(text, topK, ready.config.stopWords).map((item) => ({ keyword: item.keyword, weight: Math.round(item.weight * 1000) / 1000 }));
}
