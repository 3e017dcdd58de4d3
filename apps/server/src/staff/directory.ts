import type { StaffPost } from '@manyi/core';
import type { DirectoryEntry } from '@manyi/contracts/staff';
import { staffProjects, staffUsers } from '@manyi/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Context } from '../http/context';
import { scopedProjectIds } from '../policy/policy';

/**
 * Colleagues a person may hand work to: the active staff assigned to the caller's projects (or to
 * one of them). Every staff role may read it, unlike the staff administration list, because a
 * steward assigning a repair must be able to pick the technician (issue 3 dispatch).
 */
export async function staffDirectory(context: Context, projectId?: string) {
  const projectIds = scopedProjectIds(context.principal, projectId);
  if (projectIds?.length === 0) return { items: [] };
  const tenantId = context.principal.tenantId;
  const rows = await context.db.select({ id: staffUsers.id, name: staffUsers.name, post: staffUsers.post, projectId: staffProjects.projectId })
    .from(staffProjects)
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, staffProjects.tenantId), eq(staffUsers.id, staffProjects.staffId)))
    .where(and(eq(staffProjects.tenantId, tenantId), eq(staffUsers.active, true), projectIds ? inArray(staffProjects.projectId, projectIds) : undefined))
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
  const byStaff = new Map<string, DirectoryEntry>();
  for (const row of rows) {
    const entry = byStaff.get(row.id) ?? { id: row.id, name: row.name, post: row.post as StaffPost | null, projectIds: [] };
    entry.projectIds.push(row.projectId);
    byStaff.set(row.id, entry);
  }
  return { items: [...byStaff.values()] };
}
