import type { Executor } from '@manyi/db';
import { companyCategories, type CategoryRow } from '../categories/repository';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import { requirePermission, scopedProjectIds } from '../policy/policy';
import { requireEditable, requireVersion, staleTicket, ticketInScope } from './access';
import { actorOf, recordTicketEvent } from './events';
import { resolvePlacement } from './placement';
import { presentSummary, staffIdsOf } from './presenter';
import { findTicketListRow, listTickets, staffNames, ticketConditions, updateTicketRow, type TicketListRow } from './repository';
import type { TicketFilter, TicketPatch, TicketSummary } from '@manyi/contracts/tickets';
import { applySlaDeadlines } from './sla-port';

/** `known`: the company's categories when the caller has already read them in this request. */
export async function presentRows(
  db: Executor,
  tenantId: string,
  rows: TicketListRow[],
  now: Date,
  known?: Map<string, CategoryRow>,
): Promise<TicketSummary[]> {
  const [names, categories] = await Promise.all([
    staffNames(
      db,
      tenantId,
      rows.flatMap((row) => staffIdsOf(row.ticket)),
    ),
    known ?? companyCategories(db, tenantId),
  ]);
  return rows.map((row) => presentSummary(row, names, categories, now));
}

export async function getTicketSummary(context: Context, id: string, categories?: Map<string, CategoryRow>): Promise<TicketSummary> {
  const row = await findTicketListRow(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  const [summary] = await presentRows(context.db, context.principal.tenantId, [row], context.clock.now(), categories);
  return summary!;
}

export async function searchTickets(context: Context, query: TicketFilter & { cursor?: string | undefined; limit: number }) {
  const { cursor, limit, ...filter } = query;
  const [after] = decodeCursor(cursor, 1) ?? [];
  const now = context.clock.now();
  const tenantId = context.principal.tenantId;
  const projectIds = scopedProjectIds(context.principal, filter.projectId);
  if (projectIds?.length === 0) return { items: [], nextCursor: null };
  const conditions = ticketConditions(tenantId, projectIds, { ...filter, staffId: context.principal.staffId }, now);
  const rows = await listTickets(context.db, conditions, after === undefined ? null : String(after), limit);
  const page = toPage(rows, limit, (row) => [row.ticket.id]);
  return { items: await presentRows(context.db, tenantId, page.items, now), nextCursor: page.nextCursor };
}

/** Corrections to what was received (category, priority, description…); history is kept in the audit trail. */
export async function updateTicket(context: Context, id: string, input: TicketPatch): Promise<TicketSummary> {
  requirePermission(context.principal, 'ticket.edit');
  const before = await ticketInScope(context, id);
  requireEditable(before);
  requireVersion(before, input.version);
  const { version: _version, categoryCode, householdId, reporterPersonId, reporterName, reporterPhone, complaintScope, ...fields } = input;
  const placement = await resolvePlacement(context.db, before.tenantId, before.projectId, before.type, {
    categoryCode,
    householdId,
    reporterPersonId,
    reporterName,
    reporterPhone,
    complaintScope,
  });
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const changed = { ...fields, ...placement };
    const provisional = { ...before, ...changed };
    const deadlines = await applySlaDeadlines(tx, provisional, now);
    const after = await updateTicketRow(tx, before, { ...changed, ...deadlines }, now);
    if (!after) throw staleTicket();
    await recordTicketEvent(tx, after, actorOf(context), { kind: 'edited', data: { fields: Object.keys(changed) } }, now);
    await recordAudit(tx, context, { action: 'update', entityType: 'ticket', entityId: id, summary: `修改工单 ${before.number}`, before, after });
  });
  return getTicketSummary(context, id);
}
