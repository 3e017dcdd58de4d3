import { sessions } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createTestApp, type TestApp } from '../../test';

const login = (t: TestApp, payload: { login: string; password: string }, remoteAddress: string, forwardedFor?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

async function sessionAddress(t: TestApp, staffId: string): Promise<string[]> {
  const rows = await t.connection.db.select({ ip: sessions.ip }).from(sessions).where(eq(sessions.staffId, staffId));
  return rows.map((row) => row.ip);
}

describe('client addresses with no trusted proxy (the default)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  beforeAll(async () => {
    t = await createTestApp();
    company = await createCompany(t.connection.db);
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For: a client cannot choose its own address to escape the limit', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      statuses.push((await login(t, { login: `nobody-${attempt}-${company.tenant.code}`, password: 'x' }, '10.7.7.7', `198.51.100.${attempt}`)).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('writes the connecting address, not the claimed one, into the session', async () => {
    const response = await login(t, { login: company.admin.login, password: company.admin.password }, '10.7.7.8', '203.0.113.9');
    expect(response.statusCode).toBe(200);
    expect(await sessionAddress(t, company.admin.id)).toEqual(['10.7.7.8']);
  });
});

describe('client addresses behind a configured proxy (TRUSTED_PROXIES)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16' } });
    company = await createCompany(t.connection.db);
  });
  afterAll(() => t.close());

  it('takes the forwarded address from a trusted proxy only', async () => {
    expect((await login(t, { login: company.admin.login, password: company.admin.password }, '10.0.0.1', '203.0.113.7')).statusCode).toBe(200);
    expect((await login(t, { login: company.admin.login, password: company.admin.password }, '10.1.4.4', '203.0.113.8')).statusCode).toBe(200);
    expect((await login(t, { login: company.admin.login, password: company.admin.password }, '10.2.0.1', '203.0.113.9')).statusCode).toBe(200);
    expect((await sessionAddress(t, company.admin.id)).sort()).toEqual(['10.2.0.1', '203.0.113.7', '203.0.113.8']);
  });
});
