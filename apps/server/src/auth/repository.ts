import { projects, staffUsers, tenants, type Executor } from '@manyi/db';
import { and, asc, eq, inArray } from 'drizzle-orm';

export type StaffUserRow = typeof staffUsers.$inferSelect;

/** Logins are unique within a company: the accounts of a login in every company, or in the one whose code is given. */
export async function findStaffByLogin(db: Executor, login: string, companyCode?: string): Promise<StaffUserRow[]> {
  if (companyCode === undefined) return db.select().from(staffUsers).where(eq(staffUsers.login, login));
  const rows = await db
    .select({ staff: staffUsers })
    .from(staffUsers)
    .innerJoin(tenants, eq(tenants.id, staffUsers.tenantId))
    .where(and(eq(staffUsers.login, login), eq(tenants.code, companyCode)));
  return rows.map((row) => row.staff);
}

export async function findStaffUser(db: Executor, tenantId: string, staffId: string): Promise<StaffUserRow | undefined> {
  const [staff] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)));
  return staff;
}

export async function findStaffWithTenant(db: Executor, tenantId: string, staffId: string) {
  const [row] = await db
    .select({ staff: staffUsers, tenant: tenants })
    .from(staffUsers)
    .innerJoin(tenants, eq(tenants.id, staffUsers.tenantId))
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)));
  return row;
}

/** The company's projects among `scope` (null: all of them), by code. */
export async function projectsInScope(db: Executor, tenantId: string, scope: string[] | null) {
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), scope === null ? undefined : inArray(projects.id, scope)))
    .orderBy(asc(projects.code));
}

/** Sets a new password hash; the caller ends the person's sessions in the same transaction. */
export async function setStaffPassword(db: Executor, tenantId: string, staffId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .update(staffUsers)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)));
}
