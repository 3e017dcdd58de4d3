import { type RatingAnswer, meanScore, type RatingScale, fivePointScale, sum } from './answers';
import { pearsonCorrelation } from './correlation';
import { type ImportancePerformanceQuadrant } from './vocabulary';

/**
 * Importance–performance analysis (Martilla & James, "Importance-Performance Analysis",
 * Journal of Marketing 41(1), 1977). Performance is an attribute's mean rating on valid answers.
 * Importance is either
 * - stated: the attribute's weight in the indicator tree (the company's stated priority), or
 * - derived: Pearson's r between the attribute's ratings and the overall-satisfaction question
 *   on the respondents who answered both (the "implicit importance" of Matzler et al.,
 *   Industrial Marketing Management 33(4), 2004), which needs no extra question.
 *
 * The grid is split at the means across attributes (the data-centred approach; Bacon, Journal of
 * Marketing Education 25(1), 2003), so each map is read relative to the company's own average
 * rather than to the scale midpoint, where almost every 物业 attribute would sit "high".
 * A value equal to the mean counts as high. Quadrants:
 *   high importance, high performance → keep_up 继续保持
 *   high importance, low performance  → concentrate_here 重点改进
 *   low importance,  low performance  → low_priority 低优先
 *   low importance,  high performance → possible_overkill 过度投入
 * An attribute with no valid rating, or with an undefined correlation, has no position and is
 * left out of the means (quadrant null).
 */
export type ImportancePerformanceAttribute = { id: string; ratings: readonly RatingAnswer[]; weight?: number };

export type ImportanceSource = { kind: 'weights' } | { kind: 'correlation'; overall: readonly RatingAnswer[] };

export type ImportancePerformancePoint = {
  id: string;
  performance: number | null;
  importance: number | null;
  valid: number;
  excluded: number;
  quadrant: ImportancePerformanceQuadrant | null;
};

export type ImportancePerformanceMap = {
  points: ImportancePerformancePoint[];
  importanceSource: ImportanceSource['kind'];
  /** The means that split the grid; null when no attribute can be placed. */
  importanceThreshold: number | null;
  performanceThreshold: number | null;
};

function quadrantOf(importanceHigh: boolean, performanceHigh: boolean): ImportancePerformanceQuadrant {
  if (importanceHigh) return performanceHigh ? 'keep_up' : 'concentrate_here';
  return performanceHigh ? 'possible_overkill' : 'low_priority';
}

/** Places each attribute on the importance–performance grid split at the means (see above). */
export function importancePerformanceAnalysis(
  attributes: readonly ImportancePerformanceAttribute[],
  importanceSource: ImportanceSource,
  scale: RatingScale = fivePointScale,
): ImportancePerformanceMap {
  const points = attributes.map((attribute) => {
    const { mean, valid, excluded } = meanScore(attribute.ratings, scale);
    let importance: number | null;
    if (importanceSource.kind === 'weights') {
      if (attribute.weight === undefined || !(attribute.weight >= 0)) {
        throw new RangeError(`attribute ${attribute.id} needs a non-negative weight for stated importance`);
      }
      importance = attribute.weight;
    } else {
      importance = pearsonCorrelation(attribute.ratings, importanceSource.overall).r;
    }
    return { id: attribute.id, performance: mean, importance, valid, excluded };
  });
  return importancePerformanceGrid(points, importanceSource.kind);
}

export type ImportancePerformanceInput = Omit<ImportancePerformancePoint, 'quadrant'>;

/**
 * Places attributes whose performance and importance are already computed (e.g. from counted
 * answers and correlation moments) on the grid split at the means, by the rules above.
 */
export function importancePerformanceGrid(points: readonly ImportancePerformanceInput[], importanceSource: ImportanceSource['kind']): ImportancePerformanceMap {
  const placed = points.filter((point) => point.performance !== null && point.importance !== null);
  if (placed.length === 0) {
    return {
      points: points.map((point) => ({ ...point, quadrant: null })),
      importanceSource,
      importanceThreshold: null,
      performanceThreshold: null,
    };
  }
  const importanceThreshold = sum(placed.map((point) => point.importance ?? 0)) / placed.length;
  const performanceThreshold = sum(placed.map((point) => point.performance ?? 0)) / placed.length;
  return {
    points: points.map((point) => ({
      ...point,
      quadrant:
        point.performance === null || point.importance === null
          ? null
          : quadrantOf(point.importance >= importanceThreshold, point.performance >= performanceThreshold),
    })),
    importanceSource,
    importanceThreshold,
    performanceThreshold,
  };
}
