import { detectRepeatIssue, type DetectionTicket, type TicketStatus, type TicketType } from '@manyi/core';
import { incidents, tickets, type Executor, type incidentEvents } from '@manyi/db';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { ticketEventRows, type Actor, type TicketEventRows } from '../tickets/events';
import type { TicketRow } from '../tickets/repository';
import { coversBuilding, coversCategory, isActive } from './active';
import { householdPlace, incidentEventRow, systemActor, type IncidentRow } from './repository';

const repeatWindowDays = 30;
const dayMs = 24 * 60 * 60 * 1000;
const system: Actor = { kind: 'system', id: null, name: '系统' };

/**
 * Core detection reads `unitId` as "the same place". A ticket's place is its household (户): two
 * neighbours in one stairwell reporting leaks are two issues, one flat reporting a leak twice is a
 * repeat (seed 001 案例一: the garage leak reported for months).
 */
function detectionTicket(row: Pick<TicketRow, 'id' | 'type' | 'status' | 'projectId' | 'householdId' | 'categoryCode' | 'reportedAt' | 'reopenCount'>): DetectionTicket {
  return {
    id: row.id, type: row.type as TicketType, status: row.status as TicketStatus, projectId: row.projectId, unitId: row.householdId,
    householdId: row.householdId, categoryCode: row.categoryCode, reportedAt: row.reportedAt, reopenCount: row.reopenCount,
  };
}

/** What receipt checks need of the new ticket, known before it is inserted. */
export type ReceiptDraft = Pick<TicketRow, 'tenantId' | 'type' | 'projectId' | 'householdId' | 'categoryCode' | 'reopenCount'> & {
  reportedAt: Date;
  /** The household's building, when the caller already read it (saves a lookup). */
  buildingId?: string | null | undefined;
};

/** The household's reports of the same category in the 30 days up to the receipt: what repeat detection compares with. */
export type EarlierReport = Pick<TicketRow, 'id' | 'number' | 'type' | 'status' | 'projectId' | 'householdId' | 'categoryCode' | 'reportedAt' | 'reopenCount'>;

/** The start of the repeat window of a receipt at `reportedAt`. */
export const repeatWindowStart = (reportedAt: Date) => new Date(reportedAt.getTime() - repeatWindowDays * dayMs);

async function earlierReports(db: Executor, draft: ReceiptDraft): Promise<EarlierReport[]> {
  if (!draft.householdId || !draft.categoryCode) return [];
  return db.select({
    id: tickets.id, number: tickets.number, type: tickets.type, status: tickets.status, projectId: tickets.projectId, householdId: tickets.householdId,
    categoryCode: tickets.categoryCode, reportedAt: tickets.reportedAt, reopenCount: tickets.reopenCount,
  }).from(tickets).where(and(
    eq(tickets.tenantId, draft.tenantId), eq(tickets.householdId, draft.householdId), eq(tickets.categoryCode, draft.categoryCode),
    gte(tickets.reportedAt, repeatWindowStart(draft.reportedAt)), lte(tickets.reportedAt, draft.reportedAt),
  ));
}

/** What a receipt needs of the company's incidents: the live ones (every project) and the group window T. */
export type ReceiptIncidents = { liveIncidents: readonly IncidentRow[]; windowHours: number };

/** The live incident a new ticket belongs to: same project, an affected building, the incident's category; outages before group incidents. */
async function incidentFor(db: Executor, draft: ReceiptDraft, now: Date, company: ReceiptIncidents): Promise<IncidentRow | undefined> {
  if (!draft.categoryCode) return undefined;
  const live = company.liveIncidents.filter((incident) => incident.projectId === draft.projectId);
  if (live.length === 0) return undefined;
  const buildingId = draft.buildingId !== undefined ? draft.buildingId
    : draft.householdId ? ((await householdPlace(db, draft.tenantId, draft.householdId))?.buildingId ?? null) : null;
  const matching = live.filter((incident) => isActive(incident, now, company.windowHours) && coversBuilding(incident, buildingId) && coversCategory(incident, draft.categoryCode));
  return matching.find((incident) => incident.kind !== 'group') ?? matching.find((incident) => incident.kind === 'group' && draft.householdId !== null);
}

export type ReceiptNotes = {
  /** Columns the insert writes: the repeat flag, the incident link, a complaint in a confirmed group incident becoming a group complaint. */
  set: Pick<Partial<TicketRow>, 'isRepeat' | 'incidentId' | 'complaintScope'>;
  repeat: { reasons: string[]; earlierTicketIds: string[]; earlierNumbers: string[] } | null;
  incident: IncidentRow | null;
};

/**
 * Runs on every ticket receipt before its transaction (tickets/service.ts prepareReceipt): is it a
 * repeat issue (same household and category within 30 days), and is an incident in effect for its
 * building and category, so the agent sees the call script and the incident counts it? Reading
 * before the insert lets the insert carry the result. Two identical reports at the same instant
 * miss each other either way (READ COMMITTED), as they would inside the transaction.
 * Reopened tickets are flagged by the state machine itself. `history`: the earlier reports, when the
 * caller has already read them with its other receipt reads.
 */
export async function receiptNotes(db: Executor, draft: ReceiptDraft, now: Date, company: ReceiptIncidents, history?: EarlierReport[]): Promise<ReceiptNotes> {
  const [earlier, incident] = [history ?? await earlierReports(db, draft), await incidentFor(db, draft, now, company)];
  const candidate = detectionTicket({ ...draft, id: '', status: 'new' });
  const repeat = detectRepeatIssue(candidate, earlier.map(detectionTicket), repeatWindowDays);
  const set: ReceiptNotes['set'] = {};
  if (repeat.isRepeat) set.isRepeat = true;
  if (incident) {
    set.incidentId = incident.id;
    if (incident.kind === 'group' && incident.status === 'confirmed' && draft.type === 'complaint') set.complaintScope = 'group';
  }
  const earlierNumbers = earlier.filter((row) => repeat.earlierTicketIds.includes(row.id))
    .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime()).map((row) => row.number);
  return {
    set,
    repeat: repeat.isRepeat ? { reasons: repeat.reasons, earlierTicketIds: repeat.earlierTicketIds, earlierNumbers } : null,
    incident: incident ?? null,
  };
}

/** The rows of what receiptNotes found, written with the ticket (tickets/service.ts insertTicket). */
export function receiptNoteRows(ticket: TicketRow, notes: ReceiptNotes, now: Date) {
  const events: TicketEventRows[] = [];
  const incidentEventRows: (typeof incidentEvents.$inferInsert)[] = [];
  if (notes.repeat) {
    events.push(ticketEventRows(ticket, system, {
      kind: 'repeat_detected', note: `重复报事:同一房屋 ${repeatWindowDays} 天内已报同类问题(${notes.repeat.earlierNumbers.join('、')})`,
      data: { reasons: notes.repeat.reasons, earlierTicketIds: notes.repeat.earlierTicketIds, earlierNumbers: notes.repeat.earlierNumbers },
    }, now));
  }
  const incident = notes.incident;
  if (incident) {
    events.push(ticketEventRows(ticket, system, {
      kind: 'incident_linked', note: `已关联事件:${incident.title}`, data: { incidentId: incident.id, incidentKind: incident.kind },
    }, now));
    incidentEventRows.push(incidentEventRow(incident, systemActor, { kind: 'ticket_linked', note: `新工单 ${ticket.number} 已关联`, data: { ticketIds: [ticket.id], numbers: [ticket.number] } }, now));
  }
  return { events, incidentEvents: incidentEventRows };
}

/** A group incident's endsAt is its latest report: households joining later keep its window open. Null when the receipt changes no incident. */
export function incidentExtension(ticket: TicketRow, notes: ReceiptNotes, now: Date): ((tx: Executor) => Promise<void>) | null {
  const incident = notes.incident;
  if (incident?.kind !== 'group') return null;
  return async (tx) => {
    await tx.update(incidents).set({ endsAt: sql`greatest(${incidents.endsAt}, ${ticket.reportedAt.toISOString()}::timestamptz)`, updatedAt: now })
      .where(and(eq(incidents.tenantId, incident.tenantId), eq(incidents.id, incident.id)));
  };
}
