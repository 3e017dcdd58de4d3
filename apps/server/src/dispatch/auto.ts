import type { TicketActor } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { postForCategory } from '../categories/repository';
import type { Context } from '../http/context';
import { HttpProblem } from '../http/problem';
import type { Principal } from '../http/principal';
import { recordTicketEvent, actorOf } from '../tickets/events';
import { updateTicketRow, type TicketRow } from '../tickets/repository';
import { transition } from '../tickets/transition';
import { advanceCursor, findRule } from './repository';

/**
 * Dispatch on acceptance (category → post → the project's rule for that post):
 * `assign` gives it to the rule's default person, `round_robin` to the next member in turn, and
 * `grab` leaves it unassigned in the post's pool for the first member who takes it (抢单).
 * Without a rule the ticket waits for a person to assign it.
 */
export async function autoDispatch(tx: Executor, context: Context<Principal>, ticket: TicketRow, actor: TicketActor, now: Date): Promise<TicketRow> {
  const post = await postForCategory(tx, ticket.tenantId, ticket.categoryCode);
  if (!post) return ticket;
  const rule = await findRule(tx, ticket.tenantId, ticket.projectId, post);
  if (!rule) return ticket;
  if (rule.mode === 'grab') {
    const pooled = await updateTicketRow(tx, ticket, { assignedPost: post }, now);
    await recordTicketEvent(tx, pooled!, actorOf(context), { kind: 'pooled', note: '已进入抢单池', data: { post } }, now);
    return pooled!;
  }
  let assigneeId = rule.mode === 'assign' ? rule.defaultAssigneeId : null;
  if (rule.mode === 'round_robin' && rule.memberIds.length > 0) {
    const cursor = await advanceCursor(tx, rule);
    assigneeId = rule.memberIds[(cursor - 1) % rule.memberIds.length] ?? null;
  }
  if (!assigneeId) return ticket;
  try {
    return await transition(tx, context, ticket, { action: 'assign', assigneeId }, actor, now, { note: '按派单规则自动派单', data: { rule: rule.mode, post } });
  } catch (error) {
    // A rule naming someone who left the project must not block acceptance; the ticket waits for a person.
    if (error instanceof HttpProblem && error.status < 500) return ticket;
    throw error;
  }
}
