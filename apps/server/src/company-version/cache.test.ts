import { describe, expect, it } from 'vitest';
import { repairBody, serviceDeskBesideAnotherInstance } from '../tickets/testing';
import { readSettingsVersion, versionedCache } from './cache';

describe('company settings version: configuration cached per instance, exact across instances', () => {
  const env = serviceDeskBesideAnotherInstance();
  const tenantId = () => env.desk.company.tenant.id;
  const receive = (extra: object = {}) => env.desk.call(env.desk.agent.cookie, 'POST', '/tickets', repairBody(env.desk.company.project.id, extra));
  /** A change made through the other instance's API, as a colleague on another server would. */
  const elsewhere = (method: 'PATCH' | 'PUT', url: string, payload: object) =>
    env.otherApp.inject({ method, url: `/api/v1${url}`, headers: { cookie: env.desk.admin.cookie }, payload });

  it('moves the version with every change to categories, SLA policies, calendar and detection settings, and not on a refused change', async () => {
    expect((await receive()).statusCode).toBe(201); // seeds the company's categories and policies
    const version = () => readSettingsVersion(env.t.connection.db, tenantId());
    const start = await version();
    expect((await elsewhere('PATCH', '/ticket-categories/engineering.leak', { nameZh: '漏水（含渗水）' })).statusCode).toBe(200);
    const afterCategory = await version();
    expect(afterCategory).toBe(start + 1);
    expect((await elsewhere('PUT', '/calendar-days', { year: 2026, days: [{ day: '2026-12-24', kind: 'holiday', name: '公司活动日' }] })).statusCode).toBe(200);
    expect(await version()).toBe(afterCategory + 1);
    expect((await elsewhere('PUT', '/incident-settings', { minimumHouseholds: 4, windowHours: 12 })).statusCode).toBe(200);
    const afterSettings = await version();
    expect(afterSettings).toBe(afterCategory + 2);
    // A change refused by validation writes nothing and leaves the version where it was.
    expect((await elsewhere('PUT', '/calendar-days', { year: 2026, days: [{ day: 'not a day', kind: 'holiday' }] })).statusCode).toBe(400);
    expect(await version()).toBe(afterSettings);
    // Tickets and incidents are not configuration: receiving one leaves the version alone.
    expect((await receive()).statusCode).toBe(201);
    expect(await version()).toBe(afterSettings);
  });

  it('a category switched off on another instance is refused on the very next receipt here, and accepted again once back on', async () => {
    expect((await receive({ categoryCode: 'engineering.drain' })).statusCode).toBe(201);
    const switchTo = async (active: boolean) => expect((await elsewhere('PATCH', '/ticket-categories/engineering.drain', { active })).statusCode).toBe(200);
    await switchTo(false);
    const refused = await receive({ categoryCode: 'engineering.drain' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'categoryCode' });
    await switchTo(true);
    expect((await receive({ categoryCode: 'engineering.drain' })).statusCode).toBe(201);
  });

  it('a changed SLA policy sets the deadline of the next receipt', async () => {
    const first = (await receive({ priority: 'normal' })).json();
    const resolution = (summary: { sla: { target: string; dueAt: string }[] }) => summary.sla.find((target) => target.target === 'resolution')?.dueAt;
    const listed = (await env.desk.call(env.desk.admin.cookie, 'GET', '/sla-policies')).json() as {
      items: { code: string; name: object; match: object; targets: Record<string, object>; warnShare: number; active: boolean }[];
    };
    const policies = listed.items.map(({ code, name, match, targets, warnShare, active }) => ({
      code,
      name,
      match,
      warnShare,
      active,
      targets: code === first.slaPolicyCode ? { ...targets, resolution: { minutes: 7 * 24 * 60, calendar: '24x7' } } : targets,
    }));
    const saved = await elsewhere('PUT', '/sla-policies', { policies });
    expect(saved.statusCode, saved.body).toBe(200);
    const second = (await receive({ priority: 'normal' })).json();
    expect(second.slaPolicyCode).toBe(first.slaPolicyCode);
    expect(new Date(resolution(second)!).getTime() - env.t.clock.now().getTime()).toBe(7 * 24 * 3_600_000);
    expect(resolution(second)).not.toBe(resolution(first));
  });

  it('loads once per version, reloads when it moves, and never caches what a transaction reads', async () => {
    let loads = 0;
    const cached = versionedCache(async () => ++loads);
    const db = env.t.connection.db;
    const version = await readSettingsVersion(db, tenantId());
    expect(await Promise.all([cached(db, tenantId(), version), cached(db, tenantId(), version), cached(db, tenantId())])).toEqual([1, 1, 1]);
    // A request that started before a newer load may use it: it is at least as new as its own start.
    expect(await cached(db, tenantId(), version - 1)).toBe(1);
    expect(await cached(db, tenantId(), version + 1)).toBe(2);
    expect(await db.transaction((tx) => cached(tx, tenantId(), version + 1))).toBe(3);
    expect(await cached(db, tenantId(), version + 1)).toBe(2);
    // A load that fails is not kept.
    const failing = versionedCache(async () => {
      loads += 1;
      if (loads === 4) throw new Error('database away');
      return loads;
    });
    await expect(failing(db, tenantId(), version)).rejects.toThrow('database away');
    expect(await failing(db, tenantId(), version)).toBe(5);
  });
});
