import { detectRepeatIssue, type DetectionTicket, type TicketStatus, type TicketType } from '@manyi/core';
import { incidents, tickets, type Executor } from '@manyi/db';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { recordTicketEvent, type Actor } from '../tickets/events';
import type { TicketRow } from '../tickets/repository';
import { coversBuilding, coversCategory, isActive } from './active';
import { householdPlace, liveIncidentRows, recordIncidentEvent, systemActor, type IncidentRow } from './repository';
import { readDetectionSettings } from './settings';

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

async function earlierReports(db: Executor, draft: ReceiptDraft) {
  if (!draft.householdId || !draft.categoryCode) return [];
  return db.select({
    id: tickets.id, number: tickets.number, type: tickets.type, status: tickets.status, projectId: tickets.projectId, householdId: tickets.householdId,
    categoryCode: tickets.categoryCode, reportedAt: tickets.reportedAt, reopenCount: tickets.reopenCount,
  }).from(tickets).where(and(
    eq(tickets.tenantId, draft.tenantId), eq(tickets.householdId, draft.householdId), eq(tickets.categoryCode, draft.categoryCode),
    gte(tickets.reportedAt, new Date(draft.reportedAt.getTime() - repeatWindowDays * dayMs)), lte(tickets.reportedAt, draft.reportedAt),
  ));
}

/** The live incident a new ticket belongs to: same project, an affected building, the incident's category; outages before group incidents. */
async function incidentFor(db: Executor, draft: ReceiptDraft, now: Date): Promise<IncidentRow | undefined> {
  if (!draft.categoryCode) return undefined;
  const live = (await liveIncidentRows(db, draft.tenantId, draft.projectId)).map((row) => row.incident);
  if (live.length === 0) return undefined;
  const buildingId = draft.buildingId !== undefined ? draft.buildingId
    : draft.householdId ? ((await householdPlace(db, draft.tenantId, draft.householdId))?.buildingId ?? null) : null;
  const { windowHours } = await readDetectionSettings(db, draft.tenantId);
  const matching = live.filter((incident) => isActive(incident, now, windowHours) && coversBuilding(incident, buildingId) && coversCategory(incident, draft.categoryCode));
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
 * Reopened tickets are flagged by the state machine itself.
 */
export async function receiptNotes(db: Executor, draft: ReceiptDraft, now: Date): Promise<ReceiptNotes> {
  const [history, incident] = [await earlierReports(db, draft), await incidentFor(db, draft, now)];
  const candidate = detectionTicket({ ...draft, id: '', status: 'new' });
  const repeat = detectRepeatIssue(candidate, history.map(detectionTicket), repeatWindowDays);
  const set: ReceiptNotes['set'] = {};
  if (repeat.isRepeat) set.isRepeat = true;
  if (incident) {
    set.incidentId = incident.id;
    if (incident.kind === 'group' && incident.status === 'confirmed' && draft.type === 'complaint') set.complaintScope = 'group';
  }
  const earlierNumbers = history.filter((row) => repeat.earlierTicketIds.includes(row.id))
    .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime()).map((row) => row.number);
  return {
    set,
    repeat: repeat.isRepeat ? { reasons: repeat.reasons, earlierTicketIds: repeat.earlierTicketIds, earlierNumbers } : null,
    incident: incident ?? null,
  };
}

/** The events of what receiptNotes found, in the receipt's transaction after the insert. */
export async function recordReceiptNotes(tx: Executor, ticket: TicketRow, notes: ReceiptNotes, now: Date): Promise<void> {
  if (notes.repeat) {
    await recordTicketEvent(tx, ticket, system, {
      kind: 'repeat_detected', note: `重复报事:同一房屋 ${repeatWindowDays} 天内已报同类问题(${notes.repeat.earlierNumbers.join('、')})`,
      data: { reasons: notes.repeat.reasons, earlierTicketIds: notes.repeat.earlierTicketIds, earlierNumbers: notes.repeat.earlierNumbers },
    }, now);
  }
  const incident = notes.incident;
  if (incident) {
    await recordTicketEvent(tx, ticket, system, {
      kind: 'incident_linked', note: `已关联事件:${incident.title}`, data: { incidentId: incident.id, incidentKind: incident.kind },
    }, now);
    await recordIncidentEvent(tx, incident, systemActor, { kind: 'ticket_linked', note: `新工单 ${ticket.number} 已关联`, data: { ticketIds: [ticket.id], numbers: [ticket.number] } }, now);
    if (incident.kind === 'group') {
      // A group incident's endsAt is its latest report: households joining later keep its window open.
      await tx.update(incidents).set({ endsAt: sql`greatest(${incidents.endsAt}, ${ticket.reportedAt.toISOString()}::timestamptz)`, updatedAt: now })
        .where(and(eq(incidents.tenantId, incident.tenantId), eq(incidents.id, incident.id)));
    }
  }
}
