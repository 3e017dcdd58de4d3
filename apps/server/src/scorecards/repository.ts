/**
 * Scorecard statements: the rollup's recount (score_months, one statement per company from the events of
 * sources.ts), the reads of cards and rankings over it, the drill-down over the events themselves, objections.
 */
import { projects, queryRows, scoreMonths, scoreObjections, staffProjects, staffUsers, type Executor } from '@manyi/db';
import { and, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { eventsOf, type EventScope, type ScoreSource } from './sources';

const shanghaiMonth = (column: SQL) => sql`date_trunc('month', ${column} at time zone 'Asia/Shanghai')::date`;
const notUpheld = sql`not exists (select 1 from score_objections o where o.tenant_id = ${sql.raw('x.tenant_id')} and o.staff_id = e.staff_id
  and o.kind = e.kind and o.record_id = e.record_id and o.status = 'upheld')`;

/** Start of a 'YYYY-MM-01' month in Shanghai, as an instant. */
const instantOfMonth = (month: string) => new Date(`${month}T00:00:00+08:00`);

/** Start of a 'YYYY-MM-01' month in Shanghai, as an SQL instant. */
export const monthStart = (month: string) => sql`(${month}::date::timestamp at time zone 'Asia/Shanghai')`;

/**
 * Recounts one company's score_months of the months [fromMonth, untilMonth) ('YYYY-MM-01'; every month from
 * fromMonth on when untilMonth is null), in the caller's transaction: deletes those months and inserts them again
 * from the events of that time, leaving out points whose objection was upheld.
 */
export async function refreshScoreMonths(
  tx: Executor,
  tenantId: string,
  sources: readonly ScoreSource[],
  fromMonth: string,
  untilMonth: string | null,
): Promise<number> {
  const from = instantOfMonth(fromMonth);
  const to = untilMonth === null ? undefined : instantOfMonth(untilMonth);
  await tx.execute(
    sql`delete from score_months where tenant_id = ${tenantId} and month >= ${fromMonth}::date ${untilMonth === null ? sql`` : sql`and month < ${untilMonth}::date`}`,
  );
  const rows = await queryRows<{ count: number }>(
    tx,
    sql`with x as (select ${tenantId}::uuid as tenant_id), inserted as (
      insert into score_months (tenant_id, month, staff_id, project_id, kind, events, amount, updated_at)
      select ${tenantId}, ${shanghaiMonth(sql`e.occurred_at`)}, e.staff_id, e.project_id, e.kind, count(*), sum(e.amount), now()
      from ${eventsOf(sources, { tenantId, from, to })}, x
      where ${notUpheld}
      group by 2, 3, 4, 5
      returning 1)
    select count(*)::int as count from inserted`,
  );
  return rows[0]?.count ?? 0;
}

/** Companies with any staff (the pass recounts each). */
export async function tenantsWithStaff(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ tenant_id: string }>(db, sql`select distinct tenant_id from staff_projects`);
  return rows.map((row) => row.tenant_id);
}

export type MonthCount = { month: string; staffId: string; projectId: string; kind: string; events: number; amount: number };

const countColumns = {
  month: sql<string>`to_char(${scoreMonths.month}, 'YYYY-MM')`,
  staffId: scoreMonths.staffId,
  projectId: scoreMonths.projectId,
  kind: scoreMonths.kind,
  events: scoreMonths.events,
  amount: scoreMonths.amount,
};

/** One person's counts from `fromMonth` to `toMonth` (inclusive, 'YYYY-MM-01'). */
export async function personCounts(db: Executor, tenantId: string, staffId: string, fromMonth: string, toMonth: string): Promise<MonthCount[]> {
  return db
    .select(countColumns)
    .from(scoreMonths)
    .where(
      and(
        eq(scoreMonths.tenantId, tenantId),
        eq(scoreMonths.staffId, staffId),
        gte(scoreMonths.month, fromMonth),
        sql`${scoreMonths.month} <= ${toMonth}::date`,
      ),
    );
}

/** Counts of one month in the given projects (every project when null). */
export async function projectCounts(db: Executor, tenantId: string, projectIds: readonly string[] | null, month: string): Promise<MonthCount[]> {
  return db
    .select(countColumns)
    .from(scoreMonths)
    .where(
      and(
        eq(scoreMonths.tenantId, tenantId),
        eq(scoreMonths.month, month),
        projectIds ? (projectIds.length ? inArray(scoreMonths.projectId, [...projectIds]) : sql`false`) : undefined,
      ),
    );
}

export async function countedAt(db: Executor, tenantId: string, staffId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`max(${scoreMonths.updatedAt})` })
    .from(scoreMonths)
    .where(and(eq(scoreMonths.tenantId, tenantId), eq(scoreMonths.staffId, staffId)));
  return row?.at ? new Date(row.at) : null;
}

export type StaffCard = { id: string; name: string; post: string | null; active: boolean };

export async function findStaff(db: Executor, tenantId: string, staffId: string): Promise<StaffCard | undefined> {
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, post: staffUsers.post, active: staffUsers.active })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)));
  return row;
}

/** The projects a person serves, with their names. */
export async function projectsOfStaff(db: Executor, tenantId: string, staffId: string): Promise<{ projectId: string; projectName: string }[]> {
  return db
    .select({ projectId: staffProjects.projectId, projectName: projects.name })
    .from(staffProjects)
    .innerJoin(projects, and(eq(projects.tenantId, staffProjects.tenantId), eq(projects.id, staffProjects.projectId)))
    .where(and(eq(staffProjects.tenantId, tenantId), eq(staffProjects.staffId, staffId)))
    .orderBy(projects.name);
}

/** The active people of some projects (every project when null), one row per person and project. */
export async function peopleOf(
  db: Executor,
  tenantId: string,
  projectIds: readonly string[] | null,
): Promise<{ staffId: string; projectId: string; name: string; post: string | null }[]> {
  return db
    .select({ staffId: staffProjects.staffId, projectId: staffProjects.projectId, name: staffUsers.name, post: staffUsers.post })
    .from(staffProjects)
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, staffProjects.tenantId), eq(staffUsers.id, staffProjects.staffId)))
    .where(
      and(
        eq(staffProjects.tenantId, tenantId),
        eq(staffUsers.active, true),
        projectIds ? (projectIds.length ? inArray(staffProjects.projectId, [...projectIds]) : sql`false`) : undefined,
      ),
    );
}

export async function projectNames(db: Executor, tenantId: string, projectIds: readonly string[] | null): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), projectIds ? (projectIds.length ? inArray(projects.id, [...projectIds]) : sql`false`) : undefined));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export type EventRow = {
  kind: string;
  record_id: string;
  staff_id: string;
  project_id: string;
  occurred_at: Date | string;
  amount: number;
  ticket_id: string | null;
  ticket_number: string | null;
  title: string;
  objection_id: string | null;
  objection_status: string | null;
  objection_resolution: string | null;
};

/** One person's events in a period (newest first, at most `limit`), each with its objection if any. */
export async function personEvents(db: Executor, sources: readonly ScoreSource[], scope: EventScope & { staffId: string }, limit = 500): Promise<EventRow[]> {
  return queryRows<EventRow>(
    db,
    sql`select e.*, o.id as objection_id, o.status as objection_status, o.resolution as objection_resolution
      from ${eventsOf(sources, scope)}
      left join score_objections o on o.tenant_id = ${scope.tenantId} and o.staff_id = e.staff_id and o.kind = e.kind and o.record_id = e.record_id
      order by e.occurred_at desc, e.record_id
      limit ${limit}`,
  );
}

export type ObjectionRow = typeof scoreObjections.$inferSelect;

/** Inserts an objection; undefined when the person already objected to this point (the unique index). */
export async function insertObjection(db: Executor, row: typeof scoreObjections.$inferInsert): Promise<ObjectionRow | undefined> {
  const [inserted] = await db.insert(scoreObjections).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findObjection(db: Executor, tenantId: string, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await db
    .select()
    .from(scoreObjections)
    .where(and(eq(scoreObjections.tenantId, tenantId), eq(scoreObjections.id, id)));
  return row;
}

/** Resolves an open objection; undefined when it was already resolved. */
export async function resolveObjectionRow(
  db: Executor,
  tenantId: string,
  id: string,
  set: Pick<ObjectionRow, 'status' | 'resolution' | 'resolvedById' | 'resolvedAt'>,
): Promise<ObjectionRow | undefined> {
  const [row] = await db
    .update(scoreObjections)
    .set(set)
    .where(and(eq(scoreObjections.tenantId, tenantId), eq(scoreObjections.id, id), eq(scoreObjections.status, 'open')))
    .returning();
  return row;
}

/** Takes an upheld point out of its month's count at once (the next recount agrees: it leaves upheld points out). */
export async function removeCountedPoint(db: Executor, row: ObjectionRow, month: string, amount: number): Promise<void> {
  await db
    .update(scoreMonths)
    .set({ events: sql`greatest(${scoreMonths.events} - 1, 0)`, amount: sql`${scoreMonths.amount} - ${amount}`, updatedAt: new Date() })
    .where(
      and(
        eq(scoreMonths.tenantId, row.tenantId),
        eq(scoreMonths.month, month),
        eq(scoreMonths.staffId, row.staffId),
        eq(scoreMonths.projectId, row.projectId),
        eq(scoreMonths.kind, row.kind),
      ),
    );
}

export async function listObjectionRows(
  db: Executor,
  tenantId: string,
  filter: { projectIds: string[] | null; staffId?: string | undefined; status?: string | undefined },
) {
  return db
    .select({ objection: scoreObjections, staffName: staffUsers.name, projectName: projects.name })
    .from(scoreObjections)
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, scoreObjections.tenantId), eq(staffUsers.id, scoreObjections.staffId)))
    .innerJoin(projects, and(eq(projects.tenantId, scoreObjections.tenantId), eq(projects.id, scoreObjections.projectId)))
    .where(
      and(
        eq(scoreObjections.tenantId, tenantId),
        filter.projectIds ? (filter.projectIds.length ? inArray(scoreObjections.projectId, filter.projectIds) : sql`false`) : undefined,
        filter.staffId ? eq(scoreObjections.staffId, filter.staffId) : undefined,
        filter.status ? eq(scoreObjections.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(scoreObjections.createdAt))
    .limit(200);
}
