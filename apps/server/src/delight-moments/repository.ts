import { delightMoments, persons, projects, staffUsers, tickets, type Executor } from '@manyi/db';
import { and, desc, eq, inArray, isNotNull, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

export type DelightRow = typeof delightMoments.$inferSelect;

const recorder = alias(staffUsers, 'recorder');
const rewarder = alias(staffUsers, 'rewarder');

export type DelightFilter = { projectIds: string[] | null; staffId?: string | undefined; rewarded?: 'yes' | 'no' | undefined };

/** Moments with the names a list shows, newest first. */
export async function listDelightRows(db: Executor, tenantId: string, filter: DelightFilter, limit = 200) {
  const conditions: (SQL | undefined)[] = [
    eq(delightMoments.tenantId, tenantId),
    filter.projectIds ? (filter.projectIds.length === 0 ? sql`false` : inArray(delightMoments.projectId, filter.projectIds)) : undefined,
    filter.staffId ? eq(delightMoments.staffId, filter.staffId) : undefined,
    filter.rewarded === 'yes' ? isNotNull(delightMoments.rewardedAt) : filter.rewarded === 'no' ? isNull(delightMoments.rewardedAt) : undefined,
  ];
  return db
    .select({
      moment: delightMoments,
      projectName: projects.name,
      staffName: staffUsers.name,
      recordedByName: recorder.name,
      rewardedByName: rewarder.name,
      personName: persons.name,
      ticketNumber: tickets.number,
    })
    .from(delightMoments)
    .innerJoin(projects, and(eq(projects.tenantId, delightMoments.tenantId), eq(projects.id, delightMoments.projectId)))
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, delightMoments.tenantId), eq(staffUsers.id, delightMoments.staffId)))
    .leftJoin(recorder, and(eq(recorder.tenantId, delightMoments.tenantId), eq(recorder.id, delightMoments.recordedById)))
    .leftJoin(rewarder, and(eq(rewarder.tenantId, delightMoments.tenantId), eq(rewarder.id, delightMoments.rewardedById)))
    .leftJoin(persons, and(eq(persons.tenantId, delightMoments.tenantId), eq(persons.id, delightMoments.personId)))
    .leftJoin(tickets, and(eq(tickets.tenantId, delightMoments.tenantId), eq(tickets.id, delightMoments.ticketId)))
    .where(and(...conditions))
    .orderBy(desc(delightMoments.occurredAt))
    .limit(limit);
}

export async function findDelightRow(db: Executor, tenantId: string, id: string): Promise<DelightRow | undefined> {
  const [row] = await db
    .select()
    .from(delightMoments)
    .where(and(eq(delightMoments.tenantId, tenantId), eq(delightMoments.id, id)));
  return row;
}

/** Inserts a moment; undefined when its praise ticket already has one (the unique index on ticket_id). */
export async function insertDelight(db: Executor, row: typeof delightMoments.$inferInsert): Promise<DelightRow | undefined> {
  const [inserted] = await db.insert(delightMoments).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Rewards a moment once; undefined when it was already rewarded. */
export async function rewardDelight(
  db: Executor,
  tenantId: string,
  id: string,
  set: Pick<DelightRow, 'rewardPoints' | 'rewardNote' | 'rewardedById' | 'rewardedAt'> & Partial<Pick<DelightRow, 'journeyId' | 'touchpointId'>>,
) {
  const [row] = await db
    .update(delightMoments)
    .set(set)
    .where(and(eq(delightMoments.tenantId, tenantId), eq(delightMoments.id, id), isNull(delightMoments.rewardedAt)))
    .returning();
  return row;
}

/** Owners' praise tickets of the projects that no moment has taken yet, newest first. */
export async function praiseTickets(db: Executor, tenantId: string, projectIds: string[] | null, limit = 100) {
  return db
    .select({
      ticketId: tickets.id,
      number: tickets.number,
      projectId: tickets.projectId,
      title: tickets.title,
      description: tickets.description,
      reportedAt: tickets.reportedAt,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        eq(tickets.type, 'praise'),
        projectIds ? (projectIds.length === 0 ? sql`false` : inArray(tickets.projectId, projectIds)) : undefined,
        notExists(
          db
            .select({ id: delightMoments.id })
            .from(delightMoments)
            .where(and(eq(delightMoments.tenantId, tickets.tenantId), eq(delightMoments.ticketId, tickets.id))),
        ),
      ),
    )
    .orderBy(desc(tickets.reportedAt))
    .limit(limit);
}

export async function findPraiseTicket(db: Executor, tenantId: string, ticketId: string) {
  const [row] = await db
    .select({
      id: tickets.id,
      type: tickets.type,
      projectId: tickets.projectId,
      description: tickets.description,
      title: tickets.title,
      householdId: tickets.householdId,
      reporterPersonId: tickets.reporterPersonId,
      reportedAt: tickets.reportedAt,
    })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
  return row;
}
