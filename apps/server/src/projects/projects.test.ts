import { describe, expect, it } from 'vitest';
import { companyAppPerFile, createProject, createStaff, signIn, type Company, type TestApp } from '../../test';

describe('projects and regions', () => {
  let t: TestApp;
  let company: Company;
  let admin: string;
  companyAppPerFile((made) => ({ t, company, admin } = made));

  it('creates a region and a project in it, and lists with counts', async () => {
    const region = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin }, payload: { name: '华东区域' } });
    expect(region.statusCode).toBe(201);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: admin },
      payload: { code: 'SH-01', name: '绿城花园', type: 'residential', stage: 'growth', regionId: region.json().id, city: '上海' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'SH-01', regionName: '华东区域', buildingCount: 0, householdCount: 0 });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/projects?q=绿城', headers: { cookie: admin } });
    expect(list.json().items.map((item: { code: string }) => item.code)).toEqual(['SH-01']);
    const all = await t.app.inject({ method: 'GET', url: `/api/v1/projects?limit=100`, headers: { cookie: admin } });
    const seeded = all.json().items.find((item: { id: string }) => item.id === company.project.id);
    expect(seeded).toMatchObject({ buildingCount: 1, householdCount: 1 });
  });

  it('pages with a cursor and rejects a forged cursor', async () => {
    for (const code of ['PG-A', 'PG-B', 'PG-C']) await createProject(t.connection.db, company.tenant.id, { code });
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/projects?q=PG-&limit=2', headers: { cookie: admin } });
    expect(first.json().items).toHaveLength(2);
    const second = await t.app.inject({ method: 'GET', url: `/api/v1/projects?q=PG-&limit=2&cursor=${first.json().nextCursor}`, headers: { cookie: admin } });
    expect(second.json().items.map((item: { code: string }) => item.code)).toEqual(['PG-C']);
    expect(second.json().nextCursor).toBeNull();
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/projects?cursor=not-a-cursor', headers: { cookie: admin } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('invalid_cursor');
  });

  it('reports field errors in both languages', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: admin, 'accept-language': 'en-US' },
      payload: { code: 'bad code!', type: 'castle', stage: 'mature' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation');
    const fields = Object.fromEntries(body.errors.map((error: { field: string; message: string; messages: Record<string, string> }) => [error.field, error]));
    expect(fields.name.messages['zh-CN']).toBe('必填');
    expect(fields.name.message).toBe('Required');
    expect(fields.code.messages['zh-CN']).toContain('项目编码');
    expect(fields.type.messages['zh-CN']).toContain('residential');
  });

  it('refuses a duplicate code with 409 and a field error, leaving the original intact', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: admin },
      payload: { code: company.project.code, name: 'X', type: 'office', stage: 'early' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0].field).toBe('code');
    const original = await t.app.inject({ method: 'GET', url: `/api/v1/projects/${company.project.id}`, headers: { cookie: admin } });
    expect(original.json().name).toBe(company.project.name);
  });

  it('lets only admins change the organisation', async () => {
    const quality = await createStaff(t.connection.db, company.tenant.id, { roles: ['quality'] });
    const cookie = await signIn(t.app, quality.login, quality.password);
    const response = await t.app.inject({ method: 'PATCH', url: `/api/v1/projects/${company.project.id}`, headers: { cookie }, payload: { name: '改名' } });
    expect(response.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/projects/${company.project.id}`, headers: { cookie } })).statusCode).toBe(200);
  });

  it('will not delete a project that still has buildings', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: `/api/v1/projects/${company.project.id}`, headers: { cookie: admin } });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('in_use');
  });

  it('answers unknown routes and ids with problem+json 404', async () => {
    const route = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { cookie: admin } });
    expect(route.statusCode).toBe(404);
    expect(route.headers['content-type']).toMatch(/problem\+json/);
    const id = await t.app.inject({ method: 'GET', url: '/api/v1/projects/0190a000-0000-7000-8000-000000000000', headers: { cookie: admin } });
    expect(id.statusCode).toBe(404);
    expect(id.json().code).toBe('not_found');
  });

  it('refuses malformed JSON, wrong content types and oversize bodies with 4xx', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_body');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: { cookie: admin, 'content-type': 'text/xml' },
      payload: '<name/>',
    });
    expect(wrongType.statusCode).toBe(415);
    const oversize = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin }, payload: { name: 'x'.repeat(2 * 1024 * 1024) } });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json().code).toBe('body_too_large');
  });
});
