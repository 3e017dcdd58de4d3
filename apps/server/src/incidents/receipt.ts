import { detectRepeatIssue, type DetectionTicket, type TicketStatus, type TicketType } from '@manyi/core';
import { incidents, tickets, type Executor } from '@manyi/db';
import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { Context } from '../http/context';
import type { Principal } from '../policy/principal';
import { recordTicketEvent, type Actor } from '../tickets/events';
import { updateTicketRow, type TicketRow } from '../tickets/repository';
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

async function earlierReports(tx: Executor, ticket: TicketRow) {
  if (!ticket.householdId || !ticket.categoryCode) return [];
  return tx.select({
    id: tickets.id, number: tickets.number, type: tickets.type, status: tickets.status, projectId: tickets.projectId, householdId: tickets.householdId,
    categoryCode: tickets.categoryCode, reportedAt: tickets.reportedAt, reopenCount: tickets.reopenCount,
  }).from(tickets).where(and(
    eq(tickets.tenantId, ticket.tenantId), eq(tickets.householdId, ticket.householdId), ne(tickets.id, ticket.id),
    eq(tickets.categoryCode, ticket.categoryCode),
    gte(tickets.reportedAt, new Date(ticket.reportedAt.getTime() - repeatWindowDays * dayMs)), lte(tickets.reportedAt, ticket.reportedAt),
  ));
}

/** The live incident a new ticket belongs to: same project, an affected building, the incident's category; outages before group incidents. */
async function incidentFor(tx: Executor, ticket: TicketRow, now: Date): Promise<IncidentRow | undefined> {
  if (!ticket.categoryCode) return undefined;
  const live = (await liveIncidentRows(tx, ticket.tenantId, ticket.projectId)).map((row) => row.incident);
  if (live.length === 0) return undefined;
  const buildingId = ticket.householdId ? ((await householdPlace(tx, ticket.tenantId, ticket.householdId))?.buildingId ?? null) : null;
  const { windowHours } = await readDetectionSettings(tx, ticket.tenantId);
  const matching = live.filter((incident) => isActive(incident, now, windowHours) && coversBuilding(incident, buildingId) && coversCategory(incident, ticket.categoryCode));
  return matching.find((incident) => incident.kind !== 'group') ?? matching.find((incident) => incident.kind === 'group' && ticket.householdId !== null);
}

/**
 * Runs on every ticket receipt, inside its transaction (called once from tickets/service.ts
 * insertTicket): flags a repeat issue, with the earlier tickets' numbers in an event, and links the
 * ticket to an incident in effect for its building and category, so the agent sees the call script
 * and the incident counts it. Reopened tickets are flagged by the state machine itself.
 */
export async function noteReceipt(tx: Executor, _context: Context<Principal>, ticket: TicketRow, now: Date): Promise<TicketRow> {
  const [history, incident] = [await earlierReports(tx, ticket), await incidentFor(tx, ticket, now)];
  const repeat = detectRepeatIssue(detectionTicket(ticket), history.map(detectionTicket), repeatWindowDays);
  const set: Partial<TicketRow> = {};
  if (repeat.isRepeat) set.isRepeat = true;
  if (incident) {
    set.incidentId = incident.id;
    if (incident.kind === 'group' && incident.status === 'confirmed' && ticket.type === 'complaint') set.complaintScope = 'group';
  }
  if (Object.keys(set).length === 0) return ticket;
  const updated = (await updateTicketRow(tx, ticket, set, now)) ?? ticket;
  if (repeat.isRepeat) {
    const numbers = history.filter((row) => repeat.earlierTicketIds.includes(row.id)).sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime()).map((row) => row.number);
    await recordTicketEvent(tx, updated, system, {
      kind: 'repeat_detected', note: `重复报事:同一房屋 ${repeatWindowDays} 天内已报同类问题(${numbers.join('、')})`,
      data: { reasons: repeat.reasons, earlierTicketIds: repeat.earlierTicketIds, earlierNumbers: numbers },
    }, now);
  }
  if (incident) {
    await recordTicketEvent(tx, updated, system, {
      kind: 'incident_linked', note: `已关联事件:${incident.title}`, data: { incidentId: incident.id, incidentKind: incident.kind },
    }, now);
    await recordIncidentEvent(tx, incident, systemActor, { kind: 'ticket_linked', note: `新工单 ${updated.number} 已关联`, data: { ticketIds: [updated.id], numbers: [updated.number] } }, now);
    if (incident.kind === 'group') {
      // A group incident's endsAt is its latest report: households joining later keep its window open.
      await tx.update(incidents).set({ endsAt: sql`greatest(${incidents.endsAt}, ${updated.reportedAt.toISOString()}::timestamptz)`, updatedAt: now })
        .where(and(eq(incidents.tenantId, incident.tenantId), eq(incidents.id, incident.id)));
    }
  }
  return updated;
}
