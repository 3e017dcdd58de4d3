import { buildings, projects, regions, type Executor } from '@manyi/db';
import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ProjectStage, ProjectType } from '@manyi/core';
import type { ProjectView } from '@manyi/contracts/projects';

export type ProjectFilter = {
  tenantId: string;
  projectIds: string[] | null;
  q?: string | undefined;
  type?: string | undefined;
  stage?: string | undefined;
  regionId?: string | undefined;
  after?: string | undefined;
  limit: number;
};

// Written out with table names so the correlation is explicit whatever drizzle does with column qualification.
const buildingCount = sql<number>`(select count(*)::int from "buildings" b where b.tenant_id = "projects"."tenant_id" and b.project_id = "projects"."id")`;
const householdCount = sql<number>`(select count(*)::int from "households" h where h.tenant_id = "projects"."tenant_id" and h.project_id = "projects"."id")`;

const projectColumns = {
  id: projects.id,
  code: projects.code,
  name: projects.name,
  type: projects.type,
  stage: projects.stage,
  regionId: projects.regionId,
  regionName: regions.name,
  city: projects.city,
  address: projects.address,
  hotline: projects.hotline,
  buildingCount,
  householdCount,
  createdAt: projects.createdAt,
};

type ProjectRow = Omit<ProjectView, 'type' | 'stage'> & { type: string; stage: string };

const toView = (row: ProjectRow): ProjectView => ({ ...row, type: row.type as ProjectType, stage: row.stage as ProjectStage });

function selectProjects(db: Executor) {
  return db
    .select(projectColumns)
    .from(projects)
    .leftJoin(regions, and(eq(regions.tenantId, projects.tenantId), eq(regions.id, projects.regionId)));
}

export async function listProjects(db: Executor, filter: ProjectFilter): Promise<ProjectView[]> {
  if (filter.projectIds?.length === 0) return [];
  const conditions: (SQL | undefined)[] = [
    eq(projects.tenantId, filter.tenantId),
    filter.projectIds ? inArray(projects.id, filter.projectIds) : undefined,
    filter.type ? eq(projects.type, filter.type) : undefined,
    filter.stage ? eq(projects.stage, filter.stage) : undefined,
    filter.regionId ? eq(projects.regionId, filter.regionId) : undefined,
    filter.q ? or(ilike(projects.name, `%${filter.q}%`), ilike(projects.code, `%${filter.q}%`), ilike(projects.city, `%${filter.q}%`)) : undefined,
    filter.after ? gt(projects.code, filter.after) : undefined,
  ];
  const rows = await selectProjects(db)
    .where(and(...conditions))
    .orderBy(asc(projects.code))
    .limit(filter.limit + 1);
  return rows.map(toView);
}

export async function findProject(db: Executor, tenantId: string, id: string): Promise<ProjectView | undefined> {
  const [row] = await selectProjects(db).where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
  return row ? toView(row) : undefined;
}

export async function findProjectRow(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
  return row;
}

export async function regionExists(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
  return row !== undefined;
}

export async function insertProject(db: Executor, row: typeof projects.$inferInsert) {
  const [created] = await db.insert(projects).values(row).returning();
  return created;
}

export async function updateProjectRow(db: Executor, tenantId: string, id: string, set: Partial<typeof projects.$inferInsert>) {
  const [after] = await db
    .update(projects)
    .set(set)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)))
    .returning();
  return after;
}

export async function deleteProjectRow(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(projects).where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
}

/** Whether the project has any building (a project with buildings cannot be deleted). */
export async function projectHasBuildings(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const [building] = await db
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.tenantId, tenantId), eq(buildings.projectId, id)))
    .limit(1);
  return building !== undefined;
}

/** Which of the ids are projects of the company. */
export async function ownProjectIds(db: Executor, tenantId: string, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), inArray(projects.id, ids)));
  return new Set(rows.map((row) => row.id));
}
