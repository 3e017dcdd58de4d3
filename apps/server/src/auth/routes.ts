import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { HttpProblem } from '../http/problem';
import { loginBody, passwordChangeBody, staffMe } from '@manyi/contracts/auth';
import { changePassword, describeStaff, signIn } from './service';
import { deleteSession, principalForToken, sessionCookie } from './session-repository';

/**
 * Ten tries a minute per address by default: enough for a typo-prone clerk, too few for guessing.
 * Configurable (RATE_LIMIT_PER_MINUTE) for an office behind one NAT address, or a test server.
 */
export const signInRateLimit = { max: (request: FastifyRequest) => request.server.deps.config.rateLimitPerMinute, timeWindow: '1 minute' };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.secureCookies,
    maxAge: app.deps.config.sessionTtlHours * 3600,
  });

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Staff sign-in', body: loginBody, response: { 200: staffMe } },
      config: { access: 'public', rateLimit: signInRateLimit },
    },
    async (request, reply) => {
      const token = await signIn(app.deps, { ...request.body, userAgent: request.headers['user-agent'] ?? '', ip: request.ip });
      const principal = await principalForToken(app.deps.db, token, app.deps.clock.now());
      if (principal?.kind !== 'staff') throw new HttpProblem(401, 'bad_credentials');
      reply.setCookie(sessionCookie, token, cookieOptions());
      return describeStaff(app.deps.db, principal);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await deleteSession(app.deps.db, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in staff user', response: { 200: staffMe } },
    },
    async (request) => describeStaff(app.deps.db, staffContext(request).principal),
  );

  app.post(
    '/auth/password',
    {
      schema: { tags: ['auth'], summary: 'Change own password', body: passwordChangeBody, response: { 204: z.null() } },
      config: { rateLimit: signInRateLimit },
    },
    async (request, reply) => {
      await changePassword(staffContext(request), { ...request.body, keepToken: request.cookies[sessionCookie] ?? '' });
      return reply.code(204).send(null);
    },
  );
};
