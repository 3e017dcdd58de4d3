import { projects, regions, type Executor } from '@manyi/db';
import { and, asc, eq } from 'drizzle-orm';

export type RegionRow = typeof regions.$inferSelect;

export async function listRegionRows(db: Executor, tenantId: string) {
  return db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.tenantId, tenantId)).orderBy(asc(regions.name));
}

export async function findRegion(db: Executor, tenantId: string, id: string): Promise<RegionRow | undefined> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
  return row;
}

export async function insertRegion(db: Executor, row: typeof regions.$inferInsert): Promise<RegionRow | undefined> {
  const [created] = await db.insert(regions).values(row).returning();
  return created;
}

export async function updateRegionRow(db: Executor, tenantId: string, id: string, set: Partial<typeof regions.$inferInsert>): Promise<RegionRow | undefined> {
  const [after] = await db
    .update(regions)
    .set(set)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)))
    .returning();
  return after;
}

export async function deleteRegionRow(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(regions).where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
}

/** Whether any project of the company lies in the region. */
export async function regionHasProjects(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const [used] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.regionId, id)))
    .limit(1);
  return used !== undefined;
}
