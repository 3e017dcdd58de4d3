import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, createTestApp, signIn, type TestApp } from '../../test';

describe('input hygiene', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    company = await createCompany(t.connection.db);
    cookie = await signIn(t.app, company.admin.login, company.admin.password);
  });
  afterAll(() => t.close());

  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, body?: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, ...(body !== undefined && { payload: body }) });

  it('refuses NUL characters and lone surrogates in any string with a field error, never a 500', async () => {
    const person = (name: string) => JSON.stringify({ householdId: company.household.id, name, role: 'family' }).replace('NAME', name);
    const cases: [string, string][] = [
      ['POST', JSON.stringify({ householdId: company.household.id, name: 'a\u0000b', role: 'family' })],
      ['POST', person('x').replace('"x"', '"\\ud800x"')],
      ['POST', person('x').replace('"x"', '"x\\udfff"')],
    ];
    for (const [, body] of cases) {
      const response = await send('POST', '/persons', body);
      expect(response.statusCode, body).toBe(400);
      expect(response.json().errors[0].field, body).toBe('name');
      expect(response.json().errors[0].messages['zh-CN']).toBe('包含无效字符');
    }
    const query = await send('GET', '/persons?q=%00');
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].field).toBe('q');
    const nested = await send('PATCH', `/persons/${company.owner.id}`, JSON.stringify({ tags: ['ok', 'b\u0000'] }));
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors[0].field).toBe('tags.1');
    // A proper pair (an emoji) is a character like any other.
    expect((await send('PATCH', `/persons/${company.owner.id}`, JSON.stringify({ note: '周末在家 🙂' }))).statusCode).toBe(200);
  });

  it('refuses an empty PATCH', async () => {
    const response = await send('PATCH', `/persons/${company.owner.id}`, '{}');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'body', messages: { 'zh-CN': '没有要修改的内容' } });
  });

  it('answers a broken multipart body with 400, never a 500', async () => {
    const boundary = 'manyi-broken';
    const truncated = `--${boundary}\r\ncontent-disposition: form-data; name="projectId"\r\n\r\n${company.project.id}\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\ncontent-type: text/csv\r\n\r\n房号,姓名\r\n101,张`;
    for (const body of [truncated, 'not multipart at all', `--${boundary}\r\n\r\n`]) {
      const response = await send('POST', '/household-imports', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(response.statusCode, body).toBe(400);
      expect(response.json().errors[0].field).toBe('file');
    }
  });
});
