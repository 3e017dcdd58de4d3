import type { Executor } from '@manyi/db';
import { LRUCache } from 'lru-cache';
import type { StaffPrincipal } from '../policy/principal';

/** Sessions remembered per database handle; beyond this the least recently used goes first. */
const maxSessions = 10_000;

type Remembered = { principal: StaffPrincipal; expiresAt: number };

const byDatabase = new WeakMap<Executor, LRUCache<string, Remembered>>();

function sessionsOf(db: Executor): LRUCache<string, Remembered> {
  let sessions = byDatabase.get(db);
  if (!sessions) byDatabase.set(db, (sessions = new LRUCache({ max: maxSessions })));
  return sessions;
}

/**
 * Staff principals this instance read from their sessions, by session digest, for the routes that
 * re-check them in their own first statement (`config.principal: 'checked'`, auth/checked-principal.ts)
 * instead of reading the session in a round trip of its own. Nothing here is trusted on its own:
 * a remembered principal only lets the route run its checks early; the statement that reads and
 * writes for it confirms in the same snapshot that the session and every field of the principal
 * still hold (principalStillHolds), and otherwise the route starts again from a fresh read.
 */
export function rememberedPrincipal(db: Executor, digest: string, now: Date): StaffPrincipal | undefined {
  const remembered = sessionsOf(db).get(digest);
  if (!remembered) return undefined;
  if (remembered.expiresAt <= now.getTime()) {
    sessionsOf(db).delete(digest);
    return undefined;
  }
  return remembered.principal;
}

export function rememberPrincipal(db: Executor, digest: string, principal: StaffPrincipal, expiresAt: Date): void {
  // Shared by concurrent requests: frozen, so no request can change what another one sees.
  sessionsOf(db).set(digest, { principal: Object.freeze({ ...principal, roles: Object.freeze([...principal.roles]) as StaffPrincipal['roles'],
    projectIds: principal.projectIds && Object.freeze([...principal.projectIds]) as string[] }), expiresAt: expiresAt.getTime() });
}

export function forgetPrincipal(db: Executor, digest: string): void {
  sessionsOf(db).delete(digest);
}
