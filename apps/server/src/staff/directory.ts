import type { StaffPost } from '@manyi/core';
import type { DirectoryEntry } from '@manyi/contracts/staff';
import type { Context } from '../http/context';
import { scopedProjectIds } from '../policy/policy';
import { activeAssignments } from './repository';

/**
 * Colleagues a person may hand work to: the active staff assigned to the caller's projects (or to
 * one of them). Every staff role may read it, unlike the staff administration list, because a
 * steward assigning a repair must be able to pick the technician (issue 3 dispatch).
 */
export async function staffDirectory(context: Context, projectId?: string) {
  const projectIds = scopedProjectIds(context.principal, projectId);
  if (projectIds?.length === 0) return { items: [] };
  const tenantId = context.principal.tenantId;
  const rows = await activeAssignments(context.db, tenantId, projectIds);
  const byStaff = new Map<string, DirectoryEntry>();
  for (const row of rows) {
    const entry = byStaff.get(row.id) ?? { id: row.id, name: row.name, post: row.post as StaffPost | null, projectIds: [] };
    entry.projectIds.push(row.projectId);
    byStaff.set(row.id, entry);
  }
  return { items: [...byStaff.values()] };
}
