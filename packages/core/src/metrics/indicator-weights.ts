/**
 * The indicator tree of DESIGN §1/§3 (dimension → indicator → sub-indicator, per post, seed 001
 * 现场作业1 "权数分配"): every node carries a weight, and the weights of the children of one node
 * (one "level" of one branch) must sum to 100. The check reports every offending group so the
 * editor can point at it, rather than stopping at the first.
 */
export type IndicatorNode = { id: string; weight: number; children?: readonly IndicatorNode[] };

export type IndicatorWeightIssue =
  | {
      kind: 'sum_not_100';
      /** The node whose children are wrong; null for the top level (the dimensions). */
      parentId: string | null;
      /** 1 for dimensions, 2 for indicators, 3 for sub-indicators… */
      depth: number;
      nodeIds: string[];
      sum: number;
    }
  | { kind: 'invalid_weight'; nodeId: string; weight: number }
  | { kind: 'duplicate_id'; nodeId: string };

export type IndicatorWeightCheck = { valid: boolean; issues: IndicatorWeightIssue[] };

/**
 * Weights are often entered with decimals (33.3 + 33.3 + 33.4), so a sum within `tolerance`
 * (default 1e-6) of 100 passes; anything further off does not. A weight must be a finite number
 * ≥ 0. Ids must be unique across the tree, because answers are keyed by them.
 */
export function validateIndicatorWeights(roots: readonly IndicatorNode[], tolerance = 1e-6): IndicatorWeightCheck {
  const issues: IndicatorWeightIssue[] = [];
  const seen = new Set<string>();
  const visit = (siblings: readonly IndicatorNode[], parentId: string | null, depth: number) => {
    const total = siblings.reduce((sum, node) => sum + node.weight, 0);
    if (!(Math.abs(total - 100) <= tolerance)) {
      issues.push({ kind: 'sum_not_100', parentId, depth, nodeIds: siblings.map((node) => node.id), sum: total });
    }
    for (const node of siblings) {
      if (seen.has(node.id)) issues.push({ kind: 'duplicate_id', nodeId: node.id });
      seen.add(node.id);
      if (!(Number.isFinite(node.weight) && node.weight >= 0)) issues.push({ kind: 'invalid_weight', nodeId: node.id, weight: node.weight });
      if (node.children && node.children.length > 0) visit(node.children, node.id, depth + 1);
    }
  };
  visit(roots, null, 1);
  return { valid: issues.length === 0, issues };
}
