/**
 * Patterns that a single ticket does not show (DESIGN §1 "repeat-issue and group-complaint
 * detection; overdue ageing"). Seed 001's cases are the motivation: 案例一 a leak reported again
 * and again for months, 案例二 repeated complaints about falling objects, and the 群体恶性投诉
 * that grows when several households share one grievance and nobody connects their calls.
 */
import { categoryMatchesPrefix } from './category-tree';
import { vocabulary } from '../organisation/vocabulary';
import { type TicketStatus, type TicketType, openStatuses } from './vocabulary';

const dayMilliseconds = 24 * 60 * 60 * 1000;
const hourMilliseconds = 60 * 60 * 1000;

/** The ticket fields detection reads. */
export type DetectionTicket = {
  id: string;
  type: TicketType;
  status: TicketStatus;
  projectId: string;
  unitId: string | null;
  householdId: string | null;
  categoryCode: string | null;
  reportedAt: Date;
  reopenCount: number;
};

export type RepeatReason = 'same_unit_and_category' | 'reopened';

export type RepeatIssue = { isRepeat: boolean; reasons: RepeatReason[]; earlierTicketIds: string[] };

/**
 * A ticket is a repeat issue when the same unit reported the same category in the 30 days before
 * it, or when it has been reopened. Thirty days is the usual window of Chinese property quality
 * audits (返修率 is counted per month); it is a parameter.
 */
export function detectRepeatIssue(ticket: DetectionTicket, history: readonly DetectionTicket[], windowDays = 30): RepeatIssue {
  const reasons: RepeatReason[] = [];
  const windowStart = ticket.reportedAt.getTime() - windowDays * dayMilliseconds;
  const earlier =
    ticket.unitId === null || ticket.categoryCode === null
      ? []
      : history.filter(
          (other) =>
            other.id !== ticket.id &&
            other.status !== 'cancelled' &&
            other.unitId === ticket.unitId &&
            other.categoryCode === ticket.categoryCode &&
            other.reportedAt.getTime() >= windowStart &&
            other.reportedAt.getTime() <= ticket.reportedAt.getTime(),
        );
  if (earlier.length > 0) reasons.push('same_unit_and_category');
  if (ticket.reopenCount > 0) reasons.push('reopened');
  return { isRepeat: reasons.length > 0, reasons, earlierTicketIds: earlier.map((other) => other.id) };
}

export type GroupComplaintOptions = {
  /** K: distinct households needed to call it a group. */
  minimumHouseholds?: number;
  /** T: how close in time their reports must be. */
  windowHours?: number;
  /**
   * Owners often log a shared grievance as a repair or a common-area report first (停水, 电梯),
   * so repairs count by default; a group incident is about the issue, not the form used.
   */
  types?: readonly TicketType[];
  /** Match on a category prefix, e.g. 'engineering.elevator', instead of the exact leaf. */
  categoryDepth?: number;
};

export type GroupComplaintCluster = {
  projectId: string;
  categoryCode: string;
  ticketIds: string[];
  householdIds: string[];
  from: Date;
  to: Date;
};

/**
 * Five households within 24 hours is a common threshold for 群体投诉 in property companies'
 * complaint rules; both numbers are parameters.
 */
export const defaultGroupComplaintOptions: Required<GroupComplaintOptions> = {
  minimumHouseholds: 5,
  windowHours: 24,
  types: ['complaint', 'repair', 'common_area'],
  categoryDepth: Number.POSITIVE_INFINITY,
};

function groupingCode(categoryCode: string, depth: number): string {
  return categoryCode.split('.').slice(0, depth).join('.');
}

/**
 * Clusters of at least K distinct households reporting the same category in the same project
 * within any T-hour window. Overlapping qualifying windows are merged into one cluster, so a
 * grievance that keeps spreading over two days is one incident, not several.
 */
export function findGroupComplaints(tickets: readonly DetectionTicket[], options: GroupComplaintOptions = {}): GroupComplaintCluster[] {
  const settings = { ...defaultGroupComplaintOptions, ...options };
  if (settings.minimumHouseholds < 1 || settings.windowHours <= 0) throw new RangeError('Group detection needs K ≥ 1 and T > 0');
  const windowMilliseconds = settings.windowHours * hourMilliseconds;
  const groups = new Map<string, DetectionTicket[]>();
  for (const ticket of tickets) {
    if (!settings.types.includes(ticket.type) || ticket.status === 'cancelled') continue;
    if (ticket.categoryCode === null || ticket.householdId === null) continue;
    const key = `${ticket.projectId}\u0001${groupingCode(ticket.categoryCode, settings.categoryDepth)}`;
    groups.set(key, [...(groups.get(key) ?? []), ticket]);
  }

  const clusters: GroupComplaintCluster[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
    const households = new Map<string, number>();
    const ranges: [number, number][] = [];
    let first = 0;
    sorted.forEach((ticket, last) => {
      const household = ticket.householdId ?? '';
      households.set(household, (households.get(household) ?? 0) + 1);
      for (; ticket.reportedAt.getTime() - (sorted[first]?.reportedAt.getTime() ?? 0) > windowMilliseconds; first += 1) {
        const leaving = sorted[first]?.householdId ?? '';
        const count = (households.get(leaving) ?? 0) - 1;
        if (count === 0) households.delete(leaving);
        else households.set(leaving, count);
      }
      if (households.size < settings.minimumHouseholds) return;
      const previous = ranges.at(-1);
      if (previous && first <= previous[1]) previous[1] = last;
      else ranges.push([first, last]);
    });
    for (const [from, to] of ranges) {
      const members = sorted.slice(from, to + 1);
      const head = members[0];
      const tail = members.at(-1);
      if (!head || !tail) continue;
      clusters.push({
        projectId: head.projectId,
        categoryCode: groupingCode(head.categoryCode ?? '', settings.categoryDepth),
        ticketIds: members.map((member) => member.id),
        householdIds: [...new Set(members.map((member) => member.householdId ?? ''))],
        from: head.reportedAt,
        to: tail.reportedAt,
      });
    }
  }
  return clusters.sort((a, b) => a.from.getTime() - b.from.getTime());
}

export const ageingBuckets = vocabulary({
  within_3_days: { 'zh-CN': '3天内', 'en-US': 'Up to 3 days' },
  over_3_days: { 'zh-CN': '超3天', 'en-US': 'Over 3 days' },
  over_7_days: { 'zh-CN': '超7天', 'en-US': 'Over 7 days' },
  over_15_days: { 'zh-CN': '超15天', 'en-US': 'Over 15 days' },
  over_30_days: { 'zh-CN': '超30天', 'en-US': 'Over 30 days' },
});
export type AgeingBucket = (typeof ageingBuckets.values)[number];

const bucketThresholds: readonly { bucket: AgeingBucket; days: number }[] = [
  { bucket: 'over_30_days', days: 30 },
  { bucket: 'over_15_days', days: 15 },
  { bucket: 'over_7_days', days: 7 },
  { bucket: 'over_3_days', days: 3 },
];

/**
 * Age in calendar days since the owner reported it, because that is how the owner counts
 * ("反映好几个月了"), whatever the SLA calendar says. Strictly more than N days falls in "over N".
 */
export function ageingBucket(reportedAt: Date, now: Date): AgeingBucket {
  const ageDays = (now.getTime() - reportedAt.getTime()) / dayMilliseconds;
  return bucketThresholds.find((threshold) => ageDays > threshold.days)?.bucket ?? 'within_3_days';
}

/** Ids of still-open tickets per ageing bucket (counts are the lengths), optionally within one category branch. */
export function ageingReport(tickets: readonly DetectionTicket[], now: Date, categoryPrefix?: string): Record<AgeingBucket, string[]> {
  const report = Object.fromEntries(ageingBuckets.values.map((bucket) => [bucket, [] as string[]])) as Record<AgeingBucket, string[]>;
  for (const ticket of tickets) {
    if (!openStatuses.includes(ticket.status)) continue;
    if (categoryPrefix && !(ticket.categoryCode && categoryMatchesPrefix(ticket.categoryCode, categoryPrefix))) continue;
    report[ageingBucket(ticket.reportedAt, now)].push(ticket.id);
  }
  return report;
}
