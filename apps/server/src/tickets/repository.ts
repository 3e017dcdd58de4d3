import { addLocalDays, openStatuses, shanghaiMidnight } from '@manyi/core';
import {
  buildings,
  escapeLike,
  households,
  likeContaining,
  projects,
  returnVisits,
  staffUsers,
  ticketAttachments,
  ticketEvents,
  tickets,
  units,
  type Executor,
} from '@manyi/db';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { dueTodayCondition, overdueCondition } from './conditions';
import type { TicketFilter } from '@manyi/contracts/tickets';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;

export async function findTicketRow(db: Executor, tenantId: string, id: string): Promise<TicketRow | undefined> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  return row;
}

/**
 * Writes a change only if nobody else changed the ticket since it was read (optimistic
 * concurrency on `version`); returns undefined when the ticket moved on meanwhile.
 */
export async function updateTicketRow(db: Executor, row: TicketRow, set: Partial<TicketRow>, now: Date): Promise<TicketRow | undefined> {
  const [updated] = await db
    .update(tickets)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(tickets.tenantId, row.tenantId), eq(tickets.id, row.id), eq(tickets.version, row.version)))
    .returning();
  return updated;
}

/** Sets columns without counting as a change (no version bump): derived values such as SLA deadlines written after the change itself. */
export async function setTicketColumns(db: Executor, tenantId: string, id: string, set: Partial<TicketRow>): Promise<TicketRow | undefined> {
  const [updated] = await db
    .update(tickets)
    .set(set)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .returning();
  return updated;
}

const listColumns = {
  ticket: tickets,
  projectName: projects.name,
  buildingName: buildings.name,
  unitName: units.name,
  room: households.room,
};

function selectTickets(db: Executor) {
  return db
    .select(listColumns)
    .from(tickets)
    .innerJoin(projects, and(eq(projects.tenantId, tickets.tenantId), eq(projects.id, tickets.projectId)))
    .leftJoin(households, and(eq(households.tenantId, tickets.tenantId), eq(households.id, tickets.householdId)))
    .leftJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)));
}

export type TicketListRow = Awaited<ReturnType<ReturnType<typeof selectTickets>['where']>>[number];

const noBuilding = '00000000-0000-0000-0000-000000000000';

const monthBounds = (month: string) => ({
  start: shanghaiMidnight(`${month}-01`),
  next: shanghaiMidnight(`${addLocalDays(`${month}-28`, 5).slice(0, 7)}-01`),
});

/** Reported within the Shanghai month 'YYYY-MM'. */
function reportedInMonth(month: string): SQL {
  const { start, next } = monthBounds(month);
  return and(gte(tickets.reportedAt, start), lt(tickets.reportedAt, next))!;
}

/** A return visit rated within the Shanghai month, as analytics counts a month's visit ratings (by the visit's time, CSAT given). */
function ratedInMonth(month: string): SQL {
  const { start, next } = monthBounds(month);
  return sql`exists (select 1 from ${returnVisits} v where v.tenant_id = ${tickets.tenantId} and v.ticket_id = ${tickets.id}
    and v.csat is not null and v.at >= ${start} and v.at < ${next})`;
}

export function ticketConditions(tenantId: string, projectIds: string[] | null, filter: TicketFilter & { staffId: string }, now: Date): SQL | undefined {
  const q = likeContaining(filter.q);
  return and(
    eq(tickets.tenantId, tenantId),
    projectIds ? inArray(tickets.projectId, projectIds) : undefined,
    filter.status?.length ? inArray(tickets.status, filter.status) : undefined,
    filter.type ? eq(tickets.type, filter.type) : undefined,
    filter.categoryCode
      ? or(eq(tickets.categoryCode, filter.categoryCode), sql`${tickets.categoryCode} like ${`${escapeLike(filter.categoryCode)}.%`}`)
      : undefined,
    filter.assigneeId ? eq(tickets.assigneeId, filter.assigneeId) : undefined,
    filter.reporterPersonId ? eq(tickets.reporterPersonId, filter.reporterPersonId) : undefined,
    filter.householdId ? eq(tickets.householdId, filter.householdId) : undefined,
    filter.mine ? or(eq(tickets.assigneeId, filter.staffId), eq(tickets.accountableId, filter.staffId), eq(tickets.handoverToId, filter.staffId)) : undefined,
    // The same conditions as the console tiles (stats.ts), so a tile's count and its list agree.
    filter.overdue ? overdueCondition(now) : undefined,
    filter.dueToday ? dueTodayCondition(now) : undefined,
    // The analytics drill-down's building and month (analytics/repository.ts groups by the household's building, nil UUID for none).
    filter.buildingId === undefined
      ? undefined
      : filter.buildingId === noBuilding
        ? isNull(households.buildingId)
        : eq(households.buildingId, filter.buildingId),
    filter.month ? reportedInMonth(filter.month) : undefined,
    filter.channel ? eq(tickets.channel, filter.channel) : undefined,
    filter.repeat === undefined ? undefined : eq(tickets.isRepeat, filter.repeat),
    filter.ratedMonth ? ratedInMonth(filter.ratedMonth) : undefined,
    q
      ? or(ilike(tickets.number, q), ilike(tickets.title, q), ilike(households.room, q), ilike(tickets.reporterName, q), ilike(tickets.reporterPhone, q))
      : undefined,
  );
}

/** Newest first; ids are UUIDv7, so the id alone is a stable keyset. */
export async function listTickets(db: Executor, conditions: SQL | undefined, after: string | null, limit: number): Promise<TicketListRow[]> {
  return selectTickets(db)
    .where(and(conditions, after ? lt(tickets.id, after) : undefined))
    .orderBy(desc(tickets.id))
    .limit(limit + 1);
}

export async function findTicketListRow(db: Executor, tenantId: string, id: string): Promise<TicketListRow | undefined> {
  const [row] = await selectTickets(db).where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  return row;
}

export async function ticketEventsOf(db: Executor, tenantId: string, ticketId: string, ownerVisibleOnly = false): Promise<TicketEventRow[]> {
  return db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.tenantId, tenantId), eq(ticketEvents.ticketId, ticketId), ownerVisibleOnly ? eq(ticketEvents.visibleToOwner, true) : undefined))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

export async function staffNames(db: Executor, tenantId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), inArray(staffUsers.id, wanted)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function ticketsMergedInto(db: Executor, tenantId: string, ticketId: string) {
  return db
    .select({ id: tickets.id, number: tickets.number })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.mergedIntoId, ticketId)))
    .orderBy(asc(tickets.id));
}

/** The facts core's ageing and grouping rules read of every open ticket in the projects (null: all), oldest report first. */
export async function openTicketFacts(db: Executor, tenantId: string, projectIds: string[] | null) {
  return db
    .select({
      id: tickets.id,
      type: tickets.type,
      status: tickets.status,
      projectId: tickets.projectId,
      householdId: tickets.householdId,
      categoryCode: tickets.categoryCode,
      reportedAt: tickets.reportedAt,
      reopenCount: tickets.reopenCount,
    })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), projectIds ? inArray(tickets.projectId, projectIds) : undefined, inArray(tickets.status, [...openStatuses])))
    .orderBy(asc(tickets.reportedAt), asc(tickets.id));
}

export async function insertTicketEvent(db: Executor, row: typeof ticketEvents.$inferInsert): Promise<void> {
  await db.insert(ticketEvents).values(row);
}

export type AttachmentRow = typeof ticketAttachments.$inferSelect;

export async function countAttachments(db: Executor, tenantId: string, ticketId: string): Promise<number> {
  const [existing] = await db
    .select({ count: count() })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.tenantId, tenantId), eq(ticketAttachments.ticketId, ticketId)));
  return existing?.count ?? 0;
}

export async function insertAttachment(db: Executor, row: typeof ticketAttachments.$inferInsert): Promise<AttachmentRow> {
  const [inserted] = await db.insert(ticketAttachments).values(row).returning();
  return inserted!;
}

export async function attachmentRowsOf(db: Executor, tenantId: string, ticketId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.tenantId, tenantId), eq(ticketAttachments.ticketId, ticketId)))
    .orderBy(asc(ticketAttachments.id));
}

export async function findAttachmentRow(db: Executor, tenantId: string, ticketId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.tenantId, tenantId), eq(ticketAttachments.ticketId, ticketId), eq(ticketAttachments.id, attachmentId)));
  return row;
}

const inProjects = (tenantId: string, projectIds: string[] | null) =>
  and(eq(tickets.tenantId, tenantId), projectIds ? inArray(tickets.projectId, projectIds) : undefined);

/** Open, overdue (all, and open ones only) and due-today counts of the console tiles (conditions.ts), over open and resolved tickets. */
export async function tileCounts(db: Executor, tenantId: string, projectIds: string[] | null, now: Date) {
  const overdue = overdueCondition(now);
  const dueToday = dueTodayCondition(now);
  const [tiles] = await db
    .select({
      open: sql<number>`count(*) filter (where ${inArray(tickets.status, [...openStatuses])})`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${overdue})`.mapWith(Number),
      dueToday: sql<number>`count(*) filter (where ${dueToday})`.mapWith(Number),
      overdueOpen: sql<number>`count(*) filter (where ${and(inArray(tickets.status, [...openStatuses]), overdue)})`.mapWith(Number),
    })
    .from(tickets)
    .where(and(inProjects(tenantId, projectIds), inArray(tickets.status, [...openStatuses, 'resolved'])));
  return tiles;
}

/** Tickets resolved between `from` and `until` with an SLA outcome, and how many of them met every recorded deadline. */
export async function slaOutcomeCounts(db: Executor, tenantId: string, projectIds: string[] | null, from: Date, until: Date) {
  const [compliance] = await db
    .select({
      total: count(),
      met: sql<number>`count(*) filter (where coalesce(${tickets.resolutionMet}, true) and coalesce(${tickets.arrivalMet}, true))`.mapWith(Number),
    })
    .from(tickets)
    .where(
      and(
        inProjects(tenantId, projectIds),
        gte(tickets.resolvedAt, from),
        lte(tickets.resolvedAt, until),
        or(isNotNull(tickets.resolutionMet), isNotNull(tickets.arrivalMet)),
      ),
    );
  return compliance;
}

/**
 * The Shanghai month ('YYYY-MM-01') of a company's first ticket, where the monthly rollups' full recount starts
 * (monthly-rollup.ts); null without tickets. The (tenant, reported_at) index answers it from its first entry.
 */
export async function firstTicketMonth(db: Executor, tenantId: string): Promise<string | null> {
  const [row] = await db
    .select({ month: sql<string | null>`to_char(date_trunc('month', min(${tickets.reportedAt}) at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')` })
    .from(tickets)
    .where(eq(tickets.tenantId, tenantId));
  return row?.month ?? null;
}
