import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendProblem } from './errors';
import { HttpProblem } from './problem';

/**
 * One policy for the console, the owner pages and the answering page, all built by Vite into
 * same-origin scripts: no inline or foreign script, no plugin content, no framing. Styles allow
 * inline because Ant Design writes its CSS-in-JS into <style> elements at run time. Images allow
 * data: and blob: (QR codes, attachment previews). The answering page's preview (/s/preview) is
 * the one page framed, by the survey designer on the same origin.
 */
const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: options.https ? { ...directives, upgradeInsecureRequests: [] } : directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only when Manyi is served over https: over plain http it would be ignored at best.
    strictTransportSecurity: options.https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url === '/s/preview' || request.url.startsWith('/s/preview?')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
      reply.header('x-frame-options', 'SAMEORIGIN');
    }
  });
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from a page of this origin. Browsers send Sec-Fetch-Site
 * (Fetch Metadata): only 'same-origin' and 'none' (typed, bookmarked) pass, so a page on another
 * port or subdomain of the same site, which SameSite cookies do not stop, cannot act. Older
 * browsers send Origin instead, which must be this origin. Requests with neither come from no
 * browser (curl, integrations) and carry no ambient cookie risk.
 */
export function isSameOriginRequest(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === new URL(publicUrl).origin || origin === `${request.protocol}://${request.host}`;
}

export function registerSameOriginCheck(app: FastifyInstance, publicUrl: string): void {
  app.addHook('onRequest', async (request, reply) => {
    if (safeMethods.has(request.method) || isSameOriginRequest(request, publicUrl)) return;
    return sendProblem(request, reply, new HttpProblem(403, 'cross_site_request'));
  });
}
