import type { Database } from '@manyi/db';
import type { FastifyRequest } from 'fastify';
import { forgetPrincipal, rememberPrincipal, rememberedPrincipal } from './principal-cache';
import {
  noPrincipalCheck, principalCheckParams, sameStamp, sessionForDigest, tokenDigest, type PrincipalCheckParams,
} from './session-repository';
import type { Principal } from '../policy/principal';
import { staffContext, type Context } from '../http/context';
import { HttpProblem } from '../http/problem';

/** Thrown by a service when its statement found that the remembered principal no longer holds. */
export class StalePrincipal extends Error {
  constructor() {
    super('the remembered principal no longer holds');
  }
}

/**
 * Handed to the service of a route with `config.principal: 'checked'`: the parameters its first
 * statement re-checks the principal with (principalStillHolds), and what that statement found.
 */
export class PrincipalGuard {
  confirmed = false;

  constructor(readonly params: PrincipalCheckParams) {}

  /** After the statement: go on only if the principal held (the route then starts again from a fresh read). */
  settle(held: boolean): void {
    if (!held) throw new StalePrincipal();
    this.confirmed = true;
  }
}

/** The session digest of a request whose principal came from memory, not from a read of this request. */
type Remembered = { digest: string };
const rememberedOf = new WeakMap<FastifyRequest, Remembered>();

/**
 * The authentication hook's read for routes that re-check the principal themselves: a staff
 * principal this instance remembers for the session, else one read now (and remembered).
 */
export async function checkedPrincipalFor(request: FastifyRequest, token: string): Promise<Principal | null> {
  const { db, clock } = request.server.deps;
  const digest = tokenDigest(token);
  const now = clock.now();
  const remembered = rememberedPrincipal(db, digest, now);
  if (remembered) {
    rememberedOf.set(request, { digest });
    return remembered;
  }
  return readAndRemember(db, digest, now);
}

/** The session's principal read now; a staff principal is remembered for the next call. */
async function readAndRemember(db: Database, digest: string, now: Date): Promise<Principal | null> {
  const session = await sessionForDigest(db, digest, now);
  if (session?.principal.kind === 'staff') rememberPrincipal(db, digest, session.principal, session.expiresAt);
  else forgetPrincipal(db, digest);
  return session?.principal ?? null;
}

/**
 * Runs a staff route's service with the request's principal. When that principal came from memory
 * the service's first statement re-checks it (PrincipalGuard); if it no longer holds, or anything
 * failed before a statement confirmed it (a refusal may rest on a role, a project or a setting
 * that has changed since), the session is read afresh and the service runs again with what it
 * says now; an unchanged principal lets the first refusal stand. A session gone is 401.
 */
export async function withCheckedPrincipal<T>(request: FastifyRequest, run: (context: Context, guard: PrincipalGuard) => Promise<T>): Promise<T> {
  const remembered = rememberedOf.get(request);
  if (!remembered) return run(staffContext(request), new PrincipalGuard(noPrincipalCheck));
  const context = staffContext(request);
  const guard = new PrincipalGuard(principalCheckParams(remembered.digest, context.principal, context.clock.now()));
  try {
    return await run(context, guard);
  } catch (error) {
    if (guard.confirmed) throw error;
    const { db, clock } = request.server.deps;
    rememberedOf.delete(request);
    const fresh = await readAndRemember(db, remembered.digest, clock.now());
    request.principal = fresh;
    if (fresh?.kind !== 'staff') throw new HttpProblem(401, 'unauthenticated');
    if (!(error instanceof StalePrincipal) && sameStamp(context.principal, fresh)) throw error;
    return run(staffContext(request), new PrincipalGuard(noPrincipalCheck));
  }
}
