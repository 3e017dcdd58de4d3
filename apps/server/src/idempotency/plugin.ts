import { createHash } from 'node:crypto';
import { idempotencyKeys, preparedOnce, type Executor } from '@manyi/db';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../http/errors';
import { HttpProblem } from '../http/problem';

/** A claim older than this is taken to belong to a request that died, and may be taken over. */
const stalePendingMs = 5 * 60_000;

type Claim = { scope: string; key: string };

// The claim and the stored response run on every POST that carries a key (every owner submission): prepared once.
const claimQuery = preparedOnce((db: Executor) => db.insert(idempotencyKeys).values({
  scope: sql.placeholder('scope'), key: sql.placeholder('key'), tenantId: sql.placeholder('tenantId'), method: sql.placeholder('method'),
  path: sql.placeholder('path'), requestHash: sql.placeholder('requestHash'), state: 'pending', createdAt: sql.placeholder('createdAt'),
}).onConflictDoNothing().returning({ key: idempotencyKeys.key }).prepare('idempotency_claim'));

const completeQuery = preparedOnce((db: Executor) => db.update(idempotencyKeys).set({
  state: 'done', statusCode: sql`${sql.placeholder('statusCode')}`, responseBody: sql`${sql.placeholder('responseBody')}`, contentType: sql`${sql.placeholder('contentType')}`,
}).where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key')))).prepare('idempotency_complete'));

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

function scopeOf(request: FastifyRequest): string {
  const principal = request.principal;
  if (!principal) return `public:${request.routeOptions.url ?? request.url}`;
  return `${principal.tenantId}:${principal.kind}:${principal.kind === 'staff' ? principal.staffId : principal.personId}`;
}

/** The request's Idempotency-Key, if it sent one (400 when it is too long to be one). */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  if (typeof header !== 'string' || header.length === 0) return null;
  if (header.length > 200) {
    throw new HttpProblem(400, 'validation', undefined, [
      { field: 'Idempotency-Key', messages: { 'zh-CN': '幂等键最长 200 个字符', 'en-US': 'Idempotency-Key is at most 200 characters' } },
    ]);
  }
  return header;
}

/** An Idempotency-Key with the hash of the request it came with, for routes that keep it in their own write (`idempotency: 'domain'`). */
export type DomainKey = { key: string; requestHash: string };

/** The request's key and hash for a route with `idempotency: 'domain'`, or null without a key (400 for one too long). */
export function domainKeyOf(request: FastifyRequest): DomainKey | null {
  const key = idempotencyKeyOf(request);
  return key === null ? null : { key, requestHash: requestHashOf(request) };
}

/** What a retry must repeat exactly to be replayed: method, address and body. */
export const requestHashOf = (request: FastifyRequest): string => createHash('sha256')
  .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
  .digest('hex');

/**
 * Honours `Idempotency-Key` on every POST (IETF draft-ietf-httpapi-idempotency-key-header):
 * the first request claims the key, its response is stored, and a retry with the same key and
 * body gets the stored response back (header `Idempotent-Replayed: true`) without running the
 * handler again. The same key with a different body is refused with 422. Routes configured with
 * `idempotency: 'domain'` keep the key in their own write instead.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.config.idempotency === 'domain') return;
    let header: string | null;
    try {
      header = idempotencyKeyOf(request);
    } catch (error) {
      if (error instanceof HttpProblem) return sendProblem(request, reply, error);
      throw error;
    }
    if (header === null) return;
    const db = app.deps.db;
    const now = app.deps.clock.now();
    const scope = scopeOf(request);
    const requestHash = requestHashOf(request);
    const claim = { scope, key: header };
    const inserted = await claimQuery(db).execute({
      scope, key: header, tenantId: request.principal?.tenantId ?? null, method: request.method, path: request.url, requestHash, createdAt: now,
    });
    if (inserted.length > 0) {
      request.idempotencyClaim = claim;
      return;
    }
    const [existing] = await db.select().from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, header)));
    if (!existing) return sendProblem(request, reply, new HttpProblem(409, 'idempotency_in_progress'));
    if (existing.requestHash !== requestHash) return sendProblem(request, reply, new HttpProblem(422, 'idempotency_key_reused'));
    if (existing.state === 'done' && existing.statusCode !== null) {
      return replay(reply, existing.statusCode, existing.contentType, existing.responseBody);
    }
    const taken = await db.update(idempotencyKeys).set({ createdAt: now })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, header), eq(idempotencyKeys.state, 'pending'),
        lt(idempotencyKeys.createdAt, new Date(now.getTime() - stalePendingMs))))
      .returning({ key: idempotencyKeys.key });
    if (taken.length === 0) return sendProblem(request, reply, new HttpProblem(409, 'idempotency_in_progress'));
    request.idempotencyClaim = claim;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));
    // A server error may not have written anything: free the key so the client's retry runs again.
    if (reply.statusCode >= 500 || (payload !== null && payload !== undefined && typeof payload !== 'string')) {
      await app.deps.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    await completeQuery(app.deps.db).execute({
      scope: claim.scope, key: claim.key, statusCode: reply.statusCode, responseBody: payload ?? null, contentType: String(reply.getHeader('content-type') ?? ''),
    });
    return payload;
  });
}

function replay(reply: FastifyReply, status: number, contentType: string | null, body: string | null): FastifyReply {
  reply.code(status).header('idempotent-replayed', 'true');
  if (contentType) reply.header('content-type', contentType);
  return reply.send(body ?? undefined);
}
