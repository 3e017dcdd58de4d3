import { formatTicketNumber, shanghaiDate } from '@manyi/core';
import { tickets, type Executor } from '@manyi/db';
import { getTableColumns } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { listCategories, type CategoryRow } from '../categories/repository';
import { recordAudit } from '../audit/record';
import { receiptNotes, recordReceiptNotes, type ReceiptDraft, type ReceiptNotes } from '../incidents/receipt';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { fieldProblem, notFound } from '../http/problem';
import { findHouseholdRow } from '../households/repository';
import { findPersonRow } from '../persons/repository';
import { requirePermission, requireProjectScope, scopedProjectIds } from '../policy/policy';
import type { Principal } from '../policy/principal';
import { requireEditable, requireVersion, staleTicket, ticketInScope } from './access';
import { actorOf, recordTicketEvent, timelineTitle } from './events';
import { ticketMessages } from './messages';
import { presentSummary, staffIdsOf } from './presenter';
import { findReceiptPlace, findTicketListRow, listTickets, nextSequence, staffNames, ticketConditions, updateTicketRow, type TicketListRow, type TicketRow } from './repository';
import type { TicketFilter, TicketInput, TicketPatch, TicketSummary } from './schemas';
import { applySlaDeadlines, deadlineColumns, loadSlaInputs, type SlaInputs } from './sla-port';

export async function categoryMap(db: Executor, tenantId: string): Promise<Map<string, CategoryRow>> {
  return new Map((await listCategories(db, tenantId)).map((row) => [row.code, row]));
}

/** `known`: the company's categories when the caller has already read them in this request. */
export async function presentRows(db: Executor, tenantId: string, rows: TicketListRow[], now: Date, known?: Map<string, CategoryRow>): Promise<TicketSummary[]> {
  const [names, categories] = await Promise.all([staffNames(db, tenantId, rows.flatMap((row) => staffIdsOf(row.ticket))), known ?? categoryMap(db, tenantId)]);
  return rows.map((row) => presentSummary(row, names, categories, now));
}

type Placement = Pick<TicketInput, 'categoryCode' | 'householdId' | 'reporterPersonId' | 'reporterName' | 'reporterPhone' | 'complaintScope'>;
type PlacePerson = { id: string; projectId: string; householdId: string | null; name: string; phone: string | null };
type PlaceHousehold = { id: string; projectId: string };

/**
 * Checks the references of a ticket against its project and fills the reporter from the resident
 * record, given the rows the caller read: the person named as reporter and the household named
 * (each undefined when not found). A reporter brings their household unless one is named.
 */
function placementFrom(projectId: string, type: string, input: Placement, categories: Map<string, CategoryRow> | null, person: PlacePerson | undefined, household: PlaceHousehold | undefined) {
  const resolved: Partial<TicketRow> = {};
  if (input.categoryCode !== undefined) {
    if (input.categoryCode !== null && !categories?.get(input.categoryCode)?.active) throw fieldProblem('categoryCode', ticketMessages.unknown_category);
    resolved.categoryCode = input.categoryCode;
  }
  if (input.complaintScope !== undefined) {
    if (input.complaintScope !== null && type !== 'complaint') throw fieldProblem('complaintScope', ticketMessages.complaint_scope_only);
    resolved.complaintScope = input.complaintScope;
  }
  if (input.reporterPersonId) {
    if (!person || person.projectId !== projectId) throw fieldProblem('reporterPersonId', ticketMessages.unknown_person);
    resolved.reporterPersonId = person.id;
    resolved.householdId = person.householdId;
    resolved.reporterName = person.name;
    resolved.reporterPhone = person.phone;
  } else if (input.reporterPersonId === null) {
    resolved.reporterPersonId = null;
  }
  if (input.householdId) {
    if (!household || household.projectId !== projectId) throw fieldProblem('householdId', ticketMessages.unknown_household);
    resolved.householdId = household.id;
  } else if (input.householdId === null) {
    resolved.householdId = null;
  }
  if (input.reporterName) resolved.reporterName = input.reporterName;
  if (input.reporterPhone !== undefined) resolved.reporterPhone = input.reporterPhone || null;
  return resolved;
}

/** placementFrom for a correction: reads the rows the input names. */
export async function resolvePlacement(db: Executor, tenantId: string, projectId: string, type: string, input: Placement) {
  const [categories, person, household] = [
    input.categoryCode ? await categoryMap(db, tenantId) : null,
    input.reporterPersonId ? await findPersonRow(db, tenantId, input.reporterPersonId) : undefined,
    input.householdId ? await findHouseholdRow(db, tenantId, input.householdId) : undefined,
  ];
  return placementFrom(projectId, type, input, categories, person, household);
}

export type NewTicket = Omit<typeof tickets.$inferInsert, 'number' | 'status' | 'reportedAt' | 'tenantId'> & { tenantId: string };

/** The row as the insert will write it (column defaults, then the values), for what is worked out before the insert. */
function draftRow(values: NewTicket, now: Date): TicketRow {
  const defaults = Object.fromEntries(Object.entries(getTableColumns(tickets)).map(([key, column]) => [key, column.default ?? null]));
  return { ...defaults, ...values, status: 'new', reportedAt: now, createdAt: now, updatedAt: now } as TicketRow;
}

export type TicketReceipt = { number: string; slaInputs: SlaInputs; notes: ReceiptNotes };

/** Independent reads: concurrently on a pool, one after the other on a transaction's single connection (pg queues, and warns about, overlapping queries on one client). */
async function readAll<const T extends readonly (() => Promise<unknown>)[]>(db: Executor, ...reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results;
}

/**
 * What a receipt needs before its transaction: the SLA inputs, the repeat/incident checks and the
 * readable number. The number comes from the project's daily sequence in its own short statement,
 * so the sequence row is locked for one upsert rather than for the whole receipt: concurrent
 * receipts in a project no longer queue behind each other (bench/ticket-create.ts). A receipt
 * that then fails leaves a gap in the day's numbers, which people accept from any numbering desk;
 * a duplicate would not be. Call it once the input is known to be valid, so refusals waste no number.
 */
export async function prepareReceipt(db: Executor, draft: ReceiptDraft, now: Date): Promise<TicketReceipt> {
  const [slaInputs, sequence, notes] = await readAll(db,
    () => loadSlaInputs(db, draft.tenantId),
    () => nextSequence(db, draft.tenantId, draft.projectId, shanghaiDate(now)),
    () => receiptNotes(db, draft, now));
  return { number: formatTicketNumber(draft.type as TicketInput['type'], now, sequence), slaInputs, notes };
}

/**
 * Receipt of a ticket, shared by the console and the owner's H5 page: the ticket with its SLA
 * deadlines and what the receipt checks found, the first event and the audit row, in one
 * transaction. A new ticket has no holds, so its deadlines need only the policies and the calendar
 * and go into the insert.
 */
export async function insertTicket(tx: Executor, context: Context<Principal>, values: NewTicket, now: Date, receipt: TicketReceipt): Promise<TicketRow> {
  const noted = { ...values, ...receipt.notes.set };
  const deadlines = deadlineColumns(draftRow(noted, now), receipt.slaInputs, []);
  const [inserted] = await tx.insert(tickets).values({ ...noted, number: receipt.number, status: 'new', reportedAt: now, createdAt: now, updatedAt: now, ...deadlines }).returning();
  const ticket = inserted!;
  await recordTicketEvent(tx, ticket, actorOf(context), {
    kind: 'created', toStatus: 'new', visibleToOwner: true, timeline: timelineTitle(ticket, '已登记'), data: { channel: ticket.channel },
  }, now);
  await recordAudit(tx, context, { action: 'create', entityType: 'ticket', entityId: ticket.id, summary: `登记工单 ${ticket.number} ${ticket.title}`, after: ticket });
  await recordReceiptNotes(tx, ticket, receipt.notes, now);
  return ticket;
}

export async function createTicket(context: Context, input: TicketInput, idempotencyKey?: string): Promise<TicketSummary> {
  requirePermission(context.principal, 'ticket.create');
  const tenantId = context.principal.tenantId;
  requireProjectScope(context.principal, input.projectId);
  const [place, categories] = await readAll(context.db,
    () => findReceiptPlace(context.db, tenantId, input.projectId, input.reporterPersonId ?? null, input.householdId ?? null),
    // One read of the categories serves the check of the code and the summary.
    () => categoryMap(context.db, tenantId));
  if (!place) throw notFound();
  const placement = placementFrom(input.projectId, input.type, input, categories, place.person ?? undefined, place.household ?? undefined);
  const now = context.clock.now();
  const staffId = context.principal.staffId;
  const values: NewTicket = {
    tenantId, projectId: input.projectId, type: input.type, channel: input.channel, priority: input.priority,
    complaintScope: input.type === 'complaint' ? (input.complaintScope ?? 'individual') : null,
    title: input.title, description: input.description, location: input.location ?? '', ...placement,
    // 首问负责 (seed 003): whoever takes the call owns it until someone else accepts a handover.
    firstReceiverId: staffId, accountableId: staffId, idempotencyKey: idempotencyKey ?? null,
  };
  const householdId = values.householdId ?? null;
  // The place row's household is the ticket's household (the one named, else the reporter's).
  const household = householdId && place.household?.id === householdId ? place : null;
  const receipt = await prepareReceipt(context.db, {
    tenantId, type: input.type, projectId: input.projectId, householdId, categoryCode: values.categoryCode ?? null, reopenCount: 0,
    reportedAt: now, buildingId: household ? household.household!.buildingId : undefined,
  }, now);
  const ticket = await context.db.transaction((tx) => insertTicket(tx, context, values, now, receipt));
  // Presented from the inserted row and what was read: nothing here changed since.
  return presentSummary({
    ticket, projectName: place.projectName, buildingName: household?.buildingName ?? null, unitName: household?.unitName ?? null, room: household?.household?.room ?? null,
  }, new Map([[staffId, context.principal.name]]), categories, now);
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
  const placement = await resolvePlacement(context.db, before.tenantId, before.projectId, before.type,
    { categoryCode, householdId, reporterPersonId, reporterName, reporterPhone, complaintScope });
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
