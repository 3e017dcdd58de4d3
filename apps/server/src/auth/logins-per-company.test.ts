import { describe, expect, it } from 'vitest';
import { createCompany, signIn, testAppPerFile, testPassword, type TestApp } from '../../test';

/** Issue 14 §8: logins are unique per company; a 409 in one company tells nothing about another. */
describe('logins per company', () => {
  let t: TestApp;
  testAppPerFile((app) => {
    t = app;
  });

  let admins = 0;
  async function companyWithAdmin(name: string) {
    const company = await createCompany(t.connection.db, name);
    return { company, cookie: await signIn(t.app, company.admin.login, testPassword, `10.6.0.${(admins += 1)}`) };
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

  describe('lock-out per company account (issue 14 §1 with §8)', () => {
    let n = 0;
    // Every attempt from another address: the lock-out is per account, whatever the address.
    const attempt = (payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.7.${Math.floor(n / 200)}.${n++ % 200}`, payload });

    it("locks one company's account after five wrong passwords without locking another company's same login", async () => {
      const a = await companyWithAdmin('戊物业');
      const b = await companyWithAdmin('己物业');
      await create(a.cookie, 'wang.wu', 'Wangwu-jia-2026');
      await create(b.cookie, 'wang.wu', 'Wangwu-yi-2026');
      const codeA = a.company.tenant.code;
      for (let i = 0; i < 5; i += 1) expect((await attempt({ login: 'wang.wu', password: 'Wrong-pass-2026', company: codeA })).statusCode).toBe(401);
      const locked = await attempt({ login: 'wang.wu', password: 'Wangwu-jia-2026', company: codeA });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('sign_in_locked');
      // Another address, the code in capitals, or no code at all: the locked account's password is not even checked.
      expect((await attempt({ login: 'WANG.WU', password: 'Wangwu-jia-2026', company: codeA.toUpperCase() })).statusCode).toBe(429);
      expect((await attempt({ login: 'wang.wu', password: 'Wangwu-jia-2026' })).statusCode).toBe(401);
      // Company B's wang.wu is another account: not locked, with or without its company code.
      const inB = await attempt({ login: 'wang.wu', password: 'Wangwu-yi-2026' });
      expect(inB.statusCode).toBe(200);
      expect(inB.json().tenant.id).toBe(b.company.tenant.id);
      expect((await attempt({ login: 'wang.wu', password: 'Wangwu-yi-2026', company: b.company.tenant.code })).statusCode).toBe(200);
      // The lock ends after its minute; A's account opens again.
      t.clock.advance(61_000);
      expect((await attempt({ login: 'wang.wu', password: 'Wangwu-jia-2026', company: codeA })).statusCode).toBe(200);
    });

    it("one company's signing in without a code does not count against another company's same login", async () => {
      const a = await companyWithAdmin('庚物业');
      const b = await companyWithAdmin('辛物业');
      await create(a.cookie, 'zhao.liu', 'Zhaoliu-jia-2026');
      await create(b.cookie, 'zhao.liu', 'Zhaoliu-yi-2026');
      // Each attempt without a code is tried on both accounts; B's successes give A's account its count back.
      for (let i = 0; i < 6; i += 1) expect((await attempt({ login: 'zhao.liu', password: 'Zhaoliu-yi-2026' })).statusCode).toBe(200);
      for (let i = 0; i < 4; i += 1)
        expect((await attempt({ login: 'zhao.liu', password: 'Wrong-pass-2026', company: a.company.tenant.code })).statusCode).toBe(401);
      expect((await attempt({ login: 'zhao.liu', password: 'Zhaoliu-jia-2026' })).statusCode).toBe(200);
    });
  });
});
