/**
 * The analysis of a tally (tally.ts) into the figures of issue 4 §5, as plain JSON for the API,
 * the CLI and the export. Every figure comes from the metrics functions (packages/core/metrics),
 * fed with counts instead of raw answers; every figure carries its base.
 *
 * Rules stated once:
 * - Satisfaction rate (满意率) = top-2-box: answers 4 满意 and 5 非常满意 ÷ valid answers; 未体验
 *   and skipped (or hidden by skip logic) are excluded from the base (satisfactionRate).
 * - Means are on the question's own scale; where items of different scales meet (importance–
 *   performance, key drivers, a leaf of the index measured on two scales) each is first rescaled
 *   to 0–100 ((value − min)/(max − min)·100), so a 7-point SERVQUAL perception and a 5-point rating
 *   are comparable.
 * - NPS per nps question with both margins (netPromoterScoreFromCounts); the headline NPS is the
 *   first nps question's.
 * - SERVQUAL: item gap = mean perception − mean expectation over the pairs (answers always come in
 *   pairs); items grouped by the dimension (top node) of their indicator code; dimension weights
 *   from the tree when every dimension is in it (servqualGapsFromItems).
 * - Weighted index: over the indicator tree; a node that questions measure directly is scored from
 *   those items (its children, if any, are then ignored); other nodes combine their children
 *   (weightedSatisfactionIndexFromScores). Null without a tree.
 * - Importance–performance: performance = item mean on 0–100; importance = the item's share of the
 *   whole tree (product of the normalised weights on its path) or Pearson's r with the overall
 *   question (pairwise); grid split at the means (importancePerformanceGrid).
 * - Key drivers: OLS of the overall question on dimension scores (tally.ts), insignificant drivers
 *   flagged (keyDriverAnalysisFromMoments). The driver moments cover the whole questionnaire, so a
 *   question filter does not narrow them.
 */
import { fivePointScale, rescaleTo100, type RatingScale } from '../../metrics/answers';
import { pearsonCorrelationFromMoments } from '../../metrics/correlation';
import { importancePerformanceGrid, type ImportancePerformanceMap } from '../../metrics/importance-performance';
import { kanoAnalysisFromCounts, type KanoAnalysis } from '../../metrics/kano';
import { keyDriverAnalysisFromMoments, type KeyDriverAnalysis } from '../../metrics/key-driver';
import { type IndicatorNode } from '../../metrics/indicator-weights';
import { netPromoterScoreFromCounts, type NetPromoterScore } from '../../metrics/nps';
import { satisfactionRateFromCounts, type SatisfactionRate } from '../../metrics/satisfaction-rate';
import { servqualGapsFromItems, type ServqualGaps, type ServqualItemGap } from '../../metrics/servqual';
import { weightedSatisfactionIndexFromScores, type WeightedIndex } from '../../metrics/weighted-index';
import type { LocalText, Question, SurveyDefinition } from '../definition';
import type { IndicatorTreeNode } from '../templates/indicator-trees';
import { dimensionOf, ratedItems, type RatedItem } from './items';
import type { SurveyTally } from './tally';

export type Distribution = Record<string, number>;

export type RatingSummary = {
  valid: number;
  notExperienced: number;
  mean: number | null;
  distribution: Distribution;
  /** Top-2-box on the 5-point scale; null for other scales. */
  satisfactionRate: SatisfactionRate | null;
};

type QuestionBase = { key: string; title: LocalText; indicatorCode: string | null; answered: number; overall: boolean };

export type QuestionResult =
  | (QuestionBase & { type: 'satisfaction' } & RatingSummary)
  | (QuestionBase & { type: 'matrix'; rows: (RatingSummary & { key: string; label: LocalText; indicatorCode: string | null })[] })
  | (QuestionBase & { type: 'nps'; distribution: Distribution; nps: NetPromoterScore })
  | (QuestionBase & { type: 'servqual'; scalePoints: number; gap: ServqualItemGap; expectation: Distribution; perception: Distribution })
  | (QuestionBase & { type: 'kano'; kano: KanoAnalysis; pairCounts: number[] })
  | (QuestionBase & { type: 'single' | 'multiple'; options: { value: string; label: LocalText; count: number; share: number | null }[] })
  | (QuestionBase & { type: 'text' });

export type SurveyAnalysis = {
  responses: number;
  questions: QuestionResult[];
  /** The overall question's figures, the headline 满意率. */
  overall: { questionKey: string; mean: number | null; satisfactionRate: SatisfactionRate | null; valid: number } | null;
  nps: (NetPromoterScore & { questionKey: string }) | null;
  servqual: ServqualGaps | null;
  weightedIndex: WeightedIndex | null;
  importancePerformance: { weights: ImportancePerformanceMap | null; correlation: ImportancePerformanceMap | null };
  keyDrivers: KeyDriverAnalysis | null;
};

export type AnalysisOptions = {
  /** Only these questions (e.g. a post filter, questionKeysForPost); all when absent. */
  questionKeys?: ReadonlySet<string> | undefined;
  confidence?: number | undefined;
  significanceLevel?: number | undefined;
};

function meanOf(distribution: Distribution): { valid: number; mean: number | null } {
  let valid = 0;
  let total = 0;
  for (const [value, count] of Object.entries(distribution)) {
    valid += count;
    total += Number(value) * count;
  }
  return { valid, mean: valid === 0 ? null : total / valid };
}

function ratingSummary(distribution: Distribution, scale: RatingScale, notExperienced: number, responses: number): RatingSummary {
  const { valid, mean } = meanOf(distribution);
  const fivePoint = scale.minimum === fivePointScale.minimum && scale.maximum === fivePointScale.maximum;
  return {
    valid,
    notExperienced,
    mean,
    distribution,
    satisfactionRate: fivePoint ? satisfactionRateFromCounts(distribution, scale, responses - valid) : null,
  };
}

function questionResult(question: Question, tally: SurveyTally, confidence: number): QuestionResult {
  const counts = tally.counts[question.key] ?? {};
  const base: QuestionBase = {
    key: question.key,
    title: question.title,
    indicatorCode: question.indicatorCode ?? null,
    answered: tally.answered[question.key] ?? 0,
    overall: question.overall === true,
  };
  const skippedOf = (item: string) => tally.notExperienced[question.key]?.[item] ?? 0;
  switch (question.type) {
    case 'satisfaction':
      return { ...base, type: 'satisfaction', ...ratingSummary(counts[''] ?? {}, fivePointScale, skippedOf(''), tally.responses) };
    case 'matrix':
      return {
        ...base,
        type: 'matrix',
        rows: question.rows.map((row) => ({
          key: row.key,
          label: row.label,
          indicatorCode: row.indicatorCode ?? question.indicatorCode ?? null,
          ...ratingSummary(counts[row.key] ?? {}, fivePointScale, skippedOf(row.key), tally.responses),
        })),
      };
    case 'nps': {
      const distribution = counts[''] ?? {};
      let promoters = 0;
      let passives = 0;
      let detractors = 0;
      for (const [value, count] of Object.entries(distribution)) {
        if (Number(value) >= 9) promoters += count;
        else if (Number(value) >= 7) passives += count;
        else detractors += count;
      }
      const valid = promoters + passives + detractors;
      return {
        ...base,
        type: 'nps',
        distribution,
        nps: netPromoterScoreFromCounts({ promoters, passives, detractors }, { confidence, excluded: tally.responses - valid }),
      };
    }
    case 'servqual': {
      const expectation = counts['expectation'] ?? {};
      const perception = counts['perception'] ?? {};
      const e = meanOf(expectation);
      const p = meanOf(perception);
      const gap: ServqualItemGap = {
        id: question.key,
        expectation: e.mean,
        perception: p.mean,
        gap: e.mean === null || p.mean === null ? null : p.mean - e.mean,
        pairs: p.valid,
        excluded: tally.responses - p.valid,
      };
      return { ...base, type: 'servqual', scalePoints: question.scalePoints, gap, expectation, perception };
    }
    case 'kano': {
      const pairCounts = tally.kanoPairs[question.key] ?? Array.from({ length: 25 }, () => 0);
      const kano = kanoAnalysisFromCounts(pairCounts);
      return { ...base, type: 'kano', pairCounts, kano: { ...kano, excluded: tally.responses - kano.valid } };
    }
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: question.type,
        options: question.options.map((option) => {
          const count = counts[option.value]?.['1'] ?? 0;
          return { value: option.value, label: option.label, count, share: base.answered === 0 ? null : count / base.answered };
        }),
      };
    case 'text':
      return { ...base, type: 'text' };
  }
}

function servqualOf(questions: readonly QuestionResult[], tree?: readonly IndicatorTreeNode[]): ServqualGaps | null {
  const items = questions.flatMap((question) => (question.type === 'servqual' ? [question] : []));
  if (items.length === 0) return null;
  const groups = new Map<string, ServqualItemGap[]>();
  for (const item of items) {
    const dimension = dimensionOf(item.indicatorCode, tree) ?? 'unassigned';
    groups.set(dimension, [...(groups.get(dimension) ?? []), item.gap]);
  }
  const weightOf = new Map((tree ?? []).map((root) => [root.code, root.weight]));
  const weighted = [...groups.keys()].every((dimension) => weightOf.has(dimension));
  return servqualGapsFromItems(
    [...groups].map(([id, gaps]) => {
      const weight = weightOf.get(id);
      return weighted && weight !== undefined ? { id, weight, items: gaps } : { id, items: gaps };
    }),
  );
}

/** Per-item performance on 0–100 with its base. */
function itemPerformance(item: RatedItem, tally: SurveyTally): { performance: number | null; valid: number; excluded: number } {
  const { valid, mean } = meanOf(tally.counts[item.questionKey]?.[item.item] ?? {});
  return { performance: mean === null ? null : rescaleTo100(mean, item.scale), valid, excluded: tally.responses - valid };
}

/** Each node's share of the whole tree: the product of the weights normalised among siblings along its path. */
function globalWeights(tree: readonly IndicatorTreeNode[]): Map<string, number> {
  const weights = new Map<string, number>();
  const walk = (nodes: readonly IndicatorTreeNode[], share: number) => {
    const total = nodes.reduce((sum, node) => sum + node.weight, 0);
    for (const node of nodes) {
      const own = total === 0 ? 0 : (share * node.weight) / total;
      weights.set(node.code, own);
      walk(node.children ?? [], own);
    }
  };
  walk(tree, 1);
  return weights;
}

function weightedIndexOf(items: readonly RatedItem[], tally: SurveyTally, tree: readonly IndicatorTreeNode[]): WeightedIndex {
  const measured = new Map<string, RatedItem[]>();
  for (const item of items) if (item.indicatorCode !== null) measured.set(item.indicatorCode, [...(measured.get(item.indicatorCode) ?? []), item]);
  const toNodes = (nodes: readonly IndicatorTreeNode[]): IndicatorNode[] =>
    nodes.map((node) => {
      const children = measured.has(node.code) ? [] : (node.children ?? []);
      return { id: node.code, weight: node.weight, ...(children.length > 0 ? { children: toNodes(children) } : {}) };
    });
  return weightedSatisfactionIndexFromScores(toNodes(tree), (code) => {
    const leafItems = measured.get(code) ?? [];
    const scales = new Set(leafItems.map((item) => `${item.scale.minimum}-${item.scale.maximum}`));
    const sameScale = scales.size <= 1;
    const scale = sameScale ? (leafItems[0]?.scale ?? fivePointScale) : { minimum: 0, maximum: 100 };
    let valid = 0;
    let total = 0;
    let excluded = 0;
    for (const item of leafItems) {
      for (const [value, count] of Object.entries(tally.counts[item.questionKey]?.[item.item] ?? {})) {
        valid += count;
        total += (sameScale ? Number(value) : rescaleTo100(Number(value), item.scale)) * count;
      }
      excluded += tally.notExperienced[item.questionKey]?.[item.item] ?? 0;
    }
    return { mean: valid === 0 ? null : total / valid, valid, excluded, scale };
  });
}

/** The figures of issue 4 §5 from a tally; `tree` is the indicator system version the survey version pins. */
export function analyseTally(
  definition: SurveyDefinition,
  tally: SurveyTally,
  tree?: readonly IndicatorTreeNode[],
  options: AnalysisOptions = {},
): SurveyAnalysis {
  const confidence = options.confidence ?? 0.95;
  const keep = (key: string) => !options.questionKeys || options.questionKeys.has(key);
  const questions = definition.questions.filter((question) => keep(question.key)).map((question) => questionResult(question, tally, confidence));
  const overallResult = questions.find((question) => question.overall && question.type === 'satisfaction');
  const npsResult = questions.find((question) => question.type === 'nps');
  const items = ratedItems(definition).filter((item) => keep(item.questionKey));

  const weights = tree ? globalWeights(tree) : null;
  const weightPoints = weights
    ? items.flatMap((item) => {
        const weight = item.indicatorCode === null ? undefined : weights.get(item.indicatorCode);
        return weight === undefined ? [] : [{ id: item.id, importance: weight, ...itemPerformance(item, tally) }];
      })
    : [];
  const correlationPoints = items.map((item) => {
    const moments = tally.overallPairs[item.id];
    return { id: item.id, importance: moments ? pearsonCorrelationFromMoments(moments).r : null, ...itemPerformance(item, tally) };
  });
  const hasOverall = definition.questions.some((question) => question.overall && (question.type === 'satisfaction' || question.type === 'nps'));

  const drivers = tally.drivers;
  return {
    responses: tally.responses,
    questions,
    overall:
      overallResult && overallResult.type === 'satisfaction'
        ? { questionKey: overallResult.key, mean: overallResult.mean, satisfactionRate: overallResult.satisfactionRate, valid: overallResult.valid }
        : null,
    nps: npsResult && npsResult.type === 'nps' ? { ...npsResult.nps, questionKey: npsResult.key } : null,
    servqual: servqualOf(questions, tree),
    weightedIndex: tree && items.length > 0 ? weightedIndexOf(items, tally, tree) : null,
    importancePerformance: {
      weights: weightPoints.length > 0 ? importancePerformanceGrid(weightPoints, 'weights') : null,
      correlation: hasOverall && correlationPoints.length > 0 ? importancePerformanceGrid(correlationPoints, 'correlation') : null,
    },
    keyDrivers: drivers
      ? keyDriverAnalysisFromMoments(drivers, drivers.variables.slice(1), {
          excluded: tally.driversExcluded,
          significanceLevel: options.significanceLevel ?? 0.05,
        })
      : null,
  };
}
