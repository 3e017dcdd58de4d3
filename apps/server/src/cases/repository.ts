import {
  buildings,
  cases,
  clearRecords,
  escapeLike,
  households,
  persons,
  projects,
  recoveryRecords,
  ticketCategories,
  tickets,
  units,
  type Executor,
} from '@manyi/db';
import { and, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';

export type CaseRow = typeof cases.$inferSelect;

/** Closed complaints no case has taken yet, oldest first, with what a draft needs. */
export async function closedComplaintsWithoutCase(db: Executor, tenantId: string | null, limit: number) {
  return db
    .select({
      ticket: tickets,
      categoryName: ticketCategories.nameZh,
      room: households.room,
      buildingName: buildings.name,
      unitName: units.name,
      discStyle: persons.discStyle,
      clear: clearRecords,
      recovery: recoveryRecords,
      visit: sql<{ csat: number | null; comment: string } | null>`(
        select json_build_object('csat', rv.csat, 'comment', rv.comment) from return_visits rv
        where rv.tenant_id = ${tickets.tenantId} and rv.ticket_id = ${tickets.id} and rv.outcome = 'confirmed'
        order by rv.at desc limit 1)`,
    })
    .from(tickets)
    .leftJoin(cases, and(eq(cases.tenantId, tickets.tenantId), eq(cases.ticketId, tickets.id)))
    .leftJoin(ticketCategories, and(eq(ticketCategories.tenantId, tickets.tenantId), eq(ticketCategories.code, tickets.categoryCode)))
    .leftJoin(households, and(eq(households.tenantId, tickets.tenantId), eq(households.id, tickets.householdId)))
    .leftJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .leftJoin(persons, and(eq(persons.tenantId, tickets.tenantId), eq(persons.id, tickets.reporterPersonId)))
    .leftJoin(clearRecords, and(eq(clearRecords.tenantId, tickets.tenantId), eq(clearRecords.ticketId, tickets.id)))
    .leftJoin(recoveryRecords, and(eq(recoveryRecords.tenantId, tickets.tenantId), eq(recoveryRecords.ticketId, tickets.id)))
    .where(and(tenantId ? eq(tickets.tenantId, tenantId) : undefined, eq(tickets.type, 'complaint'), eq(tickets.status, 'closed'), isNull(cases.id)))
    .orderBy(tickets.closedAt)
    .limit(limit);
}

/** Inserts drafts; a ticket that already has a case (another instance drafted it first) is skipped. */
export async function insertCaseDrafts(db: Executor, rows: (typeof cases.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(cases).values(rows).onConflictDoNothing().returning({ id: cases.id });
  return inserted.length;
}

export type CaseFilter = {
  projectIds: string[] | null;
  status?: string | undefined;
  category?: string | undefined;
  redLine?: string | undefined;
  disc?: string | undefined;
  outcome?: string | undefined;
  q?: string | undefined;
  meeting?: 'yes' | undefined;
};

/** A case with what its list and page show beside it: the project's name, the ticket's number, the category's name. */
const selectCaseRows = (db: Executor) =>
  db
    .select({
      record: cases,
      projectName: projects.name,
      ticketNumber: tickets.number,
      categoryZh: ticketCategories.nameZh,
      categoryEn: ticketCategories.nameEn,
    })
    .from(cases)
    .innerJoin(projects, and(eq(projects.tenantId, cases.tenantId), eq(projects.id, cases.projectId)))
    .innerJoin(tickets, and(eq(tickets.tenantId, cases.tenantId), eq(tickets.id, cases.ticketId)))
    .leftJoin(ticketCategories, and(eq(ticketCategories.tenantId, cases.tenantId), eq(ticketCategories.code, cases.categoryCode)));

export async function listCaseRows(db: Executor, tenantId: string, filter: CaseFilter, limit = 200) {
  const conditions: (SQL | undefined)[] = [
    eq(cases.tenantId, tenantId),
    filter.projectIds
      ? filter.projectIds.length === 0
        ? sql`false`
        : sql`${cases.projectId} in (${sql.join(
            filter.projectIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
      : undefined,
    filter.status ? eq(cases.status, filter.status) : undefined,
    filter.category ? or(eq(cases.categoryCode, filter.category), sql`${cases.categoryCode} like ${`${escapeLike(filter.category)}.%`}`) : undefined,
    filter.redLine ? sql`${filter.redLine} = any(${cases.redLines})` : undefined,
    filter.disc ? eq(cases.discStyle, filter.disc) : undefined,
    filter.outcome ? eq(cases.outcome, filter.outcome) : undefined,
    filter.meeting === 'yes' ? isNotNull(cases.meetingFlaggedAt) : undefined,
    filter.q ? or(ilike(cases.title, `%${escapeLike(filter.q)}%`), sql`${cases.content}::text ilike ${`%${escapeLike(filter.q)}%`}`) : undefined,
  ];
  return selectCaseRows(db)
    .where(and(...conditions))
    .orderBy(desc(cases.createdAt))
    .limit(limit);
}

export async function findCaseRow(db: Executor, tenantId: string, id: string) {
  const [row] = await selectCaseRows(db).where(and(eq(cases.tenantId, tenantId), eq(cases.id, id)));
  return row;
}

export async function updateCaseRow(db: Executor, tenantId: string, id: string, set: Partial<typeof cases.$inferInsert>) {
  const [row] = await db
    .update(cases)
    .set(set)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id)))
    .returning();
  return row;
}

/** Published cases of the company, newest first: they become case drills in the training academy. */
export async function publishedCases(db: Executor, tenantId: string, limit = 50): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.status, 'published')))
    .orderBy(desc(cases.publishedAt))
    .limit(limit);
}
