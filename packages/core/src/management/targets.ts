/**
 * SMART targets and their decomposition (issue 18 §3). Seed 001 第四讲 "目标管理：确定体验服务管理提升目标
 * （SMART原则）… 当众承诺"; seed 002 "目标分解，将压力分到每个员工（或工作组）分担 … 考核一定要有基本数据支持".
 */

export const targetMetrics = [
  'satisfaction',
  'nps',
  'weighted_index',
  'sla',
  'fee_collection',
  'complaints_per_1000',
  'red_line_rate',
  'inspection_score',
] as const;
export type TargetMetric = (typeof targetMetrics)[number];

/** Lower is better for complaints per 1,000 households and the red-line rate; higher for the rest. */
export function higherIsBetter(metric: TargetMetric): boolean {
  return metric !== 'complaints_per_1000' && metric !== 'red_line_rate';
}

/** The largest value a metric can take: rates in percent (0–100), NPS −100…100, indices and scores 0–100; complaints have none. */
export function metricBounds(metric: TargetMetric): { min: number; max: number } {
  if (metric === 'nps') return { min: -100, max: 100 };
  if (metric === 'complaints_per_1000') return { min: 0, max: Number.POSITIVE_INFINITY };
  return { min: 0, max: 100 };
}

export type Period = { start: Date; end: Date };

/** Two periods overlap when each starts before the other ends (ends exclusive). */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export type DecompositionChild = { value: number; weight: number };
export type DecompositionCheck = { adds: boolean; combined: number | null; problem: 'no_children' | 'weight_missing' | 'short' | null };

/**
 * Whether the children add up to the parent. Every metric here is a rate or a mean, so the parent's
 * value is the weighted mean of its children's values, Σ wᵢ·vᵢ ÷ Σ wᵢ, where wᵢ is what the metric is
 * averaged over: household counts (complaints per 1,000 households, 收缴率), sample sizes (满意率, NPS,
 * weighted index — the answers behind them) or explicit weights. The children add up when that
 * combination reaches the parent's value (≥ for higher-is-better metrics, ≤ for the others), allowing
 * 0.05 for rounding. A child without a positive weight cannot be combined.
 */
export function checkDecomposition(metric: TargetMetric, parentValue: number, children: readonly DecompositionChild[]): DecompositionCheck {
  if (children.length === 0) return { adds: false, combined: null, problem: 'no_children' };
  if (children.some((child) => !(child.weight > 0))) return { adds: false, combined: null, problem: 'weight_missing' };
  const total = children.reduce((sum, child) => sum + child.weight, 0);
  const combined = Math.round((children.reduce((sum, child) => sum + child.weight * child.value, 0) / total) * 100) / 100;
  const tolerance = 0.05;
  const adds = higherIsBetter(metric) ? combined >= parentValue - tolerance : combined <= parentValue + tolerance;
  return { adds, combined, problem: adds ? null : 'short' };
}

export type SmartInput = {
  metric: TargetMetric;
  value: number;
  baseline: number | null;
  /** The metric's values in the last four periods before this one, oldest first (fewer when the data is younger). */
  history: readonly number[];
  period: Period;
  now: Date;
};
export type SmartCriterion = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'time_bound';
export type SmartCheck = { criterion: SmartCriterion; passed: boolean; code: string }[];

/**
 * The SMART check of seed 001 第四讲:
 * - specific: the value lies within the metric's range and improves on the baseline (a target is a step forward);
 * - measurable: the metric has a baseline to measure from;
 * - achievable: the step from the baseline is no larger than twice the largest change between consecutive periods
 *   of the last four (a team that moved 3 points a quarter may aim for 6, not 20); without two periods of history the
 *   criterion passes with the code 'no_history' (nothing to judge by);
 * - relevant: always true here — every metric is one of the management loop's own (满意率 … 巡检得分);
 * - time_bound: the period ends after it starts and after today (a deadline still ahead).
 */
export function smartCheck(input: SmartInput): SmartCheck {
  const bounds = metricBounds(input.metric);
  const up = higherIsBetter(input.metric);
  const inRange = input.value >= bounds.min && input.value <= bounds.max;
  const improves = input.baseline === null || (up ? input.value > input.baseline : input.value < input.baseline);
  const changes = input.history.slice(1).map((value, index) => Math.abs(value - input.history[index]!));
  const largest = changes.length > 0 ? Math.max(...changes) : null;
  const step = input.baseline === null ? null : Math.abs(input.value - input.baseline);
  const achievable = largest === null || step === null ? true : step <= Math.max(2 * largest, 0.5);
  return [
    { criterion: 'specific', passed: inRange && improves, code: !inRange ? 'out_of_range' : improves ? 'ok' : 'no_improvement' },
    { criterion: 'measurable', passed: input.baseline !== null, code: input.baseline === null ? 'baseline_missing' : 'ok' },
    { criterion: 'achievable', passed: achievable, code: largest === null ? 'no_history' : achievable ? 'ok' : 'too_far' },
    { criterion: 'relevant', passed: true, code: 'ok' },
    {
      criterion: 'time_bound',
      passed: input.period.end.getTime() > input.period.start.getTime() && input.period.end.getTime() > input.now.getTime(),
      code: input.period.end.getTime() > input.now.getTime() ? 'ok' : 'deadline_passed',
    },
  ];
}

/** Progress towards a target from its baseline: 0 at the baseline, 1 when reached (capped to 0–1); null without data. */
export function targetProgress(metric: TargetMetric, baseline: number | null, value: number, actual: number | null): number | null {
  if (actual === null || baseline === null) return null;
  if (value === baseline) return 1;
  const share = (actual - baseline) / (value - baseline);
  return Math.max(0, Math.min(1, Math.round(share * 100) / 100));
}

/** On track when reached, or when progress is at least the share of the period already gone. */
export function onTrack(progress: number | null, period: Period, now: Date): boolean | null {
  if (progress === null) return null;
  const elapsed = (now.getTime() - period.start.getTime()) / (period.end.getTime() - period.start.getTime());
  return progress >= 1 || progress >= Math.max(0, Math.min(1, elapsed));
}
