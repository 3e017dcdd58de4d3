/**
 * SurveyTally: the sufficient statistics of a set of complete responses to one survey version —
 * everything the analysis needs, and nothing that cannot be added. Two tallies of the same survey
 * version (and indicator tree) merge by adding every number, so the server keeps one per
 * campaign × project × building and adds any subset of cells for a filter instead of re-reading
 * the responses.
 *
 * Contents and their rules:
 * - `responses`: number of responses counted.
 * - `counts[questionKey][item][value]`: how many analytic values (analyticValues) there were;
 *   for a choice question the item is the option and the value 1.
 * - `answered[questionKey]`: responses with at least one analytic value for the question (the
 *   base of choice shares; a matrix counts once however many rows were rated).
 * - `notExperienced[questionKey][item]`: 未体验 answers, counted apart because they are excluded
 *   from every base (DESIGN §4) but the console shows how many there were.
 * - `kanoPairs[questionKey]`: the 5×5 table of (functional, dysfunctional) answers as 25 counts
 *   (kanoPairIndex), because the category needs the pair, not the two margins.
 * - `overallPairs[itemId]`: moments of (item rating, overall rating) over responses that answered
 *   both, for correlation-based importance (pairwise deletion, as pearsonCorrelation does).
 * - `drivers`: regression moments of the per-response vector [overall, dimension₁ … dimensionₖ]
 *   over responses that have all of them (listwise deletion, as keyDriverAnalysis does).
 *   A response's dimension score is the mean of its rated items in that dimension, each rescaled
 *   to 0–100 on its own scale first ((value − min)/(max − min)·100, the ACSI rescale of
 *   rescaleTo100), so that 5-point ratings and 7-point SERVQUAL perceptions can share a dimension;
 *   a dimension where the response rated nothing (all 未体验 or skipped) is missing. The overall
 *   value stays on its own scale. `driversExcluded` counts responses left out for a missing one.
 */
import type { PairMoments } from '../../metrics/correlation';
import { kanoPairIndex } from '../../metrics/kano';
import { analyticValues } from '../answers';
import { notExperienced, type Answers, type SurveyDefinition } from '../definition';
import type { IndicatorTreeNode } from '../templates/indicator-trees';
import { dimensionOf, driverDimensions, overallQuestion, ratedItems } from './items';

export type DriverMoments = {
  /** 'overall' then the dimension codes, fixed by the survey version and tree. */
  variables: string[];
  observations: number;
  sums: number[];
  crossProducts: number[][];
};

export type SurveyTally = {
  responses: number;
  counts: Record<string, Record<string, Record<string, number>>>;
  answered: Record<string, number>;
  notExperienced: Record<string, Record<string, number>>;
  kanoPairs: Record<string, number[]>;
  overallPairs: Record<string, PairMoments>;
  drivers: DriverMoments | null;
  driversExcluded: number;
};

/** A tally of no responses whose moment layout fits the survey (the identity of mergeTallies). */
export function emptyTally(definition: SurveyDefinition, tree?: readonly IndicatorTreeNode[]): SurveyTally {
  const overall = overallQuestion(definition);
  const dimensions = driverDimensions(definition, tree);
  const size = dimensions.length + 1;
  return {
    responses: 0,
    counts: {},
    answered: {},
    notExperienced: {},
    kanoPairs: {},
    overallPairs: {},
    drivers:
      overall && dimensions.length > 0
        ? {
            variables: ['overall', ...dimensions],
            observations: 0,
            sums: Array.from({ length: size }, () => 0),
            crossProducts: Array.from({ length: size }, () => Array.from({ length: size }, () => 0)),
          }
        : null,
    driversExcluded: 0,
  };
}

const bump = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by;
};
const nested = <T>(record: Record<string, T>, key: string, create: () => T): T => (record[key] ??= create());

/**
 * What addResponse needs to know about a survey and tree, worked out once per pair rather than per
 * response (the aggregator adds a million responses with the same plan).
 */
type TallyPlan = {
  overallKey: string | null;
  kanoKeys: string[];
  matrixKeys: Set<string>;
  items: { id: string; valueKey: string; dimension: string | null; minimum: number; span: number }[];
};

const plans = new WeakMap<SurveyDefinition, Map<readonly IndicatorTreeNode[] | undefined, TallyPlan>>();

function planFor(definition: SurveyDefinition, tree?: readonly IndicatorTreeNode[]): TallyPlan {
  const byTree = plans.get(definition) ?? plans.set(definition, new Map()).get(definition)!;
  const cached = byTree.get(tree);
  if (cached) return cached;
  const plan: TallyPlan = {
    overallKey: overallQuestion(definition)?.key ?? null,
    kanoKeys: definition.questions.filter((question) => question.type === 'kano').map((question) => question.key),
    matrixKeys: new Set(definition.questions.filter((question) => question.type === 'matrix').map((question) => question.key)),
    items: ratedItems(definition).map((item) => ({
      id: item.id,
      valueKey: `${item.questionKey}\u0000${item.item}`,
      dimension: dimensionOf(item.indicatorCode, tree),
      minimum: item.scale.minimum,
      span: item.scale.maximum - item.scale.minimum,
    })),
  };
  byTree.set(tree, plan);
  return plan;
}

/** Adds one checked, complete response to the tally in place (the answers checkAnswers kept). */
export function addResponse(tally: SurveyTally, definition: SurveyDefinition, answers: Answers, tree?: readonly IndicatorTreeNode[]): void {
  const plan = planFor(definition, tree);
  tally.responses += 1;
  const values = analyticValues(definition, answers);
  const valueOf = new Map<string, number>();
  const seen = new Set<string>();
  for (const { questionKey, item, value } of values) {
    bump(
      nested(
        nested(tally.counts, questionKey, () => ({})),
        item,
        () => ({}),
      ),
      String(value),
    );
    valueOf.set(`${questionKey}\u0000${item}`, value);
    seen.add(questionKey);
  }
  for (const key of seen) bump(tally.answered, key);

  for (const [key, answer] of Object.entries(answers)) {
    if (answer === notExperienced)
      bump(
        nested(tally.notExperienced, key, () => ({})),
        '',
      );
    else if (plan.matrixKeys.has(key) && typeof answer === 'object' && !Array.isArray(answer)) {
      for (const [row, rating] of Object.entries(answer))
        if (rating === notExperienced)
          bump(
            nested(tally.notExperienced, key, () => ({})),
            row,
          );
    }
  }
  for (const key of plan.kanoKeys) {
    const functional = valueOf.get(`${key}\u0000functional`);
    const dysfunctional = valueOf.get(`${key}\u0000dysfunctional`);
    if (functional !== undefined && dysfunctional !== undefined) {
      const cells = nested(tally.kanoPairs, key, () => Array.from({ length: 25 }, () => 0));
      const index = kanoPairIndex(functional, dysfunctional);
      cells[index] = (cells[index] ?? 0) + 1;
    }
  }

  const overallValue = plan.overallKey === null ? undefined : valueOf.get(`${plan.overallKey}\u0000`);
  const scores: Record<string, number[]> = {};
  for (const item of plan.items) {
    const rating = valueOf.get(item.valueKey);
    if (rating === undefined) continue;
    if (overallValue !== undefined) {
      const pair = nested(tally.overallPairs, item.id, () => ({ pairs: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 }));
      pair.pairs += 1;
      pair.sumX += rating;
      pair.sumY += overallValue;
      pair.sumXX += rating * rating;
      pair.sumYY += overallValue * overallValue;
      pair.sumXY += rating * overallValue;
    }
    // rescaleTo100 inlined: (value − minimum)/(maximum − minimum)·100.
    if (item.dimension !== null) nested(scores, item.dimension, (): number[] => []).push(((rating - item.minimum) / item.span) * 100);
  }

  const drivers = tally.drivers;
  if (!drivers) return;
  const vector = [
    overallValue,
    ...drivers.variables.slice(1).map((dimension) => {
      const list = scores[dimension];
      return list && list.length > 0 ? list.reduce((total, value) => total + value, 0) / list.length : undefined;
    }),
  ];
  if (vector.some((value) => value === undefined)) {
    tally.driversExcluded += 1;
    return;
  }
  const row = vector as number[];
  drivers.observations += 1;
  row.forEach((value, i) => {
    drivers.sums[i] = (drivers.sums[i] ?? 0) + value;
    const products = drivers.crossProducts[i] as number[];
    row.forEach((other, j) => {
      products[j] = (products[j] ?? 0) + value * other;
    });
  });
}

/**
 * Tallies complete responses in memory (the CLI, tests, and the server's aggregator for one
 * batch). `answersList` must hold answers already checked against this definition (checkAnswers'
 * `answers`), as the server stores them.
 */
export function tallyResponses(definition: SurveyDefinition, answersList: readonly Answers[], tree?: readonly IndicatorTreeNode[]): SurveyTally {
  const tally = emptyTally(definition, tree);
  for (const answers of answersList) addResponse(tally, definition, answers, tree);
  return tally;
}

function addNumbers(target: Record<string, number>, source: Readonly<Record<string, number>>) {
  for (const [key, value] of Object.entries(source)) bump(target, key, value);
}

function addNested(target: Record<string, Record<string, number>>, source: Readonly<Record<string, Record<string, number>>>) {
  for (const [key, inner] of Object.entries(source))
    addNumbers(
      nested(target, key, () => ({})),
      inner,
    );
}

function addPairs(target: Record<string, PairMoments>, source: Readonly<Record<string, PairMoments>>) {
  for (const [key, moments] of Object.entries(source)) {
    const sum = nested(target, key, () => ({ pairs: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 }));
    sum.pairs += moments.pairs;
    sum.sumX += moments.sumX;
    sum.sumY += moments.sumY;
    sum.sumXX += moments.sumXX;
    sum.sumYY += moments.sumYY;
    sum.sumXY += moments.sumXY;
  }
}

function addDrivers(target: DriverMoments | null, source: DriverMoments | null): DriverMoments | null {
  if (!target) return source && structuredClone(source);
  if (!source) return target;
  if (target.variables.join('\u0000') !== source.variables.join('\u0000')) {
    throw new RangeError('tallies of different survey versions or indicator trees cannot be merged');
  }
  target.observations += source.observations;
  source.sums.forEach((value, i) => (target.sums[i] = (target.sums[i] ?? 0) + value));
  source.crossProducts.forEach((row, i) => row.forEach((value, j) => ((target.crossProducts[i] as number[])[j] = (target.crossProducts[i]?.[j] ?? 0) + value)));
  return target;
}

/**
 * The tally of the union of disjoint response sets: every count and moment added. Pure: the
 * inputs are not changed. Throws when the driver layouts differ (different survey versions).
 */
export function mergeTallies(tallies: readonly SurveyTally[]): SurveyTally {
  const merged: SurveyTally = {
    responses: 0,
    counts: {},
    answered: {},
    notExperienced: {},
    kanoPairs: {},
    overallPairs: {},
    drivers: null,
    driversExcluded: 0,
  };
  for (const tally of tallies) {
    merged.responses += tally.responses;
    for (const [key, items] of Object.entries(tally.counts))
      addNested(
        nested(merged.counts, key, () => ({})),
        items,
      );
    addNumbers(merged.answered, tally.answered);
    addNested(merged.notExperienced, tally.notExperienced);
    for (const [key, cells] of Object.entries(tally.kanoPairs)) {
      const target = nested(merged.kanoPairs, key, () => Array.from({ length: 25 }, () => 0));
      cells.forEach((count, index) => (target[index] = (target[index] ?? 0) + count));
    }
    addPairs(merged.overallPairs, tally.overallPairs);
    merged.drivers = addDrivers(merged.drivers, tally.drivers);
    merged.driversExcluded += tally.driversExcluded;
  }
  return merged;
}
