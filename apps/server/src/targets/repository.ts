import { households, projects, queryRows, regions, staffUsers, targets, type Executor } from '@manyi/db';
import { and, asc, count, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';

export type TargetRow = typeof targets.$inferSelect;

export async function insertTargets(db: Executor, rows: (typeof targets.$inferInsert)[]) {
  return db.insert(targets).values(rows).returning();
}

export async function findTarget(db: Executor, tenantId: string, id: string): Promise<TargetRow | undefined> {
  const [row] = await db
    .select()
    .from(targets)
    .where(and(eq(targets.tenantId, tenantId), eq(targets.id, id)));
  return row;
}

/** Targets of the company, or those of the given projects plus the company- and region-wide ones above them. */
export async function listTargets(db: Executor, tenantId: string, projectIds: string[] | null): Promise<TargetRow[]> {
  return db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.tenantId, tenantId),
        projectIds === null ? undefined : or(isNull(targets.projectId), projectIds.length > 0 ? inArray(targets.projectId, projectIds) : sql`false`),
      ),
    )
    .orderBy(asc(targets.periodStart), asc(targets.createdAt))
    .limit(500);
}

/** Targets of the same metric and scope, for the overlap check. */
export async function sameScopeTargets(
  db: Executor,
  tenantId: string,
  key: { metric: string; scopeKind: string; regionId: string | null; projectId: string | null; post: string | null; staffId: string | null },
) {
  const same = (column: typeof targets.regionId | typeof targets.projectId | typeof targets.post | typeof targets.staffId, value: string | null) =>
    value === null ? isNull(column) : eq(column, value);
  return db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.tenantId, tenantId),
        eq(targets.metric, key.metric),
        eq(targets.scopeKind, key.scopeKind),
        same(targets.regionId, key.regionId),
        same(targets.projectId, key.projectId),
        same(targets.post, key.post),
        same(targets.staffId, key.staffId),
      ),
    );
}

export async function updateTarget(db: Executor, tenantId: string, id: string, set: Partial<typeof targets.$inferInsert>) {
  await db
    .update(targets)
    .set(set)
    .where(and(eq(targets.tenantId, tenantId), eq(targets.id, id)));
}

export async function householdCounts(db: Executor, tenantId: string, projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ projectId: households.projectId, households: count() })
    .from(households)
    .where(and(eq(households.tenantId, tenantId), inArray(households.projectId, projectIds)))
    .groupBy(households.projectId);
  return new Map(rows.map((row) => [row.projectId, Number(row.households)]));
}

export async function names(db: Executor, tenantId: string) {
  const [projectRows, regionRows, staffRows] = await Promise.all([
    db.select({ id: projects.id, name: projects.name, regionId: projects.regionId }).from(projects).where(eq(projects.tenantId, tenantId)),
    db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.tenantId, tenantId)),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.tenantId, tenantId)),
  ]);
  return {
    projects: new Map(projectRows.map((row) => [row.id, row])),
    regions: new Map(regionRows.map((row) => [row.id, row.name])),
    staff: new Map(staffRows.map((row) => [row.id, row.name])),
  };
}

/** Whose records a team or person target counts: one person, or the staff of a post serving a project. */
export type PeopleScope = { projectId: string; staffId?: string | null | undefined; post?: string | null | undefined };

const peopleCondition = (column: SQL, scope: PeopleScope) =>
  scope.staffId
    ? sql`${column} = ${scope.staffId}`
    : sql`${column} in (select s.id from staff_users s join staff_projects sp on sp.tenant_id = s.tenant_id and sp.staff_id = s.id
        where sp.project_id = ${scope.projectId} and s.post = ${scope.post ?? ''})`;

/**
 * SLA outcomes of the tickets a person or a team resolved in [from, to) in the project, as the scorecard counts them
 * (scorecards/sources.ts: the handler answers for the resolution deadline).
 */
export async function resolvedByPeople(db: Executor, tenantId: string, scope: PeopleScope, from: Date, to: Date) {
  const [row] = await queryRows<{ met: number; judged: number }>(
    db,
    sql`select count(*) filter (where resolution_met)::int as met, count(*)::int as judged from tickets
      where tenant_id = ${tenantId} and project_id = ${scope.projectId} and resolution_met is not null
        and resolved_at >= ${from} and resolved_at < ${to} and ${peopleCondition(sql`assignee_id`, scope)}`,
  );
  return row ?? { met: 0, judged: 0 };
}

/** Where a red-line rate is counted: the company, a region's projects, a project, or its people. */
export type TextScope = { regionId?: string | null | undefined; projectId?: string | null | undefined; people?: PeopleScope | undefined };

/** Staff texts checked by the text QA in [from, to) in the scope, and those that crossed a red line (qa_texts.red_lines). */
export async function redLineCounts(db: Executor, tenantId: string, scope: TextScope, from: Date, to: Date) {
  const [row] = await queryRows<{ crossed: number; checked: number }>(
    db,
    sql`select count(*) filter (where cardinality(q.red_lines) > 0)::int as crossed, count(*)::int as checked from qa_texts q
      where q.tenant_id = ${tenantId} and q.created_at >= ${from} and q.created_at < ${to}
        ${scope.regionId ? sql`and q.project_id in (select p.id from projects p where p.tenant_id = ${tenantId} and p.region_id = ${scope.regionId})` : sql``}
        ${scope.projectId ? sql`and q.project_id = ${scope.projectId}` : sql``}
        ${scope.people ? sql`and ${peopleCondition(sql`q.author_id`, scope.people)}` : sql``}`,
  );
  return row ?? { crossed: 0, checked: 0 };
}
