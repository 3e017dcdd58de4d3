import { staffUsers, tenants, type Database } from '@manyi/db';
import { and, eq, inArray } from 'drizzle-orm';
import { demoPassword } from './company';
import type { DemoLogin } from './staff';

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).limit(1);
  return rows.length === 0;
}

const showcaseRoles = ['admin', 'quality', 'manager', 'steward', 'technician'];

/**
 * The demo logins that still exist in the database, so every start prints how to sign in, not
 * only the one that seeded. Staff whose password was changed are still listed; the hint is the default.
 */
export async function existingDemoLogins(db: Database): Promise<DemoLogin[]> {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, 'demo'));
  if (!tenant) return [];
  const rows = await db
    .select({ login: staffUsers.login })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenant.id), inArray(staffUsers.login, showcaseRoles)));
  const present = new Set(rows.map((row) => row.login));
  return showcaseRoles.filter((role) => present.has(role)).map((role) => ({ login: role, password: demoPassword, role }));
}
