import { slaPolicies, tenants, ticketCategories } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { repairBody, serviceDeskBesideAnotherInstance } from '../tickets/testing';
import { readSettingsVersion, versionedCache } from './cache';

describe('company settings version: receipt settings cached per instance, exact across instances', () => {
  const env = serviceDeskBesideAnotherInstance();
  const tenantId = () => env.desk.company.tenant.id;
  const receive = (extra: object = {}) => env.desk.call(env.desk.agent.cookie, 'POST', '/tickets', repairBody(env.desk.company.project.id, extra));

  it('moves the version in the transaction of every change to categories, SLA policies, calendar, settings and incidents', async () => {
    expect((await receive()).statusCode).toBe(201); // seeds the company's categories and policies
    const before = await readSettingsVersion(env.t.connection.db, tenantId());
    await env.other.db.update(ticketCategories).set({ nameZh: '漏水(含渗水)' }).where(and(eq(ticketCategories.tenantId, tenantId()), eq(ticketCategories.code, 'engineering.leak')));
    const afterCategory = await readSettingsVersion(env.t.connection.db, tenantId());
    expect(afterCategory).toBeGreaterThan(before);
    // A change that rolls back leaves the version where it was.
    await expect(env.other.db.transaction(async (tx) => {
      await tx.update(slaPolicies).set({ warnShare: 0.5 }).where(eq(slaPolicies.tenantId, tenantId()));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await readSettingsVersion(env.t.connection.db, tenantId())).toBe(afterCategory);
    // Another company's change does not move this one's version.
    const [another] = await env.other.db.select({ version: tenants.settingsVersion }).from(tenants).where(eq(tenants.id, tenantId()));
    expect(another!.version).toBe(afterCategory);
  });

  it('a category switched off by another instance is refused on the very next receipt here, and accepted again once back on', async () => {
    expect((await receive({ categoryCode: 'engineering.drain' })).statusCode).toBe(201);
    const switchTo = (active: boolean) => env.other.db.update(ticketCategories).set({ active })
      .where(and(eq(ticketCategories.tenantId, tenantId()), eq(ticketCategories.code, 'engineering.drain')));
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
    const policies = await env.other.db.select().from(slaPolicies).where(eq(slaPolicies.tenantId, tenantId()));
    const matched = policies.find((policy) => policy.code === first.slaPolicyCode)!;
    const targets = { ...(matched.targets as Record<string, object>), resolution: { minutes: 7 * 24 * 60, calendar: '24x7' } };
    await env.other.db.update(slaPolicies).set({ targets }).where(and(eq(slaPolicies.tenantId, tenantId()), eq(slaPolicies.code, matched.code)));
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
