import { regions } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { companyAppPerFile, createCompany, signIn, type Company, type TestApp } from '../../test';

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  let company: Company;
  let admin: string;
  companyAppPerFile((made) => ({ t, company, admin } = made));
  const post = (key: string, name: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin, 'idempotency-key': key }, payload: { name } });
  const count = async (name: string) =>
    (
      await t.connection.db
        .select()
        .from(regions)
        .where(and(eq(regions.tenantId, company.tenant.id), eq(regions.name, name)))
    ).length;

  it('replays the first response to a retry and writes once', async () => {
    const first = await post('key-1', '华北区域');
    const retry = await post('key-1', '华北区域');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await count('华北区域')).toBe(1);
  });

  it('runs concurrent duplicates once, and the duplicates wait for the first answer and replay it', async () => {
    const responses = await Promise.all([post('key-2', '西南区域'), post('key-2', '西南区域'), post('key-2', '西南区域')]);
    expect(await count('西南区域')).toBe(1);
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    await post('key-3', '东北区域');
    const reused = await post('key-3', '西北区域');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    expect(await count('西北区域')).toBe(0);
  });

  it('keeps keys apart between users', async () => {
    const other = await createCompany(t.connection.db, '另一家物业');
    const otherCookie = await signIn(t.app, other.admin.login, other.admin.password);
    await post('shared-key', '华中区域');
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: { cookie: otherCookie, 'idempotency-key': 'shared-key' },
      payload: { name: '华中区域' },
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });
});
