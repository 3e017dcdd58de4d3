import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test';

describe('security headers', () => {
  let t: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    https = await createTestApp({ env: { PUBLIC_URL: 'https://manyi.example.com' } });
  });
  afterAll(async () => {
    await t.close();
    await https.close();
  });

  it('sends a CSP that keeps pages out of frames and scripts to this origin, nosniff and no referrer', async () => {
    for (const url of ['/healthz', '/api/v1/projects', '/h5/login', '/s/some-token']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it("lets only the console frame the answering page's preview", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/s/preview' });
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('asks for HTTPS from then on (HSTS) when served over https', async () => {
    const response = await https.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('state-changing requests from another site', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = `someone-${Math.random().toString(36).slice(2)}`;
  const post = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: 'manyi.test', ...headers }, payload: { login: login, password: 'not-it' } });

  it('refuses a browser request that is not same-origin, even from the same site (another port or subdomain)', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://manyi.test:5173' },
      { origin: 'http://evil.example' },
      { origin: 'null' },
    ]) {
      const response = await post(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().code).toBe('cross_site_request');
    }
  });

  it('lets same-origin browser requests and non-browser clients through', async () => {
    for (const headers of <Record<string, string>[]>[{ 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, { origin: 'http://manyi.test' }, {}]) {
      expect((await post(headers)).statusCode, JSON.stringify(headers)).toBe(401);
    }
    // Reading stays open: a cross-site GET changes nothing and the cookie's SameSite=Lax already guards it.
    expect((await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });
});
