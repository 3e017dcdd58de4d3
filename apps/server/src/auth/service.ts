import type { StaffPost, StaffRole } from '@manyi/core';
import type { Database } from '@manyi/db';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { messageFor } from '../http/messages';
import { HttpProblem } from '../http/problem';
import { abilitiesOf } from '../policy/policy';
import type { StaffPrincipal } from '../http/principal';
import { reserveSignInAttempts, settleSignIn, staffAttemptKey } from './attempt-counters';
import { hashPassword, isStrongPassword, verifyPassword } from './password';
import { findStaffByLogin, findStaffUser, findStaffWithTenant, projectsInScope, setStaffPassword } from './repository';
import { createSession, deleteStaffSessions } from './session-repository';
import type { StaffMe } from '@manyi/contracts/auth';

/** Verifying against a fixed hash when the login is unknown keeps response times alike, so logins cannot be enumerated by timing. */
let decoyHash: Promise<string> | undefined;

export type SignInResult = { token: string; principal: StaffPrincipal };

export async function signIn(
  deps: { db: Database; clock: { now(): Date }; config: { sessionTtlHours: number } },
  input: { login: string; password: string; company?: string | undefined; userAgent: string; ip: string },
): Promise<string> {
  const login = input.login.toLowerCase();
  const company = input.company?.toLowerCase();
  const now = deps.clock.now();
  const candidates = await findStaffByLogin(deps.db, login, company);
  // Counted before any password is checked, per account (company and login) whatever the address,
  // known login or not; a locked account's password is not checked at all.
  const keyOf = (candidate: { tenantId: string }) => staffAttemptKey({ tenantId: candidate.tenantId, login });
  const keys = candidates.length > 0 ? candidates.map(keyOf) : [staffAttemptKey({ company, login })];
  const counted = await reserveSignInAttempts(deps.db, keys, now);
  if (counted.size === 0) throw new HttpProblem(429, 'sign_in_locked');
  const open = candidates.filter((candidate) => counted.has(keyOf(candidate)));
  if (open.length === 0) {
    decoyHash ??= hashPassword('decoy-password-1');
    await verifyPassword(await decoyHash, input.password);
    throw new HttpProblem(401, 'bad_credentials');
  }
  // The same login may exist in several companies: the account is the one the password opens.
  const matching: typeof open = [];
  for (const candidate of open) if (await verifyPassword(candidate.passwordHash, input.password)) matching.push(candidate);
  // Only someone holding both passwords learns that two companies share the login; they are asked which company.
  if (matching.length > 1) {
    // Their passwords were right: the attempt is no failure of any of these accounts.
    await settleSignIn(deps.db, null, matching.map(keyOf));
    throw new HttpProblem(400, 'company_required');
  }
  const staff = matching[0];
  // A disabled account answers as a wrong password: the sign-in page must not confirm that a login exists.
  if (!staff || !staff.active) throw new HttpProblem(401, 'bad_credentials');
  await settleSignIn(deps.db, keyOf(staff), open.filter((candidate) => candidate !== staff).map(keyOf));
  return createSession(deps.db, {
    tenantId: staff.tenantId,
    kind: 'staff',
    staffId: staff.id,
    expiresAt: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000),
    userAgent: input.userAgent.slice(0, 300),
    ip: input.ip,
  });
}

export async function describeStaff(db: Database, principal: StaffPrincipal): Promise<StaffMe> {
  const row = await findStaffWithTenant(db, principal.tenantId, principal.staffId);
  if (!row) throw new HttpProblem(401, 'unauthenticated');
  const scope = principal.projectIds;
  const visible = scope !== null && scope.length === 0 ? [] : await projectsInScope(db, principal.tenantId, scope);
  return {
    kind: 'staff',
    id: row.staff.id,
    login: row.staff.login,
    name: row.staff.name,
    roles: row.staff.roles as StaffRole[],
    post: row.staff.post as StaffPost | null,
    tenant: { id: row.tenant.id, code: row.tenant.code, name: row.tenant.name },
    allProjects: scope === null,
    projects: visible,
    abilities: abilitiesOf(principal),
  };
}

export async function changePassword(context: Context, input: { currentPassword: string; newPassword: string; keepToken: string }): Promise<void> {
  const { db, principal } = context;
  const staff = await findStaffUser(db, principal.tenantId, principal.staffId);
  if (!staff) throw new HttpProblem(401, 'unauthenticated');
  if (!(await verifyPassword(staff.passwordHash, input.currentPassword))) {
    throw new HttpProblem(400, 'validation', undefined, [
      { field: 'currentPassword', messages: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' } },
    ]);
  }
  if (!isStrongPassword(input.newPassword)) {
    throw new HttpProblem(400, 'validation', undefined, [{ field: 'newPassword', messages: messageFor('weak_password') }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setStaffPassword(tx, principal.tenantId, principal.staffId, passwordHash, context.clock.now());
    await deleteStaffSessions(tx, principal.tenantId, principal.staffId, input.keepToken);
    await recordAudit(tx, context, { action: 'password_change', entityType: 'staff', entityId: principal.staffId, summary: `${principal.name} 修改了密码` });
  });
}
