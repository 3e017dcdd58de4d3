import {
  auditLogs,
  isTransaction,
  queryRows,
  buildings,
  households,
  incidentEvents,
  incidents,
  persons,
  projects,
  ticketEvents,
  tickets,
  timelineEvents,
  units,
  type Executor,
} from '@manyi/db';
import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { IncidentRow } from '../incidents/repository';
import { liveStatuses } from '../incidents/vocabulary';
import type { TicketRow } from '../tickets/repository';
import type { EarlierReport } from './checks';

/**
 * Where a report belongs, in one query: the project (undefined: not the company's), the person
 * named as reporter, and the household named — else the reporter's — with its building and unit.
 */
export async function findPlace(db: Executor, tenantId: string, projectId: string, personId: string | null, householdId: string | null) {
  const [row] = await db
    .select({
      project: { id: projects.id, name: projects.name },
      person: { id: persons.id, projectId: persons.projectId, householdId: persons.householdId, name: persons.name, phone: persons.phone },
      household: { id: households.id, projectId: households.projectId, buildingId: households.buildingId, room: households.room },
      buildingName: buildings.name,
      unitName: units.name,
    })
    .from(projects)
    .leftJoin(persons, and(eq(persons.tenantId, projects.tenantId), eq(persons.id, sql`${personId}::uuid`)))
    .leftJoin(households, and(eq(households.tenantId, projects.tenantId), eq(households.id, sql`coalesce(${householdId}::uuid, ${persons.householdId})`)))
    .leftJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, projectId)));
  if (!row) return undefined;
  return {
    project: row.project,
    person: row.person ?? undefined,
    household: row.household ? { ...row.household, buildingName: row.buildingName, unitName: row.unitName } : undefined,
  };
}

/** The household's reports of one category between `since` and `until` (index tickets_repeat_window). */
export async function earlierReports(
  db: Executor,
  tenantId: string,
  householdId: string,
  categoryCode: string,
  since: Date,
  until: Date,
): Promise<EarlierReport[]> {
  return db
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
        eq(tickets.householdId, householdId),
        eq(tickets.categoryCode, categoryCode),
        gte(tickets.reportedAt, since),
        lte(tickets.reportedAt, until),
      ),
    );
}

/** Incidents of the project that may still link a report, newest first. */
export async function liveIncidentsOfProject(db: Executor, tenantId: string, projectId: string): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.projectId, projectId), inArray(incidents.status, [...liveStatuses])))
    .orderBy(desc(incidents.createdAt));
}

/**
 * The next number of the project's day: inserts the day's counter at 1 or adds 1 to it. The
 * upsert's row lock serialises concurrent receipts of a project, so a number is never handed out
 * twice. Run on its own (receive.ts), the statement commits without waiting for its WAL flush
 * (synchronous_commit off for this transaction only), so the lock lasts microseconds instead of a
 * disk flush, which would cap a project at a few hundred receipts a second. That loses nothing:
 * the receipt's own transaction commits after it and flushes the WAL up to itself, the counter
 * included; if the server dies before that, no ticket carries the number, and the unique index on
 * the number refuses a duplicate anyway. Inside a caller's transaction the setting would reach the
 * caller's own commit, so there it is the plain upsert.
 */
export async function nextSequence(db: Executor, tenantId: string, projectId: string, day: string): Promise<number> {
  const counter = sql`${tenantId}::uuid, ${projectId}::uuid, ${day}::date, 1`;
  const source = isTransaction(db)
    ? sql`values (${counter})`
    : sql`select ${counter} from (select set_config('synchronous_commit', 'off', true)) as quick_commit`;
  const [row] = await queryRows<{ last_value: number }>(
    db,
    sql`insert into ticket_sequences (tenant_id, project_id, day, last_value) ${source}
      on conflict (tenant_id, project_id, day) do update set last_value = ticket_sequences.last_value + 1
      returning last_value`,
  );
  return Number(row!.last_value);
}

export async function insertTicketRow(db: Executor, row: typeof tickets.$inferInsert): Promise<TicketRow> {
  const [inserted] = await db.insert(tickets).values(row).returning();
  return inserted!;
}

/** The rows that go with a new ticket: its events, the owner's timeline, the audit row and incident events. */
export async function insertReceiptRecords(
  db: Executor,
  records: {
    events: (typeof ticketEvents.$inferInsert)[];
    timeline: (typeof timelineEvents.$inferInsert)[];
    audit: typeof auditLogs.$inferInsert;
    incidentEvents: (typeof incidentEvents.$inferInsert)[];
  },
): Promise<void> {
  await db.insert(ticketEvents).values(records.events);
  if (records.timeline.length > 0) await db.insert(timelineEvents).values(records.timeline);
  await db.insert(auditLogs).values(records.audit);
  if (records.incidentEvents.length > 0) await db.insert(incidentEvents).values(records.incidentEvents);
}

/** A group incident's endsAt is its latest report: households joining later keep its window open. */
export async function extendGroupWindow(db: Executor, incident: Pick<IncidentRow, 'tenantId' | 'id'>, reportedAt: Date, now: Date): Promise<void> {
  await db
    .update(incidents)
    .set({ endsAt: sql`greatest(${incidents.endsAt}, ${reportedAt.toISOString()}::timestamptz)`, updatedAt: now })
    .where(and(eq(incidents.tenantId, incident.tenantId), eq(incidents.id, incident.id)));
}
