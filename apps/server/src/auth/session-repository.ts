import { createHash, randomBytes } from 'node:crypto';
import { persons, preparedOnce, sessions, staffUsers, tenants, type Executor } from '@manyi/db';
import type { StaffRole } from '@manyi/core';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Principal, StaffPrincipal } from '../policy/principal';
import { isCompanyWide } from '../policy/policy';
import { forgetPrincipal } from './principal-cache';

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
  // Other instances learn it from the re-check of their next use (principalStillHolds).
  forgetPrincipal(db, digest);
}

/** Sign-out everywhere else, after a password change or when an account is disabled. */
export async function deleteStaffSessions(db: Executor, tenantId: string, staffId: string, except?: string): Promise<void> {
  const rows = await db.select({ id: sessions.id }).from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.staffId, staffId)));
  const keep = except ? tokenDigest(except) : undefined;
  // Run in the caller's transaction, so nothing is forgotten here: remembered principals of these
  // sessions fail their next re-check (principalStillHolds) and are dropped then.
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
  const projectIds = sql<string[]>`(select coalesce(array_agg(sp.project_id::text), '{}'::text[]) from "staff_projects" sp where sp.tenant_id = "sessions"."tenant_id" and sp.staff_id = "sessions"."staff_id")`;
  return db.select({ session: sessions, staff: staffUsers, person: persons, projectIds, settingsVersion: tenants.settingsVersion }).from(sessions)
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .leftJoin(staffUsers, and(eq(staffUsers.tenantId, sessions.tenantId), eq(staffUsers.id, sessions.staffId)))
    .leftJoin(persons, and(eq(persons.tenantId, sessions.tenantId), eq(persons.id, sessions.personId)))
    .where(and(eq(sessions.id, sql.placeholder('digest')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('principal_for_token');
}

/** Runs before every API call: prepared once per database handle. */
const preparedPrincipal = preparedOnce(principalQuery);

/** The principal behind a cookie token, or null when the session is unknown, expired or its user disabled. */
export async function principalForToken(db: Executor, token: string, now: Date): Promise<Principal | null> {
  return (await sessionForDigest(db, tokenDigest(token), now))?.principal ?? null;
}

/** The principal behind a session digest and when the session expires; null as principalForToken. */
export async function sessionForDigest(db: Executor, digest: string, now: Date): Promise<{ principal: Principal; expiresAt: Date } | null> {
  const [row] = await preparedPrincipal(db).execute({ digest, now });
  if (!row) return null;
  const { session, staff, person, settingsVersion } = row;
  const expiresAt = session.expiresAt;
  if (session.kind === 'staff' && staff) {
    if (!staff.active) return null;
    const roles = staff.roles as StaffRole[];
    return { principal: { kind: 'staff', tenantId: staff.tenantId, staffId: staff.id, name: staff.name, roles, projectIds: isCompanyWide(roles) ? null : row.projectIds, settingsVersion }, expiresAt };
  }
  if (session.kind === 'owner' && person) {
    return { principal: { kind: 'owner', tenantId: person.tenantId, personId: person.id, name: person.name, phone: person.phone, settingsVersion }, expiresAt };
  }
  return null;
}

/** What a statement needs to re-check a remembered staff principal (principalStillHolds). */
export type PrincipalCheckParams = {
  checkDigest: string | null; checkNow: Date | null; checkTenantId: string | null; checkStaffId: string | null; checkName: string | null;
  checkRoles: string | null; checkProjects: string | null; checkVersion: number | null;
};

/** Sorted by code unit, as `collate "C"` sorts in principalStillHolds. */
const listText = (values: readonly string[]) => [...values].sort().join(',');

/** No check: the principal was read from the session at the start of this request. */
export const noPrincipalCheck: PrincipalCheckParams = {
  checkDigest: null, checkNow: null, checkTenantId: null, checkStaffId: null, checkName: null, checkRoles: null, checkProjects: null, checkVersion: null,
};

/** The fields of a staff principal that principalStillHolds compares, normalised as it compares them. */
function stampOf(principal: StaffPrincipal) {
  return {
    checkTenantId: principal.tenantId, checkStaffId: principal.staffId, checkName: principal.name, checkRoles: listText(principal.roles),
    checkProjects: principal.projectIds && listText(principal.projectIds), checkVersion: principal.settingsVersion ?? null,
  };
}

export function principalCheckParams(digest: string, principal: StaffPrincipal, now: Date): PrincipalCheckParams {
  return { checkDigest: digest, checkNow: now, ...stampOf(principal) };
}

/** Whether two staff principals agree on everything principalStillHolds compares. */
export function sameStamp(a: StaffPrincipal, b: StaffPrincipal): boolean {
  const [left, right] = [stampOf(a), stampOf(b)];
  return (Object.keys(left) as (keyof typeof left)[]).every((key) => left[key] === right[key]);
}

/**
 * A boolean SQL expression, for a prepared statement with the placeholders of PrincipalCheckParams:
 * true when no check is asked (checkDigest null), or when the session behind checkDigest still
 * stands and still yields exactly the remembered principal: unexpired, same company and staff
 * member, still active, same name (it is written into audit rows), same roles, same assigned
 * projects (when the roles are project-scoped) and the same company settings version (the
 * settings the request's checks used). It compares the very columns sessionForDigest builds a
 * principal from, so a statement that writes only when it holds acts on what a fresh session read
 * in the same snapshot would have allowed.
 */
export const principalStillHolds = sql`(${sql.placeholder('checkDigest')}::text is null or exists (
  select 1 from sessions s
    join tenants t on t.id = s.tenant_id
    join staff_users st on st.tenant_id = s.tenant_id and st.id = s.staff_id
  where s.id = ${sql.placeholder('checkDigest')}::text and s.kind = 'staff' and s.expires_at > ${sql.placeholder('checkNow')}::timestamptz
    and s.tenant_id = ${sql.placeholder('checkTenantId')}::uuid and st.id = ${sql.placeholder('checkStaffId')}::uuid and st.active
    and st.name = ${sql.placeholder('checkName')}::text
    and array_to_string(array(select r from unnest(st.roles) r order by r collate "C"), ',') = ${sql.placeholder('checkRoles')}::text
    and t.settings_version = ${sql.placeholder('checkVersion')}::bigint
    and (${sql.placeholder('checkProjects')}::text is null or ${sql.placeholder('checkProjects')}::text = coalesce((
      select string_agg(sp.project_id::text, ',' order by sp.project_id::text collate "C") from staff_projects sp
      where sp.tenant_id = s.tenant_id and sp.staff_id = s.staff_id), ''))))`;
