import { describe, expect, it } from 'vitest';
import { companyAppPerFile, createProject, createStaff, signIn, type Company, type TestApp } from '../../test';

describe('staff administration', () => {
  let t: TestApp;
  let company: Company;
  let admin: string;
  companyAppPerFile((made) => ({ t, company, admin } = made));
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload && { payload }) });

  it('creates a project-scoped steward who can sign in and sees only that project', async () => {
    const created = await call('POST', '/staff', {
      login: 'Steward.Wang',
      name: '王管家',
      phone: '13912345678',
      password: 'Steward-2026',
      roles: ['steward'],
      post: 'steward',
      projectIds: [company.project.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ login: 'steward.wang', projects: [{ id: company.project.id }] });
    const cookie = await signIn(t.app, 'steward.wang', 'Steward-2026');
    const me = (await call('GET', '/auth/me', undefined, cookie)).json();
    expect(me).toMatchObject({ roles: ['steward'], post: 'steward', allProjects: false });
  });

  it('refuses a taken login, a weak password and unknown projects', async () => {
    const base = { name: 'x', password: 'Passw0rd-x', roles: ['viewer'] };
    expect((await call('POST', '/staff', { ...base, login: company.admin.login })).statusCode).toBe(409);
    const weak = await call('POST', '/staff', { ...base, login: 'weak.one', password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
    const unknown = await call('POST', '/staff', { ...base, login: 'lost.one', projectIds: ['0190a000-0000-7000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(422);
    expect((await call('GET', '/staff?q=lost.one')).json().items).toEqual([]);
  });

  it('disabling a user ends their sessions; an admin cannot disable themself', async () => {
    const user = await createStaff(t.connection.db, company.tenant.id, { roles: ['technician'], projectIds: [company.project.id] });
    const cookie = await signIn(t.app, user.login, user.password);
    expect((await call('PATCH', `/staff/${user.id}`, { active: false })).statusCode).toBe(200);
    expect((await call('GET', '/auth/me', undefined, cookie)).statusCode).toBe(401);
    const self = await call('PATCH', `/staff/${company.admin.id}`, { active: false });
    expect(self.statusCode).toBe(409);
  });

  it('resets a password and audits it without storing the hash', async () => {
    const user = await createStaff(t.connection.db, company.tenant.id, { roles: ['viewer'] });
    expect((await call('POST', `/staff/${user.id}/reset-password`, { password: 'Reset-2026x' })).statusCode).toBe(204);
    await signIn(t.app, user.login, 'Reset-2026x');
    const audit = (await call('GET', `/audit-logs?entityId=${user.id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'password_reset' });
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);
  });

  it('shows a project manager only the staff of their projects, and refuses them writes', async () => {
    const elsewhere = await createProject(t.connection.db, company.tenant.id);
    const outsider = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [elsewhere.id] });
    const manager = await createStaff(t.connection.db, company.tenant.id, { roles: ['manager'], projectIds: [company.project.id] });
    const cookie = await signIn(t.app, manager.login, manager.password);
    const list = (await call('GET', '/staff?limit=100', undefined, cookie)).json().items.map((item: { id: string }) => item.id);
    expect(list).toContain(manager.id);
    expect(list).not.toContain(outsider.id);
    expect((await call('GET', `/staff/${outsider.id}`, undefined, cookie)).statusCode).toBe(404);
    expect((await call('POST', '/staff', { login: 'by.manager', name: 'x', password: 'Passw0rd-x', roles: ['admin'] }, cookie)).statusCode).toBe(403);
  });
  it('lets a steward list the colleagues of their own projects for assignment, and no one else', async () => {
    const elsewhere = await createProject(t.connection.db, company.tenant.id);
    const outsider = await createStaff(t.connection.db, company.tenant.id, { roles: ['technician'], projectIds: [elsewhere.id], name: '外项目师傅' });
    const colleague = await createStaff(t.connection.db, company.tenant.id, {
      roles: ['technician'],
      projectIds: [company.project.id],
      name: '本项目师傅',
      post: 'engineering',
    });
    const steward = await createStaff(t.connection.db, company.tenant.id, { roles: ['steward'], projectIds: [company.project.id] });
    const cookie = await signIn(t.app, steward.login, steward.password);
    const directory = (await call('GET', '/staff/directory', undefined, cookie)).json().items as { id: string; post: string | null }[];
    expect(directory.map((entry) => entry.id)).toContain(colleague.id);
    expect(directory.map((entry) => entry.id)).not.toContain(outsider.id);
    expect(directory.find((entry) => entry.id === colleague.id)?.post).toBe('engineering');
    expect((await call('GET', `/staff/directory?projectId=${elsewhere.id}`, undefined, cookie)).json().items).toEqual([]);
  });
});
