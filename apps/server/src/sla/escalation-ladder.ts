import { defaultEscalationLadder, urgentEscalationLadder, type EscalationLevel, type EscalationStep, type StaffRole } from '@manyi/core';

/** Rungs as stored in tickets.escalation_level and ticket_alerts.level: steward(0) … company(3). */
export const rungOf: Record<EscalationLevel, number> = { steward: 0, project_manager: 1, quality_region: 2, company: 3 };

/** Who is told at each rung: the console bell filters by these roles. */
export const recipientRoleOfRung: readonly StaffRole[] = ['steward', 'manager', 'quality', 'admin'];

/** Breach ages (minutes) at which rungs 1, 2 and 3 are reached, for the sweep's SQL. */
export type LadderMinutes = [number, number, number];

export function ladderMinutes(ladder: readonly EscalationStep[]): LadderMinutes {
  const at = (level: EscalationLevel) => ladder.find((step) => step.level === level)?.afterBreachMinutes ?? Number.MAX_SAFE_INTEGER;
  return [at('project_manager'), at('quality_region'), at('company')];
}

/**
 * The default ladder for most tickets; the urgent one (hours, not days) for safety emergencies,
 * 12345 referrals and group complaints, as core escalation.ts recommends.
 */
export const ladders = { normal: ladderMinutes(defaultEscalationLadder), urgent: ladderMinutes(urgentEscalationLadder) };
export const urgentPolicyCodes = ['safety', 'gov_12345'];
