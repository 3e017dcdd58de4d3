import { companyWideRoles, openStatuses, type StaffRole } from '@manyi/core';
import { dispatchRules, staffProjects, staffUsers, tickets, type Executor } from '@manyi/db';
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';

export type DispatchRuleRow = typeof dispatchRules.$inferSelect;

/** Active staff of the company who serve the project (company-wide roles serve every project). */
export async function findAssignableStaff(db: Executor, tenantId: string, staffId: string, projectId: string) {
  const [staff] = await db.select().from(staffUsers).where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId), eq(staffUsers.active, true)));
  if (!staff) return undefined;
  if ((staff.roles as StaffRole[]).some((role) => companyWideRoles.includes(role))) return staff;
  const [assignment] = await db.select({ staffId: staffProjects.staffId }).from(staffProjects)
    .where(and(eq(staffProjects.tenantId, tenantId), eq(staffProjects.staffId, staffId), eq(staffProjects.projectId, projectId)));
  return assignment ? staff : undefined;
}

export async function findRule(db: Executor, tenantId: string, projectId: string, post: string): Promise<DispatchRuleRow | undefined> {
  const [rule] = await db.select().from(dispatchRules)
    .where(and(eq(dispatchRules.tenantId, tenantId), eq(dispatchRules.projectId, projectId), eq(dispatchRules.post, post)));
  return rule;
}

export async function listRules(db: Executor, tenantId: string, projectIds: string[] | null): Promise<DispatchRuleRow[]> {
  if (projectIds?.length === 0) return [];
  return db.select().from(dispatchRules)
    .where(and(eq(dispatchRules.tenantId, tenantId), projectIds ? inArray(dispatchRules.projectId, projectIds) : undefined))
    .orderBy(asc(dispatchRules.projectId), asc(dispatchRules.post));
}

/**
 * Advances the round-robin cursor and returns the new value in one statement, so two tickets
 * dispatched at the same moment get different members.
 */
export async function advanceCursor(db: Executor, rule: DispatchRuleRow): Promise<number> {
  const [row] = await db.update(dispatchRules).set({ roundRobinCursor: sql`${dispatchRules.roundRobinCursor} + 1` })
    .where(and(eq(dispatchRules.tenantId, rule.tenantId), eq(dispatchRules.id, rule.id)))
    .returning({ cursor: dispatchRules.roundRobinCursor });
  return row!.cursor;
}

/** Open tickets per assignee and status in the given projects. */
export async function openTicketCounts(db: Executor, tenantId: string, projectIds: string[] | null) {
  if (projectIds?.length === 0) return [];
  return db.select({ staffId: tickets.assigneeId, status: tickets.status, count: count() }).from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), projectIds ? inArray(tickets.projectId, projectIds) : undefined,
      inArray(tickets.status, [...openStatuses]), isNotNull(tickets.assigneeId)))
    .groupBy(tickets.assigneeId, tickets.status);
}
