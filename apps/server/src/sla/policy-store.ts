import { defaultSlaPolicies, type SlaMatch, type SlaPolicy, type SlaTarget, type SlaTargetKind } from '@manyi/core';
import { queryRows, slaPolicies, type Executor } from '@manyi/db';
import { asc, eq, sql } from 'drizzle-orm';

/** A tenant's policy as stored: the core shape plus the warning share and the switch. */
export type TenantSlaPolicy = SlaPolicy & { position: number; warnShare: number; active: boolean };

const defaultRationale = new Map(defaultSlaPolicies.map((policy) => [policy.code, policy.rationale]));

/** Rows for the core defaults, in their order; warnings at the core's 80%. */
export function defaultPolicyRows(tenantId: string) {
  return defaultSlaPolicies.map((policy, position) => ({
    tenantId,
    code: policy.code,
    position,
    nameZh: policy.name['zh-CN'],
    nameEn: policy.name['en-US'],
    match: policy.match,
    targets: policy.targets,
    warnShare: 0.8,
    active: true,
  }));
}

export function toPolicy(row: typeof slaPolicies.$inferSelect): TenantSlaPolicy {
  return {
    code: row.code,
    name: { 'zh-CN': row.nameZh, 'en-US': row.nameEn },
    match: row.match as SlaMatch,
    targets: row.targets as Partial<Record<SlaTargetKind, SlaTarget>>,
    // A policy a company wrote itself has no published rationale; the defaults keep theirs.
    rationale: defaultRationale.get(row.code) ?? { 'zh-CN': '', 'en-US': '' },
    position: row.position,
    warnShare: row.warnShare,
    active: row.active,
  };
}

/**
 * Copies the core defaults into a company's sla_policies the first time anything needs them.
 * ON CONFLICT keeps it idempotent when two requests or two server instances race to seed.
 */
export async function seedDefaultPolicies(db: Executor, tenantId: string): Promise<void> {
  await db.insert(slaPolicies).values(defaultPolicyRows(tenantId)).onConflictDoNothing();
}

/** Every policy of the company in match order (inactive ones included), seeding the defaults if it has none. */
export async function loadTenantPolicies(db: Executor, tenantId: string): Promise<TenantSlaPolicy[]> {
  const read = () => db.select().from(slaPolicies).where(eq(slaPolicies.tenantId, tenantId)).orderBy(asc(slaPolicies.position), asc(slaPolicies.code));
  let rows = await read();
  if (rows.length === 0) {
    await seedDefaultPolicies(db, tenantId);
    rows = await read();
  }
  return rows.map(toPolicy);
}

/** Seeds every company that has no policies yet (used by the sweep, which reads policies in SQL). */
export async function seedMissingPolicies(db: Executor): Promise<void> {
  const missing = await queryRows<{ id: string }>(
    db,
    sql`
    select t.id from tenants t where not exists (select 1 from sla_policies p where p.tenant_id = t.id)`,
  );
  for (const row of missing) await seedDefaultPolicies(db, row.id);
}

export type PolicyRow = typeof slaPolicies.$inferInsert;

/** Deletes the company's policies and inserts the given list (run inside the caller's transaction). */
export async function replacePolicyRows(tx: Executor, tenantId: string, rows: readonly PolicyRow[]): Promise<void> {
  await tx.delete(slaPolicies).where(eq(slaPolicies.tenantId, tenantId));
  await tx.insert(slaPolicies).values([...rows]);
}
