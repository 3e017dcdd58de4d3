import { attemptCounters, type Executor } from '@manyi/db';
import { eq, inArray, sql } from 'drizzle-orm';

/**
 * Staff sign-in lock-out: five tries free, then the account is locked for one minute after the
 * fifth, two after the sixth, doubling up to an hour (OWASP Authentication Cheat Sheet, "account
 * lockout" with an exponential observation window). A run of failures is forgotten 24 h after it began.
 */
export const signInPolicy = { freeAttempts: 5, firstLockMs: 60_000, longestLockMs: 3_600_000, runMs: 24 * 3_600_000 } as const;

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * The counter of one staff account: a login is unique within a company, so the account is the
 * company and the login, and one company's failures never lock another company's same login. A
 * login that names no account (in the company given, or in any) is counted under its own key, so an
 * unknown login locks like a known one and locking does not reveal which logins exist.
 */
export const staffAttemptKey = (account: { tenantId: string; login: string } | { company: string | undefined; login: string }): string =>
  'tenantId' in account ? `staff:${account.tenantId}:${account.login}` : `staff:?:${account.company ?? ''}:${account.login}`;

/**
 * Counts a sign-in attempt against each account it may open, before any password is checked, in one
 * statement, so concurrent guesses are each counted and none slips between a read and a write.
 * Returns the keys that were counted; a key missing from the answer is locked (its attempt is not
 * counted and its password must not be checked).
 */
export async function reserveSignInAttempts(db: Executor, keys: string[], now: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const runOver = sql`${attemptCounters.windowStartedAt} <= ${at(new Date(now.getTime() - signInPolicy.runMs))}`;
  const attempts = sql`case when ${runOver} then 1 else ${attemptCounters.attempts} + 1 end`;
  const lockSeconds = sql`least(${signInPolicy.longestLockMs / 1000}, ${signInPolicy.firstLockMs / 1000} * power(2, (${attempts}) - ${signInPolicy.freeAttempts}))`;
  const rows = await db
    .insert(attemptCounters)
    .values(keys.map((key) => ({ key, attempts: 1, windowStartedAt: now, lockedUntil: null })))
    .onConflictDoUpdate({
      target: attemptCounters.key,
      set: {
        attempts,
        windowStartedAt: sql`case when ${runOver} then ${at(now)} else ${attemptCounters.windowStartedAt} end`,
        lockedUntil: sql`case when (${attempts}) >= ${signInPolicy.freeAttempts} then ${at(now)} + (${lockSeconds}) * interval '1 second' end`,
      },
      setWhere: sql`${attemptCounters.lockedUntil} is null or ${attemptCounters.lockedUntil} <= ${at(now)}`,
    })
    .returning({ key: attemptCounters.key });
  return new Set(rows.map((row) => row.key));
}

/**
 * A successful sign-in starts its account's count again. The other accounts the attempt was counted
 * against (the same login in other companies, when no company code was given) get their count back:
 * someone signing in to their own company must not lock another company's same login.
 */
export async function settleSignIn(db: Executor, opened: string | null, refunded: string[]): Promise<void> {
  if (opened !== null) await db.delete(attemptCounters).where(eq(attemptCounters.key, opened));
  if (refunded.length === 0) return;
  const attempts = sql`greatest(0, ${attemptCounters.attempts} - 1)`;
  await db
    .update(attemptCounters)
    .set({ attempts, lockedUntil: sql`case when (${attempts}) >= ${signInPolicy.freeAttempts} then ${attemptCounters.lockedUntil} end` })
    .where(inArray(attemptCounters.key, refunded));
}

/**
 * Counts one event in a fixed window for the key (the window starts at the first event after the
 * previous one ended) and says whether it stays within `max`. An event over the limit is not counted.
 */
export async function countWithinLimit(db: Executor, key: string, now: Date, limit: { windowMs: number; max: number }): Promise<boolean> {
  const windowOver = sql`${attemptCounters.windowStartedAt} <= ${at(new Date(now.getTime() - limit.windowMs))}`;
  const rows = await db
    .insert(attemptCounters)
    .values({ key, attempts: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: attemptCounters.key,
      set: {
        attempts: sql`case when ${windowOver} then 1 else ${attemptCounters.attempts} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then ${at(now)} else ${attemptCounters.windowStartedAt} end`,
      },
      setWhere: sql`${windowOver} or ${attemptCounters.attempts} < ${limit.max}`,
    })
    .returning({ attempts: attemptCounters.attempts });
  return rows.length > 0;
}
