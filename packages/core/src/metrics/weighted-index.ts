import { type MeanScore, type RatingAnswer, fivePointScale, meanScore, type RatingScale, rescaleTo100 } from './answers';
import { type IndicatorNode } from './indicator-weights';

/**
 * Weighted satisfaction index, 0–100 (DESIGN §4): Σ weightᵢ × mean scoreᵢ rescaled to 0–100,
 * with weights normalised within each level of the indicator tree. Computed bottom-up:
 *   leaf index   = (mean − minimum)/(maximum − minimum)·100   (ACSI-style linear rescale, so
 *                  非常不满意 everywhere gives 0 and 非常满意 everywhere gives 100);
 *   parent index = Σ w_c·index_c / Σ w_c over its children that have an index.
 * With every leaf answered this equals Σ over leaves of (product of the normalised weights on
 * the path) × leaf index. A leaf nobody answered (all skipped / 未体验, or absent from `answers`)
 * has no index, and its siblings' weights are renormalised without it, so an indicator that does
 * not apply in a project neither drags the index down nor is counted as perfect; the node
 * reports `normalisedWeight` as actually used (null when left out) so the console can show it.
 * Weights need not sum to 100 here (run validateIndicatorWeights for that), but must be ≥ 0.
 */
export type WeightedIndexNode = {
  id: string;
  weight: number;
  /** Share of this node among its siblings that have an index; null if it has none. */
  normalisedWeight: number | null;
  index: number | null;
  /** Mean answer on the input scale; leaves only (null for parents and unanswered leaves). */
  mean: number | null;
  /** Valid answers and exclusions, summed over the leaves below this node. */
  valid: number;
  excluded: number;
  children: WeightedIndexNode[];
};

export type WeightedIndex = { index: number | null; valid: number; excluded: number; nodes: WeightedIndexNode[] };

type Unweighted = Omit<WeightedIndexNode, 'normalisedWeight' | 'children'> & { children: Unweighted[] };

/** A leaf's answers already summarised: the mean on its own scale, with its base. */
export type LeafScore = MeanScore & { scale: RatingScale };

function score(node: IndicatorNode, leaves: (id: string) => LeafScore): Unweighted {
  if (!(Number.isFinite(node.weight) && node.weight >= 0)) throw new RangeError(`indicator ${node.id}: weight must be a finite number ≥ 0`);
  if (!node.children || node.children.length === 0) {
    const { mean, valid, excluded, scale } = leaves(node.id);
    return { id: node.id, weight: node.weight, index: mean === null ? null : rescaleTo100(mean, scale), mean, valid, excluded, children: [] };
  }
  const children = node.children.map((child) => score(child, leaves));
  return {
    id: node.id,
    weight: node.weight,
    index: combine(children),
    mean: null,
    valid: children.reduce((total, child) => total + child.valid, 0),
    excluded: children.reduce((total, child) => total + child.excluded, 0),
    children,
  };
}

function combine(nodes: readonly Unweighted[]): number | null {
  const scored = nodes.filter((node) => node.index !== null);
  const weightTotal = scored.reduce((total, node) => total + node.weight, 0);
  if (weightTotal === 0) return null;
  return scored.reduce((total, node) => total + node.weight * (node.index ?? 0), 0) / weightTotal;
}

function attachWeights(nodes: readonly Unweighted[]): WeightedIndexNode[] {
  const weightTotal = nodes.filter((node) => node.index !== null).reduce((total, node) => total + node.weight, 0);
  return nodes.map((node) => ({
    ...node,
    normalisedWeight: node.index === null || weightTotal === 0 ? null : node.weight / weightTotal,
    children: attachWeights(node.children),
  }));
}

/** The 0–100 index of an indicator tree from the answers to its leaves, keyed by leaf id. */
export function weightedSatisfactionIndex(
  roots: readonly IndicatorNode[],
  answers: Readonly<Record<string, readonly RatingAnswer[]>>,
  scale: RatingScale = fivePointScale,
): WeightedIndex {
  return weightedSatisfactionIndexFromScores(roots, (id) => ({ ...meanScore(answers[id] ?? [], scale), scale }));
}

/**
 * The same index from leaf means already computed (e.g. from counted answers), each rescaled on
 * its own scale, so leaves asked on 5 and 7 points combine on the common 0–100 range. A leaf the
 * callback reports with mean null has no index and is renormalised away, as above.
 */
export function weightedSatisfactionIndexFromScores(roots: readonly IndicatorNode[], leaves: (id: string) => LeafScore): WeightedIndex {
  const scored = roots.map((root) => score(root, leaves));
  return {
    index: combine(scored),
    valid: scored.reduce((total, node) => total + node.valid, 0),
    excluded: scored.reduce((total, node) => total + node.excluded, 0),
    nodes: attachWeights(scored),
  };
}
