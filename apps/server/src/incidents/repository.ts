import { defaultGroupComplaintOptions } from '@manyi/core';
import { buildings, households, incidentEvents, incidents, noticeReceipts, projects, queryRows, ticketCategories, tickets, type Executor } from '@manyi/db';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { IncidentFilter } from '@manyi/contracts/incidents';
import { deliverToResidents } from '../timeline/resident-delivery';
import { liveStatuses } from './vocabulary';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentEventRow = typeof incidentEvents.$inferSelect;

export async function findIncidentRow(db: Executor, tenantId: string, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.id, id)));
  return row;
}

/** Writes only if nobody changed the incident since it was read; undefined when it moved on. */
export async function updateIncidentRow(db: Executor, row: IncidentRow, set: Partial<IncidentRow>, now: Date): Promise<IncidentRow | undefined> {
  const [updated] = await db
    .update(incidents)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(incidents.tenantId, row.tenantId), eq(incidents.id, row.id), eq(incidents.version, row.version)))
    .returning();
  return updated;
}

export type IncidentListRow = { incident: IncidentRow; projectName: string };

export async function listIncidentRows(db: Executor, tenantId: string, projectIds: string[] | null, filter: IncidentFilter): Promise<IncidentListRow[]> {
  const linkedTo = filter.ticketId
    ? sql`${incidents.id} = (select ${tickets.incidentId} from ${tickets} where ${tickets.tenantId} = ${tenantId} and ${tickets.id} = ${filter.ticketId})`
    : undefined;
  return db
    .select({ incident: incidents, projectName: projects.name })
    .from(incidents)
    .innerJoin(projects, and(eq(projects.tenantId, incidents.tenantId), eq(projects.id, incidents.projectId)))
    .where(
      and(
        eq(incidents.tenantId, tenantId),
        projectIds ? inArray(incidents.projectId, projectIds) : undefined,
        filter.status?.length ? inArray(incidents.status, filter.status) : undefined,
        filter.kind ? eq(incidents.kind, filter.kind) : undefined,
        linkedTo,
      ),
    )
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(filter.limit);
}

/** Incidents that may still link tickets or show a script, every project of the company, newest first. */
export async function liveIncidentsOf(db: Executor, tenantId: string): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), inArray(incidents.status, [...liveStatuses])))
    .orderBy(desc(incidents.createdAt));
}

/** Incidents that may still link tickets or show a script, for one project. */
export async function liveIncidentRows(db: Executor, tenantId: string, projectId: string): Promise<IncidentListRow[]> {
  return db
    .select({ incident: incidents, projectName: projects.name })
    .from(incidents)
    .innerJoin(projects, and(eq(projects.tenantId, incidents.tenantId), eq(projects.id, incidents.projectId)))
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.projectId, projectId), inArray(incidents.status, [...liveStatuses])))
    .orderBy(desc(incidents.createdAt));
}

export type IncidentCounts = { tickets: number; households: number; notified: number; read: number };

/** Linked tickets and households, notices delivered and read, per incident. */
export async function incidentCounts(db: Executor, tenantId: string, ids: string[]): Promise<Map<string, IncidentCounts>> {
  const result = new Map<string, IncidentCounts>(ids.map((id) => [id, { tickets: 0, households: 0, notified: 0, read: 0 }]));
  if (ids.length === 0) return result;
  const [linked, receipts] = await Promise.all([
    db
      .select({
        incidentId: tickets.incidentId,
        tickets: sql<number>`count(*)::int`,
        households: sql<number>`count(distinct ${tickets.householdId})::int`,
      })
      .from(tickets)
      .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.incidentId, ids)))
      .groupBy(tickets.incidentId),
    db
      .select({
        incidentId: noticeReceipts.incidentId,
        notified: sql<number>`count(*)::int`,
        read: sql<number>`count(${noticeReceipts.readAt})::int`,
      })
      .from(noticeReceipts)
      .where(and(eq(noticeReceipts.tenantId, tenantId), inArray(noticeReceipts.incidentId, ids)))
      .groupBy(noticeReceipts.incidentId),
  ]);
  for (const row of linked) Object.assign(result.get(row.incidentId!)!, { tickets: row.tickets, households: row.households });
  for (const row of receipts) Object.assign(result.get(row.incidentId)!, { notified: row.notified, read: row.read });
  return result;
}

export async function buildingNames(db: Executor, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: buildings.id, name: buildings.name })
    .from(buildings)
    .where(and(eq(buildings.tenantId, tenantId), inArray(buildings.id, [...new Set(ids)])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The ids among `ids` that are buildings of the project. */
export async function buildingsOfProject(db: Executor, tenantId: string, projectId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: buildings.id, name: buildings.name })
    .from(buildings)
    .where(and(eq(buildings.tenantId, tenantId), eq(buildings.projectId, projectId), inArray(buildings.id, [...new Set(ids)])))
    .orderBy(asc(buildings.name));
}

export async function householdPlace(db: Executor, tenantId: string, householdId: string) {
  const [row] = await db
    .select({ id: households.id, projectId: households.projectId, buildingId: households.buildingId })
    .from(households)
    .where(and(eq(households.tenantId, tenantId), eq(households.id, householdId)));
  return row;
}

export type IncidentActor = { kind: 'staff' | 'system'; id: string | null; name: string };
export const systemActor: IncidentActor = { kind: 'system', id: null, name: '系统' };

export type IncidentEventInput = { kind: string; note?: string; recipientRole?: string | null; data?: unknown };

export function incidentEventRow(
  incident: Pick<IncidentRow, 'tenantId' | 'id' | 'projectId'>,
  actor: IncidentActor,
  event: IncidentEventInput,
  at: Date,
): typeof incidentEvents.$inferInsert {
  return {
    tenantId: incident.tenantId,
    incidentId: incident.id,
    projectId: incident.projectId,
    kind: event.kind,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    note: event.note ?? '',
    recipientRole: event.recipientRole ?? null,
    data: event.data ?? null,
    at,
  };
}

export async function recordIncidentEvent(
  db: Executor,
  incident: Pick<IncidentRow, 'tenantId' | 'id' | 'projectId'>,
  actor: IncidentActor,
  event: IncidentEventInput,
  at: Date,
) {
  await db.insert(incidentEvents).values(incidentEventRow(incident, actor, event, at));
}

export async function incidentEventsOf(db: Executor, tenantId: string, incidentId: string): Promise<IncidentEventRow[]> {
  return db
    .select()
    .from(incidentEvents)
    .where(and(eq(incidentEvents.tenantId, tenantId), eq(incidentEvents.incidentId, incidentId)))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
}

export async function linkedTicketIds(db: Executor, tenantId: string, incidentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.incidentId, incidentId)))
    .orderBy(asc(tickets.reportedAt), asc(tickets.id));
  return rows.map((row) => row.id);
}

/**
 * Links tickets that no incident has claimed yet. The `incident_id is null` guard makes it safe
 * against a concurrent detection run or receipt: a ticket belongs to the first incident that claims it.
 */
export async function claimTickets(db: Executor, tenantId: string, incidentId: string, ticketIds: string[], extra: SQL | undefined = undefined) {
  if (ticketIds.length === 0) return [];
  return db
    .update(tickets)
    .set({ incidentId, version: sql`${tickets.version} + 1` })
    .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.id, ticketIds), isNull(tickets.incidentId), extra))
    .returning();
}

/**
 * Confirmed group incident: its complaints become 群体投诉. The SLA sweep reads complaint_scope to
 * pick the urgent escalation ladder, so the check time is reset for it to look again.
 */
export async function markGroupComplaints(db: Executor, tenantId: string, incidentId: string, now: Date) {
  return db
    .update(tickets)
    .set({ complaintScope: 'group', slaCheckAt: null, version: sql`${tickets.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        eq(tickets.incidentId, incidentId),
        eq(tickets.type, 'complaint'),
        isNotNull(tickets.incidentId),
        sql`${tickets.complaintScope} is distinct from 'group'`,
        sql`${tickets.status} not in ('closed', 'cancelled', 'merged')`,
      ),
    )
    .returning();
}

export async function insertIncident(db: Executor, row: typeof incidents.$inferInsert): Promise<IncidentRow> {
  const [created] = await db.insert(incidents).values(row).returning();
  return created!;
}

/**
 * Sends the incident's notice to every person of the affected buildings' households (the whole
 * project when no building is named): one receipt row and one owner-timeline event per person, in
 * one set-based statement. The receipt's primary key makes it idempotent, so publishing again after
 * adding a building reaches only the newly covered people.
 */
export async function deliverNotice(tx: Executor, incident: IncidentRow, actorName: string, now: Date): Promise<number> {
  return deliverToResidents(tx, {
    receipts: 'incident',
    subjectId: incident.id,
    tenantId: incident.tenantId,
    projectId: incident.projectId,
    homes:
      incident.buildingIds.length > 0
        ? sql`h.building_id in (${sql.join(
            incident.buildingIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : undefined,
    title: `通知:${incident.title}`,
    detail: { incidentId: incident.id, kind: incident.kind, startsAt: incident.startsAt, endsAt: incident.endsAt },
    actorName,
    at: now,
  });
}

/** The person's published or ended notices, newest first (at most 100). */
export async function noticesOfPerson(db: Executor, tenantId: string, personId: string) {
  return db
    .select({ incident: incidents, deliveredAt: noticeReceipts.deliveredAt, readAt: noticeReceipts.readAt })
    .from(noticeReceipts)
    .innerJoin(incidents, and(eq(incidents.tenantId, noticeReceipts.tenantId), eq(incidents.id, noticeReceipts.incidentId)))
    .where(and(eq(noticeReceipts.tenantId, tenantId), eq(noticeReceipts.personId, personId), inArray(incidents.status, ['published', 'closed'])))
    .orderBy(desc(noticeReceipts.deliveredAt), desc(noticeReceipts.incidentId))
    .limit(100);
}

/** Sets the receipt's read time unless it has one (the first reading counts) and returns it; undefined when the person has no such receipt. */
export async function markReceiptRead(
  db: Executor,
  key: { tenantId: string; incidentId: string; personId: string },
  now: Date,
): Promise<Date | null | undefined> {
  const mine = and(eq(noticeReceipts.tenantId, key.tenantId), eq(noticeReceipts.incidentId, key.incidentId), eq(noticeReceipts.personId, key.personId));
  await db
    .update(noticeReceipts)
    .set({ readAt: now })
    .where(and(mine, isNull(noticeReceipts.readAt)));
  const [receipt] = await db.select({ readAt: noticeReceipts.readAt }).from(noticeReceipts).where(mine);
  return receipt?.readAt;
}

export type DetectionCandidate = {
  id: string;
  number: string;
  type: string;
  status: string;
  projectId: string;
  householdId: string | null;
  categoryCode: string | null;
  reportedAt: Date;
  reopenCount: number;
};

/** Tickets of the types detection looks at, reported since `since`, placed and categorised, and not yet linked to an incident. */
export async function unlinkedTickets(tx: Executor, tenantId: string, since: Date): Promise<DetectionCandidate[]> {
  return tx
    .select({
      id: tickets.id,
      number: tickets.number,
      type: tickets.type,
      status: tickets.status,
      projectId: tickets.projectId,
      householdId: tickets.householdId,
      categoryCode: tickets.categoryCode,
      reportedAt: tickets.reportedAt,
      reopenCount: tickets.reopenCount,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        isNull(tickets.incidentId),
        gte(tickets.reportedAt, since),
        isNotNull(tickets.householdId),
        isNotNull(tickets.categoryCode),
        inArray(tickets.type, [...defaultGroupComplaintOptions.types]),
        notInArray(tickets.status, ['cancelled', 'merged']),
      ),
    )
    .orderBy(asc(tickets.reportedAt), asc(tickets.id));
}

export async function openGroupIncidents(tx: Executor, tenantId: string, since: Date): Promise<IncidentRow[]> {
  return tx
    .select()
    .from(incidents)
    .where(
      and(eq(incidents.tenantId, tenantId), eq(incidents.kind, 'group'), inArray(incidents.status, ['proposed', 'confirmed']), gte(incidents.endsAt, since)),
    );
}

/** Moves the incident's end to the latest report if that is later. */
export async function extendIncidentEnd(tx: Executor, incident: IncidentRow, latest: Date, now: Date): Promise<void> {
  await tx
    .update(incidents)
    .set({ endsAt: sql`greatest(${incidents.endsAt}, ${latest.toISOString()}::timestamptz)`, updatedAt: now })
    .where(and(eq(incidents.tenantId, incident.tenantId), eq(incidents.id, incident.id)));
}

/** The complaints among the tickets become 群体投诉; the check time is reset for the SLA sweep to look again. */
export async function markJoiningComplaints(tx: Executor, tenantId: string, ticketIds: string[]): Promise<void> {
  await tx
    .update(tickets)
    .set({ complaintScope: 'group', slaCheckAt: null })
    .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.id, ticketIds), eq(tickets.type, 'complaint')));
}

export async function categoryName(tx: Executor, tenantId: string, code: string): Promise<string> {
  const [row] = await tx
    .select({ name: ticketCategories.nameZh })
    .from(ticketCategories)
    .where(and(eq(ticketCategories.tenantId, tenantId), eq(ticketCategories.code, code)));
  return row?.name ?? code;
}

/** Inserts the proposal unless one with its detection key exists (undefined then). */
export async function insertProposal(tx: Executor, row: typeof incidents.$inferInsert): Promise<IncidentRow | undefined> {
  const [created] = await tx
    .insert(incidents)
    .values(row)
    .onConflictDoNothing({ target: [incidents.tenantId, incidents.detectionKey] })
    .returning();
  return created;
}

export async function findIncidentByDetectionKey(tx: Executor, tenantId: string, detectionKey: string): Promise<IncidentRow | undefined> {
  const [existing] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.detectionKey, detectionKey)));
  return existing;
}

/** Holds the company's detection lock until the transaction ends, so two passes over one company take turns. */
export async function lockDetection(tx: Executor, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`manyi.group-detection.${tenantId}`}, 0))`);
}

/** Every company, for the background pass. */
export async function allTenantIds(db: Executor): Promise<string[]> {
  return (await queryRows<{ id: string }>(db, sql`select id from tenants order by id`)).map((row) => row.id);
}
