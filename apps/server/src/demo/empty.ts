import { tenants, type Database } from '@manyi/db';

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).limit(1);
  return rows.length === 0;
}
