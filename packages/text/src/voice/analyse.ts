/** Owner voice: the topics and sentiment of one comment, or of many (the 贬损点 page and the CLI read these). */
import { compiled } from '../compile';
import { baseTextConfig } from '../config/base';
import { type TextConfig } from '../config/types';
import { normaliseText } from '../normalise';
import { noticesFor, type Notice } from '../notices';
import { cut } from '../segmenter';
import { sentimentOf, type Sentiment } from './sentiment';
import { topicsOf, type TopicHit } from './topics';

export type CommentAnalysis = { sentiment: Sentiment; topics: TopicHit[]; notices: Notice[] };

export function analyseComment(input: string, config: TextConfig = baseTextConfig): CommentAnalysis {
  const ready = compiled(config);
  const normalised = normaliseText(input, config.maxLength);
  const notices = noticesFor(input, normalised);
  if (normalised.text.trim().length === 0) {
    return { sentiment: { polarity: 'neutral', score: 0, evidence: [] }, topics: [], notices };
  }
  const tokens = cut(normalised.text);
  return { sentiment: sentimentOf(normalised.text, tokens, ready), topics: topicsOf(normalised.text, tokens, ready), notices };
}

export type CommentSummary = {
  count: number;
  polarity: Record<Sentiment['polarity'], number>;
  /** Per topic: how many comments mention it and how many of those are negative. */
  topics: { code: string; count: number; negative: number; positive: number }[];
};

/** Analyses many comments and sums them up; `results` keeps the one-by-one analyses in input order. */
export function analyseComments(texts: readonly string[], config: TextConfig = baseTextConfig): { results: CommentAnalysis[]; summary: CommentSummary } {
  const results = texts.map((text) => analyseComment(text, config));
  const polarity = { positive: 0, negative: 0, neutral: 0 };
  const topics = new Map<string, { code: string; count: number; negative: number; positive: number }>();
  for (const result of results) {
    polarity[result.sentiment.polarity] += 1;
    for (const topic of result.topics) {
      const entry = topics.get(topic.code) ?? { code: topic.code, count: 0, negative: 0, positive: 0 };
      entry.count += 1;
      if (result.sentiment.polarity === 'negative') entry.negative += 1;
      if (result.sentiment.polarity === 'positive') entry.positive += 1;
      topics.set(topic.code, entry);
    }
  }
  return { results, summary: { count: results.length, polarity, topics: [...topics.values()].sort((left, right) => right.count - left.count) } };
}
