import { buildings, households, persons, projects, units, type Executor } from '@manyi/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { householdListConditions } from '../households/repository';
import type { HouseholdFilter } from '@manyi/contracts/households';

export type ExportHousehold = {
  id: string;
  projectCode: string;
  projectName: string;
  buildingName: string;
  unitName: string | null;
  room: string;
  area: number | null;
  status: string;
  sortKey: string;
};

export type ExportPerson = {
  householdId: string;
  name: string;
  role: string;
  phone: string | null;
  isVip: boolean;
  tags: string[];
  note: string;
};

export type ExportCursor = [projectCode: string, sortKey: string, id: string];

/**
 * One page of the households an export covers, in roster order (project, then building, unit
 * and room in natural order). The WHERE is the households list's own, so an export holds exactly
 * what the filtered list shows.
 */
export async function exportHouseholdPage(
  db: Executor,
  tenantId: string,
  projectIds: string[] | null,
  filter: HouseholdFilter,
  after: ExportCursor | null,
  limit: number,
): Promise<ExportHousehold[]> {
  if (projectIds?.length === 0) return [];
  const keyset = after ? sql`(${projects.code}, ${households.sortKey}, ${households.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : undefined;
  return db
    .select({
      id: households.id,
      projectCode: projects.code,
      projectName: projects.name,
      buildingName: buildings.name,
      unitName: units.name,
      room: households.room,
      area: households.area,
      status: households.status,
      sortKey: households.sortKey,
    })
    .from(households)
    .innerJoin(projects, and(eq(projects.tenantId, households.tenantId), eq(projects.id, households.projectId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(householdListConditions(tenantId, projectIds, filter), keyset))
    .orderBy(asc(projects.code), asc(households.sortKey), asc(households.id))
    .limit(limit);
}

/** The residents of a page of households, owners first, then in the order they were registered. */
export async function exportPersons(db: Executor, tenantId: string, householdIds: string[]): Promise<ExportPerson[]> {
  if (householdIds.length === 0) return [];
  return db
    .select({
      householdId: persons.householdId,
      name: persons.name,
      role: persons.role,
      phone: persons.phone,
      isVip: persons.isVip,
      tags: persons.tags,
      note: persons.note,
    })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.householdId, householdIds)))
    .orderBy(asc(persons.householdId), sql`case ${persons.role} when 'owner' then 0 when 'tenant' then 1 else 2 end`, asc(persons.id));
}
