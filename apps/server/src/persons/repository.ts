import { householdLabel, type DiscStyle, type OwnerQuery, type PersonRole } from '@manyi/core';
import { buildings, escapeLike, households, likeContaining, ownerInvites, persons, projects, units, type Executor } from '@manyi/db';
import { and, asc, desc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PersonView } from '@manyi/contracts/persons';
import { nameInitials } from './initials';

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
  const [created] = await db
    .insert(persons)
    .values({ ...row, nameInitials: nameInitials(row.name) })
    .returning();
  return created!;
}

export async function updatePersonRow(db: Executor, tenantId: string, id: string, set: Partial<typeof persons.$inferInsert>): Promise<PersonRow | undefined> {
  const [after] = await db
    .update(persons)
    .set(set.name === undefined ? set : { ...set, nameInitials: nameInitials(set.name) })
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

/**
 * The hotline's owner search: every reading of what the caller said (core parseOwnerQuery) as one
 * condition, ranked by how sure a match is — a whole address or phone number first, then a name,
 * its initials, the end of a phone number, and a bare room number (which matches every building)
 * last. Each condition has its index (households.room, persons' name / initials prefixes, the phone
 * and its last four digits), so the OR stays a bitmap scan rather than a read of the roster.
 */
export async function lookupPersons(db: Executor, tenantId: string, projectIds: string[] | null, query: OwnerQuery, limit: number): Promise<PersonView[]> {
  if (projectIds?.length === 0) return [];
  const readings: { when: SQL; score: number }[] = [];
  const { address } = query;
  if (address) {
    const building = address.building
      ? sql`lower(${buildings.name}) in (${sql.join(
          ['', '栋', '幢', '座', '号楼'].map((suffix) => sql`${address.building + suffix}`),
          sql`, `,
        )})`
      : undefined;
    const unit = address.unit ? or(eq(units.name, address.unit), eq(units.name, `${address.unit}单元`)) : undefined;
    const where = and(eq(households.room, address.room), building, unit)!;
    readings.push({ when: where, score: address.building ? 100 : 40 });
  }
  if (query.phone) readings.push({ when: eq(persons.phone, query.phone), score: 100 });
  if (query.phoneTail) readings.push({ when: sql`right(${persons.phone}, 4) = ${query.phoneTail}`, score: 60 });
  if (query.name) {
    readings.push({ when: eq(persons.name, query.name), score: 90 });
    readings.push({ when: sql`${persons.name} like ${escapeLike(query.name) + '%'}`, score: 70 });
  }
  if (query.initials) {
    readings.push({ when: eq(persons.nameInitials, query.initials), score: 80 });
    readings.push({ when: sql`${persons.nameInitials} like ${escapeLike(query.initials) + '%'}`, score: 50 });
  }
  if (readings.length === 0) return [];
  const score = sql<number>`greatest(${sql.join(
    readings.map((reading) => sql`case when ${reading.when} then ${reading.score} else 0 end`),
    sql`, `,
  )})`;
  const rows = await selectPersons(db)
    .where(and(eq(persons.tenantId, tenantId), projectIds ? inArray(persons.projectId, projectIds) : undefined, or(...readings.map((reading) => reading.when))))
    // Owners before their family and tenants at the same address: the caller is most often the owner.
    .orderBy(desc(score), sql`case ${persons.role} when 'owner' then 0 else 1 end`, asc(households.sortKey), asc(persons.id))
    .limit(limit);
  return rows.map(toPersonView);
}

/**
 * Fills name_initials for persons written before the column existed (it was added with the default '').
 * Pages by id so persons whose names give no initials (digits-only names keep theirs, an empty reading stays
 * '') are passed once; each page is one UPDATE. Run at start-up (server.ts) and by `manyi migrate`.
 */
export async function backfillNameInitials(db: Executor, pageSize = 1000): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let filled = 0;
  for (;;) {
    const page = await db
      .select({ tenantId: persons.tenantId, id: persons.id, name: persons.name })
      .from(persons)
      .where(and(eq(persons.nameInitials, ''), sql`${persons.name} <> ''`, gt(persons.id, after)))
      .orderBy(asc(persons.id))
      .limit(pageSize);
    if (page.length === 0) return filled;
    after = page[page.length - 1]!.id;
    const readings = page.map((row) => ({ tenant_id: row.tenantId, id: row.id, initials: nameInitials(row.name) })).filter((row) => row.initials !== '');
    if (readings.length > 0) {
      await db.execute(sql`
        update persons set name_initials = reading.initials
        from jsonb_to_recordset(${JSON.stringify(readings)}::jsonb) as reading(tenant_id uuid, id uuid, initials text)
        where persons.tenant_id = reading.tenant_id and persons.id = reading.id and persons.name_initials = ''`);
      filled += readings.length;
    }
  }
}
