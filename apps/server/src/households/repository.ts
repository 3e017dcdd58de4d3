import { householdLabel, type HouseholdStatus, type PersonRole } from '@manyi/core';
import { buildings, households, likeContaining, persons, projects, units, type Executor } from '@manyi/db';
import { and, asc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { HouseholdFilter, HouseholdView } from '@manyi/contracts/households';

/**
 * The WHERE of every household listing (console list, export): tenant, the caller's projects,
 * and the filters. `q` matches a room number, a resident's name or a phone number.
 */
export function householdListConditions(tenantId: string, projectIds: string[] | null, filter: HouseholdFilter): SQL | undefined {
  const q = likeContaining(filter.q);
  return and(
    eq(households.tenantId, tenantId),
    projectIds ? inArray(households.projectId, projectIds) : undefined,
    filter.projectId ? eq(households.projectId, filter.projectId) : undefined,
    filter.buildingId ? eq(households.buildingId, filter.buildingId) : undefined,
    filter.unitId ? eq(households.unitId, filter.unitId) : undefined,
    filter.status ? eq(households.status, filter.status) : undefined,
    q
      ? or(
          ilike(households.room, q),
          exists(
            sql`(select 1 from "persons" p where p.tenant_id = "households"."tenant_id" and p.household_id = "households"."id" and (p.name ilike ${q} or p.phone like ${q}))`,
          ),
        )
      : undefined,
  );
}

const columns = {
  id: households.id,
  projectId: households.projectId,
  projectName: projects.name,
  buildingId: households.buildingId,
  buildingName: buildings.name,
  unitId: households.unitId,
  unitName: units.name,
  room: households.room,
  area: households.area,
  status: households.status,
  sortKey: households.sortKey,
};

function selectHouseholds(db: Executor) {
  return db
    .select(columns)
    .from(households)
    .innerJoin(projects, and(eq(projects.tenantId, households.tenantId), eq(projects.id, households.projectId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectHouseholds>['where']>>[number];

async function withPersons(db: Executor, tenantId: string, rows: Row[]): Promise<(HouseholdView & { sortKey: string })[]> {
  const ids = rows.map((row) => row.id);
  const people =
    ids.length === 0
      ? []
      : await db
          .select({
            id: persons.id,
            householdId: persons.householdId,
            name: persons.name,
            role: persons.role,
            phone: persons.phone,
            isVip: persons.isVip,
          })
          .from(persons)
          .where(and(eq(persons.tenantId, tenantId), inArray(persons.householdId, ids)))
          .orderBy(asc(persons.id));
  return rows.map((row) => ({
    ...row,
    label: householdLabel(row.buildingName, row.unitName, row.room),
    status: row.status as HouseholdStatus,
    persons: people
      .filter((person) => person.householdId === row.id)
      .map(({ householdId: _householdId, ...person }) => ({ ...person, role: person.role as PersonRole })),
  }));
}

/** Keyset page ordered as a roster: project, then building/unit/room in natural order. */
export async function listHouseholds(
  db: Executor,
  tenantId: string,
  projectIds: string[] | null,
  filter: HouseholdFilter,
  after: [string, string, string] | null,
  limit: number,
) {
  if (projectIds?.length === 0) return [];
  const keyset = after
    ? sql`(${households.projectId}, ${households.sortKey}, ${households.id}) > (${after[0]}::uuid, ${after[1]}, ${after[2]}::uuid)`
    : undefined;
  const rows = await selectHouseholds(db)
    .where(and(householdListConditions(tenantId, projectIds, filter), keyset))
    .orderBy(asc(households.projectId), asc(households.sortKey), asc(households.id))
    .limit(limit + 1);
  return withPersons(db, tenantId, rows);
}

export async function findHousehold(db: Executor, tenantId: string, id: string) {
  const rows = await selectHouseholds(db).where(and(eq(households.tenantId, tenantId), eq(households.id, id)));
  const [view] = await withPersons(db, tenantId, rows);
  return view;
}

export async function findHouseholdRow(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.tenantId, tenantId), eq(households.id, id)));
  return row;
}

export async function insertHousehold(db: Executor, row: typeof households.$inferInsert) {
  const [created] = await db.insert(households).values(row).returning();
  return created!;
}

export async function updateHouseholdRow(db: Executor, tenantId: string, id: string, set: Partial<typeof households.$inferInsert>) {
  const [after] = await db
    .update(households)
    .set(set)
    .where(and(eq(households.tenantId, tenantId), eq(households.id, id)))
    .returning();
  return after;
}

export async function deleteHouseholdRow(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(households).where(and(eq(households.tenantId, tenantId), eq(households.id, id)));
}

/** Whether anyone is registered in the household (a household with residents cannot be deleted). */
export async function householdHasResidents(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const [resident] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.householdId, id)))
    .limit(1);
  return resident !== undefined;
}
