import { describe, expect, it } from 'vitest';
import { cookieFrom, createCompany, signIn, testAppPerFile, type Company, type TestApp } from '../../test';

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
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/verify', payload: { tenantCode: company.tenant.code, phone, code: code === '000000' ? '111111' : '000000' } });
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
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: company.tenant.code, phone } })).statusCode).toBe(204);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: company.tenant.code, phone } });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('otp_too_soon');
    t.clock.advance(5 * 60_000 + 1);
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/verify', payload: { tenantCode: company.tenant.code, phone, code: codeFor(phone) } });
    expect(late.statusCode).toBe(400);
  });

  it('tells a stranger their number is not registered, and an unknown company code apart', async () => {
    const stranger = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: company.tenant.code, phone: '13000000000' } });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().code).toBe('otp_no_resident');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: 'no-such-company', phone: company.owner.phone } });
    expect(unknown.json().code).toBe('unknown_tenant');
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
});
