/**
 * Service-level agreements (DESIGN §3 "SLA policy"): an ordered list of policies, the first whose
 * match fits the ticket wins, each giving targets in minutes on a calendar. Deadlines are derived,
 * never stored as truth, so a changed calendar or a newly recorded pause moves them consistently.
 */
import { type Label } from '../organisation/vocabulary';
import { type BusinessCalendar, type CalendarKind, type Pause, addBusinessTime, businessMinutesBetween, roundTheClock } from './calendar';
import { categoryMatchesPrefix } from './category-tree';
import { vocabulary } from '../organisation/vocabulary';
import { type TicketChannel, type TicketPriority, type TicketType } from './vocabulary';

export const slaTargetKinds = vocabulary({
  first_response: { 'zh-CN': '首次响应', 'en-US': 'First response' },
  on_site: { 'zh-CN': '到场', 'en-US': 'On-site arrival' },
  owner_update: { 'zh-CN': '进度告知', 'en-US': 'Owner progress update' },
  resolution: { 'zh-CN': '办结', 'en-US': 'Resolution' },
  return_visit: { 'zh-CN': '回访', 'en-US': 'Return visit' },
});
export type SlaTargetKind = (typeof slaTargetKinds.values)[number];

export type SlaTarget = { minutes: number; calendar: CalendarKind };

/** Every listed criterion must hold; an omitted or empty criterion matches anything. */
export type SlaMatch = {
  types?: readonly TicketType[];
  /** Category code prefixes on whole segments ('engineering.elevator' covers its leaves). */
  categoryPrefixes?: readonly string[];
  priorities?: readonly TicketPriority[];
  channels?: readonly TicketChannel[];
  projectIds?: readonly string[];
};

export type SlaPolicy = {
  code: string;
  name: Label;
  match: SlaMatch;
  targets: Partial<Record<SlaTargetKind, SlaTarget>>;
  /** Where the numbers come from, shown beside the policy so that nobody edits them blindly. */
  rationale: Label;
};

/** The ticket fields SLA rules read; the server maps its row to this. */
export type SlaTicket = {
  type: TicketType;
  categoryCode: string | null;
  priority: TicketPriority;
  channel: TicketChannel;
  projectId: string;
  reportedAt: Date;
  resolvedAt: Date | null;
  /** The last time the owner was told about progress; null when never. */
  lastOwnerUpdateAt: Date | null;
};

function fits<T>(allowed: readonly T[] | undefined, value: T): boolean {
  return !allowed || allowed.length === 0 || allowed.includes(value);
}

export function policyMatches(policy: SlaPolicy, ticket: SlaTicket): boolean {
  const { match } = policy;
  const prefixes = match.categoryPrefixes ?? [];
  const categoryFits =
    prefixes.length === 0 || (ticket.categoryCode !== null && prefixes.some((prefix) => categoryMatchesPrefix(ticket.categoryCode ?? '', prefix)));
  return (
    categoryFits &&
    fits(match.types, ticket.type) &&
    fits(match.priorities, ticket.priority) &&
    fits(match.channels, ticket.channel) &&
    fits(match.projectIds, ticket.projectId)
  );
}

/** First match wins, so tenants list exceptions (a VIP project, an emergency) before the rule. */
export function matchPolicy(ticket: SlaTicket, policies: readonly SlaPolicy[]): SlaPolicy | undefined {
  return policies.find((policy) => policyMatches(policy, ticket));
}

export type SlaDeadline = {
  target: SlaTargetKind;
  start: Date;
  due: Date;
  minutes: number;
  /** Kept with the deadline so that the share elapsed is measured on the same clock. */
  calendar: BusinessCalendar;
  pauses: readonly Pause[];
};

export type SlaDeadlines = Partial<Record<SlaTargetKind, SlaDeadline>>;

/** When each target's clock starts: the owner's clock starts when they told us, not when we read it. */
function clockStart(kind: SlaTargetKind, ticket: SlaTicket): Date | null {
  switch (kind) {
    case 'first_response':
    case 'on_site':
    case 'resolution':
      return ticket.reportedAt;
    case 'owner_update':
      // Seed 001 投诉升级防范 "全程跟进-加大沟通频率": the next update is due one interval after the
      // last, until the ticket is resolved.
      return ticket.resolvedAt ? null : (ticket.lastOwnerUpdateAt ?? ticket.reportedAt);
    case 'return_visit':
      return ticket.resolvedAt;
  }
}

/**
 * The deadline of every target the policy sets, given the tenant's working-hours calendar
 * (targets on '24x7' ignore it) and the ticket's pauses. For a hold still running, pass the
 * pause with `to = now`: the deadlines are then those that apply if the ticket resumes now, and
 * the time left is frozen as it should be.
 */
export function computeDeadlines(ticket: SlaTicket, policy: SlaPolicy, calendar: BusinessCalendar, pauses: readonly Pause[] = []): SlaDeadlines {
  const deadlines: SlaDeadlines = {};
  for (const kind of slaTargetKinds.values) {
    const target = policy.targets[kind];
    const start = clockStart(kind, ticket);
    if (!target || !start) continue;
    const clock = target.calendar === '24x7' ? roundTheClock : calendar;
    deadlines[kind] = { target: kind, start, due: addBusinessTime(start, target.minutes, clock, pauses), minutes: target.minutes, calendar: clock, pauses };
  }
  return deadlines;
}

export type SlaState = 'ok' | 'warning' | 'breached';

export const slaStates = vocabulary({
  ok: { 'zh-CN': '正常', 'en-US': 'On track' },
  warning: { 'zh-CN': '即将超时', 'en-US': 'Due soon' },
  breached: { 'zh-CN': '已超时', 'en-US': 'Overdue' },
});

/** Warn once 80% of the target has elapsed: late enough not to cry wolf, early enough to act. */
export const defaultWarnShare = 0.8;

/**
 * Where a clock stands at `now`. The share elapsed is counted in business minutes on the
 * deadline's own calendar, so a Friday-evening repair does not turn amber over the weekend.
 * To judge whether a target was met, pass the moment it was met as `now`.
 */
export function slaState(deadline: SlaDeadline, now: Date, warnShare: number = defaultWarnShare): SlaState {
  if (!(warnShare > 0 && warnShare <= 1)) throw new RangeError(`warnShare must be in (0, 1], got ${warnShare}`);
  if (now.getTime() >= deadline.due.getTime()) return 'breached';
  if (deadline.minutes === 0) return 'ok';
  const elapsed = businessMinutesBetween(deadline.start, now, deadline.calendar, deadline.pauses);
  return elapsed / deadline.minutes >= warnShare ? 'warning' : 'ok';
}

/** Business minutes left before the deadline (negative once overdue), for countdowns on screen. */
export function minutesRemaining(deadline: SlaDeadline, now: Date): number {
  return businessMinutesBetween(now, deadline.due, deadline.calendar, deadline.pauses);
}
