import {
  indicatorSystems,
  indicatorSystemVersions,
  inspectionItems,
  inspectionRounds,
  projects,
  rectifications,
  staffProjects,
  staffUsers,
  type Executor,
} from '@manyi/db';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';

export type RoundRow = typeof inspectionRounds.$inferSelect;
export type ItemRow = typeof inspectionItems.$inferSelect;
export type RectificationRow = typeof rectifications.$inferSelect;

const projectFilter = (column: typeof inspectionRounds.projectId | typeof rectifications.projectId, projectIds: string[] | null): SQL | undefined =>
  projectIds === null ? undefined : projectIds.length === 0 ? sql`false` : inArray(column, projectIds);

/** Whether a staff member serves the project (is assigned to it): then it is their own project. */
export async function servesProject(db: Executor, tenantId: string, staffId: string, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ staffId: staffProjects.staffId })
    .from(staffProjects)
    .where(and(eq(staffProjects.tenantId, tenantId), eq(staffProjects.staffId, staffId), eq(staffProjects.projectId, projectId)));
  return row !== undefined;
}

export async function findActiveStaff(db: Executor, tenantId: string, staffId: string) {
  const [row] = await db
    .select({ id: staffUsers.id, roles: staffUsers.roles })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId), eq(staffUsers.active, true)));
  return row;
}

export async function findProjectName(db: Executor, tenantId: string, projectId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ name: projects.name })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, projectId)));
  return row?.name;
}

/** The indicator system's current tree: the one named, else the company's system made from the SERVQUAL template. */
export async function findIndicatorTree(db: Executor, tenantId: string, systemId: string | undefined) {
  const [row] = await db
    .select({ systemId: indicatorSystems.id, version: indicatorSystemVersions.version, tree: indicatorSystemVersions.tree })
    .from(indicatorSystems)
    .innerJoin(
      indicatorSystemVersions,
      and(
        eq(indicatorSystemVersions.tenantId, indicatorSystems.tenantId),
        eq(indicatorSystemVersions.systemId, indicatorSystems.id),
        eq(indicatorSystemVersions.version, indicatorSystems.currentVersion),
      ),
    )
    .where(
      and(
        eq(indicatorSystems.tenantId, tenantId),
        systemId ? eq(indicatorSystems.id, systemId) : and(eq(indicatorSystems.templateCode, 'servqual-property'), eq(indicatorSystems.archived, false)),
      ),
    )
    .limit(1);
  return row;
}

export async function insertRound(db: Executor, round: typeof inspectionRounds.$inferInsert, items: (typeof inspectionItems.$inferInsert)[]) {
  const [row] = await db.insert(inspectionRounds).values(round).returning();
  if (items.length > 0) await db.insert(inspectionItems).values(items);
  return row!;
}

const roundColumns = { round: inspectionRounds, projectName: projects.name, inspectorName: staffUsers.name };

function roundQuery(db: Executor) {
  return db
    .select(roundColumns)
    .from(inspectionRounds)
    .innerJoin(projects, and(eq(projects.tenantId, inspectionRounds.tenantId), eq(projects.id, inspectionRounds.projectId)))
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, inspectionRounds.tenantId), eq(staffUsers.id, inspectionRounds.inspectorId)));
}

export type RoundWithNames = { round: RoundRow; projectName: string; inspectorName: string };

export async function findRound(db: Executor, tenantId: string, id: string, lock = false): Promise<RoundWithNames | undefined> {
  const query = roundQuery(db).where(and(eq(inspectionRounds.tenantId, tenantId), eq(inspectionRounds.id, id)));
  const [row] = lock ? await query.for('update', { of: inspectionRounds }) : await query;
  return row;
}

export async function listRounds(
  db: Executor,
  tenantId: string,
  filter: { projectIds: string[] | null; status?: string | undefined; inspectorId?: string | undefined },
): Promise<RoundWithNames[]> {
  return roundQuery(db)
    .where(
      and(
        eq(inspectionRounds.tenantId, tenantId),
        projectFilter(inspectionRounds.projectId, filter.projectIds),
        filter.status ? eq(inspectionRounds.status, filter.status) : undefined,
        filter.inspectorId ? eq(inspectionRounds.inspectorId, filter.inspectorId) : undefined,
      ),
    )
    .orderBy(desc(inspectionRounds.createdAt))
    .limit(200);
}

export async function itemsOf(db: Executor, tenantId: string, roundId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(inspectionItems)
    .where(and(eq(inspectionItems.tenantId, tenantId), eq(inspectionItems.roundId, roundId)))
    .orderBy(asc(inspectionItems.position));
}

export async function findItem(db: Executor, tenantId: string, roundId: string, itemId: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(inspectionItems)
    .where(and(eq(inspectionItems.tenantId, tenantId), eq(inspectionItems.roundId, roundId), eq(inspectionItems.id, itemId)));
  return row;
}

export async function updateRound(db: Executor, tenantId: string, id: string, set: Partial<typeof inspectionRounds.$inferInsert>) {
  const [row] = await db
    .update(inspectionRounds)
    .set(set)
    .where(and(eq(inspectionRounds.tenantId, tenantId), eq(inspectionRounds.id, id)))
    .returning();
  return row!;
}

export async function updateItem(db: Executor, tenantId: string, id: string, set: Partial<typeof inspectionItems.$inferInsert>) {
  const [row] = await db
    .update(inspectionItems)
    .set(set)
    .where(and(eq(inspectionItems.tenantId, tenantId), eq(inspectionItems.id, id)))
    .returning();
  return row!;
}

export async function appendItemPhoto(db: Executor, tenantId: string, id: string, key: string) {
  await db
    .update(inspectionItems)
    .set({ photoKeys: sql`array_append(${inspectionItems.photoKeys}, ${key})` })
    .where(and(eq(inspectionItems.tenantId, tenantId), eq(inspectionItems.id, id)));
}

export async function insertRectifications(db: Executor, rows: (typeof rectifications.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(rectifications).values(rows);
}

const rectificationColumns = {
  record: rectifications,
  projectName: projects.name,
  itemName: inspectionItems.nameZh,
  inspectionNote: inspectionItems.note,
  deduction: inspectionItems.deduction,
};

function rectificationQuery(db: Executor) {
  return db
    .select(rectificationColumns)
    .from(rectifications)
    .innerJoin(projects, and(eq(projects.tenantId, rectifications.tenantId), eq(projects.id, rectifications.projectId)))
    .innerJoin(inspectionItems, and(eq(inspectionItems.tenantId, rectifications.tenantId), eq(inspectionItems.id, rectifications.itemId)));
}

export type RectificationWithNames = Awaited<ReturnType<typeof findRectification>> & object;

export async function findRectification(db: Executor, tenantId: string, id: string) {
  const [row] = await rectificationQuery(db).where(and(eq(rectifications.tenantId, tenantId), eq(rectifications.id, id)));
  return row;
}

export async function listRectifications(db: Executor, tenantId: string, filter: { projectIds: string[] | null; status?: string | undefined }) {
  return rectificationQuery(db)
    .where(
      and(
        eq(rectifications.tenantId, tenantId),
        projectFilter(rectifications.projectId, filter.projectIds),
        filter.status ? eq(rectifications.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(rectifications.dueAt))
    .limit(200);
}

export async function updateRectification(db: Executor, tenantId: string, id: string, set: Partial<typeof rectifications.$inferInsert>) {
  const [row] = await db
    .update(rectifications)
    .set(set)
    .where(and(eq(rectifications.tenantId, tenantId), eq(rectifications.id, id)))
    .returning();
  return row!;
}

/**
 * Submitted rounds' scores per project × post in a period, with their deductions; the service rolls
 * them up to projects, posts and teams (core meanInspectionScore over the rounds, so a project's score is the
 * mean of its rounds, not of its teams).
 */
export async function submittedScores(db: Executor, tenantId: string, filter: { projectIds: string[] | null; from?: Date | undefined; to?: Date | undefined }) {
  return db
    .select({
      projectId: inspectionRounds.projectId,
      projectName: projects.name,
      post: inspectionRounds.post,
      score: inspectionRounds.score,
      deductions: sql<number>`(select coalesce(sum(i.deduction), 0)::float from inspection_items i
        where i.tenant_id = ${inspectionRounds.tenantId} and i.round_id = ${inspectionRounds.id} and i.result = 'deduct')`,
    })
    .from(inspectionRounds)
    .innerJoin(projects, and(eq(projects.tenantId, inspectionRounds.tenantId), eq(projects.id, inspectionRounds.projectId)))
    .where(
      and(
        eq(inspectionRounds.tenantId, tenantId),
        eq(inspectionRounds.status, 'submitted'),
        projectFilter(inspectionRounds.projectId, filter.projectIds),
        filter.from ? gte(inspectionRounds.submittedAt, filter.from) : undefined,
        filter.to ? lt(inspectionRounds.submittedAt, filter.to) : undefined,
      ),
    );
}
