/**
 * Lexicon sentiment of an owner's text, in the manner of VADER (Hutto & Gilbert 2014) adapted to Chinese words:
 * each lexicon word found by jieba adds its weight, scaled by the degree adverbs (非常, 有点 …) and flipped by a
 * negation (不, 没 …) among the three words before it in the same clause — a flipped negative counts only 0.4 of
 * its weight, as "不脏" is faint praise. After a contrast (但是, 不过 …) the rest counts 1.5 times and what came
 * before half; a clause ending in ！ counts 1.2 times. The sum is squashed to −1 … 1 by x / √(x² + 4) and read
 * as positive above 0.2, negative below −0.2, else neutral. Two domain rules: an expected action negated (没修好,
 * 也不来) is a complaint; in a request or question (建议, 能不能, 吗) praise counts 0.2 and blame 0.5 of its weight.
 */
import { type CompiledConfig } from '../compile';
import { type Polarity } from '../config/types';

export type Sentiment = {
  polarity: Polarity;
  /** −1 … 1. */
  score: number;
  /** The lexicon words that counted, with their contribution after negation and degree. */
  evidence: { term: string; weight: number }[];
};

const clauseEnd = /^[，,。！!？?；;~～…\s]+$/u;
const squash = 4;
export const polarityThreshold = 0.2;

const particles = /[得了的啊呀]$/u;

/**
 * The weight of a token: a lexicon word; a lexicon word with a particle jieba glued on (脏得); a degree adverb
 * jieba glued to a lexicon word (挺舒服 = 挺 × 舒服); an emoji run (sum of its emoji).
 */
function termWeight(token: string, terms: Record<string, number>, degrees: Record<string, number>): number | undefined {
  const direct = terms[token];
  if (direct !== undefined) return direct;
  if (token.length > 1 && particles.test(token)) {
    const stem = terms[token.slice(0, -1)];
    if (stem !== undefined) return stem;
  }
  for (const prefixLength of [1, 2]) {
    const degree = degrees[token.slice(0, prefixLength)];
    const rest = terms[token.slice(prefixLength)];
    if (degree !== undefined && rest !== undefined && token.length > prefixLength) return degree * rest;
  }
  if (!/\p{Extended_Pictographic}/u.test(token)) return undefined;
  let sum = 0;
  for (const char of token) sum += terms[char] ?? 0;
  return sum === 0 ? undefined : sum;
}

export function sentimentOf(text: string, tokens: readonly string[], config: CompiledConfig): Sentiment {
  const { terms, degrees } = config.config.sentiment;
  const evidence: Sentiment['evidence'] = [];
  let total = 0;
  let clause = 0;
  let afterContrast = 1;
  let clauseStart = 0;
  tokens.forEach((token, index) => {
    if (clauseEnd.test(token)) {
      total += token.includes('!') || token.includes('！') ? clause * 1.2 : clause;
      clause = 0;
      clauseStart = index + 1;
      return;
    }
    if (config.contrasts.has(token) && index > 0) {
      total = (total + clause) * 0.5;
      clause = 0;
      afterContrast = 1.5;
      return;
    }
    const isAction = config.actions.has(token);
    const weight = isAction ? 0 : termWeight(token, terms, degrees);
    if (weight === undefined) return;
    let value = weight;
    let negated = false;
    for (let back = index - 1; back >= Math.max(clauseStart, index - 3); back -= 1) {
      const previous = tokens[back] ?? '';
      if (terms[previous] !== undefined && !config.negations.has(previous) && degrees[previous] === undefined) break;
      if (config.negations.has(previous)) negated = !negated;
      const degree = degrees[previous];
      if (degree !== undefined) value *= degree;
    }
    if (isAction) {
      if (!negated) return;
      value = config.config.sentiment.negatedAction;
    } else if (negated) value = weight > 0 ? -value * 0.8 : -value * 0.4;
    value *= afterContrast;
    evidence.push({ term: token, weight: Math.round(value * 100) / 100 });
    clause += value;
  });
  total += clause;
  if (config.requests.test(text)) total *= total > 0 ? 0.2 : 0.5;
  const score = total / Math.sqrt(total * total + squash);
  const polarity: Polarity = score > polarityThreshold ? 'positive' : score < -polarityThreshold ? 'negative' : 'neutral';
  return { polarity, score: Math.round(score * 1000) / 1000, evidence };
}
