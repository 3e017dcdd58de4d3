import { householdLabel, type DiscStyle, type PersonRole } from '@manyi/core';
import { buildings, households, likeContaining, ownerInvites, persons, projects, units, type Executor } from '@manyi/db';
import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PersonView } from '@manyi/contracts/persons';

export type PersonFilter = {
  householdId?: string | undefined;
  q?: string | undefined;
  role?: string | undefined;
  isVip?: boolean | undefined;
  discStyle?: string | undefined;
  tag?: string | undefined;
};

function selectPersons(db: Executor) {
  return db
    .select({
      person: persons,
      projectName: projects.name,
      buildingName: buildings.name,
      unitName: units.name,
      room: households.room,
    })
    .from(persons)
    .innerJoin(households, and(eq(households.tenantId, persons.tenantId), eq(households.id, persons.householdId)))
    .innerJoin(projects, and(eq(projects.tenantId, persons.tenantId), eq(projects.id, persons.projectId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, persons.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, persons.tenantId), eq(units.id, households.unitId)));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPersons>['where']>>[number];

export function toPersonView(row: Row): PersonView {
  const { person } = row;
  return {
    id: person.id,
    householdId: person.householdId,
    projectId: person.projectId,
    householdLabel: householdLabel(row.buildingName, row.unitName, row.room),
    projectName: row.projectName,
    name: person.name,
    role: person.role as PersonRole,
    phone: person.phone,
    isVip: person.isVip,
    discStyle: person.discStyle as DiscStyle | null,
    tags: person.tags,
    note: person.note,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
  };
}

export async function listPersons(db: Executor, tenantId: string, projectIds: string[] | null, filter: PersonFilter, after: string | null, limit: number) {
  if (projectIds?.length === 0) return [];
  const q = likeContaining(filter.q);
  const conditions: (SQL | undefined)[] = [
    eq(persons.tenantId, tenantId),
    projectIds ? inArray(persons.projectId, projectIds) : undefined,
    filter.householdId ? eq(persons.householdId, filter.householdId) : undefined,
    filter.role ? eq(persons.role, filter.role) : undefined,
    filter.isVip === undefined ? undefined : eq(persons.isVip, filter.isVip),
    filter.discStyle ? eq(persons.discStyle, filter.discStyle) : undefined,
    filter.tag ? sql`${persons.tags} @> array[${filter.tag}]::text[]` : undefined,
    q ? or(ilike(persons.name, q), ilike(persons.phone, q), ilike(households.room, q)) : undefined,
    after ? gt(persons.id, after) : undefined,
  ];
  const rows = await selectPersons(db)
    .where(and(...conditions))
    .orderBy(asc(persons.id))
    .limit(limit + 1);
  return rows.map(toPersonView);
}

export async function findPerson(db: Executor, tenantId: string, id: string): Promise<PersonView | undefined> {
  const [row] = await selectPersons(db).where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
  return row ? toPersonView(row) : undefined;
}

export async function findPersonRow(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
  return row;
}

export async function householdMembers(db: Executor, tenantId: string, householdId: string): Promise<PersonView[]> {
  const rows = await selectPersons(db)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.householdId, householdId)))
    .orderBy(asc(persons.id));
  return rows.map(toPersonView);
}

export type PersonRow = typeof persons.$inferSelect;

export async function insertPerson(db: Executor, row: typeof persons.$inferInsert): Promise<PersonRow> {
  const [created] = await db.insert(persons).values(row).returning();
  return created!;
}

export async function updatePersonRow(db: Executor, tenantId: string, id: string, set: Partial<typeof persons.$inferInsert>): Promise<PersonRow | undefined> {
  const [after] = await db
    .update(persons)
    .set(set)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)))
    .returning();
  return after;
}

/** Deletes the person with their owner invites (which only point at them). */
export async function deletePersonWithInvites(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(ownerInvites).where(and(eq(ownerInvites.tenantId, tenantId), eq(ownerInvites.personId, id)));
  await db.delete(persons).where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
}

export async function insertOwnerInvite(db: Executor, row: typeof ownerInvites.$inferInsert): Promise<string> {
  const [created] = await db.insert(ownerInvites).values(row).returning({ id: ownerInvites.id });
  return created!.id;
}
