import {
  finalStatuses,
  nextStatus,
  requiresReturnVisit,
  ticketActions,
  type TicketActor,
  type TicketCommand,
  type TicketStatus,
  type TicketType,
} from '@manyi/core';
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import { findAssignableStaff } from '../staff/repository';
import type { Context } from '../http/context';
import { fieldProblem } from '../http/problem';
import type { Principal } from '../http/principal';
import { refusalProblem, snapshotOf, staleTicket } from './access';
import { actorOf, recordTicketEvent, statusPhrase, timelineTitle } from './events';
import { ticketMessages } from './messages';
import { findTicketRow, updateTicketRow, type TicketRow } from './repository';
import { readVisitSettings } from '../company-settings/return-visits';
import { applySlaDeadlines } from './sla-port';

export type TransitionOptions = { note?: string | undefined; data?: Record<string, unknown>; timeline?: string };

/** The details of a command worth keeping in the event (who was assigned, why, until when). */
function commandData(command: TicketCommand): Record<string, unknown> {
  const { action: _action, ...rest } = command;
  return rest;
}

/**
 * Applies one command of the core state machine to a ticket inside the caller's transaction: asks
 * `nextStatus`, carries out each effect on the row, recomputes the SLA deadlines, writes the status
 * with optimistic concurrency, and records the event (owner-visible: the owner follows every status
 * change on the H5 page), the owner timeline entry and the audit row.
 */
export async function transition(
  tx: Executor,
  context: Context<Principal>,
  ticket: TicketRow,
  command: TicketCommand,
  actor: TicketActor,
  now: Date,
  options: TransitionOptions = {},
): Promise<TicketRow> {
  const result = nextStatus(await snapshotOf(tx, ticket), command, actor, now);
  if (!result.ok) throw refusalProblem(result);
  const set: Partial<TicketRow> = { status: result.status };
  let mergeTarget: TicketRow | undefined;
  for (const effect of result.effects) {
    switch (effect.kind) {
      case 'record_first_response':
        set.firstResponseAt = ticket.firstResponseAt ?? now;
        // A ticket the owner filed on the H5 page gets its first receiver when a person accepts it.
        if (!ticket.firstReceiverId && actor.kind === 'staff') Object.assign(set, { firstReceiverId: actor.userId, accountableId: actor.userId });
        break;
      case 'record_on_site_arrival':
        set.arrivedAt = ticket.arrivedAt ?? now;
        break;
      case 'set_assignee': {
        const staff = await findAssignableStaff(tx, ticket.tenantId, effect.assigneeId, ticket.projectId);
        if (!staff) throw fieldProblem('assigneeId', ticketMessages.unknown_staff);
        Object.assign(set, { assigneeId: staff.id, assignedPost: staff.post ?? ticket.assignedPost });
        break;
      }
      case 'pause_clocks':
        Object.assign(set, { statusBeforeHold: effect.statusBeforeHold, holdReason: effect.reason, holdUntil: effect.resumeAt });
        break;
      case 'resume_clocks':
        Object.assign(set, { statusBeforeHold: null, holdReason: null, holdUntil: null });
        break;
      case 'start_return_visit_clock':
        // Decided once per resolution from the policy in force now; the visit deadline follows it (sla/deadlines.ts).
        set.resolvedAt = now;
        set.visitRequired = requiresReturnVisit(
          { id: ticket.id, type: ticket.type as TicketType, reopenCount: ticket.reopenCount },
          await readVisitSettings(tx, ticket.tenantId),
        );
        break;
      case 'record_visit_outcome':
        if (effect.outcome === 'confirmed') set.visitedAt = now;
        break;
      case 'set_reopen_count':
        // Back into the loop: the earlier resolution, visit and closure no longer hold.
        Object.assign(set, { reopenCount: effect.reopenCount, resolvedAt: null, visitedAt: null, closedAt: null });
        break;
      case 'flag_repeat_issue':
        set.isRepeat = true;
        break;
      case 'link_to_ticket':
        mergeTarget = await findTicketRow(tx, ticket.tenantId, effect.ticketId);
        if (!mergeTarget || mergeTarget.projectId !== ticket.projectId || finalStatuses.includes(mergeTarget.status as TicketStatus)) {
          throw fieldProblem('intoTicketId', ticketMessages.merge_target_invalid);
        }
        set.mergedIntoId = mergeTarget.id;
        break;
      case 'stop_clocks':
        if (command.action === 'close') set.closedAt = now;
        if (command.action === 'cancel') set.cancelReason = command.reason.trim();
        break;
      case 'notify_owner':
        break;
    }
  }
  const deadlines = await applySlaDeadlines(tx, { ...ticket, ...set }, now);
  const updated = await updateTicketRow(tx, ticket, { ...set, ...deadlines }, now);
  if (!updated) throw staleTicket();
  const who = actorOf(context);
  const note = options.note ?? (command.action === 'merge' && mergeTarget ? `已合并到工单 ${mergeTarget.number}` : '');
  await recordTicketEvent(
    tx,
    updated,
    who,
    {
      kind: command.action,
      fromStatus: ticket.status as TicketStatus,
      toStatus: result.status,
      note,
      visibleToOwner: true,
      data: { ...commandData(command), ...options.data },
      timeline: options.timeline ?? timelineTitle(updated, statusPhrase(result.status)),
    },
    now,
  );
  if (mergeTarget) {
    // Seed 003: nothing is lost when duplicates merge; the surviving ticket says what joined it.
    await recordTicketEvent(
      tx,
      mergeTarget,
      who,
      { kind: 'merged_from', note: `工单 ${ticket.number} 已合并到本单`, visibleToOwner: true, data: { ticketId: ticket.id, number: ticket.number } },
      now,
    );
  }
  await recordAudit(tx, context, {
    action: 'update',
    entityType: 'ticket',
    entityId: ticket.id,
    summary: `${ticketActions.labels[command.action]['zh-CN']}工单 ${ticket.number}`,
    before: { status: ticket.status },
    after: { status: updated.status, ...set },
  });
  return updated;
}
