import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sep } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import { registerAuthentication } from './auth/authentication';
import type { Dependencies } from './http/context';
import { registerErrorHandling, sendProblem } from './http/errors';
import { registerInputHygiene } from './http/input-hygiene';
import { HttpProblem } from './http/problem';
import { registerSameOriginCheck, registerSecurityHeaders } from './http/security';
import { registerIdempotency } from './idempotency/plugin';
import { httpDuration, httpRequests, metricsRegistry } from './metrics';
import { apiRoutes } from './routes';
import { sql } from 'drizzle-orm';

const readyTimeoutMs = 1_500;

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** A registered route as the isolation test and the API index see it. */
export type RouteEntry = { method: string; url: string; access: string; schema: Record<string, unknown> | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteEntry[];
  }
}

export type AppOptions = {
  deps: Dependencies;
  /** A pino logger; tests leave it out and run silent. */
  logger?: FastifyBaseLogger;
  /** Serve the built console from apps/web/dist when it exists. */
  serveWeb?: boolean;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    genReqId: () => uuidv7(),
    bodyLimit: 1024 * 1024,
    trustProxy: options.deps.config.trustedProxies.length > 0 ? options.deps.config.trustedProxies : false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', options.deps);
  const routeCatalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', routeCatalogue);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeCatalogue.push({ method, url: route.url, access: route.config?.access ?? 'staff', schema: route.schema as Record<string, unknown> | undefined });
    }
  });
  registerErrorHandling(app);

  await registerSecurityHeaders(app, { https: options.deps.config.secureCookies });
  registerSameOriginCheck(app, options.deps.config.publicUrl);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 60 * 1024 * 1024, files: 1, fields: 10 } });
  // Limits are per route (sign-in, OTP, public owner endpoints); staff work is not throttled.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Manyi API', version: '1', description: '满意 — owner-satisfaction platform API. Errors are application/problem+json.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'manyi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerInputHygiene(app);
  registerAuthentication(app);
  registerIdempotency(app);

  // Counted once answered; a path no route matches counts as 'unmatched', so scanners cannot grow the label set.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  // Prometheus text format. No session: it holds counts by route pattern, nothing of a company's; deploy.md keeps it off the public proxy.
  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
    reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics()),
  );
  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    try {
      // A database that does not answer must not hold the probe: the balancer's own timeout is often 2 s.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database did not answer within 1.5 s')), readyTimeoutMs);
      });
      try {
        await Promise.race([options.deps.db.execute(sql`select 1`), timeout]);
      } finally {
        clearTimeout(timer);
      }
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  await app.register(apiRoutes, { prefix: '/api/v1' });

  const serveWeb = (options.serveWeb ?? true) && existsSync(webDist);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // The build writes .br and .gz beside each asset (scripts/precompress.mjs); the one the browser accepts is sent.
      preCompressed: true,
      // Files under assets/ carry their content hash in the name, so they never change: cached for a year.
      // The HTML entries name those files and must be asked for again each time.
      setHeaders: (response, path) => {
        response.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // The owner's answering page (/s/<token>, /s/poster/<token>, /s/preview) is its own light entry, without the console's bundle.
      if (request.url.startsWith('/s/')) return reply.sendFile('answer.html');
      // The owner's phone pages (/h5, /h5/tickets …) are another light entry (issue 15 §5).
      if (request.url === '/h5' || request.url.startsWith('/h5/') || request.url.startsWith('/h5?')) return reply.sendFile('owner.html');
      // Client-side routes (/projects, /m/tasks …) all load the single-page console.
      return reply.sendFile('index.html');
    }
    return sendProblem(request, reply, new HttpProblem(404, 'route_not_found'));
  });

  return app;
}
