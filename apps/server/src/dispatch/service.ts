import { actionSources, staffPosts, type StaffPost, type TicketStatus } from '@manyi/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { requirePermission, requireProjectScope, scopedProjectIds } from '../policy/policy';
import { findProjectRow } from '../projects/repository';
import { ticketInScope } from '../tickets/access';
import { actorOf, recordTicketEvent, statusPhrase, timelineTitle } from '../tickets/events';
import { ticketMessages } from '../tickets/messages';
import { setTicketColumns, staffNames, type TicketRow } from '../tickets/repository';
import type { TicketSummary } from '@manyi/contracts/tickets';
import { findAssignableStaff } from '../staff/repository';
import { getTicketSummary } from '../tickets/service';
import { applySlaDeadlines } from '../tickets/sla-port';
import {
  deleteRuleRow,
  findRule,
  findRuleById,
  listRules,
  openTicketCounts,
  staffByIds,
  takeUnassignedTicket,
  upsertRule,
  type DispatchRuleRow,
} from './repository';
import type { dispatchModes, ruleBody } from '@manyi/contracts/dispatch';

async function presentRules(context: Context, rows: DispatchRuleRow[]) {
  const names = await staffNames(
    context.db,
    context.principal.tenantId,
    rows.flatMap((row) => [row.defaultAssigneeId, ...row.memberIds]),
  );
  const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.map((row) => ({
    id: row.id,
    projectId: row.projectId,
    post: row.post as StaffPost,
    mode: row.mode as (typeof dispatchModes)[number],
    defaultAssignee: row.defaultAssigneeId ? ref(row.defaultAssigneeId) : null,
    members: row.memberIds.map(ref),
  }));
}

export async function searchRules(context: Context, projectId?: string) {
  const rows = await listRules(context.db, context.principal.tenantId, scopedProjectIds(context.principal, projectId));
  return { items: await presentRules(context, rows) };
}

export async function putRule(context: Context, input: z.infer<typeof ruleBody>) {
  requirePermission(context.principal, 'dispatch.manage');
  const tenantId = context.principal.tenantId;
  requireProjectScope(context.principal, input.projectId);
  if (!(await findProjectRow(context.db, tenantId, input.projectId))) throw notFound();
  const memberIds = [...new Set(input.memberIds)];
  const defaultAssigneeId = input.defaultAssigneeId ?? null;
  if (input.mode === 'assign' && !defaultAssigneeId) {
    throw fieldProblem('defaultAssigneeId', { 'zh-CN': '指定派单模式需要选择默认处理人', 'en-US': 'The assign mode needs a default assignee' });
  }
  if (input.mode !== 'assign' && memberIds.length === 0) {
    throw fieldProblem('memberIds', { 'zh-CN': '轮派和抢单模式至少需要一名成员', 'en-US': 'Round-robin and grab modes need at least one member' });
  }
  for (const [field, id] of [...(defaultAssigneeId ? [['defaultAssigneeId', defaultAssigneeId]] : []), ...memberIds.map((id) => ['memberIds', id])] as [
    string,
    string,
  ][]) {
    if (!(await findAssignableStaff(context.db, tenantId, id, input.projectId))) throw fieldProblem(field, ticketMessages.unknown_staff);
  }
  const values = { mode: input.mode, defaultAssigneeId, memberIds };
  const row = await context.db.transaction(async (tx) => {
    const saved = await upsertRule(tx, { tenantId, projectId: input.projectId, post: input.post }, values);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'dispatch_rule',
      entityId: saved.id,
      summary: `设置派单规则:${staffPosts.labels[input.post]['zh-CN']}`,
      after: saved,
    });
    return saved;
  });
  const [view] = await presentRules(context, [row]);
  return view!;
}

export async function deleteRule(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'dispatch.manage');
  const tenantId = context.principal.tenantId;
  const row = await findRuleById(context.db, tenantId, id);
  if (!row) throw notFound();
  requireProjectScope(context.principal, row.projectId);
  await context.db.transaction(async (tx) => {
    await deleteRuleRow(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'dispatch_rule', entityId: id, summary: `删除派单规则:${row.post}`, before: row });
  });
}

/**
 * 抢单: the first member of the pool to take the ticket gets it. The conditional UPDATE (only while
 * nobody is assigned) decides the race inside the database, so two taps at once cannot both win.
 */
export async function grabTicket(context: Context, id: string): Promise<TicketSummary> {
  const ticket = await ticketInScope(context, id);
  const rule = ticket.assignedPost ? await findRule(context.db, ticket.tenantId, ticket.projectId, ticket.assignedPost) : undefined;
  const inPool = rule?.mode === 'grab' && rule.memberIds.includes(context.principal.staffId);
  if (!inPool) throw new HttpProblem(403, 'not_in_pool', ticketMessages.not_in_pool);
  if (ticket.assigneeId || !actionSources.assign.includes(ticket.status as TicketStatus))
    throw new HttpProblem(409, 'already_taken', ticketMessages.already_taken);
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const taken = await takeUnassignedTicket(tx, ticket, context.principal.staffId, now);
    if (!taken) throw new HttpProblem(409, 'already_taken', ticketMessages.already_taken);
    const deadlines = await applySlaDeadlines(tx, taken, now);
    const updated = await setTicketColumns(tx, ticket.tenantId, ticket.id, deadlines);
    await recordTicketEvent(
      tx,
      updated as TicketRow,
      actorOf(context),
      {
        kind: 'grab',
        fromStatus: ticket.status as TicketStatus,
        toStatus: 'assigned',
        visibleToOwner: true,
        timeline: timelineTitle(ticket, statusPhrase('assigned')),
      },
      now,
    );
    await recordAudit(tx, context, { action: 'update', entityType: 'ticket', entityId: ticket.id, summary: `抢单 ${ticket.number}` });
  });
  return getTicketSummary(context, id);
}

/** Open tickets per person and status, for balancing work in a project. */
export async function workloadOf(context: Context, projectId?: string) {
  const tenantId = context.principal.tenantId;
  const counts = await openTicketCounts(context.db, tenantId, scopedProjectIds(context.principal, projectId));
  const ids = [...new Set(counts.map((row) => row.staffId!))];
  const people = await staffByIds(context.db, tenantId, ids);
  const items = people.map((person) => {
    const own = counts.filter((row) => row.staffId === person.id);
    return {
      staffId: person.id,
      name: person.name,
      post: person.post,
      total: own.reduce((sum, row) => sum + row.count, 0),
      byStatus: Object.fromEntries(own.map((row) => [row.status, row.count])) as Partial<Record<TicketStatus, number>>,
    };
  });
  return { items: items.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)) };
}
