import { companyWideRoles, type StaffPost, type StaffRole } from '@manyi/core';
import { likeContaining, projects, staffProjects, staffUsers, type Executor } from '@manyi/db';
import { and, asc, eq, exists, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { StaffView } from '@manyi/contracts/staff';

export type StaffFilter = { role?: string | undefined; post?: string | undefined; projectId?: string | undefined; q?: string | undefined };

// Table names written out: in a single-table select drizzle leaves columns unqualified, which would bind them inside the subquery.
const assignedTo = (projectIds: string[]) =>
  exists(
    sql`(select 1 from "staff_projects" sp where sp.tenant_id = "staff_users"."tenant_id" and sp.staff_id = "staff_users"."id" and sp.project_id in (${sql.join(
      projectIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}))`,
  );

export async function listStaff(
  db: Executor,
  tenantId: string,
  visibleProjects: string[] | null,
  filter: StaffFilter,
  after: string | null,
  limit: number,
): Promise<StaffView[]> {
  const q = likeContaining(filter.q);
  const conditions: (SQL | undefined)[] = [
    eq(staffUsers.tenantId, tenantId),
    visibleProjects ? (visibleProjects.length === 0 ? sql`false` : assignedTo(visibleProjects)) : undefined,
    filter.projectId ? assignedTo([filter.projectId]) : undefined,
    filter.role ? sql`${staffUsers.roles} @> array[${filter.role}]::text[]` : undefined,
    filter.post ? eq(staffUsers.post, filter.post) : undefined,
    q ? or(ilike(staffUsers.name, q), ilike(staffUsers.login, q), ilike(staffUsers.phone, q)) : undefined,
    after ? gt(staffUsers.id, after) : undefined,
  ];
  const rows = await db
    .select()
    .from(staffUsers)
    .where(and(...conditions))
    .orderBy(asc(staffUsers.id))
    .limit(limit + 1);
  return withProjects(db, tenantId, rows);
}

export async function findStaffView(db: Executor, tenantId: string, id: string): Promise<StaffView | undefined> {
  const rows = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, id)));
  const [view] = await withProjects(db, tenantId, rows);
  return view;
}

async function withProjects(db: Executor, tenantId: string, rows: (typeof staffUsers.$inferSelect)[]): Promise<StaffView[]> {
  const ids = rows.map((row) => row.id);
  const assignments =
    ids.length === 0
      ? []
      : await db
          .select({ staffId: staffProjects.staffId, id: projects.id, name: projects.name })
          .from(staffProjects)
          .innerJoin(projects, and(eq(projects.tenantId, staffProjects.tenantId), eq(projects.id, staffProjects.projectId)))
          .where(and(eq(staffProjects.tenantId, tenantId), inArray(staffProjects.staffId, ids)))
          .orderBy(asc(projects.code));
  return rows.map((row) => {
    const own = assignments.filter((item) => item.staffId === row.id).map(({ id, name }) => ({ id, name }));
    return {
      id: row.id,
      login: row.login,
      name: row.name,
      phone: row.phone,
      roles: row.roles as StaffRole[],
      post: row.post as StaffPost | null,
      active: row.active,
      workingHours: row.workingHours,
      projectIds: own.map((item) => item.id),
      projects: own,
      createdAt: row.createdAt,
    };
  });
}

export async function replaceAssignments(db: Executor, tenantId: string, staffId: string, projectIds: string[]): Promise<void> {
  await db.delete(staffProjects).where(and(eq(staffProjects.tenantId, tenantId), eq(staffProjects.staffId, staffId)));
  if (projectIds.length > 0) await db.insert(staffProjects).values(projectIds.map((projectId) => ({ tenantId, staffId, projectId })));
}

export async function countKnownProjects(db: Executor, tenantId: string, projectIds: string[]): Promise<number> {
  if (projectIds.length === 0) return 0;
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), inArray(projects.id, projectIds)));
  return rows.length;
}

export async function insertStaffUser(db: Executor, row: typeof staffUsers.$inferInsert) {
  const [created] = await db.insert(staffUsers).values(row).returning();
  return created!;
}

export async function updateStaffUser(db: Executor, tenantId: string, id: string, set: Partial<typeof staffUsers.$inferInsert>): Promise<void> {
  await db
    .update(staffUsers)
    .set(set)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, id)));
}

/** Active staff assigned to the projects (null: all), one row per assignment, by name. */
export async function activeAssignments(db: Executor, tenantId: string, projectIds: string[] | null) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, post: staffUsers.post, projectId: staffProjects.projectId })
    .from(staffProjects)
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, staffProjects.tenantId), eq(staffUsers.id, staffProjects.staffId)))
    .where(and(eq(staffProjects.tenantId, tenantId), eq(staffUsers.active, true), projectIds ? inArray(staffProjects.projectId, projectIds) : undefined))
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
}

/** An active staff member who may take work in the project: assigned to it, or company-wide by role. */
export async function findAssignableStaff(db: Executor, tenantId: string, staffId: string, projectId: string) {
  const [staff] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId), eq(staffUsers.active, true)));
  if (!staff) return undefined;
  if ((staff.roles as StaffRole[]).some((role) => companyWideRoles.includes(role))) return staff;
  const [assignment] = await db
    .select({ staffId: staffProjects.staffId })
    .from(staffProjects)
    .where(and(eq(staffProjects.tenantId, tenantId), eq(staffProjects.staffId, staffId), eq(staffProjects.projectId, projectId)));
  return assignment ? staff : undefined;
}
