import { createHash, randomInt } from 'node:crypto';
import { householdLabel, normalisePhone, type PersonRole } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { countWithinLimit } from '../auth/attempt-counters';
import { createSession, tokenDigest } from '../auth/session-repository';
import type { PublicContext } from '../http/context';
import { HttpProblem } from '../http/problem';
import type { OwnerPrincipal } from '../http/principal';
import { addTimelineEvent } from '../timeline/repository';
import type { OwnerMe } from '@manyi/contracts/owners';
import { countOtpTry, findPerson, homesOfResident, insertOtpCode, markOtpUsed, personWithTenant, residentByPhone, tenantByCode, useInvite } from './repository';

/**
 * SMS codes: 6 digits, valid 5 minutes, 5 tries; per phone number, whatever the address, one code a
 * minute, five an hour and ten a day (the default flow control of Chinese SMS gateways, e.g. Alibaba
 * Cloud SMS: 1/min, 5/h, 10/day per number), so the sign-in page cannot be used to flood a phone.
 */
const otpTtlMs = 5 * 60_000;
const otpMaxAttempts = 5;
const otpLimits = [
  { window: 'minute', windowMs: 60_000, max: 1, refusal: 'otp_too_soon' },
  { window: 'hour', windowMs: 3_600_000, max: 5, refusal: 'otp_hourly_limit' },
  { window: 'day', windowMs: 24 * 3_600_000, max: 10, refusal: 'otp_daily_limit' },
] as const;
/** Owners stay signed in on their phones for 30 days. */
export const ownerSessionTtlMs = 30 * 24 * 3_600_000;

const codeDigest = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');

/**
 * Answers alike whether or not the company code is known and the phone belongs to a resident (204,
 * or the same 429 of the per-phone limits, which count every number asked for): the public page must
 * not tell who lives where, nor which company codes exist. Only a resident is sent a code.
 */
export async function requestOtp(context: PublicContext, input: { tenantCode: string; phone: string }): Promise<void> {
  const phone = normalisePhone(input.phone)!;
  const now = context.clock.now();
  for (const limit of otpLimits) {
    if (!(await countWithinLimit(context.db, `otp-${limit.window}:${phone}`, now, limit))) throw new HttpProblem(429, limit.refusal);
  }
  const tenant = await tenantByCode(context.db, input.tenantCode);
  if (!tenant || !(await residentByPhone(context.db, tenant.id, phone))) {
    context.log.info({ tenantKnown: Boolean(tenant) }, 'sign-in code asked for a number that is not a resident; none sent');
    return;
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await insertOtpCode(context.db, {
    tenantId: tenant.id,
    phone,
    codeHash: codeDigest(phone, code),
    expiresAt: new Date(now.getTime() + otpTtlMs),
    createdAt: now,
  });
  await context.sms.send({ phone, purpose: 'otp', text: `【${tenant.name}】您的登录验证码为 ${code},5 分钟内有效。如非本人操作请忽略。` });
}

export async function verifyOtp(
  context: PublicContext,
  input: { tenantCode: string; phone: string; code: string },
  client: { userAgent: string; ip: string },
): Promise<string> {
  const phone = normalisePhone(input.phone)!;
  const tenant = await tenantByCode(context.db, input.tenantCode);
  if (!tenant) throw new HttpProblem(400, 'otp_invalid');
  const now = context.clock.now();
  // The try is counted before the code is compared.
  const otp = await countOtpTry(context.db, tenant.id, phone, now, otpMaxAttempts);
  if (!otp || otp.codeHash !== codeDigest(phone, input.code)) throw new HttpProblem(400, 'otp_invalid');
  const person = await residentByPhone(context.db, tenant.id, phone);
  if (!person) throw new HttpProblem(400, 'otp_invalid');
  return context.db.transaction(async (tx) => {
    if (!(await markOtpUsed(tx, tenant.id, otp.id, now))) throw new HttpProblem(400, 'otp_invalid');
    await addTimelineEvent(tx, {
      tenantId: tenant.id,
      personId: person.id,
      householdId: person.householdId,
      kind: 'owner_sign_in',
      title: '业主通过手机验证码登录',
      occurredAt: now,
    });
    return createSession(tx, { tenantId: tenant.id, kind: 'owner', personId: person.id, expiresAt: new Date(now.getTime() + ownerSessionTtlMs), ...client });
  });
}

export async function redeemInvite(context: PublicContext, token: string, client: { userAgent: string; ip: string }): Promise<string> {
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const invite = await useInvite(tx, tokenDigest(token), now);
    if (!invite) throw new HttpProblem(400, 'invite_invalid');
    const person = await findPerson(tx, invite.tenantId, invite.personId);
    if (!person) throw new HttpProblem(400, 'invite_invalid');
    await addTimelineEvent(tx, {
      tenantId: person.tenantId,
      personId: person.id,
      householdId: person.householdId,
      kind: 'owner_sign_in',
      title: '业主通过邀请链接登录',
      occurredAt: now,
    });
    return createSession(tx, {
      tenantId: person.tenantId,
      kind: 'owner',
      personId: person.id,
      expiresAt: new Date(now.getTime() + ownerSessionTtlMs),
      ...client,
    });
  });
}

/** The owner and every household their phone number is registered to in this company. */
export async function describeOwner(db: Executor, principal: OwnerPrincipal): Promise<OwnerMe> {
  const row = await personWithTenant(db, principal.tenantId, principal.personId);
  if (!row) throw new HttpProblem(401, 'unauthenticated');
  const homes = await homesOfResident(db, principal.tenantId, row.person);
  return {
    kind: 'owner',
    person: { id: row.person.id, name: row.person.name, role: row.person.role as PersonRole, phone: row.person.phone },
    tenant: { code: row.tenant.code, name: row.tenant.name },
    households: homes.map((home) => ({ id: home.id, label: householdLabel(home.buildingName, home.unitName, home.room), projectName: home.projectName })),
  };
}
