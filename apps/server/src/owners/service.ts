import { createHash, randomInt } from 'node:crypto';
import { householdLabel, normalisePhone, type PersonRole } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { createSession, tokenDigest } from '../auth/session-repository';
import type { PublicContext } from '../http/context';
import { HttpProblem } from '../http/problem';
import type { OwnerPrincipal } from '../policy/principal';
import { findPersonRow } from '../persons/repository';
import { addTimelineEvent } from '../timeline/repository';
import type { OwnerMe } from '@manyi/contracts/owners';
import {
  findPersonWithTenant, findTenantByCode, homesOfResident, insertOtp, latestLiveOtp, latestOtp, markOtpUsed, residentByPhone, setOtpAttempts, useInvite,
} from './repository';

/** SMS codes: 6 digits, valid 5 minutes, 5 tries, one new code per phone per minute (common practice of Chinese SMS gateways). */
const otpTtlMs = 5 * 60_000;
const otpMaxAttempts = 5;
const otpResendMs = 60_000;
/** Owners stay signed in on their phones for 30 days. */
export const ownerSessionTtlMs = 30 * 24 * 3_600_000;

const codeDigest = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');

async function tenantByCode(db: Executor, code: string) {
  const tenant = await findTenantByCode(db, code);
  if (!tenant) throw new HttpProblem(404, 'unknown_tenant');
  return tenant;
}

export async function requestOtp(context: PublicContext, input: { tenantCode: string; phone: string }): Promise<void> {
  const phone = normalisePhone(input.phone)!;
  const tenant = await tenantByCode(context.db, input.tenantCode);
  if (!(await residentByPhone(context.db, tenant.id, phone))) throw new HttpProblem(404, 'otp_no_resident');
  const now = context.clock.now();
  const latest = await latestOtp(context.db, tenant.id, phone);
  if (latest && now.getTime() - latest.createdAt.getTime() < otpResendMs) throw new HttpProblem(429, 'otp_too_soon');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await insertOtp(context.db, { tenantId: tenant.id, phone, codeHash: codeDigest(phone, code), expiresAt: new Date(now.getTime() + otpTtlMs), createdAt: now });
  await context.sms.send({ phone, purpose: 'otp', text: `【${tenant.name}】您的登录验证码为 ${code},5 分钟内有效。如非本人操作请忽略。` });
}

export async function verifyOtp(context: PublicContext, input: { tenantCode: string; phone: string; code: string }, client: { userAgent: string; ip: string }): Promise<string> {
  const phone = normalisePhone(input.phone)!;
  const tenant = await tenantByCode(context.db, input.tenantCode);
  const now = context.clock.now();
  const otp = await latestLiveOtp(context.db, tenant.id, phone, now);
  if (!otp || otp.attempts >= otpMaxAttempts) throw new HttpProblem(400, 'otp_invalid');
  if (otp.codeHash !== codeDigest(phone, input.code)) {
    await setOtpAttempts(context.db, tenant.id, otp.id, otp.attempts + 1);
    throw new HttpProblem(400, 'otp_invalid');
  }
  const person = await residentByPhone(context.db, tenant.id, phone);
  if (!person) throw new HttpProblem(404, 'otp_no_resident');
  return context.db.transaction(async (tx) => {
    // Marking the code used inside the transaction, guarded by used_at IS NULL, makes a code single-use under concurrent retries.
    if (!(await markOtpUsed(tx, tenant.id, otp.id, now))) throw new HttpProblem(400, 'otp_invalid');
    await addTimelineEvent(tx, { tenantId: tenant.id, personId: person.id, householdId: person.householdId, kind: 'owner_sign_in', title: '业主通过手机验证码登录', occurredAt: now });
    return createSession(tx, { tenantId: tenant.id, kind: 'owner', personId: person.id, expiresAt: new Date(now.getTime() + ownerSessionTtlMs), ...client });
  });
}

export async function redeemInvite(context: PublicContext, token: string, client: { userAgent: string; ip: string }): Promise<string> {
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const invite = await useInvite(tx, tokenDigest(token), now);
    if (!invite) throw new HttpProblem(400, 'invite_invalid');
    const person = await findPersonRow(tx, invite.tenantId, invite.personId);
    if (!person) throw new HttpProblem(400, 'invite_invalid');
    await addTimelineEvent(tx, { tenantId: person.tenantId, personId: person.id, householdId: person.householdId, kind: 'owner_sign_in', title: '业主通过邀请链接登录', occurredAt: now });
    return createSession(tx, { tenantId: person.tenantId, kind: 'owner', personId: person.id, expiresAt: new Date(now.getTime() + ownerSessionTtlMs), ...client });
  });
}

/** The owner and every household their phone number is registered to in this company. */
export async function describeOwner(db: Executor, principal: OwnerPrincipal): Promise<OwnerMe> {
  const row = await findPersonWithTenant(db, principal.tenantId, principal.personId);
  if (!row) throw new HttpProblem(401, 'unauthenticated');
  const homes = await homesOfResident(db, principal.tenantId, row.person);
  return {
    kind: 'owner',
    person: { id: row.person.id, name: row.person.name, role: row.person.role as PersonRole, phone: row.person.phone },
    tenant: { code: row.tenant.code, name: row.tenant.name },
    households: homes.map((home) => ({ id: home.id, label: householdLabel(home.buildingName, home.unitName, home.room), projectName: home.projectName })),
  };
}
