import { actionPlans, projects, staffUsers, type Executor } from '@manyi/db';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';

export type ActionRow = typeof actionPlans.$inferSelect;

export async function insertAction(db: Executor, row: typeof actionPlans.$inferInsert): Promise<ActionRow> {
  const [inserted] = await db.insert(actionPlans).values(row).returning();
  return inserted!;
}

export async function findAction(db: Executor, tenantId: string, id: string, forUpdate = false): Promise<ActionRow | undefined> {
  const query = db
    .select()
    .from(actionPlans)
    .where(and(eq(actionPlans.tenantId, tenantId), eq(actionPlans.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export type ActionFilter = { projectIds: string[] | null; targetId?: string; ownerId?: string; overdueBefore?: string };

/** Actions of the given projects (null: every project), soonest due first. */
export async function listActions(db: Executor, tenantId: string, filter: ActionFilter): Promise<ActionRow[]> {
  if (filter.projectIds !== null && filter.projectIds.length === 0) return [];
  return db
    .select()
    .from(actionPlans)
    .where(
      and(
        eq(actionPlans.tenantId, tenantId),
        filter.projectIds === null ? undefined : inArray(actionPlans.projectId, filter.projectIds),
        filter.targetId ? eq(actionPlans.targetId, filter.targetId) : undefined,
        filter.ownerId ? eq(actionPlans.ownerId, filter.ownerId) : undefined,
        filter.overdueBefore ? and(ne(actionPlans.status, 'done'), sql`${actionPlans.dueOn} < ${filter.overdueBefore}`) : undefined,
      ),
    )
    .orderBy(asc(actionPlans.dueOn), asc(actionPlans.createdAt))
    .limit(500);
}

export async function updateAction(db: Executor, tenantId: string, id: string, set: Partial<typeof actionPlans.$inferInsert>) {
  await db
    .update(actionPlans)
    .set(set)
    .where(and(eq(actionPlans.tenantId, tenantId), eq(actionPlans.id, id)));
}

/** Sets the owner only while nobody holds the action, so two people claiming at once cannot both win. */
export async function claimAction(db: Executor, tenantId: string, id: string, ownerId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(actionPlans)
    .set({ ownerId, claimedAt: at, status: 'claimed', updatedAt: at })
    .where(and(eq(actionPlans.tenantId, tenantId), eq(actionPlans.id, id), isNull(actionPlans.ownerId), ne(actionPlans.status, 'done')))
    .returning({ id: actionPlans.id });
  return rows.length === 1;
}

export async function appendPhoto(db: Executor, tenantId: string, id: string, key: string) {
  await db
    .update(actionPlans)
    .set({ photoKeys: sql`array_append(${actionPlans.photoKeys}, ${key})` })
    .where(and(eq(actionPlans.tenantId, tenantId), eq(actionPlans.id, id)));
}

export async function actionNames(db: Executor, tenantId: string) {
  const [projectRows, staffRows] = await Promise.all([
    db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.tenantId, tenantId)),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.tenantId, tenantId)),
  ]);
  return { projects: new Map(projectRows.map((row) => [row.id, row.name])), staff: new Map(staffRows.map((row) => [row.id, row.name])) };
}

export async function projectExists(db: Executor, tenantId: string, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, projectId)));
  return row !== undefined;
}
