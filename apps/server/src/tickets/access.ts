import {
  finalStatuses,
  refusalReasons,
  type RefusalCode,
  type Refusal,
  type TicketActor,
  type TicketSnapshot,
  type TicketStatus,
  type TicketType,
} from '@manyi/core';
import type { Executor } from '@manyi/db';
import { findClearRecord, findRecoveryRecord } from './complaint-records';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { inScope } from '../policy/policy';
import type { StaffPrincipal } from '../http/principal';
import { findTicketRow, type TicketRow } from './repository';
import { ticketMessages } from './messages';

/** The ticket if it is in the caller's company and projects; anything else is "not found" (no probing). */
export async function ticketInScope(context: Context, id: string, db: Executor = context.db): Promise<TicketRow> {
  const ticket = await findTicketRow(db, context.principal.tenantId, id);
  if (!ticket || !inScope(context.principal, ticket.projectId)) throw notFound();
  return ticket;
}

export function staffActor(principal: StaffPrincipal): TicketActor {
  return { kind: 'staff', userId: principal.staffId, roles: principal.roles };
}

/** What the state machine needs, with the complaint records it checks before a complaint may resolve. */
export async function snapshotOf(db: Executor, ticket: TicketRow): Promise<TicketSnapshot> {
  const [clear, recovery] =
    ticket.type === 'complaint'
      ? await Promise.all([findClearRecord(db, ticket.tenantId, ticket.id), findRecoveryRecord(db, ticket.tenantId, ticket.id)])
      : [undefined, undefined];
  return {
    id: ticket.id,
    type: ticket.type as TicketType,
    status: ticket.status as TicketStatus,
    statusBeforeHold: ticket.statusBeforeHold as TicketStatus | null,
    assigneeId: ticket.assigneeId,
    reporterPersonId: ticket.reporterPersonId,
    reopenCount: ticket.reopenCount,
    visitRequired: ticket.visitRequired,
    clearRecord: clear ?? null,
    recoveryRecord: recovery ?? null,
  };
}

const forbiddenRefusals: readonly RefusalCode[] = ['role_not_allowed', 'owner_not_allowed', 'not_reporter', 'not_assignee'];
const conflictRefusals: readonly RefusalCode[] = ['ticket_closed', 'ticket_final', 'invalid_transition', 'hold_origin_unknown', 'return_visit_required'];

/**
 * A refusal of the state machine as problem+json with its bilingual message: 403 when the person
 * may not, 409 when the ticket's status does not allow it, 422 when information is missing.
 */
export function refusalProblem(refusal: Refusal): HttpProblem {
  const status = forbiddenRefusals.includes(refusal.code) ? 403 : conflictRefusals.includes(refusal.code) ? 409 : 422;
  return new HttpProblem(status, refusal.code, refusal.labels);
}

/** Closed, cancelled and merged tickets are history: their fields are no longer edited. */
export function requireEditable(ticket: TicketRow): void {
  if (!finalStatuses.includes(ticket.status as TicketStatus)) return;
  const code: RefusalCode = ticket.status === 'closed' ? 'ticket_closed' : 'ticket_final';
  throw new HttpProblem(409, code, refusalReasons.labels[code]);
}

export function requireVersion(ticket: TicketRow, version: number | undefined): void {
  if (version !== undefined && version !== ticket.version) throw staleTicket();
}

export const staleTicket = () => new HttpProblem(409, 'ticket_stale', ticketMessages.ticket_stale);
