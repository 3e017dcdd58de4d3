/**
 * The change between two waves of a survey (issue 4 §5, §6 "comparison with the previous wave
 * marked significant or not"): every satisfaction rate both waves measured (questions and matrix
 * rows matched by key) by the two-proportion z-test (compareRates), and the headline NPS by its
 * combined margin (compareNps), both from metrics/wave-change.ts. The waves are treated as
 * independent samples (see there). The weighted index is reported as a plain difference: it has
 * no agreed sampling error.
 */
import { compareNps, compareRates, type NpsChange, type RateChange } from '../../metrics/wave-change';
import type { SatisfactionRate } from '../../metrics/satisfaction-rate';
import type { SurveyAnalysis } from './analyse';

export type RateComparison = { questionKey: string; item: string; change: RateChange | null };

export type WaveComparison = {
  rates: RateComparison[];
  overall: RateChange | null;
  nps: NpsChange | null;
  weightedIndex: { before: number; after: number; difference: number } | null;
};

function rates(analysis: SurveyAnalysis): Map<string, SatisfactionRate> {
  const found = new Map<string, SatisfactionRate>();
  for (const question of analysis.questions) {
    if (question.type === 'satisfaction' && question.satisfactionRate) found.set(`${question.key}\u0000`, question.satisfactionRate);
    if (question.type === 'matrix')
      for (const row of question.rows) if (row.satisfactionRate) found.set(`${question.key}\u0000${row.key}`, row.satisfactionRate);
  }
  return found;
}

/** `previous` → `current`; significance at `significanceLevel` (rates) and `confidence` (NPS). */
export function compareWaves(
  previous: SurveyAnalysis,
  current: SurveyAnalysis,
  options: { significanceLevel?: number; confidence?: number } = {},
): WaveComparison {
  const significanceLevel = options.significanceLevel ?? 0.05;
  const before = rates(previous);
  const comparisons: RateComparison[] = [];
  for (const [key, after] of rates(current)) {
    const earlier = before.get(key);
    if (!earlier) continue;
    const [questionKey = '', item = ''] = key.split('\u0000');
    comparisons.push({ questionKey, item, change: compareRates(earlier, after, significanceLevel) });
  }
  const overallKey = current.overall ? `${current.overall.questionKey}\u0000` : null;
  const beforeIndex = previous.weightedIndex?.index ?? null;
  const afterIndex = current.weightedIndex?.index ?? null;
  return {
    rates: comparisons,
    overall: comparisons.find((comparison) => `${comparison.questionKey}\u0000${comparison.item}` === overallKey)?.change ?? null,
    nps: previous.nps && current.nps ? compareNps(previous.nps, current.nps, options.confidence ?? 0.95) : null,
    weightedIndex: beforeIndex === null || afterIndex === null ? null : { before: beforeIndex, after: afterIndex, difference: afterIndex - beforeIndex },
  };
}
