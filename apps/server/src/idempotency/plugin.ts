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
const claimQuery = preparedOnce((db: Executor) =>
  db
    .insert(idempotencyKeys)
    .values({
      scope: sql.placeholder('scope'),
      key: sql.placeholder('key'),
      tenantId: sql.placeholder('tenantId'),
      method: sql.placeholder('method'),
      path: sql.placeholder('path'),
      requestHash: sql.placeholder('requestHash'),
      state: 'pending',
      createdAt: sql.placeholder('createdAt'),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
    .prepare('idempotency_claim'),
);

const completeQuery = preparedOnce((db: Executor) =>
  db
    .update(idempotencyKeys)
    .set({
      state: 'done',
      statusCode: sql`${sql.placeholder('statusCode')}`,
      responseBody: sql`${sql.placeholder('responseBody')}`,
      contentType: sql`${sql.placeholder('contentType')}`,
    })
    .where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key'))))
    .prepare('idempotency_complete'),
);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

function scopeOf(request: FastifyRequest): string {
  const principal = request.principal;
  // A public route's own address (an answer link's token) tells callers apart; the query string does not.
  if (!principal) return `public:${request.url.split('?')[0]}`;
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

/** What a retry must repeat exactly to be replayed: method, address and body. */
export const requestHashOf = (request: FastifyRequest): string =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');

/** How long a duplicate waits for the first request with its key to answer before it is told to try again (409). */
const duplicateWaitMs = 10_000;
const pollMs = 20;

type Outcome = { claimed: true } | { claimed: false; problem: HttpProblem } | { claimed: false; replay: typeof idempotencyKeys.$inferSelect };

/**
 * Honours `Idempotency-Key` on every POST — one mechanism for every route, ticket receipts and
 * survey submissions included (IETF draft-ietf-httpapi-idempotency-key-header): the first request
 * claims the key, its response is stored, and a retry with the same key and body gets the stored
 * response back (header `Idempotent-Replayed: true`) without running the handler again. The same
 * key with a different body is refused with 422. A duplicate that arrives while the first is still
 * running (a double tap) waits for the first one's answer and replays it, so both callers see the
 * same thing was made once; past `duplicateWaitMs` it gets 409 and may retry.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    let header: string | null;
    try {
      header = idempotencyKeyOf(request);
    } catch (error) {
      if (error instanceof HttpProblem) return sendProblem(request, reply, error);
      throw error;
    }
    if (header === null) return;
    const claim = { scope: scopeOf(request), key: header };
    const requestHash = requestHashOf(request);
    const giveUpAt = performance.now() + duplicateWaitMs;
    for (;;) {
      const outcome = await tryClaim(app, request, claim, requestHash);
      if (outcome.claimed) {
        request.idempotencyClaim = claim;
        return;
      }
      if ('problem' in outcome) return sendProblem(request, reply, outcome.problem);
      if (outcome.replay.state === 'done' && outcome.replay.statusCode !== null) {
        return replay(reply, outcome.replay.statusCode, outcome.replay.contentType, outcome.replay.responseBody);
      }
      if (performance.now() > giveUpAt) return sendProblem(request, reply, new HttpProblem(409, 'idempotency_in_progress'));
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
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
      scope: claim.scope,
      key: claim.key,
      statusCode: reply.statusCode,
      responseBody: payload ?? null,
      contentType: String(reply.getHeader('content-type') ?? ''),
    });
    return payload;
  });
}

/**
 * One attempt at the key: claimed (run the handler), a problem (422 for another body), or the row
 * another request holds (done: replay it; pending: wait). A pending claim older than
 * `stalePendingMs` belonged to a request that died and is taken over. A row deleted meanwhile (the
 * first request failed) is claimed on the next attempt.
 */
async function tryClaim(app: FastifyInstance, request: FastifyRequest, claim: Claim, requestHash: string): Promise<Outcome> {
  const db = app.deps.db;
  const now = app.deps.clock.now();
  const inserted = await claimQuery(db).execute({
    ...claim,
    tenantId: request.principal?.tenantId ?? null,
    method: request.method,
    path: request.url,
    requestHash,
    createdAt: now,
  });
  if (inserted.length > 0) return { claimed: true };
  const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));
  const [existing] = await db.select().from(idempotencyKeys).where(where);
  if (!existing) return tryClaim(app, request, claim, requestHash);
  if (existing.requestHash !== requestHash) return { claimed: false, problem: new HttpProblem(422, 'idempotency_key_reused') };
  if (existing.state === 'pending' && existing.createdAt.getTime() < now.getTime() - stalePendingMs) {
    const taken = await db
      .update(idempotencyKeys)
      .set({ createdAt: now })
      .where(and(where, eq(idempotencyKeys.state, 'pending'), lt(idempotencyKeys.createdAt, new Date(now.getTime() - stalePendingMs))))
      .returning({ key: idempotencyKeys.key });
    if (taken.length > 0) return { claimed: true };
  }
  return { claimed: false, replay: existing };
}

function replay(reply: FastifyReply, status: number, contentType: string | null, body: string | null): FastifyReply {
  reply.code(status).header('idempotent-replayed', 'true');
  if (contentType) reply.header('content-type', contentType);
  return reply.send(body ?? undefined);
}
