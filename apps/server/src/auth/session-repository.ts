import { createHash, randomBytes } from 'node:crypto';
import { persons, sessions, staffProjects, staffUsers, type Executor } from '@manyi/db';
import type { StaffRole } from '@manyi/core';
import { and, eq, gt } from 'drizzle-orm';
import type { Principal } from '../policy/principal';
import { isCompanyWide } from '../policy/policy';

export const sessionCookie = 'manyi_session';

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export type NewSession = {
  tenantId: string;
  kind: 'staff' | 'owner';
  staffId?: string;
  personId?: string;
  expiresAt: Date;
  userAgent: string;
  ip: string;
};

/** Returns the token for the cookie; only its digest is stored. */
export async function createSession(db: Executor, session: NewSession): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({ id: tokenDigest(token), ...session });
  return token;
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenDigest(token)));
}

/** Sign-out everywhere else, after a password change or when an account is disabled. */
export async function deleteStaffSessions(db: Executor, tenantId: string, staffId: string, except?: string): Promise<void> {
  const rows = await db.select({ id: sessions.id }).from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.staffId, staffId)));
  const keep = except ? tokenDigest(except) : undefined;
  for (const row of rows) if (row.id !== keep) await db.delete(sessions).where(eq(sessions.id, row.id));
}

/** The principal behind a cookie token, or null when the session is unknown, expired or its user disabled. */
export async function principalForToken(db: Executor, token: string, now: Date): Promise<Principal | null> {
  const [session] = await db.select().from(sessions)
    .where(and(eq(sessions.id, tokenDigest(token)), gt(sessions.expiresAt, now)));
  if (!session) return null;
  if (session.kind === 'staff' && session.staffId) {
    const [staff] = await db.select().from(staffUsers)
      .where(and(eq(staffUsers.tenantId, session.tenantId), eq(staffUsers.id, session.staffId)));
    if (!staff || !staff.active) return null;
    const roles = staff.roles as StaffRole[];
    let projectIds: string[] | null = null;
    if (!isCompanyWide(roles)) {
      const assigned = await db.select({ projectId: staffProjects.projectId }).from(staffProjects)
        .where(and(eq(staffProjects.tenantId, staff.tenantId), eq(staffProjects.staffId, staff.id)));
      projectIds = assigned.map((row) => row.projectId);
    }
    return { kind: 'staff', tenantId: staff.tenantId, staffId: staff.id, name: staff.name, roles, projectIds };
  }
  if (session.kind === 'owner' && session.personId) {
    const [person] = await db.select().from(persons)
      .where(and(eq(persons.tenantId, session.tenantId), eq(persons.id, session.personId)));
    if (!person) return null;
    return { kind: 'owner', tenantId: person.tenantId, personId: person.id, name: person.name, phone: person.phone };
  }
  return null;
}
