/**
 * The SLA deadline columns of one ticket (issue 3 §4), recomputed from scratch on every change:
 * the company's first matching policy, its working-hours calendar with holidays and 调休, and the
 * ticket's holds. Deadlines are derived, never the truth (core sla.ts), so a changed calendar or a
 * recorded hold moves them consistently. The sweep (sweep.ts) reads the stored columns.
 */
import {
  computeDeadlines, matchPolicy, openStatuses,
  type SlaTicket, type TicketChannel, type TicketPriority, type TicketStatus, type TicketType,
} from '@manyi/core';
import type { Executor, tickets } from '@manyi/db';
import { tenantCalendar } from './calendar-store';
import { holdPauses } from './pauses';
import { loadTenantPolicies } from './policy-store';

export type SlaDeadlineColumns = {
  responseDueAt: Date | null;
  arrivalDueAt: Date | null;
  resolutionDueAt: Date | null;
  nextUpdateDueAt: Date | null;
  visitDueAt: Date | null;
  slaPolicyCode: string | null;
  /** Always null: the deadlines changed, so the sweep must evaluate the ticket again (sweep.ts). */
  slaCheckAt: Date | null;
};

type TicketRow = typeof tickets.$inferSelect;

const noDeadlines: SlaDeadlineColumns = {
  responseDueAt: null, arrivalDueAt: null, resolutionDueAt: null, nextUpdateDueAt: null, visitDueAt: null, slaPolicyCode: null, slaCheckAt: null,
};

/** Nothing is owed on a ticket that is closed, cancelled or merged into another. */
const settledStatuses: readonly string[] = ['closed', 'cancelled', 'merged'];

/**
 * The deadline columns for the ticket's current state; spread the result into the UPDATE.
 * - A target already met (first response, arrival, resolution, return visit) has no deadline.
 * - A reopened ticket is open again: its resolution clock runs from the original report, so it
 *   is usually overdue at once, which is the point (seed 001 案例一).
 * - nextUpdateDueAt follows the policy's owner_update interval (complaints, emergencies and
 *   12345 referrals by default) from the last owner-visible update, until resolution.
 * - visitDueAt runs from resolution until the return visit (回访).
 * - On hold, the running hold counts as paused until its planned end, so the columns hold the
 *   deadlines that apply if the ticket resumes as planned; the sweep ignores held tickets.
 */
export async function applySlaDeadlines(db: Executor, ticket: TicketRow, now: Date): Promise<Partial<SlaDeadlineColumns>> {
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
  const policies = (await loadTenantPolicies(db, ticket.tenantId)).filter((policy) => policy.active);
  const policy = matchPolicy(slaTicket, policies);
  if (!policy) return noDeadlines;
  const [calendar, pauses] = await Promise.all([tenantCalendar(db, ticket.tenantId), holdPauses(db, ticket, now)]);
  const deadlines = computeDeadlines(slaTicket, policy, calendar, pauses);
  const due = (met: Date | null, deadline: { due: Date } | undefined) => (met || !deadline ? null : deadline.due);
  return {
    responseDueAt: due(ticket.firstResponseAt, deadlines.first_response),
    arrivalDueAt: due(ticket.arrivedAt, deadlines.on_site),
    resolutionDueAt: due(isOpen ? null : ticket.resolvedAt, deadlines.resolution),
    nextUpdateDueAt: isOpen ? due(null, deadlines.owner_update) : null,
    visitDueAt: ticket.status === 'resolved' ? due(ticket.visitedAt, deadlines.return_visit) : null,
    slaPolicyCode: policy.code,
    slaCheckAt: null,
  };
}
