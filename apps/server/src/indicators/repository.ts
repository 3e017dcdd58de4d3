/** Tenant-scoped reads and writes of indicator systems and their immutable versions. */
import { indicatorSystems, indicatorSystemVersions, type Executor } from '@manyi/db';
import { and, asc, desc, eq } from 'drizzle-orm';

export type IndicatorSystemRow = typeof indicatorSystems.$inferSelect;
export type IndicatorVersionRow = typeof indicatorSystemVersions.$inferSelect;

export async function listSystemRows(db: Executor, tenantId: string): Promise<IndicatorSystemRow[]> {
  return db
    .select()
    .from(indicatorSystems)
    .where(eq(indicatorSystems.tenantId, tenantId))
    .orderBy(asc(indicatorSystems.archived), desc(indicatorSystems.updatedAt));
}

export async function findSystemRow(db: Executor, tenantId: string, id: string, lock = false): Promise<IndicatorSystemRow | undefined> {
  const query = db
    .select()
    .from(indicatorSystems)
    .where(and(eq(indicatorSystems.tenantId, tenantId), eq(indicatorSystems.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The newest system built from a given template, to link a survey made from the matching survey template. */
export async function findSystemByTemplate(db: Executor, tenantId: string, templateCode: string): Promise<IndicatorSystemRow | undefined> {
  const [row] = await db
    .select()
    .from(indicatorSystems)
    .where(and(eq(indicatorSystems.tenantId, tenantId), eq(indicatorSystems.templateCode, templateCode), eq(indicatorSystems.archived, false)))
    .orderBy(desc(indicatorSystems.updatedAt))
    .limit(1);
  return row;
}

export async function findVersionRow(db: Executor, tenantId: string, systemId: string, version: number): Promise<IndicatorVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(indicatorSystemVersions)
    .where(and(eq(indicatorSystemVersions.tenantId, tenantId), eq(indicatorSystemVersions.systemId, systemId), eq(indicatorSystemVersions.version, version)));
  return row;
}

export async function listVersionRows(db: Executor, tenantId: string, systemId: string) {
  return db
    .select({ version: indicatorSystemVersions.version, createdAt: indicatorSystemVersions.createdAt, createdById: indicatorSystemVersions.createdById })
    .from(indicatorSystemVersions)
    .where(and(eq(indicatorSystemVersions.tenantId, tenantId), eq(indicatorSystemVersions.systemId, systemId)))
    .orderBy(desc(indicatorSystemVersions.version));
}

export async function insertSystemRow(db: Executor, row: typeof indicatorSystems.$inferInsert): Promise<IndicatorSystemRow | undefined> {
  const [system] = await db.insert(indicatorSystems).values(row).returning();
  return system;
}

export async function insertVersionRow(db: Executor, row: typeof indicatorSystemVersions.$inferInsert): Promise<void> {
  await db.insert(indicatorSystemVersions).values(row);
}

export async function updateSystemRow(
  db: Executor,
  tenantId: string,
  id: string,
  set: Partial<typeof indicatorSystems.$inferInsert>,
): Promise<IndicatorSystemRow | undefined> {
  const [system] = await db
    .update(indicatorSystems)
    .set(set)
    .where(and(eq(indicatorSystems.tenantId, tenantId), eq(indicatorSystems.id, id)))
    .returning();
  return system;
}
