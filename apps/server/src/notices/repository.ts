import { buildings, households, noticeDeliveries, notices, persons, projects, queryRows, staffUsers, type Executor } from '@manyi/db';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { deliverToResidents } from '../timeline/resident-delivery';

export type NoticeRow = typeof notices.$inferSelect;

const counts = {
  delivered: sql<number>`(select count(*)::int from notice_deliveries d where d.tenant_id = ${notices.tenantId} and d.notice_id = ${notices.id})`,
  read: sql<number>`(select count(*)::int from notice_deliveries d where d.tenant_id = ${notices.tenantId} and d.notice_id = ${notices.id} and d.read_at is not null)`,
  reminded: sql<number>`(select count(*)::int from notice_deliveries d where d.tenant_id = ${notices.tenantId} and d.notice_id = ${notices.id} and d.reminded_at is not null)`,
};

/** Notices of the projects with their receipt counts, newest first. */
export async function listNoticeRows(db: Executor, tenantId: string, filter: { projectIds: string[] | null; status?: string | undefined }, limit = 200) {
  return db
    .select({ notice: notices, projectName: projects.name, createdByName: staffUsers.name, ...counts })
    .from(notices)
    .innerJoin(projects, and(eq(projects.tenantId, notices.tenantId), eq(projects.id, notices.projectId)))
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, notices.tenantId), eq(staffUsers.id, notices.createdById)))
    .where(
      and(
        eq(notices.tenantId, tenantId),
        filter.projectIds ? (filter.projectIds.length === 0 ? sql`false` : inArray(notices.projectId, filter.projectIds)) : undefined,
        filter.status ? eq(notices.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(notices.createdAt))
    .limit(limit);
}

export async function findNoticeRow(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select({ notice: notices, projectName: projects.name, createdByName: staffUsers.name, ...counts })
    .from(notices)
    .innerJoin(projects, and(eq(projects.tenantId, notices.tenantId), eq(projects.id, notices.projectId)))
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, notices.tenantId), eq(staffUsers.id, notices.createdById)))
    .where(and(eq(notices.tenantId, tenantId), eq(notices.id, id)));
  return row;
}

/** Who received it: name, household, read and reminder times; unread first. */
export async function receiptsOf(db: Executor, tenantId: string, noticeId: string) {
  return db
    .select({
      personId: noticeDeliveries.personId,
      personName: persons.name,
      buildingName: buildings.name,
      room: households.room,
      deliveredAt: noticeDeliveries.deliveredAt,
      readAt: noticeDeliveries.readAt,
      remindedAt: noticeDeliveries.remindedAt,
    })
    .from(noticeDeliveries)
    .innerJoin(persons, and(eq(persons.tenantId, noticeDeliveries.tenantId), eq(persons.id, noticeDeliveries.personId)))
    .innerJoin(households, and(eq(households.tenantId, noticeDeliveries.tenantId), eq(households.id, noticeDeliveries.householdId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .where(and(eq(noticeDeliveries.tenantId, tenantId), eq(noticeDeliveries.noticeId, noticeId)))
    .orderBy(sql`${noticeDeliveries.readAt} is not null`, asc(buildings.name), asc(households.sortKey), asc(persons.name))
    .limit(5000);
}

export async function insertNotice(db: Executor, row: typeof notices.$inferInsert): Promise<NoticeRow> {
  const [created] = await db.insert(notices).values(row).returning();
  return created!;
}

export async function updateNotice(db: Executor, tenantId: string, id: string, set: Partial<typeof notices.$inferInsert>): Promise<NoticeRow | undefined> {
  const [row] = await db
    .update(notices)
    .set(set)
    .where(and(eq(notices.tenantId, tenantId), eq(notices.id, id)))
    .returning();
  return row;
}

/** How many of the ids are buildings / households of the project (the audience check). */
export async function countBuildingsInProject(db: Executor, tenantId: string, projectId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.tenantId, tenantId), eq(buildings.projectId, projectId), inArray(buildings.id, ids)));
  return rows.length;
}
export async function countHouseholdsInProject(db: Executor, tenantId: string, projectId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.tenantId, tenantId), eq(households.projectId, projectId), inArray(households.id, ids)));
  return rows.length;
}

/**
 * Delivers a published notice to every person of the chosen buildings' or households' homes, with an owner
 * timeline event each, in one statement; the primary key makes it idempotent.
 */
export async function deliverNotice(tx: Executor, notice: NoticeRow, actorName: string, now: Date): Promise<number> {
  const ids = notice.audience === 'buildings' ? notice.buildingIds : notice.householdIds;
  if (ids.length === 0) return 0;
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return deliverToResidents(tx, {
    receipts: 'notice',
    subjectId: notice.id,
    tenantId: notice.tenantId,
    projectId: notice.projectId,
    homes: notice.audience === 'buildings' ? sql`h.building_id in (${list})` : sql`h.id in (${list})`,
    title: `通知:${notice.title}`,
    detail: { noticeId: notice.id, kind: notice.kind },
    actorName,
    at: now,
  });
}

/** The person's published notices of the centre, newest first. */
export async function centreNoticesOfPerson(db: Executor, tenantId: string, personId: string) {
  return db
    .select({ notice: notices, deliveredAt: noticeDeliveries.deliveredAt, readAt: noticeDeliveries.readAt })
    .from(noticeDeliveries)
    .innerJoin(notices, and(eq(notices.tenantId, noticeDeliveries.tenantId), eq(notices.id, noticeDeliveries.noticeId)))
    .where(and(eq(noticeDeliveries.tenantId, tenantId), eq(noticeDeliveries.personId, personId), eq(notices.status, 'published')))
    .orderBy(desc(noticeDeliveries.deliveredAt))
    .limit(100);
}

/** The read receipt of a centre notice (first reading counts); undefined when the person has none. */
export async function markDeliveryRead(db: Executor, key: { tenantId: string; noticeId: string; personId: string }, now: Date) {
  const mine = and(eq(noticeDeliveries.tenantId, key.tenantId), eq(noticeDeliveries.noticeId, key.noticeId), eq(noticeDeliveries.personId, key.personId));
  await db
    .update(noticeDeliveries)
    .set({ readAt: now })
    .where(and(mine, isNull(noticeDeliveries.readAt)));
  const [row] = await db.select({ readAt: noticeDeliveries.readAt }).from(noticeDeliveries).where(mine);
  return row?.readAt;
}

export type Reminder = { tenantId: string; noticeId: string; personId: string; phone: string | null; title: string };

/**
 * Marks unread, not yet reminded deliveries as reminded and returns them with the phone to text: those of one
 * notice (a manager's button), or of every notice whose reminder time has come (the pass). Each delivery is
 * reminded at most once: the update's condition is the claim, so two passes never remind twice.
 */
export async function claimReminders(db: Executor, now: Date, only?: { tenantId: string; noticeId: string }, limit = 2000): Promise<Reminder[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const scope = only
    ? sql`d.tenant_id = ${only.tenantId}::uuid and d.notice_id = ${only.noticeId}::uuid`
    : sql`n.published_at + make_interval(hours => n.remind_after_hours) <= ${at}`;
  return queryRows<Reminder>(
    db,
    sql`
with due as (
  select d.tenant_id, d.notice_id, d.person_id
  from notice_deliveries d
  join notices n on n.tenant_id = d.tenant_id and n.id = d.notice_id
  where d.read_at is null and d.reminded_at is null and n.status = 'published' and ${scope}
  order by d.delivered_at
  limit ${limit}
  for update of d skip locked
),
claimed as (
  update notice_deliveries d set reminded_at = ${at}
  from due
  where d.tenant_id = due.tenant_id and d.notice_id = due.notice_id and d.person_id = due.person_id
  returning d.tenant_id, d.notice_id, d.person_id
)
select c.tenant_id as "tenantId", c.notice_id as "noticeId", c.person_id as "personId", p.phone, n.title
from claimed c
join persons p on p.tenant_id = c.tenant_id and p.id = c.person_id
join notices n on n.tenant_id = c.tenant_id and n.id = c.notice_id`,
  );
}
