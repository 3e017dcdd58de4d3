import { HttpProblem } from '../http/problem';
import { recordAudit } from '../audit/record';
import { findAssignableStaff } from '../staff/repository';
import type { Context } from '../http/context';
import { fieldProblem } from '../http/problem';
import { can } from '../policy/policy';
import { requireEditable, staleTicket, ticketInScope } from './access';
import { actorOf, recordTicketEvent } from './events';
import { ticketMessages } from './messages';
import { updateTicketRow } from './repository';
import type { TicketSummary } from '@manyi/contracts/tickets';
import { getTicketSummary } from './service';

/**
 * 首问负责 (seed 003): the first receiver stays accountable until the person they hand over to
 * accepts. Asking does not move responsibility; accepting does. The first receiver is never erased.
 */
export async function requestHandover(context: Context, id: string, input: { toStaffId: string; note?: string | undefined }): Promise<TicketSummary> {
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const ticket = await ticketInScope(context, id, tx);
    requireEditable(ticket);
    if (ticket.accountableId !== context.principal.staffId && !can(context.principal, 'dispatch.manage')) {
      throw new HttpProblem(403, 'handover_not_allowed', ticketMessages.handover_not_allowed);
    }
    if (input.toStaffId === ticket.accountableId) throw fieldProblem('toStaffId', ticketMessages.handover_to_self);
    const target = await findAssignableStaff(tx, ticket.tenantId, input.toStaffId, ticket.projectId);
    if (!target) throw fieldProblem('toStaffId', ticketMessages.unknown_staff);
    const updated = await updateTicketRow(tx, ticket, { handoverToId: target.id }, now);
    if (!updated) throw staleTicket();
    await recordTicketEvent(
      tx,
      updated,
      actorOf(context),
      { kind: 'handover_requested', note: input.note ?? '', data: { toStaffId: target.id, toStaffName: target.name } },
      now,
    );
    await recordAudit(tx, context, { action: 'update', entityType: 'ticket', entityId: id, summary: `工单 ${ticket.number} 转交给 ${target.name}(待接收)` });
  });
  return getTicketSummary(context, id);
}

export async function answerHandover(context: Context, id: string, accept: boolean): Promise<TicketSummary> {
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const ticket = await ticketInScope(context, id, tx);
    requireEditable(ticket);
    if (ticket.handoverToId !== context.principal.staffId) throw new HttpProblem(409, 'handover_not_for_you', ticketMessages.handover_not_for_you);
    const set = accept ? { accountableId: context.principal.staffId, handoverToId: null } : { handoverToId: null };
    const updated = await updateTicketRow(tx, ticket, set, now);
    if (!updated) throw staleTicket();
    await recordTicketEvent(
      tx,
      updated,
      actorOf(context),
      {
        kind: accept ? 'handover_accepted' : 'handover_declined',
        data: { fromStaffId: ticket.accountableId },
      },
      now,
    );
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'ticket',
      entityId: id,
      summary: `${accept ? '接收' : '拒绝接收'}工单 ${ticket.number} 的转交`,
    });
  });
  return getTicketSummary(context, id);
}
