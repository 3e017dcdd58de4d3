import { attemptCounters, type Executor } from '@manyi/db';
import { eq, sql } from 'drizzle-orm';

/**
 * Staff sign-in lock-out: five tries free, then the account is locked for one minute after the
 * fifth, two after the sixth, doubling up to an hour (OWASP Authentication Cheat Sheet, "account
 * lockout" with an exponential observation window). A run of failures is forgotten 24 h after it began.
 */
export const signInPolicy = { freeAttempts: 5, firstLockMs: 60_000, longestLockMs: 3_600_000, runMs: 24 * 3_600_000 } as const;

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * Counts a sign-in attempt for a login before its password is checked, in one statement, so
 * concurrent guesses are each counted and none slips between a read and a write. Returns false
 * while the login is locked (the attempt is then not counted and the password not checked).
 */
export async function reserveSignInAttempt(db: Executor, login: string, now: Date): Promise<boolean> {
  const runOver = sql`${attemptCounters.windowStartedAt} <= ${at(new Date(now.getTime() - signInPolicy.runMs))}`;
  const attempts = sql`case when ${runOver} then 1 else ${attemptCounters.attempts} + 1 end`;
  const lockSeconds = sql`least(${signInPolicy.longestLockMs / 1000}, ${signInPolicy.firstLockMs / 1000} * power(2, (${attempts}) - ${signInPolicy.freeAttempts}))`;
  const rows = await db
    .insert(attemptCounters)
    .values({ key: `staff:${login}`, attempts: 1, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: attemptCounters.key,
      set: {
        attempts,
        windowStartedAt: sql`case when ${runOver} then ${at(now)} else ${attemptCounters.windowStartedAt} end`,
        lockedUntil: sql`case when (${attempts}) >= ${signInPolicy.freeAttempts} then ${at(now)} + (${lockSeconds}) * interval '1 second' end`,
      },
      setWhere: sql`${attemptCounters.lockedUntil} is null or ${attemptCounters.lockedUntil} <= ${at(now)}`,
    })
    .returning({ attempts: attemptCounters.attempts });
  return rows.length > 0;
}

/** A successful sign-in starts the count again. */
export async function clearSignInAttempts(db: Executor, login: string): Promise<void> {
  await db.delete(attemptCounters).where(eq(attemptCounters.key, `staff:${login}`));
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
