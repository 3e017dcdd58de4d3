import { describe, expect, it } from 'vitest';
import { testAppPerFile, type TestApp } from '../../test';

describe('platform endpoints', () => {
  let t: TestApp;
  testAppPerFile((app) => {
    t = app;
  });

  it('reports liveness and database readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI document that lists every API route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)),
    );
    const registered = t.app.routeCatalogue
      .filter((route) => route.url.startsWith('/api/v1/'))
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    for (const route of registered) expect(documented.has(route), route).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers with a request id in logs and no internals on an unknown API path', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/regions' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route_not_found', messages: { 'en-US': 'No such API endpoint' } });
  });
});
