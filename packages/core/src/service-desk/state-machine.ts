/**
 * The ticket status machine of DESIGN §3:
 *
 *   new → accepted → assigned → in_progress → resolved → visited → closed
 *
 * A ticket that owes no return visit under the company's policy (return-visit.ts) may also be
 * closed straight from resolved by staff; the owner may still confirm it on the H5 page first.
 * plus on_hold (clock paused, back to where it came from), reopened (owner rejects or the issue
 * recurs), cancelled and merged. `nextStatus` is pure: the server loads a snapshot, asks, and on
 * success writes the new status and carries out the effects in one transaction.
 */
import { type StaffRole } from '../organisation/vocabulary';
import { type ClearRecord, type RecoveryRecord, clearSteps, listLabels, missingClearSteps, missingRecoveryParts, recoveryParts } from './complaint-records';
import { label } from './labels';
import { type Refusal, refuse } from './refusals';
import { assigneeOnlyActions, ownerActions, rolesFor } from './ticket-permissions';
import { type TicketAction, type TicketStatus, type TicketType, ticketActions, ticketStatuses } from './vocabulary';

/** What the machine needs to know about a ticket; the server maps its row to this. */
export type TicketSnapshot = {
  id: string;
  type: TicketType;
  status: TicketStatus;
  /** Set while on hold, so that resume returns to accepted, assigned or in_progress. */
  statusBeforeHold: TicketStatus | null;
  assigneeId: string | null;
  reporterPersonId: string | null;
  reopenCount: number;
  /** Whether the resolved ticket owes a return visit (decided at resolution); closing waits for it if so. */
  visitRequired: boolean;
  clearRecord: ClearRecord | null;
  recoveryRecord: RecoveryRecord | null;
};

export type TicketActor = { kind: 'staff'; userId: string; roles: readonly StaffRole[] } | { kind: 'owner'; personId: string };

export type VisitOutcome = 'confirmed' | 'rejected';
export type ReopenReason = 'owner_rejected' | 'recurred';

export type TicketCommand =
  | { action: 'accept' }
  | { action: 'assign'; assigneeId: string }
  | { action: 'start' }
  | { action: 'hold'; reason: string; resumeAt: Date | null }
  | { action: 'resume' }
  | { action: 'resolve' }
  | { action: 'visit'; outcome: VisitOutcome; note?: string }
  | { action: 'close' }
  | { action: 'reopen'; reason: ReopenReason; note: string }
  | { action: 'cancel'; reason: string }
  | { action: 'merge'; intoTicketId: string };

/** What the server must do besides writing the status; each maps to a row or a notification. */
export type TicketEffect =
  | { kind: 'record_first_response' }
  | { kind: 'record_on_site_arrival' }
  | { kind: 'set_assignee'; assigneeId: string }
  | { kind: 'pause_clocks'; reason: string; resumeAt: Date; statusBeforeHold: TicketStatus }
  | { kind: 'resume_clocks' }
  | { kind: 'start_return_visit_clock' }
  | { kind: 'record_visit_outcome'; outcome: VisitOutcome }
  | { kind: 'set_reopen_count'; reopenCount: number }
  | { kind: 'flag_repeat_issue' }
  | { kind: 'link_to_ticket'; ticketId: string }
  | { kind: 'stop_clocks' }
  | { kind: 'notify_owner'; about: 'assigned' | 'on_hold' | 'resumed' | 'resolved' | 'reopened' | 'cancelled' | 'merged' };

export type Transition = { ok: true; status: TicketStatus; effects: TicketEffect[] };

const beforeWork: readonly TicketStatus[] = ['new', 'accepted', 'assigned', 'in_progress', 'on_hold', 'reopened'];

/** The statuses each action starts from; the resulting status is decided in `apply`. */
export const actionSources: Record<TicketAction, readonly TicketStatus[]> = {
  accept: ['new'],
  // Reassigning (转派) from assigned or in_progress puts the ticket back in the new assignee's queue.
  assign: ['accepted', 'assigned', 'in_progress', 'reopened'],
  start: ['assigned', 'reopened'],
  hold: ['accepted', 'assigned', 'in_progress'],
  resume: ['on_hold'],
  resolve: ['accepted', 'in_progress'],
  visit: ['resolved'],
  // From resolved only when no return visit is owed (closeWithoutVisit).
  close: ['resolved', 'visited'],
  reopen: ['resolved', 'visited', 'closed'],
  cancel: beforeWork,
  merge: beforeWork,
};

/**
 * Inquiries, praise and suggestions can be answered by the first receiver on the spot (seed 003
 * 首问负责, 一站式服务) without dispatching; every other type needs someone to do the work.
 */
const answerableOnTheSpot: readonly TicketType[] = ['inquiry', 'praise', 'suggestion'];

const resumableStatuses: readonly TicketStatus[] = ['accepted', 'assigned', 'in_progress'];

/** Closing from resolved skips the return visit, so it is allowed only where the policy owes none. */
function closableWithoutVisit(ticket: TicketSnapshot): boolean {
  return ticket.status !== 'resolved' || !ticket.visitRequired;
}

function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim().length === 0;
}

function invalidTransition(command: TicketCommand, status: TicketStatus): Refusal {
  const action = ticketActions.labels[command.action];
  const from = ticketStatuses.labels[status];
  return refuse(
    'invalid_transition',
    label(`「${from['zh-CN']}」状态不能「${action['zh-CN']}」`, `cannot ${action['en-US'].toLowerCase()} a ticket that is ${from['en-US'].toLowerCase()}`),
  );
}

function checkActor(ticket: TicketSnapshot, action: TicketAction, actor: TicketActor): Refusal | null {
  if (actor.kind === 'owner') {
    if (!ownerActions.includes(action)) return refuse('owner_not_allowed');
    return ticket.reporterPersonId === actor.personId ? null : refuse('not_reporter');
  }
  const allowed = rolesFor(action, ticket.type);
  const permitted = actor.roles.filter((role) => allowed.includes(role));
  if (permitted.length === 0) return refuse('role_not_allowed');
  // A technician who also holds a broader role is judged by the broader one.
  const onlyAsTechnician = permitted.every((role) => role === 'technician');
  if (onlyAsTechnician && assigneeOnlyActions.includes(action) && ticket.assigneeId !== actor.userId) {
    return refuse('not_assignee');
  }
  return null;
}

function checkComplaintRecords(ticket: TicketSnapshot): Refusal | null {
  if (ticket.type !== 'complaint') return null;
  const missingSteps = missingClearSteps(ticket.clearRecord);
  if (missingSteps.length > 0) return refuse('clear_incomplete', listLabels(missingSteps, clearSteps.labels));
  const missingParts = missingRecoveryParts(ticket.recoveryRecord);
  if (missingParts.length > 0) return refuse('recovery_missing', listLabels(missingParts, recoveryParts.labels));
  return null;
}

function reopened(ticket: TicketSnapshot, extra: TicketEffect[] = []): Transition {
  // A second trip through the loop is a repeat issue by definition (detection.ts).
  return {
    ok: true,
    status: 'reopened',
    effects: [
      ...extra,
      { kind: 'set_reopen_count', reopenCount: ticket.reopenCount + 1 },
      { kind: 'flag_repeat_issue' },
      { kind: 'notify_owner', about: 'reopened' },
    ],
  };
}

function apply(ticket: TicketSnapshot, command: TicketCommand, now: Date | undefined): Transition | Refusal {
  switch (command.action) {
    case 'accept':
      return { ok: true, status: 'accepted', effects: [{ kind: 'record_first_response' }] };
    case 'assign':
      if (isBlank(command.assigneeId)) return refuse('assignee_required');
      return {
        ok: true,
        status: 'assigned',
        effects: [
          { kind: 'set_assignee', assigneeId: command.assigneeId },
          { kind: 'notify_owner', about: 'assigned' },
        ],
      };
    case 'start': {
      if (!ticket.assigneeId) return refuse('assignee_required');
      const arrives = ticket.type === 'repair' || ticket.type === 'common_area';
      return { ok: true, status: 'in_progress', effects: arrives ? [{ kind: 'record_on_site_arrival' }] : [] };
    }
    case 'hold':
      // Seed 001 投诉升级防范 "提前告知": the owner hears why and until when, before asking.
      if (isBlank(command.reason)) return refuse('hold_reason_required');
      if (!command.resumeAt || Number.isNaN(command.resumeAt.getTime())) return refuse('resume_time_required');
      if (now && command.resumeAt.getTime() <= now.getTime()) return refuse('resume_time_in_past');
      return {
        ok: true,
        status: 'on_hold',
        effects: [
          { kind: 'pause_clocks', reason: command.reason.trim(), resumeAt: command.resumeAt, statusBeforeHold: ticket.status },
          { kind: 'notify_owner', about: 'on_hold' },
        ],
      };
    case 'resume': {
      const back = ticket.statusBeforeHold;
      if (!back || !resumableStatuses.includes(back)) return refuse('hold_origin_unknown');
      return { ok: true, status: back, effects: [{ kind: 'resume_clocks' }, { kind: 'notify_owner', about: 'resumed' }] };
    }
    case 'resolve': {
      if (ticket.status === 'accepted' && !answerableOnTheSpot.includes(ticket.type)) return invalidTransition(command, ticket.status);
      const missing = checkComplaintRecords(ticket);
      if (missing) return missing;
      return { ok: true, status: 'resolved', effects: [{ kind: 'start_return_visit_clock' }, { kind: 'notify_owner', about: 'resolved' }] };
    }
    case 'visit':
      if (command.outcome === 'confirmed') {
        return { ok: true, status: 'visited', effects: [{ kind: 'record_visit_outcome', outcome: 'confirmed' }] };
      }
      if (isBlank(command.note)) return refuse('rejection_reason_required');
      return reopened(ticket, [{ kind: 'record_visit_outcome', outcome: 'rejected' }]);
    case 'close':
      if (!closableWithoutVisit(ticket)) return refuse('return_visit_required');
      return { ok: true, status: 'closed', effects: [{ kind: 'stop_clocks' }] };
    case 'reopen':
      if (isBlank(command.note)) return refuse('reopen_reason_required');
      return reopened(ticket);
    case 'cancel':
      if (isBlank(command.reason)) return refuse('cancel_reason_required');
      return { ok: true, status: 'cancelled', effects: [{ kind: 'stop_clocks' }, { kind: 'notify_owner', about: 'cancelled' }] };
    case 'merge':
      if (isBlank(command.intoTicketId)) return refuse('merge_target_required');
      if (command.intoTicketId === ticket.id) return refuse('merge_into_self');
      return {
        ok: true,
        status: 'merged',
        effects: [{ kind: 'link_to_ticket', ticketId: command.intoTicketId }, { kind: 'stop_clocks' }, { kind: 'notify_owner', about: 'merged' }],
      };
  }
}

/**
 * Decides whether `actor` may apply `command` to `ticket`, and if so the resulting status and the
 * effects the server must carry out. Checks run from the coarsest to the finest so that the
 * message answers the first thing the person needs to know: the ticket is finished; you may not
 * do this; not now; not without this information.
 *
 * `now` is only needed to refuse a hold whose resume time is already past.
 */
export function nextStatus(ticket: TicketSnapshot, command: TicketCommand, actor: TicketActor, now?: Date): Transition | Refusal {
  if (ticket.status === 'closed' && command.action !== 'reopen') return refuse('ticket_closed');
  if (ticket.status === 'cancelled' || ticket.status === 'merged') return refuse('ticket_final');
  const actorRefusal = checkActor(ticket, command.action, actor);
  if (actorRefusal) return actorRefusal;
  if (!actionSources[command.action].includes(ticket.status)) return invalidTransition(command, ticket.status);
  return apply(ticket, command, now);
}

/** The actions worth offering as buttons: those the actor could take if the form is filled in. */
export function availableActions(ticket: TicketSnapshot, actor: TicketActor): TicketAction[] {
  return ticketActions.values.filter((action) => {
    if (ticket.status === 'closed' && action !== 'reopen') return false;
    if (ticket.status === 'cancelled' || ticket.status === 'merged') return false;
    if (!actionSources[action].includes(ticket.status)) return false;
    if (action === 'resolve' && ticket.status === 'accepted' && !answerableOnTheSpot.includes(ticket.type)) return false;
    if (action === 'close' && !closableWithoutVisit(ticket)) return false;
    return checkActor(ticket, action, actor) === null;
  });
}
