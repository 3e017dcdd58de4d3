import { buildings, households, units, type Executor } from '@manyi/db';
import { householdSortKey } from '@manyi/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BuildingView } from '@manyi/contracts/buildings';

// Written out with table names: drizzle leaves columns unqualified in a single-table select, which would bind them to the subquery.
const householdCount = sql<number>`(select count(*)::int from "households" h where h.tenant_id = "buildings"."tenant_id" and h.building_id = "buildings"."id")`;

export async function listBuildings(db: Executor, tenantId: string, projectIds: string[] | null): Promise<BuildingView[]> {
  if (projectIds?.length === 0) return [];
  const rows = await db
    .select({ building: buildings, householdCount })
    .from(buildings)
    .where(and(eq(buildings.tenantId, tenantId), projectIds ? inArray(buildings.projectId, projectIds) : undefined));
  const buildingIds = rows.map((row) => row.building.id);
  const unitRows =
    buildingIds.length === 0
      ? []
      : await db
          .select()
          .from(units)
          .where(and(eq(units.tenantId, tenantId), inArray(units.buildingId, buildingIds)));
  const unitsByBuilding = new Map<string, typeof unitRows>();
  for (const row of unitRows) unitsByBuilding.set(row.buildingId, [...(unitsByBuilding.get(row.buildingId) ?? []), row]);
  const views = rows.map(({ building, householdCount: count }) => {
    const own = (unitsByBuilding.get(building.id) ?? [])
      .sort((a, b) => householdSortKey(a.name, null, '').localeCompare(householdSortKey(b.name, null, '')))
      .map((row) => ({ id: row.id, name: row.name }));
    return {
      id: building.id,
      projectId: building.projectId,
      name: building.name,
      floors: building.floors,
      stewardId: building.stewardId,
      unitCount: own.length,
      householdCount: count,
      units: own,
    };
  });
  // Natural order, as on the estate map: 2栋 before 10栋.
  return views.sort((a, b) => householdSortKey(a.name, null, '').localeCompare(householdSortKey(b.name, null, '')));
}

export async function findBuilding(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(buildings)
    .where(and(eq(buildings.tenantId, tenantId), eq(buildings.id, id)));
  return row;
}

export async function findUnit(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
  return row;
}

export async function hasHouseholds(db: Executor, tenantId: string, column: 'buildingId' | 'unitId', id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.tenantId, tenantId), eq(households[column], id)))
    .limit(1);
  return row !== undefined;
}

export async function unitsOf(db: Executor, tenantId: string, buildingId: string) {
  return db
    .select()
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.buildingId, buildingId)))
    .orderBy(asc(units.name));
}

/** After a building or unit is renamed, the roster order of its households follows the new name. */
export async function refreshSortKeys(db: Executor, tenantId: string, buildingId: string): Promise<void> {
  const rows = await db
    .select({ id: households.id, room: households.room, unitName: units.name, buildingName: buildings.name })
    .from(households)
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(households.tenantId, tenantId), eq(households.buildingId, buildingId)));
  for (const row of rows) {
    await db
      .update(households)
      .set({ sortKey: householdSortKey(row.buildingName, row.unitName, row.room) })
      .where(and(eq(households.tenantId, tenantId), eq(households.id, row.id)));
  }
}

export async function insertBuilding(db: Executor, row: typeof buildings.$inferInsert) {
  const [created] = await db.insert(buildings).values(row).returning();
  return created!;
}

export async function updateBuildingRow(db: Executor, tenantId: string, id: string, set: Partial<typeof buildings.$inferInsert>) {
  const [after] = await db
    .update(buildings)
    .set(set)
    .where(and(eq(buildings.tenantId, tenantId), eq(buildings.id, id)))
    .returning();
  return after;
}

/** Deletes the building with its units (the caller has checked it has no households). */
export async function deleteBuildingWithUnits(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(units).where(and(eq(units.tenantId, tenantId), eq(units.buildingId, id)));
  await db.delete(buildings).where(and(eq(buildings.tenantId, tenantId), eq(buildings.id, id)));
}

export async function insertUnit(db: Executor, row: typeof units.$inferInsert) {
  const [created] = await db.insert(units).values(row).returning();
  return created!;
}

export async function updateUnitRow(db: Executor, tenantId: string, id: string, set: Partial<typeof units.$inferInsert>) {
  const [after] = await db
    .update(units)
    .set(set)
    .where(and(eq(units.tenantId, tenantId), eq(units.id, id)))
    .returning();
  return after;
}

export async function deleteUnitRow(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(units).where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
}
