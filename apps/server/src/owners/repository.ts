import { buildings, households, otpCodes, ownerInvites, persons, projects, tenants, units, type Executor } from '@manyi/db';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';

export type OtpRow = typeof otpCodes.$inferSelect;

export async function tenantByCode(db: Executor, code: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, code));
  return tenant;
}

/** The resident who signs in with a phone: an owner (业主) before a tenant or family member, oldest record first. */
export async function residentByPhone(db: Executor, tenantId: string, phone: string) {
  const [person] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.phone, phone)))
    .orderBy(sql`case ${persons.role} when 'owner' then 0 when 'tenant' then 1 else 2 end`, asc(persons.id))
    .limit(1);
  return person;
}

export async function findPerson(db: Executor, tenantId: string, personId: string) {
  const [person] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
  return person;
}

export async function insertOtpCode(db: Executor, row: typeof otpCodes.$inferInsert): Promise<void> {
  await db.insert(otpCodes).values(row);
}

/**
 * Counts one try against the phone's newest live code and returns it, or nothing when there is no live
 * code or its tries are spent. One statement, so concurrent guesses cannot overwrite each other's count.
 */
export async function countOtpTry(db: Executor, tenantId: string, phone: string, now: Date, maxAttempts: number): Promise<OtpRow | undefined> {
  const live = and(eq(otpCodes.tenantId, tenantId), eq(otpCodes.phone, phone), isNull(otpCodes.usedAt), gt(otpCodes.expiresAt, now));
  const [otp] = await db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(
      and(
        eq(otpCodes.tenantId, tenantId),
        eq(otpCodes.id, db.select({ id: otpCodes.id }).from(otpCodes).where(live).orderBy(desc(otpCodes.createdAt)).limit(1)),
        sql`${otpCodes.attempts} < ${maxAttempts}`,
      ),
    )
    .returning();
  return otp;
}

/** Guarded by used_at IS NULL, so a code is single-use under concurrent retries: false when another use came first. */
export async function markOtpUsed(db: Executor, tenantId: string, id: string, now: Date): Promise<boolean> {
  const used = await db
    .update(otpCodes)
    .set({ usedAt: now })
    .where(and(eq(otpCodes.tenantId, tenantId), eq(otpCodes.id, id), isNull(otpCodes.usedAt)))
    .returning({ id: otpCodes.id });
  return used.length > 0;
}

/** Marks a live invite used and returns it; nothing when the token is unknown, used or expired. */
export async function useInvite(db: Executor, tokenHash: string, now: Date) {
  const [invite] = await db
    .update(ownerInvites)
    .set({ usedAt: now })
    .where(and(eq(ownerInvites.tokenHash, tokenHash), isNull(ownerInvites.usedAt), gt(ownerInvites.expiresAt, now)))
    .returning();
  return invite;
}

export async function personWithTenant(db: Executor, tenantId: string, personId: string) {
  const [row] = await db
    .select({ person: persons, tenant: tenants })
    .from(persons)
    .innerJoin(tenants, eq(tenants.id, persons.tenantId))
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
  return row;
}

/** Every household where the resident is registered: by phone number when they have one, else the person's own record. */
export async function homesOfResident(db: Executor, tenantId: string, person: { id: string; phone: string | null }) {
  const sameResident = person.phone ? eq(persons.phone, person.phone) : eq(persons.id, person.id);
  return db
    .selectDistinct({ id: households.id, room: households.room, buildingName: buildings.name, unitName: units.name, projectName: projects.name })
    .from(persons)
    .innerJoin(households, and(eq(households.tenantId, persons.tenantId), eq(households.id, persons.householdId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, persons.tenantId), eq(buildings.id, households.buildingId)))
    .innerJoin(projects, and(eq(projects.tenantId, persons.tenantId), eq(projects.id, households.projectId)))
    .leftJoin(units, and(eq(units.tenantId, persons.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(persons.tenantId, tenantId), sameResident));
}
