/**
 * Scorecards (积分, issue 18 §4). Seed 002 (目标分解,考核跟进,项目内适度竞争,全面协作): targets are broken down to
 * every employee or team and followed up; for required service not done points are taken off (扣分), and when
 * deductions alone meet "强烈反弹" the assessment turns positive (加分); "但最终给员工的考核评价一定要有基本数据支持,
 * 让人口服心服" — every point here therefore comes from one record (a ticket, a return visit, a red-line finding, a
 * reviewed text, a 感动点, a learning record, an inspection item) that the person can open and object to.
 *
 * The rule is linear and per event: points(event) = weight(kind) × amount, where amount is 1 for every kind
 * except a 感动点, whose amount is the points the manager rewarded it with. A scorecard's total is the sum over its
 * events, so it can be kept as counts per person × month × kind (events, summed amounts) and recomputed with the
 * company's current weights without recounting a record. Bonus kinds carry weights ≥ 0 and deduction kinds ≤ 0, so
 * a company may tune how much each counts (数据说话) but cannot turn a deduction into a reward.
 */
import type { Label } from '../organisation/vocabulary';
import { vocabulary } from '../organisation/vocabulary';

/** Where a point's record lives; the console opens the ticket, finding, moment, learning record or inspection. */
export type ScoreRecordType = 'ticket' | 'finding' | 'review' | 'moment' | 'learning' | 'inspection';

type KindDefinition = { label: Label; sign: 'bonus' | 'deduction'; record: ScoreRecordType; weight: number; why: Label };

const kinds = {
  sla_met: {
    label: { 'zh-CN': '按时办结', 'en-US': 'Resolved within SLA' },
    sign: 'bonus',
    record: 'ticket',
    weight: 2,
    why: { 'zh-CN': '工单在时限内办结(处理人)', 'en-US': 'A ticket you handled was resolved within its deadline' },
  },
  sla_missed: {
    label: { 'zh-CN': '超时办结', 'en-US': 'Resolved late' },
    sign: 'deduction',
    record: 'ticket',
    weight: -3,
    why: { 'zh-CN': '工单超过时限才办结(处理人)', 'en-US': 'A ticket you handled was resolved after its deadline' },
  },
  visit_confirmed: {
    label: { 'zh-CN': '回访确认', 'en-US': 'Return visit confirmed' },
    sign: 'bonus',
    record: 'ticket',
    weight: 1,
    why: { 'zh-CN': '业主回访确认已解决', 'en-US': 'The owner confirmed the fix on the return visit' },
  },
  visit_rejected: {
    label: { 'zh-CN': '回访退回', 'en-US': 'Return visit rejected' },
    sign: 'deduction',
    record: 'ticket',
    weight: -2,
    why: { 'zh-CN': '业主回访不认可,工单重办', 'en-US': 'The owner rejected the fix; the ticket was reopened' },
  },
  rating_high: {
    label: { 'zh-CN': '业主好评', 'en-US': 'Owner rated 5' },
    sign: 'bonus',
    record: 'ticket',
    weight: 2,
    why: { 'zh-CN': '回访满意度 5 分', 'en-US': 'The owner rated the service 5 of 5' },
  },
  rating_low: {
    label: { 'zh-CN': '业主差评', 'en-US': 'Owner rated 1–2' },
    sign: 'deduction',
    record: 'ticket',
    weight: -3,
    why: { 'zh-CN': '回访满意度 1–2 分', 'en-US': 'The owner rated the service 1 or 2 of 5' },
  },
  red_line: {
    label: { 'zh-CN': '服务红线', 'en-US': 'Red line crossed' },
    sign: 'deduction',
    record: 'finding',
    weight: -5,
    why: { 'zh-CN': '对业主的文字触碰服务红线(未被驳回)', 'en-US': 'A text to an owner crossed a red line (finding not rejected)' },
  },
  qa_excellent: {
    label: { 'zh-CN': '质检优秀', 'en-US': 'QA review ≥ 90' },
    sign: 'bonus',
    record: 'review',
    weight: 2,
    why: { 'zh-CN': '抽检评分 90 分及以上', 'en-US': 'A sampled text was reviewed at 90 or more' },
  },
  qa_poor: {
    label: { 'zh-CN': '质检不合格', 'en-US': 'QA review < 60' },
    sign: 'deduction',
    record: 'review',
    weight: -2,
    why: { 'zh-CN': '抽检评分低于 60 分', 'en-US': 'A sampled text was reviewed below 60' },
  },
  delight: {
    label: { 'zh-CN': '感动点奖励', 'en-US': 'Delight moment reward' },
    sign: 'bonus',
    record: 'moment',
    weight: 1,
    why: { 'zh-CN': '经理为感动点加分(按奖励分数计)', 'en-US': 'A manager rewarded your delight moment (its points count)' },
  },
  training_lesson: {
    label: { 'zh-CN': '完成课时', 'en-US': 'Lesson completed' },
    sign: 'bonus',
    record: 'learning',
    weight: 1,
    why: { 'zh-CN': '学完一节培训课', 'en-US': 'A training lesson completed' },
  },
  training_passed: {
    label: { 'zh-CN': '测验/演练/话术练习通过', 'en-US': 'Quiz, drill or script practice passed' },
    sign: 'bonus',
    record: 'learning',
    weight: 2,
    why: { 'zh-CN': '测验、案例演练或话术练习合格', 'en-US': 'A quiz, case drill or script practice passed' },
  },
  inspection_deduction: {
    label: { 'zh-CN': '巡检扣分', 'en-US': 'Inspection deduction' },
    sign: 'deduction',
    record: 'inspection',
    weight: -1,
    why: { 'zh-CN': '品质巡检不合格项(按扣分计)', 'en-US': 'A failed inspection item (its deducted points count)' },
  },
  inspection_bonus: {
    label: { 'zh-CN': '巡检加分', 'en-US': 'Inspection bonus' },
    sign: 'bonus',
    record: 'inspection',
    weight: 1,
    why: { 'zh-CN': '品质巡检中超出标准的加分项(按加分计)', 'en-US': 'An inspection item done beyond the standard (its bonus points count)' },
  },
} as const satisfies Record<string, KindDefinition>;

export type ScoreKind = keyof typeof kinds;
export const scoreKinds = vocabulary(
  Object.fromEntries(Object.entries(kinds).map(([kind, definition]) => [kind, definition.label])) as Record<ScoreKind, Label>,
);

export function scoreKindSign(kind: ScoreKind): 'bonus' | 'deduction' {
  return kinds[kind].sign;
}
export function scoreKindRecord(kind: ScoreKind): ScoreRecordType {
  return kinds[kind].record;
}
/** Why a point of this kind was given, in words the person reads beside it. */
export function scoreKindWhy(kind: ScoreKind): Label {
  return kinds[kind].why;
}

/** Points per event of each kind (per rewarded point for 感动点 and per deducted or bonus point for inspections). */
export type ScoreRules = Record<ScoreKind, number>;

export const defaultScoreRules: ScoreRules = Object.fromEntries(Object.entries(kinds).map(([kind, definition]) => [kind, definition.weight])) as ScoreRules;

/** Largest weight a company may set, either way: one event never outweighs a month of ordinary work. */
export const maxScoreWeight = 20;

/**
 * A company's rules: the defaults with its overrides. An override of the wrong sign (a bonus made negative, a
 * deduction made positive) or outside ±maxScoreWeight is a problem named by kind, so the settings route can
 * refuse it field by field; unknown kinds are ignored.
 */
export function checkScoreRules(overrides: Partial<Record<string, number>>): { rules: ScoreRules; problems: { kind: ScoreKind; reason: 'sign' | 'range' }[] } {
  const rules = { ...defaultScoreRules };
  const problems: { kind: ScoreKind; reason: 'sign' | 'range' }[] = [];
  for (const kind of scoreKinds.values) {
    const value = overrides[kind];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || Math.abs(value) > maxScoreWeight) problems.push({ kind, reason: 'range' });
    else if (kinds[kind].sign === 'bonus' ? value < 0 : value > 0) problems.push({ kind, reason: 'sign' });
    else rules[kind] = value;
  }
  return { rules, problems };
}

/** Points of one event: weight × amount (amount 1 unless the record carries its own points). */
export function pointsOf(kind: ScoreKind, rules: ScoreRules, amount = 1): number {
  return rules[kind] * amount;
}

/** Counts of one kind for one person (and period): how many events and the sum of their amounts. */
export type KindCount = { kind: ScoreKind; events: number; amount: number };

export type ScoreTotals = {
  total: number;
  /** Sum of the positive points (加分). */
  bonus: number;
  /** Sum of the negative points (扣分), ≤ 0. */
  deduction: number;
  byKind: { kind: ScoreKind; events: number; points: number }[];
};

/**
 * A scorecard's totals from its counts: Σ weight(kind) × amount over the kinds (amount = events for every kind
 * whose records carry no points of their own). Kinds are listed in the vocabulary's order.
 */
export function scoreTotals(counts: readonly KindCount[], rules: ScoreRules): ScoreTotals {
  const byKind = new Map<ScoreKind, { events: number; points: number }>();
  for (const count of counts) {
    const entry = byKind.get(count.kind) ?? { events: 0, points: 0 };
    entry.events += count.events;
    entry.points += pointsOf(count.kind, rules, count.amount);
    byKind.set(count.kind, entry);
  }
  let bonus = 0;
  let deduction = 0;
  const rows = scoreKinds.values.flatMap((kind) => {
    const entry = byKind.get(kind);
    if (!entry) return [];
    if (entry.points >= 0) bonus += entry.points;
    else deduction += entry.points;
    return [{ kind, ...entry }];
  });
  return { total: bonus + deduction, bonus, deduction, byKind: rows };
}

export type RankedEntry<T> = T & { rank: number };

/**
 * Standard competition ranking (1, 2, 2, 4) by points, highest first; ties share a rank and are ordered by
 * the tie-breaker (name) so the list is stable. Seed 002 适度竞争: a ranking, but one a person can check.
 */
export function rankByPoints<T extends { points: number; name: string }>(entries: readonly T[]): RankedEntry<T>[] {
  const sorted = [...entries].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  return sorted.map((entry, index) => {
    if (index === 0 || entry.points !== sorted[index - 1]!.points) rank = index + 1;
    return { ...entry, rank };
  });
}

/** Fewer people than this in a project and its average is shown but marked as a small team (n shown beside it). */
export const minRankedTeam = 5;

/**
 * Across projects, fairly: a project's figure is its points per person (total ÷ n, the people who hold a
 * scorecard in it), never the raw total a bigger project would win by size; n travels with every row and a
 * project with fewer than minRankedTeam people is marked `small` (its average moves a lot with one person).
 */
export function projectAverage(total: number, people: number): { average: number | null; small: boolean } {
  if (people <= 0) return { average: null, small: true };
  return { average: Math.round((total / people) * 10) / 10, small: people < minRankedTeam };
}
