/**
 * The five gaps of service quality (5 GAP model; Parasuraman, Zeithaml & Berry, "A conceptual model of
 * service quality and its implications for future research", Journal of Marketing 49(4), 1985), which seed
 * 001 第四讲 "服务质量5大差距分析" asks a project to analyse before it sets SMART targets and writes a SWOT
 * (理性分析 … SWOT工具). Every gap here is measured from records, never typed in:
 *
 *   gap 1  management's idea of owners' expectations vs owners' expectations (认知差距):
 *          per SERVQUAL dimension d, difference_d = predicted_d − expected_d, where predicted_d is the mean of the
 *          managers' questionnaire answers and expected_d the owners' mean expectation in the wave (mean of the
 *          dimension's item means); both on the 7-point scale (toSevenPoint). size = mean |difference_d| (points).
 *   gap 2  service standards vs the expectations understood (标准差距): an indicator has a standard when an
 *          inspection checklist checks it (the indicator names a post, core checklistForPost) or a journey
 *          touchpoint writes one for it; a dimension's weight (the company's 100 points) disagrees with owners'
 *          stated importance when they differ by more than `tolerance` percentage points, importance_d =
 *          (E_d − 1) / Σ(E − 1) × 100 with E the mean expectation on the 7-point scale (the expectation above the
 *          scale's floor: SERVQUAL's expectation battery is the owners' statement of what matters, 1991 revision).
 *          size = indicators without a standard + dimensions whose weight disagrees (a count).
 *   gap 3  delivery vs standards (传递差距): every check of delivery against a standard counts once — an
 *          inspection item checked (failed when deducted), a ticket bound by an SLA (failed when breached),
 *          an owner-facing text read by the red-line QA (failed when it crossed a red line).
 *          size = failed checks ÷ checks × 100 (%).
 *   gap 4  promises vs delivery (沟通差距): every promise to owners with a time — an appointment agreed for a
 *          visit, a CLEAR promise (承诺) on a complaint, the announced end of a planned or emergency outage, a
 *          works notice published before the works start (提前告知) — is kept or missed (promiseOutcome).
 *          size = missed ÷ (kept + missed) × 100 (%); promises still running are left out.
 *   gap 5  perception − expectation (感知差距, seed 004 满意 = 感知 − 期望): SERVQUAL's weighted gap (else
 *          the unweighted total) of the wave (metrics/servqual.ts), on the 7-point scale. Negative = short.
 */

/** A quarter, '2026-Q4': seed 002 reviews quality every quarter (季度检查). */
export type GapPeriod = string;
export const gapNumbers = [1, 2, 3, 4, 5] as const;
export type GapNumber = (typeof gapNumbers)[number];

const periodPattern = /^(\d{4})-Q([1-4])$/;
/** China Standard Time has no daylight saving: periods start at 00:00 in Shanghai, 16:00 UTC the day before. */
const shanghaiOffsetMs = 8 * 3_600_000;

export function isGapPeriod(value: string): boolean {
  return periodPattern.test(value);
}

/** The quarter a moment falls in, in Shanghai. */
export function periodOf(at: Date): GapPeriod {
  const local = new Date(at.getTime() + shanghaiOffsetMs);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** [start, end) of a quarter as instants. */
export function periodRange(period: GapPeriod): { start: Date; end: Date } {
  const match = periodPattern.exec(period);
  if (!match) throw new RangeError(`not a quarter: ${period}`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return {
    start: new Date(Date.UTC(year, (quarter - 1) * 3, 1) - shanghaiOffsetMs),
    end: new Date(Date.UTC(year, quarter * 3, 1) - shanghaiOffsetMs),
  };
}

/** The `count` quarters ending with `period`, oldest first. */
export function periodsUpTo(period: GapPeriod, count: number): GapPeriod[] {
  const match = periodPattern.exec(period);
  if (!match) throw new RangeError(`not a quarter: ${period}`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 1;
  return Array.from({ length: count }, (_, offset) => {
    const at = index - (count - 1 - offset);
    return `${Math.floor(at / 4)}-Q${(at % 4) + 1}`;
  });
}

/**
 * The stable key of one gap of one project in one quarter, `${projectId}:${period}:${gap}`, e.g.
 * '0192…:2026-Q4:3': action plans link to it.
 */
export function gapKey(projectId: string, period: GapPeriod, gap: GapNumber): string {
  return `${projectId}:${period}:${gap}`;
}

export function parseGapKey(key: string): { projectId: string; period: GapPeriod; gap: GapNumber } | null {
  const [projectId, period, gap, ...rest] = key.split(':');
  const number = Number(gap);
  if (rest.length > 0 || !projectId || !period || !isGapPeriod(period) || !gapNumbers.includes(number as GapNumber)) return null;
  return { projectId, period, gap: number as GapNumber };
}

/** A mean on a k-point scale (1…k) moved linearly onto 1…7, so waves of 5- and 7-point pairs compare. */
export function toSevenPoint(mean: number, scalePoints: number): number {
  if (scalePoints < 2) throw new RangeError('a scale has at least two points');
  return 1 + ((mean - 1) * 6) / (scalePoints - 1);
}

/** A difference on a k-point scale moved onto the 7-point scale (no offset: a gap of 0 stays 0). */
export function differenceOnSevenPoints(difference: number, scalePoints: number): number {
  if (scalePoints < 2) throw new RangeError('a scale has at least two points');
  return (difference * 6) / (scalePoints - 1);
}

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

export type PredictionItem = { code: string; predicted: number | null; expected: number | null; difference: number | null; answers: number };

/** Gap 1 (formula above). predictions: every manager's answer per dimension (1…7); expected: owners' means on 1…7. */
export function managementPerceptionGap(
  codes: readonly string[],
  predictions: readonly Readonly<Record<string, number>>[],
  expected: Readonly<Record<string, number | null>>,
): { items: PredictionItem[]; size: number | null; bias: number | null } {
  const items = codes.map((code): PredictionItem => {
    const answers = predictions.flatMap((answer) => (answer[code] === undefined ? [] : [answer[code]!]));
    const predicted = mean(answers);
    const owners = expected[code] ?? null;
    return { code, predicted, expected: owners, difference: predicted === null || owners === null ? null : predicted - owners, answers: answers.length };
  });
  const differences = items.flatMap((item) => (item.difference === null ? [] : [item.difference]));
  return { items, size: mean(differences.map(Math.abs)), bias: mean(differences) };
}

export type StandardsDimension = { code: string; weight: number; expectation: number | null };
export type StandardsIndicator = { code: string; dimensionCode: string; hasStandard: boolean };
export type WeightCheck = { code: string; weight: number; importance: number | null; difference: number | null; disagrees: boolean };

/** Gap 2 (formula above). weights are the dimensions' shares in percent; expectations on 1…7. */
export function standardsGap(
  dimensions: readonly StandardsDimension[],
  indicators: readonly StandardsIndicator[],
  tolerance = 5,
): { missing: string[]; weights: WeightCheck[]; size: number; distance: number | null } {
  const weightTotal = dimensions.reduce((sum, dimension) => sum + dimension.weight, 0);
  const known = dimensions.filter((dimension) => dimension.expectation !== null);
  // Importance only when owners stated expectations for every dimension: a share of some would overstate each.
  const lift = known.length === dimensions.length ? known.reduce((sum, dimension) => sum + Math.max(0, dimension.expectation! - 1), 0) : 0;
  const weights = dimensions.map((dimension): WeightCheck => {
    const weight = weightTotal > 0 ? (dimension.weight / weightTotal) * 100 : 0;
    const importance = lift > 0 && dimension.expectation !== null ? (Math.max(0, dimension.expectation - 1) / lift) * 100 : null;
    const difference = importance === null ? null : weight - importance;
    return { code: dimension.code, weight, importance, difference, disagrees: difference !== null && Math.abs(difference) > tolerance };
  });
  const missing = indicators.filter((indicator) => !indicator.hasStandard).map((indicator) => indicator.code);
  const differences = weights.flatMap((check) => (check.difference === null ? [] : [Math.abs(check.difference)]));
  return {
    missing,
    weights,
    size: missing.length + weights.filter((check) => check.disagrees).length,
    distance: differences.length === weights.length && differences.length > 0 ? differences.reduce((sum, value) => sum + value, 0) / 2 : null,
  };
}

export type CheckCount = { checks: number; failed: number };

/** Gap 3 (formula above): failed ÷ checks over inspections, SLA and red-line QA together, in percent. */
export function deliveryGap(sources: Readonly<Record<'inspections' | 'sla' | 'redLines', CheckCount>>): {
  size: number | null;
  checks: number;
  failed: number;
} {
  const parts = Object.values(sources);
  const checks = parts.reduce((sum, part) => sum + part.checks, 0);
  const failed = parts.reduce((sum, part) => sum + part.failed, 0);
  if (parts.some((part) => part.failed > part.checks || part.failed < 0)) throw new RangeError('more failures than checks');
  return { size: checks === 0 ? null : (failed / checks) * 100, checks, failed };
}

export type PromiseOutcome = 'kept' | 'missed' | 'pending';

/**
 * One promise: kept when fulfilled by the promised time plus `graceMs`, missed when fulfilled later or
 * when that time has passed unfulfilled, pending while it has not.
 */
export function promiseOutcome(promisedAt: Date, fulfilledAt: Date | null, now: Date, graceMs = 0): PromiseOutcome {
  const due = promisedAt.getTime() + graceMs;
  if (fulfilledAt) return fulfilledAt.getTime() <= due ? 'kept' : 'missed';
  return now.getTime() > due ? 'missed' : 'pending';
}

/** Gap 4 (formula above): missed ÷ decided promises, in percent. */
export function promiseGap(outcomes: readonly PromiseOutcome[]): { size: number | null; kept: number; missed: number; pending: number } {
  const count = (outcome: PromiseOutcome) => outcomes.filter((item) => item === outcome).length;
  const kept = count('kept');
  const missed = count('missed');
  return { size: kept + missed === 0 ? null : (missed / (kept + missed)) * 100, kept, missed, pending: count('pending') };
}

/**
 * Fewer answers than this from a project say too little to measure gaps 1, 2 and 5 (样本不足, as the results pages
 * say under 30, issue 15 §6): such a wave is passed over for the project's last wave that has enough.
 */
export const minimumWaveAnswers = 30;

export type GapTrendPoint = { period: GapPeriod; size: number | null };
export type WidenedGap = { gap: GapNumber; key: string; before: number; now: number; change: number };

/**
 * The gaps that widened since the previous quarter, for the weekly meeting (周例会, issue 18 §7): a gap widens when
 * its distance from no gap grows, |now| > |before|; gaps 1–4 are sizes (0 is no gap) and gap 5 is P − E, whose
 * shortfall is negative, so its magnitude is what matters too. A quarter without data on either side says nothing.
 */
export function widenedGaps(cards: readonly { gap: GapNumber; key: string; trend: readonly GapTrendPoint[] }[]): WidenedGap[] {
  const widened: WidenedGap[] = [];
  for (const card of cards) {
    const now = card.trend.at(-1)?.size;
    const before = card.trend.at(-2)?.size;
    if (now === null || now === undefined || before === null || before === undefined) continue;
    if (Math.abs(now) > Math.abs(before) + 1e-9) widened.push({ gap: card.gap, key: card.key, before, now, change: Math.round((now - before) * 1000) / 1000 });
  }
  return widened;
}
