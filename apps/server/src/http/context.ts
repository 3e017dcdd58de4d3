import type { Database } from '@manyi/db';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { OwnerPrincipal, Principal, StaffPrincipal } from './principal';
import type { SmsSender } from '../sms/sms-sender';
import type { FileStorage } from '../storage/file-storage';
import { HttpProblem } from './problem';

/** What the app is built from; tests build it with a test clock and an in-memory SMS sink. */
export type Dependencies = {
  db: Database;
  clock: Clock;
  config: Config;
  sms: SmsSender;
  storage: FileStorage;
};

/** Everything a service needs about the call it serves. Tenant and project scope come from here, never from the body. */
export type Context<P = StaffPrincipal> = Dependencies & {
  principal: P;
  log: FastifyBaseLogger;
  requestId: string;
  ip: string;
};

export type Access = 'public' | 'staff' | 'owner';

export function staffContext(request: FastifyRequest): Context<StaffPrincipal> {
  const principal = request.principal;
  if (principal?.kind !== 'staff') throw new HttpProblem(401, 'unauthenticated');
  return { ...request.server.deps, principal, log: request.log, requestId: request.id, ip: request.ip };
}

export function ownerContext(request: FastifyRequest): Context<OwnerPrincipal> {
  const principal = request.principal;
  if (principal?.kind !== 'owner') throw new HttpProblem(401, 'unauthenticated');
  return { ...request.server.deps, principal, log: request.log, requestId: request.id, ip: request.ip };
}

export type PublicContext = Dependencies & { log: FastifyBaseLogger; requestId: string; ip: string };

export function publicContext(request: FastifyRequest): PublicContext {
  return { ...request.server.deps, log: request.log, requestId: request.id, ip: request.ip };
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Dependencies;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; everything under /api/v1 is 'staff' unless it says otherwise. */
    access?: Access;
  }
}
