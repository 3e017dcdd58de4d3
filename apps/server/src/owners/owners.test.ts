import { describe, expect, it } from 'vitest';
import { cookieFrom, createCompany, createHousehold, createPerson, signIn, testAppPerFile, type Company, type TestApp } from '../../test';

describe('owner sign-in on the phone', () => {
  let t: TestApp;
  let company: Company;
  testAppPerFile(async (app) => {
    t = app;
    company = await createCompany(t.connection.db);
  });

  const codeFor = (phone: string) => {
    const message = t.sms.sent.filter((item) => item.phone === phone).at(-1);
    return message?.text.match(/(\d{6})/)?.[1] ?? '';
  };

  it('signs in with an SMS code sent through the provider, once', async () => {
    const phone = company.owner.phone!;
    const request = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: company.tenant.code, phone } });
    expect(request.statusCode).toBe(204);
    const code = codeFor(phone);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/owner-auth/otp/verify',
      payload: { tenantCode: company.tenant.code, phone, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    const verify = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/verify', payload: { tenantCode: company.tenant.code, phone, code } });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ kind: 'owner', person: { id: company.owner.id }, households: [{ id: company.household.id, label: '1栋1单元101' }] });
    const cookie = cookieFrom(verify);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/owner/me', headers: { cookie } })).statusCode).toBe(200);
    // An owner session is not a staff session.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/households', headers: { cookie } })).statusCode).toBe(403);
    const reuse = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/verify', payload: { tenantCode: company.tenant.code, phone, code } });
    expect(reuse.statusCode).toBe(400);
  });

  it('limits resends to one a minute and expires codes after five minutes', async () => {
    const phone = company.owner.phone!;
    t.clock.advance(61_000);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: company.tenant.code, phone } })).statusCode,
    ).toBe(204);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: company.tenant.code, phone } });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('otp_too_soon');
    t.clock.advance(5 * 60_000 + 1);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/v1/owner-auth/otp/verify',
      payload: { tenantCode: company.tenant.code, phone, code: codeFor(phone) },
    });
    expect(late.statusCode).toBe(400);
  });

  it('answers a code request the same whether or not the phone belongs to a resident and the company code is known', async () => {
    const ask = (tenantCode: string, phone: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', remoteAddress, payload: { tenantCode, phone } });
    const resident = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '赵六' });
    const answers = [
      await ask(company.tenant.code, resident.phone!, '10.5.0.1'),
      await ask(company.tenant.code, '13000000017', '10.5.0.2'),
      await ask('no-such-company', '13000000018', '10.5.0.3'),
    ];
    expect(answers.map((answer) => [answer.statusCode, answer.body])).toEqual([
      [204, ''],
      [204, ''],
      [204, ''],
    ]);
    expect(t.sms.sent.filter((item) => ['13000000017', '13000000018'].includes(item.phone))).toEqual([]);
    // The limits count a stranger's number like a resident's, so a refusal reveals nothing either.
    const again = [
      await ask(company.tenant.code, resident.phone!, '10.5.0.4'),
      await ask(company.tenant.code, '13000000017', '10.5.0.5'),
      await ask('no-such-company', '13000000018', '10.5.0.6'),
    ];
    expect(again.map((answer) => [answer.statusCode, answer.json().code])).toEqual([
      [429, 'otp_too_soon'],
      [429, 'otp_too_soon'],
      [429, 'otp_too_soon'],
    ]);
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/v1/owner-auth/otp/verify',
      remoteAddress: '10.5.0.7',
      payload: { tenantCode: 'no-such-company', phone: '13000000018', code: '123456' },
    });
    expect([verify.statusCode, verify.json().code]).toEqual([400, 'otp_invalid']);
  });

  it('counts concurrent wrong guesses: eight at once use up a code that allows five tries', async () => {
    const person = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '孙七' });
    const phone = person.phone!;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/owner-auth/otp/request',
          remoteAddress: '10.4.0.1',
          payload: { tenantCode: company.tenant.code, phone },
        })
      ).statusCode,
    ).toBe(204);
    const code = codeFor(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/owner-auth/otp/verify',
          remoteAddress: `10.4.1.${i}`,
          payload: { tenantCode: company.tenant.code, phone, code: wrong },
        }),
      ),
    );
    expect(guesses.every((guess) => guess.statusCode === 400)).toBe(true);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/owner-auth/otp/verify',
      remoteAddress: '10.4.2.1',
      payload: { tenantCode: company.tenant.code, phone, code },
    });
    expect(right.statusCode).toBe(400);
  });

  it('redeems a one-time invite link made by a steward', async () => {
    const admin = await signIn(t.app, company.admin.login, company.admin.password);
    const invite = await t.app.inject({ method: 'POST', url: `/api/v1/persons/${company.owner.id}/invites`, headers: { cookie: admin } });
    expect(invite.statusCode).toBe(201);
    const token = invite.json().url.split('/h5/invite/')[1];
    const redeem = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/invite/redeem', payload: { token } });
    expect(redeem.statusCode).toBe(200);
    expect(redeem.json().person.id).toBe(company.owner.id);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/invite/redeem', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invite_invalid');
    const profile = (await t.app.inject({ method: 'GET', url: `/api/v1/persons/${company.owner.id}/profile`, headers: { cookie: admin } })).json();
    expect(profile.timeline.map((event: { kind: string }) => event.kind)).toContain('owner_sign_in');
  });

  it('limits codes per phone number, whatever the address: five an hour, ten a day', async () => {
    const person = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '王五' });
    const phone = person.phone!;
    let n = 0;
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/owner-auth/otp/request',
        remoteAddress: `10.6.0.${n++}`,
        payload: { tenantCode: company.tenant.code, phone },
      });
    const sent = () => t.sms.sent.filter((item) => item.phone === phone).length;
    for (let i = 0; i < 5; i += 1) {
      expect((await ask()).statusCode).toBe(204);
      t.clock.advance(61_000);
    }
    const sixth = await ask();
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('otp_hourly_limit');
    expect(sent()).toBe(5);
    t.clock.advance(3_600_000);
    for (let i = 0; i < 5; i += 1) {
      expect((await ask()).statusCode).toBe(204);
      t.clock.advance(61_000);
    }
    t.clock.advance(3_600_000);
    const eleventh = await ask();
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().code).toBe('otp_daily_limit');
    expect(sent()).toBe(10);
    t.clock.advance(24 * 3_600_000);
    expect((await ask()).statusCode).toBe(204);
  });

  describe('owner sessions follow the household', () => {
    let n = 0;
    const ownerSession = async (phone: string) => {
      t.clock.advance(25 * 3_600_000);
      const remoteAddress = `10.3.0.${n++}`;
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', remoteAddress, payload: { tenantCode: company.tenant.code, phone } }))
          .statusCode,
      ).toBe(204);
      return cookieFrom(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/owner-auth/otp/verify',
          remoteAddress,
          payload: { tenantCode: company.tenant.code, phone, code: codeFor(phone) },
        }),
      );
    };
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/owner/me', headers: { cookie } });
    const staff = async () => signIn(t.app, company.admin.login, company.admin.password, `10.3.1.${n++}`);

    it('ends the sessions of a resident whose phone changes (the flat re-registered to a new owner)', async () => {
      const person = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '周八' });
      const cookie = await ownerSession(person.phone!);
      expect((await me(cookie)).statusCode).toBe(200);
      const renamed = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/persons/${person.id}`,
        headers: { cookie: await staff() },
        payload: { name: '吴九', phone: '13700000031' },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('ends the sessions of a resident moved to another household or removed', async () => {
      const other = await createHousehold(t.connection.db, company.tenant.id, company.building, '102', company.unit);
      const moved = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '郑十' });
      const movedCookie = await ownerSession(moved.phone!);
      expect(
        (await t.app.inject({ method: 'PATCH', url: `/api/v1/persons/${moved.id}`, headers: { cookie: await staff() }, payload: { householdId: other.id } }))
          .statusCode,
      ).toBe(200);
      expect((await me(movedCookie)).statusCode).toBe(401);
      const removed = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '冯十一' });
      const removedCookie = await ownerSession(removed.phone!);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/persons/${removed.id}`, headers: { cookie: await staff() } })).statusCode).toBe(204);
      expect((await me(removedCookie)).statusCode).toBe(401);
    });

    it('keeps the session through an edit that changes neither phone nor household', async () => {
      const person = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '陈十二' });
      const cookie = await ownerSession(person.phone!);
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: `/api/v1/persons/${person.id}`,
            headers: { cookie: await staff() },
            payload: { note: '周末在家', phone: person.phone },
          })
        ).statusCode,
      ).toBe(200);
      expect((await me(cookie)).statusCode).toBe(200);
    });

    it('signs out only by a same-origin POST', async () => {
      const person = await createPerson(t.connection.db, company.tenant.id, company.household, { name: '褚十三' });
      const cookie = await ownerSession(person.phone!);
      expect([403, 404]).toContain((await t.app.inject({ method: 'GET', url: '/api/v1/owner/logout', headers: { cookie } })).statusCode);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/owner/logout', headers: { cookie, 'sec-fetch-site': 'same-site' } })).statusCode).toBe(403);
      expect((await me(cookie)).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/owner/logout', headers: { cookie, 'sec-fetch-site': 'same-origin' } })).statusCode).toBe(204);
      expect((await me(cookie)).statusCode).toBe(401);
    });
  });
});
