import type { TicketCommand } from '@manyi/core';
import { autoDispatch } from '../dispatch/auto';
import type { Context } from '../http/context';
import { requireVersion, staffActor, ticketInScope } from '../tickets/access';
import type { ActionInput, TicketSummary } from '@manyi/contracts/tickets';
import { getTicketSummary } from '../tickets/service';
import { transition } from '../tickets/transition';
import { requireResolutionEvidence } from '../tickets/resolution-evidence';
import { recordStaffText } from '../text-qa/record';

function toCommand(input: ActionInput): TicketCommand {
  switch (input.action) {
    case 'assign':
      return { action: 'assign', assigneeId: input.assigneeId };
    case 'hold':
      return { action: 'hold', reason: input.reason, resumeAt: input.resumeAt ? new Date(input.resumeAt) : null };
    case 'reopen':
      return { action: 'reopen', reason: input.reason, note: input.note ?? '' };
    case 'cancel':
      return { action: 'cancel', reason: input.reason };
    case 'merge':
      return { action: 'merge', intoTicketId: input.intoTicketId };
    default:
      return { action: input.action };
  }
}

/** One staff action on a ticket; accepting also dispatches by the project's rules. */
export async function performAction(context: Context, id: string, input: ActionInput): Promise<TicketSummary> {
  const now = context.clock.now();
  const actor = staffActor(context.principal);
  await context.db.transaction(async (tx) => {
    const ticket = await ticketInScope(context, id, tx);
    requireVersion(ticket, input.version);
    const command = toCommand(input);
    // The console's 办结 says what was done (the note), with a photo where the category asks for one.
    if (command.action === 'resolve') await requireResolutionEvidence(tx, ticket, { text: input.note, field: 'note' });
    const updated = await transition(tx, context, ticket, command, actor, now, { note: input.note });
    // What the staff member wrote with the action (the note, a hold's or cancellation's reason) is on the owner's
    // progress page: checked against the red lines and scored (issue 17).
    const reason = input.action === 'hold' || input.action === 'cancel' ? input.reason : '';
    for (const text of [input.note ?? '', reason].filter((item) => item.trim()))
      await recordStaffText(tx, context, { sourceType: 'ticket_update', sourceId: ticket.id, text, ticketId: ticket.id, projectId: ticket.projectId });
    if (command.action === 'accept') await autoDispatch(tx, context, updated, actor, now);
  });
  return getTicketSummary(context, id);
}
