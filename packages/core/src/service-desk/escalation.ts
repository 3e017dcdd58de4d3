/**
 * The escalation ladder of DESIGN §3: steward → project manager → quality department / region →
 * company. A breached clock climbs one rung after another as the breach ages, so that a problem
 * like seed 001 案例一 (a garage leak reported for months) cannot stay at the bottom of the ladder.
 *
 * Pure: the server's sweep asks which levels a ticket has reached and writes one notification row
 * per (ticket, target, level), guarded by a unique constraint, so repeated sweeps stay silent.
 */
import { businessMinutesBetween } from './calendar';
import { vocabulary } from '../organisation/vocabulary';
import { type SlaDeadline } from './sla';

export const escalationLevels = vocabulary({
  steward: { 'zh-CN': '客服管家', 'en-US': 'Steward' },
  project_manager: { 'zh-CN': '项目经理', 'en-US': 'Project manager' },
  quality_region: { 'zh-CN': '品质部/区域', 'en-US': 'Quality department / region' },
  company: { 'zh-CN': '公司', 'en-US': 'Company' },
});
export type EscalationLevel = (typeof escalationLevels.values)[number];

/** A rung is reached once the breach is at least this many minutes old. */
export type EscalationStep = { level: EscalationLevel; afterBreachMinutes: number };

/**
 * Default ladder: the steward owns the ticket until it breaches; the project manager hears at
 * once, the quality department after a day overdue, the company after three. Configurable.
 */
export const defaultEscalationLadder: readonly EscalationStep[] = [
  { level: 'project_manager', afterBreachMinutes: 0 },
  { level: 'quality_region', afterBreachMinutes: 24 * 60 },
  { level: 'company', afterBreachMinutes: 72 * 60 },
];

/**
 * For safety emergencies, 12345 referrals and group complaints, where hours matter: seed 001
 * (群体恶性投诉应对) asks leadership to step in before things spread.
 */
export const urgentEscalationLadder: readonly EscalationStep[] = [
  { level: 'project_manager', afterBreachMinutes: 0 },
  { level: 'quality_region', afterBreachMinutes: 60 },
  { level: 'company', afterBreachMinutes: 4 * 60 },
];

function checkLadder(ladder: readonly EscalationStep[]): void {
  ladder.forEach((step, index) => {
    const previous = ladder[index - 1];
    if (!(step.afterBreachMinutes >= 0)) throw new RangeError('Escalation steps need a non-negative breach age');
    if (previous && step.afterBreachMinutes < previous.afterBreachMinutes) throw new RangeError('Escalation steps must be in ascending breach age');
  });
}

/**
 * Every rung reached by a breach of this age, lowest first. Not yet breached (age < 0, or null)
 * leaves the ticket with the steward.
 */
export function escalationLevelsReached(breachAgeMinutes: number | null, ladder: readonly EscalationStep[] = defaultEscalationLadder): EscalationLevel[] {
  checkLadder(ladder);
  if (breachAgeMinutes === null || breachAgeMinutes < 0) return ['steward'];
  return ['steward', ...ladder.filter((step) => breachAgeMinutes >= step.afterBreachMinutes).map((step) => step.level)];
}

/** The highest rung reached: who must now own the problem. */
export function escalationLevel(breachAgeMinutes: number | null, ladder: readonly EscalationStep[] = defaultEscalationLadder): EscalationLevel {
  return escalationLevelsReached(breachAgeMinutes, ladder).at(-1) ?? 'steward';
}

/**
 * How long a deadline has been overdue, in business minutes on its own calendar and excluding its
 * pauses, so that a working-hours ticket does not climb the ladder over a weekend; negative
 * while time is left.
 */
export function breachAgeMinutes(deadline: SlaDeadline, now: Date): number {
  return businessMinutesBetween(deadline.due, now, deadline.calendar, deadline.pauses);
}
