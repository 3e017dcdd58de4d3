import { formatTicketNumber, shanghaiDate } from '@manyi/core';
import { auditLogs, incidentEvents, insertTogether, isTransaction, ticketEvents, tickets, timelineEvents, type Executor } from '@manyi/db';
import { getTableColumns, is, SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { CategoryRow } from '../categories/repository';
import { auditRow, recordAudit } from '../audit/record';
import { incidentExtension, receiptNoteRows, receiptNotes, repeatWindowStart, type EarlierReport, type ReceiptDraft, type ReceiptNotes } from '../incidents/receipt';
import { noPrincipalCheck } from '../auth/session-repository';
import type { PrincipalGuard } from '../auth/checked-principal';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { isUniqueViolation } from '../http/db-errors';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import type { DomainKey } from '../idempotency/plugin';
import { findHouseholdRow } from '../households/repository';
import { findPersonRow } from '../persons/repository';
import { requirePermission, requireProjectScope, scopedProjectIds } from '../policy/policy';
import type { Principal } from '../policy/principal';
import { timelineRow } from '../timeline/repository';
import { requireEditable, requireVersion, staleTicket, ticketInScope } from './access';
import { deskSettings, type DeskSettings } from './desk-settings';
import { actorOf, recordTicketEvent, ticketEventRows, timelineTitle } from './events';
import { ticketMessages } from './messages';
import { presentSummary, staffIdsOf } from './presenter';
import { findReceiptPlaceAndNumber, findTicketByKey, findTicketListRow, listTickets, nextSequence, staffNames, ticketConditions, updateTicketRow, type TicketListRow, type TicketRow } from './repository';
import type { TicketFilter, TicketInput, TicketPatch, TicketSummary } from './schemas';
import { applySlaDeadlines, deadlineColumns, type SlaInputs } from './sla-port';

/** The company's categories by code, from the desk settings cache (tickets/desk-settings.ts). */
export async function categoryMap(db: Executor, tenantId: string, knownVersion?: number): Promise<Map<string, CategoryRow>> {
  return (await deskSettings(db, tenantId, knownVersion)).categories;
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

export type NewTicket = Omit<typeof tickets.$inferInsert, 'id' | 'number' | 'status' | 'reportedAt' | 'tenantId'> & { tenantId: string };

/** Every ticket column with its plain default (null where the default is SQL, e.g. now(), or there is none). */
const columnDefaults = Object.fromEntries(Object.entries(getTableColumns(tickets)).map(([key, column]) => [key, is(column.default, SQL) ? null : (column.default ?? null)]));

/** The row exactly as the receipt writes it: column defaults, then the values; worked out before the insert, so nothing is read back. */
function receivedRow(values: NewTicket, now: Date, number: string): TicketRow {
  return { ...columnDefaults, ...values, id: uuidv7(), number, status: 'new', reportedAt: now, createdAt: now, updatedAt: now } as TicketRow;
}

export type TicketReceipt = { number: string; slaInputs: SlaInputs; notes: ReceiptNotes };

/** What a receipt reads of the company beyond the ticket's place: its desk settings and, when already read, the earlier reports and the number. */
export type ReceiptContext = { settings: DeskSettings; history?: EarlierReport[] | undefined; sequence?: number | undefined };

/**
 * What a receipt needs before it writes: the SLA inputs, the repeat/incident checks and the
 * readable number. The number comes from the project's daily sequence in its own short statement,
 * so the sequence row is locked for one upsert rather than for the whole receipt: concurrent
 * receipts in a project no longer queue behind each other (bench/ticket-create.ts). A receipt
 * that then fails leaves a gap in the day's numbers, which people accept from any numbering desk;
 * a duplicate would not be. Call it once the input is known to be valid, so refusals waste no number.
 */
export async function prepareReceipt(db: Executor, draft: ReceiptDraft, now: Date, { settings, history, sequence: taken }: ReceiptContext): Promise<TicketReceipt> {
  const notes = await receiptNotes(db, draft, now, { liveIncidents: settings.liveIncidents, windowHours: settings.detection.windowHours }, history);
  const sequence = taken ?? await nextSequence(db, draft.tenantId, draft.projectId, shanghaiDate(now));
  return { number: formatTicketNumber(draft.type as TicketInput['type'], now, sequence), slaInputs: settings.sla, notes };
}

const writeReceipt = insertTogether('ticket_receipt', [tickets, ticketEvents, timelineEvents, auditLogs, incidentEvents]);

/**
 * Receipt of a ticket, shared by the console, the owner's H5 page and survey follow-ups: the
 * ticket with its SLA deadlines and what the receipt checks found, its first events, the owner's
 * timeline entry and the audit row, written by one statement (all or nothing; one round trip and
 * one commit outside a transaction). A new ticket has no holds, so its deadlines need only the
 * policies and the calendar. A report joining a group incident also extends the incident, in the
 * same transaction.
 */
export async function insertTicket(db: Executor, context: Context<Principal>, values: NewTicket, now: Date, receipt: TicketReceipt): Promise<TicketRow> {
  const received = receivedRow({ ...values, ...receipt.notes.set }, now, receipt.number);
  const ticket = { ...received, ...deadlineColumns(received, receipt.slaInputs, []) };
  const created = ticketEventRows(ticket, actorOf(context), {
    kind: 'created', toStatus: 'new', visibleToOwner: true, timeline: timelineTitle(ticket, '已登记'), data: { channel: ticket.channel },
  }, now);
  const notes = receiptNoteRows(ticket, receipt.notes, now);
  const events = [created, ...notes.events];
  const audit = auditRow(context, { action: 'create', entityType: 'ticket', entityId: ticket.id, summary: `登记工单 ${ticket.number} ${ticket.title}`, after: ticket });
  const write = (tx: Executor) => writeReceipt(tx, [
    [ticket], events.map((rows) => rows.event), events.flatMap((rows) => (rows.timeline ? [timelineRow(rows.timeline)] : [])), [audit], notes.incidentEvents,
  ]);
  const extension = incidentExtension(ticket, receipt.notes, now);
  const writeAll = async (tx: Executor) => {
    await write(tx);
    await extension?.(tx);
  };
  // Only the rare extension needs a transaction of its own; the insert alone is one atomic statement.
  if (!extension || isTransaction(db)) await writeAll(db);
  else await db.transaction(writeAll);
  return ticket;
}

export type ReceiptOutcome = { ticket: TicketSummary; replayed: boolean };

/** A retry — same key, same request — gets the ticket it made; the key sent with another request is refused (422), as idempotency/plugin.ts does. */
async function replayOf(context: Context, made: { id: string; requestHash: string | null }, key: DomainKey): Promise<ReceiptOutcome> {
  if (made.requestHash !== key.requestHash) throw new HttpProblem(422, 'idempotency_key_reused');
  return { ticket: await getTicketSummary(context, made.id), replayed: true };
}

/**
 * A console receipt. Its Idempotency-Key (route `idempotency: 'domain'`) is kept on the ticket,
 * scoped to the receiver, instead of in a claim row and a stored response: the statement that
 * reads the place also finds a ticket the key made, and two receipts racing with one key meet on
 * the ticket's unique index, the loser replaying the winner. A retry then costs no extra statement.
 * `guard`: from withCheckedPrincipal when the caller's principal came from memory; the place
 * statement re-checks it and the receipt goes on only if it held.
 */
export async function createTicket(context: Context, input: TicketInput, key: DomainKey | null, guard?: PrincipalGuard): Promise<ReceiptOutcome> {
  requirePermission(context.principal, 'ticket.create');
  const tenantId = context.principal.tenantId;
  requireProjectScope(context.principal, input.projectId);
  const now = context.clock.now();
  const settings = await deskSettings(context.db, tenantId, context.principal.settingsVersion);
  // What needs no database first, so the statement below takes a number only for a receipt that will be written.
  placementFrom(input.projectId, input.type, { categoryCode: input.categoryCode, complaintScope: input.complaintScope }, settings.categories, undefined, undefined);
  // The earlier reports (repeat check) and the number come with the place: one round trip for every receipt read.
  const staffId = context.principal.staffId;
  const scopedKey = key && `staff:${staffId}:${key.key}`;
  const place = await findReceiptPlaceAndNumber(context.db, tenantId, input.projectId, input.reporterPersonId ?? null, input.householdId ?? null,
    { categoryCode: input.categoryCode ?? null, since: repeatWindowStart(now), until: now, day: shanghaiDate(now), idempotencyKey: scopedKey },
    guard?.params ?? noPrincipalCheck);
  if (!place) throw notFound();
  guard?.settle(place.principalHolds);
  if (place.replay && key) return replayOf(context, place.replay, key);
  const placement = placementFrom(input.projectId, input.type, input, settings.categories, place.person ?? undefined, place.household ?? undefined);
  if (place.sequence === null) throw new Error('receipt references passed the checks but no number was taken');
  const values: NewTicket = {
    tenantId, projectId: input.projectId, type: input.type, channel: input.channel, priority: input.priority,
    complaintScope: input.type === 'complaint' ? (input.complaintScope ?? 'individual') : null,
    title: input.title, description: input.description, location: input.location ?? '', ...placement,
    // 首问负责 (seed 003): whoever takes the call owns it until someone else accepts a handover.
    firstReceiverId: staffId, accountableId: staffId, idempotencyKey: scopedKey, idempotencyHash: key?.requestHash ?? null,
  };
  const householdId = values.householdId ?? null;
  // The place row's household is the ticket's household (the one named, else the reporter's).
  const household = householdId && place.household?.id === householdId ? place : null;
  const receipt = await prepareReceipt(context.db, {
    tenantId, type: input.type, projectId: input.projectId, householdId, categoryCode: values.categoryCode ?? null, reopenCount: 0,
    reportedAt: now, buildingId: household ? household.household!.buildingId : undefined,
  }, now, { settings, history: household || !householdId ? place.earlier : undefined, sequence: place.sequence });
  let ticket: TicketRow;
  try {
    ticket = await insertTicket(context.db, context, values, now, receipt);
  } catch (error) {
    const made = scopedKey && key && isUniqueViolation(error) ? await findTicketByKey(context.db, tenantId, scopedKey) : undefined;
    if (made && key) return replayOf(context, made, key);
    throw error;
  }
  // Presented from the inserted row and what was read: nothing here changed since.
  return {
    ticket: presentSummary({
      ticket, projectName: place.projectName, buildingName: household?.buildingName ?? null, unitName: household?.unitName ?? null, room: household?.household?.room ?? null,
    }, new Map([[staffId, context.principal.name]]), settings.categories, now),
    replayed: false,
  };
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
