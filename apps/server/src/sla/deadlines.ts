/**
 * The SLA deadline columns of one ticket (issue 3 §4), recomputed from scratch on every change:
 * the company's first matching policy, its working-hours calendar with holidays and 调休, and the
 * ticket's holds. Deadlines are derived, never the truth (core sla.ts), so a changed calendar or a
 * recorded hold moves them consistently. The sweep (sweep.ts) reads the stored columns.
 */
import {
  computeDeadlines,
  matchPolicy,
  openStatuses,
  type BusinessCalendar,
  type Pause,
  type SlaDeadlines,
  type SlaTicket,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '@manyi/core';
import type { Executor, tickets } from '@manyi/db';
import { versionedCache } from '../company-version/cache';
import { tenantCalendar } from './calendar-store';
import { holdPauses } from './pauses';
import { loadTenantPolicies, type TenantSlaPolicy } from './policy-store';

export type SlaDeadlineColumns = {
  responseDueAt: Date | null;
  arrivalDueAt: Date | null;
  resolutionDueAt: Date | null;
  nextUpdateDueAt: Date | null;
  visitDueAt: Date | null;
  slaPolicyCode: string | null;
  /** Always null: the deadlines changed, so the sweep must evaluate the ticket again (sweep.ts). */
  slaCheckAt: Date | null;
  /** Outcomes kept after the deadlines are cleared (SLA compliance); see outcomeColumns. */
  resolutionMet: boolean | null;
  arrivalMet: boolean | null;
};

type TicketRow = typeof tickets.$inferSelect;

/** What every ticket of a company is measured against; loaded once for a batch of tickets. */
export type SlaInputs = { policies: readonly TenantSlaPolicy[]; calendar: BusinessCalendar };

const noDeadlines = {
  responseDueAt: null,
  arrivalDueAt: null,
  resolutionDueAt: null,
  nextUpdateDueAt: null,
  visitDueAt: null,
  slaPolicyCode: null,
  slaCheckAt: null,
} satisfies Partial<SlaDeadlineColumns>;

/** Nothing is owed on a ticket that is closed, cancelled or merged into another. */
const settledStatuses: readonly string[] = ['closed', 'cancelled', 'merged'];

export async function loadSlaInputs(db: Executor, tenantId: string): Promise<SlaInputs> {
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on it.
  const policies = await loadTenantPolicies(db, tenantId);
  const calendar = await tenantCalendar(db, tenantId);
  return { policies: policies.filter((policy) => policy.active), calendar };
}

/** loadSlaInputs from memory while the company's settings version stands (company-version/cache.ts). */
export const slaInputsOf: (db: Executor, tenantId: string, knownVersion?: number) => Promise<SlaInputs> = versionedCache(loadSlaInputs);

/**
 * The deadline columns for the ticket's current state; spread the result into the UPDATE.
 * - A target already met (first response, arrival, resolution, return visit) has no deadline.
 * - A reopened ticket is open again: its resolution clock runs from the original report, so it
 *   is usually overdue at once, which is the point (seed 001 案例一).
 * - nextUpdateDueAt follows the policy's owner_update interval (complaints, emergencies and
 *   12345 referrals by default) from the last owner-visible update, until resolution.
 * - visitDueAt runs from resolution until the return visit (回访), if the ticket owes one
 *   (tickets.visit_required, decided at resolution by the company's return-visit policy).
 * - On hold, the running hold counts as paused until its planned end, so the columns hold the
 *   deadlines that apply if the ticket resumes as planned; the sweep ignores held tickets.
 */
export async function applySlaDeadlines(db: Executor, ticket: TicketRow, now: Date): Promise<Partial<SlaDeadlineColumns>> {
  if (settledStatuses.includes(ticket.status)) return { ...noDeadlines, slaPolicyCode: ticket.slaPolicyCode };
  const inputs = await loadSlaInputs(db, ticket.tenantId);
  const pauses = await holdPauses(db, ticket, now);
  return deadlineColumns(ticket, inputs, pauses);
}

/** What deadlineColumns reads of a ticket. */
type DeadlineState = Pick<
  TicketRow,
  | 'status'
  | 'type'
  | 'categoryCode'
  | 'priority'
  | 'channel'
  | 'projectId'
  | 'reportedAt'
  | 'resolvedAt'
  | 'lastOwnerUpdateAt'
  | 'firstResponseAt'
  | 'arrivedAt'
  | 'visitRequired'
  | 'visitedAt'
  | 'slaPolicyCode'
  | 'resolutionMet'
>;

/** The deadlines of a ticket just received: nothing met yet, no holds. */
export function receiptDeadlines(
  ticket: Pick<TicketRow, 'type' | 'categoryCode' | 'priority' | 'channel' | 'projectId' | 'reportedAt'>,
  inputs: SlaInputs,
): Partial<SlaDeadlineColumns> {
  return deadlineColumns(
    {
      ...ticket,
      status: 'new',
      resolvedAt: null,
      lastOwnerUpdateAt: null,
      firstResponseAt: null,
      arrivedAt: null,
      visitRequired: true,
      visitedAt: null,
      slaPolicyCode: null,
      resolutionMet: null,
    },
    inputs,
    [],
  );
}

/** applySlaDeadlines without the reads, for recomputing many tickets of one company (recompute.ts). */
export function deadlineColumns(ticket: DeadlineState, inputs: SlaInputs, pauses: readonly Pause[]): Partial<SlaDeadlineColumns> {
  if (settledStatuses.includes(ticket.status)) return { ...noDeadlines, slaPolicyCode: ticket.slaPolicyCode };
  const isOpen = openStatuses.includes(ticket.status as TicketStatus);
  const slaTicket: SlaTicket = {
    type: ticket.type as TicketType,
    categoryCode: ticket.categoryCode,
    priority: ticket.priority as TicketPriority,
    channel: ticket.channel as TicketChannel,
    projectId: ticket.projectId,
    reportedAt: ticket.reportedAt,
    resolvedAt: isOpen ? null : ticket.resolvedAt,
    lastOwnerUpdateAt: ticket.lastOwnerUpdateAt,
  };
  const policy = matchPolicy(slaTicket, inputs.policies);
  if (!policy) return { ...noDeadlines, ...outcomeColumns(ticket, {}, isOpen) };
  const deadlines = computeDeadlines(slaTicket, policy, inputs.calendar, pauses);
  const due = (met: Date | null, deadline: { due: Date } | undefined) => (met || !deadline ? null : deadline.due);
  return {
    responseDueAt: due(ticket.firstResponseAt, deadlines.first_response),
    arrivalDueAt: due(ticket.arrivedAt, deadlines.on_site),
    resolutionDueAt: due(isOpen ? null : ticket.resolvedAt, deadlines.resolution),
    nextUpdateDueAt: isOpen ? due(null, deadlines.owner_update) : null,
    visitDueAt: ticket.status === 'resolved' && ticket.visitRequired ? due(ticket.visitedAt, deadlines.return_visit) : null,
    slaPolicyCode: policy.code,
    slaCheckAt: null,
    ...outcomeColumns(ticket, deadlines, isOpen),
  };
}

const within = (at: Date, deadline: { due: Date } | undefined) => (deadline ? at.getTime() <= deadline.due.getTime() : null);

/**
 * Whether arrival and resolution were in time (SLA compliance, tickets/stats.ts). The deadline
 * columns are cleared once a target is met, so the outcome is written beside them:
 * - open: no resolution outcome yet; arrival is judged as soon as it is recorded;
 * - resolved (or visited): judged once, at resolution, and then kept, so a later policy or calendar
 *   change does not rewrite last month's compliance; a reopen clears both and the next resolution
 *   judges again. A ticket resolved without a recorded arrival counts its resolution as the arrival.
 *   (A policy without a resolution target leaves resolutionMet null, so such tickets are judged
 *   again on each change; none of the defaults lacks one.)
 */
function outcomeColumns(ticket: DeadlineState, deadlines: SlaDeadlines, isOpen: boolean): Partial<SlaDeadlineColumns> {
  if (isOpen) return { resolutionMet: null, arrivalMet: ticket.arrivedAt ? within(ticket.arrivedAt, deadlines.on_site) : null };
  // Arrival may already be judged while open, so only a recorded resolution outcome freezes both.
  if (ticket.resolutionMet !== null) return {};
  if (!ticket.resolvedAt) return { resolutionMet: null, arrivalMet: null };
  return { resolutionMet: within(ticket.resolvedAt, deadlines.resolution), arrivalMet: within(ticket.arrivedAt ?? ticket.resolvedAt, deadlines.on_site) };
}
