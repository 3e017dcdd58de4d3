import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signInRateLimit } from '../auth/routes';
import { deleteSession, principalForToken, sessionCookie } from '../auth/session-repository';
import { ownerContext, publicContext } from '../http/context';
import { HttpProblem } from '../http/problem';
import { inviteRedeemBody, otpRequestBody, otpVerifyBody, ownerMe } from '@manyi/contracts/owners';
import { describeOwner, ownerSessionTtlMs, redeemInvite, requestOtp, verifyOtp } from './service';

/** Public owner endpoints: a few tries a minute per address, so codes and invite tokens cannot be guessed. */
const publicRateLimit = signInRateLimit;

export const ownerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['owner'];
  const client = (request: { headers: Record<string, unknown>; ip: string }) => ({
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
    ip: request.ip,
  });
  const signedIn = async (token: string) => {
    const principal = await principalForToken(app.deps.db, token, app.deps.clock.now());
    if (principal?.kind !== 'owner') throw new HttpProblem(401, 'unauthenticated');
    return describeOwner(app.deps.db, principal);
  };
  const cookie = () => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.deps.config.secureCookies, maxAge: ownerSessionTtlMs / 1000 });

  app.post(
    '/owner-auth/otp/request',
    {
      schema: { tags, summary: 'Send a sign-in code by SMS', body: otpRequestBody, response: { 204: z.null() } },
      config: { access: 'public', rateLimit: publicRateLimit },
    },
    async (request, reply) => {
      await requestOtp(publicContext(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/owner-auth/otp/verify',
    {
      schema: { tags, summary: 'Sign in with the SMS code', body: otpVerifyBody, response: { 200: ownerMe } },
      config: { access: 'public', rateLimit: publicRateLimit },
    },
    async (request, reply) => {
      const token = await verifyOtp(publicContext(request), request.body, client(request));
      reply.setCookie(sessionCookie, token, cookie());
      return signedIn(token);
    },
  );

  app.post(
    '/owner-auth/invite/redeem',
    {
      schema: { tags, summary: 'Sign in with a one-time invite link', body: inviteRedeemBody, response: { 200: ownerMe } },
      config: { access: 'public', rateLimit: publicRateLimit },
    },
    async (request, reply) => {
      const token = await redeemInvite(publicContext(request), request.body.token, client(request));
      reply.setCookie(sessionCookie, token, cookie());
      return signedIn(token);
    },
  );

  app.get(
    '/owner/me',
    { schema: { tags, summary: 'The signed-in owner and their households', response: { 200: ownerMe } }, config: { access: 'owner' } },
    async (request) => describeOwner(app.deps.db, ownerContext(request).principal),
  );

  app.post(
    '/owner/logout',
    { schema: { tags, summary: 'Owner sign-out', response: { 204: z.null() } }, config: { access: 'owner' } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await deleteSession(app.deps.db, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};
