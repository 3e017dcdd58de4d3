import { describe, expect, it } from 'vitest';
import { createCompany, signIn, testAppPerFile, testPassword, type TestApp } from '../../test';

/** Issue 14 §8: logins are unique per company; a 409 in one company tells nothing about another. */
describe('logins per company', () => {
  let t: TestApp;
  testAppPerFile((app) => {
    t = app;
  });

  async function companyWithAdmin(name: string) {
    const company = await createCompany(t.connection.db, name);
    return { company, cookie: await signIn(t.app, company.admin.login, testPassword) };
  }

  const create = (cookie: string, login: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { cookie },
      payload: { login, name: '张工', password, roles: ['technician'] },
    });

  const login = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

  it('lets two companies use the same login, each signing in to its own company', async () => {
    const a = await companyWithAdmin('甲物业');
    const b = await companyWithAdmin('乙物业');
    expect((await create(a.cookie, 'zhang.gong', 'Weixiu-jia-2026')).statusCode).toBe(201);
    // Before: 409 here told company B's admin that company A has a "zhang.gong".
    expect((await create(b.cookie, 'zhang.gong', 'Weixiu-yi-2026')).statusCode).toBe(201);
    expect((await create(a.cookie, 'zhang.gong', 'Another-pass-2026')).statusCode).toBe(409);

    const inA = await login({ login: 'zhang.gong', password: 'Weixiu-jia-2026' });
    expect(inA.statusCode).toBe(200);
    expect(inA.json().tenant.id).toBe(a.company.tenant.id);
    const inB = await login({ login: 'zhang.gong', password: 'Weixiu-yi-2026' });
    expect(inB.statusCode).toBe(200);
    expect(inB.json().tenant.id).toBe(b.company.tenant.id);
    expect((await login({ login: 'zhang.gong', password: 'Wrong-pass-2026' })).statusCode).toBe(401);
    // The company code narrows the search: B's password does not open A's account.
    expect((await login({ login: 'zhang.gong', password: 'Weixiu-yi-2026', company: a.company.tenant.code })).statusCode).toBe(401);
  });

  it('asks for the company code only when the same login and password exist in two companies', async () => {
    const a = await companyWithAdmin('丙物业');
    const b = await companyWithAdmin('丁物业');
    await create(a.cookie, 'li.si', 'Same-pass-2026');
    await create(b.cookie, 'li.si', 'Same-pass-2026');
    const ambiguous = await login({ login: 'li.si', password: 'Same-pass-2026' });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().code).toBe('company_required');
    const inB = await login({ login: 'li.si', password: 'Same-pass-2026', company: b.company.tenant.code });
    expect(inB.statusCode).toBe(200);
    expect(inB.json().tenant.id).toBe(b.company.tenant.id);
  });
});
