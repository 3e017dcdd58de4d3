/**
 * Quality inspections (品质巡检, issue 18 §1). Seed 002 names the quarterly inspections (季度检查) that
 * check delivery against the company's standards; seed 001 第四讲 puts that check at gap 3 of the
 * 5 GAP model (服务标准 vs 服务传递). The checklist of a post is built from the indicator system's
 * SERVQUAL tree (有形度 · 专业度 · 反应度 · 信赖度 · 同理度, seed 001 第二讲 / 现场作业1): every leaf
 * indicator that names the post becomes an item.
 */
import type { LocalText } from '../surveys/definition';
import type { IndicatorTreeNode } from '../surveys/templates/indicator-trees';

export type ChecklistItem = {
  /** The indicator's code, e.g. 'tangibles.cleanliness'. */
  indicatorCode: string;
  /** Its SERVQUAL dimension: the code of the root it hangs under, e.g. 'tangibles'. */
  dimensionCode: string;
  dimensionName: LocalText;
  name: LocalText;
  /** The most this item can lose (its share of 100). */
  points: number;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The checklist of one post. Points: an item's weight is the product of the weights on its path
 * (dimension weight × indicator weight, each in percent of its siblings — the weights the indicator
 * system already validates to sum to 100 per level), renormalised over the post's items so that the
 * checklist is worth 100 points; rounded to 0.1, the last item taking the rounding remainder.
 */
export function checklistForPost(roots: readonly IndicatorTreeNode[], post: string): ChecklistItem[] {
  const found: { item: Omit<ChecklistItem, 'points'>; weight: number }[] = [];
  const walk = (nodes: readonly IndicatorTreeNode[], root: IndicatorTreeNode | null, share: number) => {
    for (const node of nodes) {
      const dimension = root ?? node;
      const weight = (share * node.weight) / 100;
      if (node.children && node.children.length > 0) walk(node.children, dimension, weight);
      else if (node.post === post && root)
        found.push({ item: { indicatorCode: node.code, dimensionCode: dimension.code, dimensionName: dimension.name, name: node.name }, weight });
    }
  };
  walk(roots, null, 100);
  const total = found.reduce((sum, entry) => sum + entry.weight, 0);
  if (total <= 0) return [];
  const items = found.map((entry) => ({ ...entry.item, points: round1((entry.weight / total) * 100) }));
  const last = items.at(-1);
  if (last) last.points = round1(100 - items.slice(0, -1).reduce((sum, item) => sum + item.points, 0));
  return items;
}

export type InspectionResult = 'pass' | 'deduct';
export type ScoredItem = { points: number; result: InspectionResult | null; deduction: number; bonus?: number };

export type InspectionProblem = { index: number; code: 'result_missing' | 'deduction_range' | 'deduction_on_pass' };

/**
 * Checks an inspection before it is submitted: every item has a result; a 扣分 item loses more than
 * 0 and at most its points; a passed item loses nothing.
 */
export function checkInspectionItems(items: readonly ScoredItem[]): InspectionProblem[] {
  const problems: InspectionProblem[] = [];
  items.forEach((item, index) => {
    if (item.result === null) problems.push({ index, code: 'result_missing' });
    else if (item.result === 'deduct' && !(item.deduction > 0 && item.deduction <= item.points)) problems.push({ index, code: 'deduction_range' });
    else if (item.result === 'pass' && item.deduction !== 0) problems.push({ index, code: 'deduction_on_pass' });
  });
  return problems;
}

/**
 * A round's score out of 100: 100 × (Σ points − Σ deductions) ÷ Σ points, rounded to 0.1. Bonus
 * points (加分, seed 002: "扣分 … 可以进行正面考核-加分") are recorded beside the score for the staff
 * scorecards and do not lift the inspection score above what the standards allow.
 */
export function inspectionScore(items: readonly ScoredItem[]): number {
  const points = items.reduce((sum, item) => sum + item.points, 0);
  if (points <= 0) return 100;
  const lost = items.reduce((sum, item) => sum + (item.result === 'deduct' ? Math.min(item.deduction, item.points) : 0), 0);
  return round1((100 * (points - lost)) / points);
}

/** Mean of the submitted rounds' scores of a project, post or team (project × post), rounded to 0.1; null without rounds. */
export function meanInspectionScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return round1(scores.reduce((sum, score) => sum + score, 0) / scores.length);
}
