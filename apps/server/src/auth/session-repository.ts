import { createHash, randomBytes } from 'node:crypto';
import { persons, preparedOnce, sessions, staffUsers, tenants, type Executor } from '@manyi/db';
import type { StaffRole } from '@manyi/core';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Principal } from '../http/principal';
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
  const digest = tokenDigest(token);
  await db.delete(sessions).where(eq(sessions.id, digest));
}

/** Sign-out everywhere else, after a password change or when an account is disabled. */
export async function deleteStaffSessions(db: Executor, tenantId: string, staffId: string, except?: string): Promise<void> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.staffId, staffId)));
  const keep = except ? tokenDigest(except) : undefined;
  for (const row of rows) if (row.id !== keep) await db.delete(sessions).where(eq(sessions.id, row.id));
}

/**
 * An owner's sessions end when the person record they signed in as stops being them: a new phone
 * number (the flat re-registered to its new owner on the same record), another household, or removal.
 * Owner principals are not remembered between requests, so deleting the rows is enough.
 */
export async function deleteOwnerSessions(db: Executor, tenantId: string, personId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.kind, 'owner'), eq(sessions.personId, personId)));
}

/** Session, user and project assignments in one query: it runs before every API call. */
function principalQuery(db: Executor) {
  // Table names written out: correlated subquery over the outer sessions row.
  const projectIds = sql<
    string[]
  >`(select coalesce(array_agg(sp.project_id::text), '{}'::text[]) from "staff_projects" sp where sp.tenant_id = "sessions"."tenant_id" and sp.staff_id = "sessions"."staff_id")`;
  return db
    .select({ session: sessions, staff: staffUsers, person: persons, projectIds, settingsVersion: tenants.settingsVersion })
    .from(sessions)
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .leftJoin(staffUsers, and(eq(staffUsers.tenantId, sessions.tenantId), eq(staffUsers.id, sessions.staffId)))
    .leftJoin(persons, and(eq(persons.tenantId, sessions.tenantId), eq(persons.id, sessions.personId)))
    .where(and(eq(sessions.id, sql.placeholder('digest')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('principal_for_token');
}

/** Runs before every API call: prepared once per database handle. */
const preparedPrincipal = preparedOnce(principalQuery);

/**
 * The principal behind a cookie token, or null when the session is unknown, expired or its user
 * disabled. Read afresh on every request, so a sign-out, a disabled account or a change of roles
 * or projects applies to the very next call; the company's settings version comes with it for the
 * configuration caches (company-version/cache.ts).
 */
export async function principalForToken(db: Executor, token: string, now: Date): Promise<Principal | null> {
  const [row] = await preparedPrincipal(db).execute({ digest: tokenDigest(token), now });
  if (!row) return null;
  const { session, staff, person, settingsVersion } = row;
  if (session.kind === 'staff' && staff) {
    if (!staff.active) return null;
    const roles = staff.roles as StaffRole[];
    return {
      kind: 'staff',
      tenantId: staff.tenantId,
      staffId: staff.id,
      name: staff.name,
      roles,
      projectIds: isCompanyWide(roles) ? null : row.projectIds,
      settingsVersion,
    };
  }
  if (session.kind === 'owner' && person) {
    return { kind: 'owner', tenantId: person.tenantId, personId: person.id, name: person.name, phone: person.phone, settingsVersion };
  }
  return null;
}
