import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, createCompany, createStaff, createTestApp, signIn, type TestApp } from '../../test';

describe('staff sign-in', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  beforeAll(async () => {
    t = await createTestApp();
    company = await createCompany(t.connection.db);
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly SameSite cookie and answers /auth/me', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: company.admin.login, password: company.admin.password },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/manyi_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieFrom(response) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'staff', name: '管理员', tenant: { id: company.tenant.id }, allProjects: true });
    expect(me.json().projects.map((p: { id: string }) => p.id)).toEqual([company.project.id]);
  });

  it('refuses a wrong password with a bilingual problem', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US' },
      payload: { login: company.admin.login, password: 'nope' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'bad_credentials', title: 'Wrong login or password', messages: { 'zh-CN': '账号或密码错误' } });
  });

  it('answers a disabled account exactly as a wrong password, so it reveals neither the account nor its state', async () => {
    const disabled = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], active: false });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.2.0.1',
      payload: { login: disabled.login, password: disabled.password },
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.2.0.2',
      payload: { login: company.admin.login, password: 'not-the-password' },
    });
    expect([response.statusCode, response.json().code, response.json().detail]).toEqual([wrong.statusCode, wrong.json().code, wrong.json().detail]);
  });

  it('refuses passwords shorter than 10 characters and common ones', async () => {
    const staff = await createStaff(t.connection.db, company.tenant.id, { roles: ['viewer'] });
    const cookie = await signIn(t.app, staff.login, staff.password, '10.2.0.3');
    for (const newPassword of ['abc123def', 'qwerty123456', 'Password1234', '1qaz2wsx3edc']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        remoteAddress: '10.2.0.4',
        headers: { cookie },
        payload: { currentPassword: staff.password, newPassword },
      });
      expect(response.statusCode, newPassword).toBe(400);
      expect(response.json().errors[0].field).toBe('newPassword');
    }
  });

  it('requires a session for the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/projects' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });

  it('signs out: the cookie stops working', async () => {
    const cookie = await signIn(t.app, company.admin.login, company.admin.password);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes the password, ends other sessions and keeps this one', async () => {
    const staff = await createStaff(t.connection.db, company.tenant.id, { roles: ['viewer'] });
    const here = await signIn(t.app, staff.login, staff.password);
    const elsewhere = await signIn(t.app, staff.login, staff.password);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: staff.password, newPassword: 'abcdefgh' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: staff.password, newPassword: 'N3w-password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: here } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: elsewhere } })).statusCode).toBe(401);
    await signIn(t.app, staff.login, 'N3w-password');
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { login: `nobody-${attempt}-${company.tenant.code}`, password: 'x' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  describe('per-account lock-out, whatever the address', () => {
    const attempt = (login: string, password: string, n: number) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.8.${Math.floor(n / 200)}.${n % 200}`, payload: { login, password } });
    let n = 0;

    it('locks an account after five wrong passwords, then backs off: one minute, then two', async () => {
      const staff = await createStaff(t.connection.db, company.tenant.id, { roles: ['viewer'] });
      for (let i = 0; i < 5; i += 1) expect((await attempt(staff.login, 'wrong-password', n++)).statusCode).toBe(401);
      const locked = await attempt(staff.login, staff.password, n++);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('sign_in_locked');
      t.clock.advance(61_000);
      expect((await attempt(staff.login, 'wrong-password', n++)).statusCode).toBe(401);
      t.clock.advance(61_000);
      expect((await attempt(staff.login, staff.password, n++)).statusCode).toBe(429);
      t.clock.advance(60_000);
      expect((await attempt(staff.login, staff.password, n++)).statusCode).toBe(200);
      // A success clears the count: five more tries before the next lock.
      for (let i = 0; i < 4; i += 1) expect((await attempt(staff.login, 'wrong-password', n++)).statusCode).toBe(401);
      expect((await attempt(staff.login, staff.password, n++)).statusCode).toBe(200);
    });

    it('counts concurrent guesses: ten at once let at most five through to the password check', async () => {
      const staff = await createStaff(t.connection.db, company.tenant.id, { roles: ['viewer'] });
      const statuses = await Promise.all(Array.from({ length: 10 }, () => attempt(staff.login, 'wrong-password', n++).then((response) => response.statusCode)));
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    });

    it('answers an unknown login the same way, so locking does not reveal which logins exist', async () => {
      const unknown = `ghost-${company.tenant.code}`;
      for (let i = 0; i < 5; i += 1) expect((await attempt(unknown, 'wrong-password', n++)).statusCode).toBe(401);
      expect((await attempt(unknown, 'wrong-password', n++)).json().code).toBe('sign_in_locked');
    });
  });
});
