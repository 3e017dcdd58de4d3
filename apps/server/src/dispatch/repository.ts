import { openStatuses } from '@manyi/core';
import { dispatchRules, staffUsers, tickets, type Executor } from '@manyi/db';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';

export type DispatchRuleRow = typeof dispatchRules.$inferSelect;

/** Active staff of the company who serve the project (company-wide roles serve every project). */
export async function findRule(db: Executor, tenantId: string, projectId: string, post: string): Promise<DispatchRuleRow | undefined> {
  const [rule] = await db
    .select()
    .from(dispatchRules)
    .where(and(eq(dispatchRules.tenantId, tenantId), eq(dispatchRules.projectId, projectId), eq(dispatchRules.post, post)));
  return rule;
}

export async function listRules(db: Executor, tenantId: string, projectIds: string[] | null): Promise<DispatchRuleRow[]> {
  if (projectIds?.length === 0) return [];
  return db
    .select()
    .from(dispatchRules)
    .where(and(eq(dispatchRules.tenantId, tenantId), projectIds ? inArray(dispatchRules.projectId, projectIds) : undefined))
    .orderBy(asc(dispatchRules.projectId), asc(dispatchRules.post));
}

/**
 * Advances the round-robin cursor and returns the new value in one statement, so two tickets
 * dispatched at the same moment get different members.
 */
export async function advanceCursor(db: Executor, rule: DispatchRuleRow): Promise<number> {
  const [row] = await db
    .update(dispatchRules)
    .set({ roundRobinCursor: sql`${dispatchRules.roundRobinCursor} + 1` })
    .where(and(eq(dispatchRules.tenantId, rule.tenantId), eq(dispatchRules.id, rule.id)))
    .returning({ cursor: dispatchRules.roundRobinCursor });
  return row!.cursor;
}

/** Open tickets per assignee and status in the given projects. */
export async function openTicketCounts(db: Executor, tenantId: string, projectIds: string[] | null) {
  if (projectIds?.length === 0) return [];
  return db
    .select({ staffId: tickets.assigneeId, status: tickets.status, count: count() })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        projectIds ? inArray(tickets.projectId, projectIds) : undefined,
        inArray(tickets.status, [...openStatuses]),
        isNotNull(tickets.assigneeId),
      ),
    )
    .groupBy(tickets.assigneeId, tickets.status);
}

export async function findRuleById(db: Executor, tenantId: string, id: string): Promise<DispatchRuleRow | undefined> {
  const [row] = await db
    .select()
    .from(dispatchRules)
    .where(and(eq(dispatchRules.tenantId, tenantId), eq(dispatchRules.id, id)));
  return row;
}

/** Inserts the project's rule for the post, or replaces its mode and people (one rule per project and post). */
export async function upsertRule(
  db: Executor,
  key: { tenantId: string; projectId: string; post: string },
  values: { mode: string; defaultAssigneeId: string | null; memberIds: string[] },
): Promise<DispatchRuleRow> {
  const [saved] = await db
    .insert(dispatchRules)
    .values({ ...key, ...values })
    .onConflictDoUpdate({ target: [dispatchRules.tenantId, dispatchRules.projectId, dispatchRules.post], set: values })
    .returning();
  return saved!;
}

export async function deleteRuleRow(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(dispatchRules).where(and(eq(dispatchRules.tenantId, tenantId), eq(dispatchRules.id, id)));
}

/**
 * Assigns the ticket to the staff member only while it is still in the status it was read in and
 * nobody is assigned: the database decides a race between two grabs. Undefined when another won.
 */
export async function takeUnassignedTicket(
  db: Executor,
  ticket: { tenantId: string; id: string; status: string; version: number },
  staffId: string,
  now: Date,
) {
  const [taken] = await db
    .update(tickets)
    .set({ assigneeId: staffId, status: 'assigned', version: ticket.version + 1, updatedAt: now })
    .where(and(eq(tickets.tenantId, ticket.tenantId), eq(tickets.id, ticket.id), eq(tickets.status, ticket.status), isNull(tickets.assigneeId)))
    .returning();
  return taken;
}

export async function staffByIds(db: Executor, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, post: staffUsers.post })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), inArray(staffUsers.id, ids)));
}
