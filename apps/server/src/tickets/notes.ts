import { refusalReasons } from '@manyi/core';
import { HttpProblem } from '../http/problem';
import type { Context } from '../http/context';
import { requirePermission } from '../policy/policy';
import { staleTicket, ticketInScope } from './access';
import { actorOf, recordTicketEvent, timelineTitle } from './events';
import { updateTicketRow } from './repository';
import type { TicketSummary } from '@manyi/contracts/tickets';
import { applySlaDeadlines } from './sla-port';
import { getTicketSummary } from './service';
import { recordStaffText } from '../text-qa/record';

/**
 * An internal note, or a progress update the owner sees (seed 001 投诉升级防范: 提前告知、全程跟进).
 * An owner-visible update restarts the update-interval clock.
 */
export async function addNote(context: Context, id: string, input: { body: string; visibleToOwner: boolean }): Promise<TicketSummary> {
  requirePermission(context.principal, 'ticket.note');
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const ticket = await ticketInScope(context, id, tx);
    if (input.visibleToOwner && (ticket.status === 'cancelled' || ticket.status === 'merged'))
      throw new HttpProblem(409, 'ticket_final', refusalReasons.labels.ticket_final);
    let current = ticket;
    if (input.visibleToOwner) {
      const deadlines = await applySlaDeadlines(tx, { ...ticket, lastOwnerUpdateAt: now }, now);
      current =
        (await updateTicketRow(tx, ticket, { lastOwnerUpdateAt: now, ...deadlines }, now)) ??
        (() => {
          throw staleTicket();
        })();
    }
    await recordTicketEvent(
      tx,
      current,
      actorOf(context),
      {
        kind: input.visibleToOwner ? 'owner_update' : 'note',
        note: input.body,
        visibleToOwner: input.visibleToOwner,
        ...(input.visibleToOwner && { timeline: timelineTitle(current, '进度告知') }),
      },
      now,
    );
    // What the owner reads is checked against the five red lines and scored (issue 17).
    if (input.visibleToOwner)
      await recordStaffText(tx, context, {
        sourceType: 'ticket_update',
        sourceId: current.id,
        text: input.body,
        ticketId: current.id,
        projectId: current.projectId,
      });
  });
  return getTicketSummary(context, id);
}
