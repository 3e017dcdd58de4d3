import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { principalForToken, sessionCookie } from './session-repository';
import { sendProblem } from '../http/errors';
import { HttpProblem } from '../http/problem';

/**
 * One hook for the whole API (STYLE: fastify/demo autohooks): it resolves the session cookie to
 * a principal, then refuses the call unless the route's declared access matches. Routes are
 * staff-only unless they say `config: { access: 'public' | 'owner' }`.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // The API documentation is public, like any published API reference; it holds no data.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const token = request.cookies[sessionCookie];
    if (token) {
      request.principal = await principalForToken(app.deps.db, token, app.deps.clock.now());
    }
    const access = request.routeOptions.config.access ?? 'staff';
    if (access === 'public') return;
    if (!request.principal) {
      if (request.routeOptions.url === undefined) return; // unknown route: let the 404 handler answer
      return sendProblem(request, reply, new HttpProblem(401, 'unauthenticated'));
    }
    if (request.principal.kind !== access) return sendProblem(request, reply, new HttpProblem(403, 'forbidden'));
  });
}
