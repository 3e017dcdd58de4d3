import type { StaffRole } from '@manyi/core';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { anotherApp, cookieFrom, createCompany, createStaff, createTestApp, otherInstance, signIn, type TestApp } from '../../test';

/** A company with a hotline agent, a steward, a manager and two technicians, each signed in. */
export async function serviceDesk(t: TestApp) {
  const db = t.connection.db;
  const company = await createCompany(db);
  const projectIds = [company.project.id];
  const make = async (roles: StaffRole[], name: string, post?: string) => {
    const staff = await createStaff(db, company.tenant.id, { roles, projectIds, name, ...(post && { post }) });
    return { ...staff, cookie: await signIn(t.app, staff.login, staff.password) };
  };
  const agent = await make(['steward'], '热线小李', 'steward');
  const steward = await make(['steward'], '管家王丽', 'steward');
  const manager = await make(['manager'], '经理张强', 'project_manager');
  const technician = await make(['technician'], '师傅刘工', 'engineering');
  const technician2 = await make(['technician'], '师傅陈工', 'engineering');
  const admin = { ...company.admin, cookie: await signIn(t.app, company.admin.login, company.admin.password) };
  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });
  const ownerCookie = async (phone = company.owner.phone!) => {
    t.clock.advance(120_000);
    await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/request', payload: { tenantCode: company.tenant.code, phone } });
    const code = t.sms.sent
      .filter((item) => item.phone === phone)
      .at(-1)
      ?.text.match(/(\d{6})/)?.[1];
    return cookieFrom(await t.app.inject({ method: 'POST', url: '/api/v1/owner-auth/otp/verify', payload: { tenantCode: company.tenant.code, phone, code } }));
  };
  return { company, agent, steward, manager, technician, technician2, admin, call, ownerCookie };
}

export const repairBody = (projectId: string, extra: object = {}) => ({
  projectId,
  type: 'repair',
  channel: 'hotline',
  categoryCode: 'engineering.leak',
  priority: 'normal',
  title: '厨房水管漏水',
  description: '业主来电,厨房水槽下方漏水',
  ...extra,
});

export const complaintBody = (projectId: string, extra: object = {}) => ({
  projectId,
  type: 'complaint',
  channel: 'hotline',
  categoryCode: 'service.attitude',
  priority: 'high',
  complaintScope: 'individual',
  title: '投诉前台态度',
  description: '业主反映前台接待态度冷淡',
  ...extra,
});

export const futureIso = (t: TestApp, hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();

/**
 * For a describe block about what another server instance changes: the app with a service desk
 * (clock at 2026-11-23 10:00 UTC) and another instance's handle on its database (otherInstance),
 * set up before the block's tests and closed after them.
 */
export function serviceDeskBesideAnotherInstance() {
  const setUp = {} as {
    t: TestApp;
    desk: Awaited<ReturnType<typeof serviceDesk>>;
    other: Awaited<ReturnType<typeof otherInstance>>;
    otherApp: FastifyInstance;
  };
  beforeAll(async () => {
    setUp.t = await createTestApp();
    setUp.t.clock.set('2026-11-23T10:00:00Z');
    setUp.desk = await serviceDesk(setUp.t);
    setUp.other = await otherInstance(setUp.t.connection);
    setUp.otherApp = await anotherApp(setUp.t, setUp.other.db);
  });
  afterAll(async () => {
    await setUp.otherApp.close();
    await setUp.other.close();
    await setUp.t.close();
  });
  return setUp;
}
