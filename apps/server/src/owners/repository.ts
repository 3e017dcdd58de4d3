import { buildings, households, otpCodes, ownerInvites, persons, projects, tenants, units, type Executor } from '@manyi/db';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';

/** The company by its public code (any company: owners sign in before a company is known). */
export async function findTenantByCode(db: Executor, code: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, code));
  return tenant;
}

/** The resident who signs in with a phone: an owner (业主) before a tenant or family member, oldest record first. */
export async function residentByPhone(db: Executor, tenantId: string, phone: string) {
  const [person] = await db.select().from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.phone, phone)))
    .orderBy(sql`case ${persons.role} when 'owner' then 0 when 'tenant' then 1 else 2 end`, asc(persons.id)).limit(1);
  return person;
}

/** The newest code sent to the phone, used or not. */
export async function latestOtp(db: Executor, tenantId: string, phone: string) {
  const [latest] = await db.select().from(otpCodes)
    .where(and(eq(otpCodes.tenantId, tenantId), eq(otpCodes.phone, phone))).orderBy(desc(otpCodes.createdAt)).limit(1);
  return latest;
}

/** The newest code for the phone that is unused and not expired. */
export async function latestLiveOtp(db: Executor, tenantId: string, phone: string, now: Date) {
  const [otp] = await db.select().from(otpCodes)
    .where(and(eq(otpCodes.tenantId, tenantId), eq(otpCodes.phone, phone), isNull(otpCodes.usedAt), gt(otpCodes.expiresAt, now)))
    .orderBy(desc(otpCodes.createdAt)).limit(1);
  return otp;
}

export async function insertOtp(db: Executor, row: typeof otpCodes.$inferInsert): Promise<void> {
  await db.insert(otpCodes).values(row);
}

export async function setOtpAttempts(db: Executor, tenantId: string, id: string, attempts: number): Promise<void> {
  await db.update(otpCodes).set({ attempts }).where(and(eq(otpCodes.tenantId, tenantId), eq(otpCodes.id, id)));
}

/**
 * Marks the code used unless it already is; false when another request used it first. Inside the
 * sign-in transaction, the used_at IS NULL guard makes a code single-use under concurrent retries.
 */
export async function markOtpUsed(db: Executor, tenantId: string, id: string, now: Date): Promise<boolean> {
  const used = await db.update(otpCodes).set({ usedAt: now })
    .where(and(eq(otpCodes.tenantId, tenantId), eq(otpCodes.id, id), isNull(otpCodes.usedAt))).returning({ id: otpCodes.id });
  return used.length > 0;
}

/** Marks the invite with this token digest used, if it is unused and not expired; the invite, or undefined. */
export async function useInvite(db: Executor, digest: string, now: Date) {
  const [invite] = await db.update(ownerInvites).set({ usedAt: now })
    .where(and(eq(ownerInvites.tokenHash, digest), isNull(ownerInvites.usedAt), gt(ownerInvites.expiresAt, now)))
    .returning();
  return invite;
}

export async function findPersonWithTenant(db: Executor, tenantId: string, personId: string) {
  const [row] = await db.select({ person: persons, tenant: tenants }).from(persons)
    .innerJoin(tenants, eq(tenants.id, persons.tenantId))
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
  return row;
}

/** Every household the resident is registered to in the company: by phone when they have one, else their own record. */
export async function homesOfResident(db: Executor, tenantId: string, resident: { phone: string | null; id: string }) {
  const sameResident = resident.phone ? eq(persons.phone, resident.phone) : eq(persons.id, resident.id);
  return db.selectDistinct({ id: households.id, room: households.room, buildingName: buildings.name, unitName: units.name, projectName: projects.name })
    .from(persons)
    .innerJoin(households, and(eq(households.tenantId, persons.tenantId), eq(households.id, persons.householdId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, persons.tenantId), eq(buildings.id, households.buildingId)))
    .innerJoin(projects, and(eq(projects.tenantId, persons.tenantId), eq(projects.id, households.projectId)))
    .leftJoin(units, and(eq(units.tenantId, persons.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(persons.tenantId, tenantId), sameResident));
}
