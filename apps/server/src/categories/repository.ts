import { defaultCannedReplies, defaultCategories } from '@manyi/core';
import { cannedReplies, isTransaction, ticketCategories, type Executor } from '@manyi/db';
import { and, asc, eq } from 'drizzle-orm';
import { versionedCache } from '../company-version/cache';

export type CategoryRow = typeof ticketCategories.$inferSelect;

/**
 * A company's service-desk defaults (category tree, canned replies) are written the first time
 * the company needs them. The categories insert is idempotent (on conflict do nothing); only the
 * caller that actually inserted them also inserts the canned replies, so two first calls at once
 * cannot seed the replies twice.
 */
/** Companies already seeded, so the check costs a query once per process, not on every category read (categories are never deleted). */
const seededTenants = new Set<string>();

export async function ensureServiceDeskDefaults(db: Executor, tenantId: string): Promise<void> {
  if (seededTenants.has(tenantId)) return;
  await seedServiceDeskDefaults(db, tenantId);
  // Inside a transaction the seed may still roll back; remember it only once it is surely committed.
  if (!isTransaction(db)) seededTenants.add(tenantId);
}

async function seedServiceDeskDefaults(db: Executor, tenantId: string): Promise<void> {
  const [existing] = await db.select({ code: ticketCategories.code }).from(ticketCategories).where(eq(ticketCategories.tenantId, tenantId)).limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(ticketCategories)
      .values(
        defaultCategories.map((category, position) => ({
          tenantId,
          code: category.code,
          parentCode: category.parentCode,
          nameZh: category.labels['zh-CN'],
          nameEn: category.labels['en-US'],
          defaultPost: category.defaultPost,
          safetyCritical: category.isSafetyCritical,
          active: true,
          position,
        })),
      )
      .onConflictDoNothing()
      .returning({ code: ticketCategories.code });
    if (inserted.length === 0) return;
    await tx.insert(cannedReplies).values(defaultCannedReplies.map((reply) => ({ tenantId, ...reply })));
  });
}

export async function listCategories(db: Executor, tenantId: string): Promise<CategoryRow[]> {
  await ensureServiceDeskDefaults(db, tenantId);
  return db.select().from(ticketCategories).where(eq(ticketCategories.tenantId, tenantId)).orderBy(asc(ticketCategories.position), asc(ticketCategories.code));
}

/** The company's categories by code, from memory while its settings version stands (company-version/cache.ts). */
export const companyCategories: (db: Executor, tenantId: string, knownVersion?: number) => Promise<Map<string, CategoryRow>> = versionedCache(
  async (db, tenantId) => new Map((await listCategories(db, tenantId)).map((row) => [row.code, row])),
);

export async function findCategoryRow(db: Executor, tenantId: string, code: string): Promise<CategoryRow | undefined> {
  await ensureServiceDeskDefaults(db, tenantId);
  const [row] = await db
    .select()
    .from(ticketCategories)
    .where(and(eq(ticketCategories.tenantId, tenantId), eq(ticketCategories.code, code)));
  return row;
}

/** The post that handles a category: its own default post, else the nearest ancestor's. */
export async function postForCategory(db: Executor, tenantId: string, code: string | null): Promise<string | null> {
  if (!code) return null;
  const all = await listCategories(db, tenantId);
  const byCode = new Map(all.map((row) => [row.code, row]));
  for (let node = byCode.get(code); node; node = node.parentCode ? byCode.get(node.parentCode) : undefined) {
    if (node.defaultPost) return node.defaultPost;
  }
  return null;
}

export async function updateCategoryRow(
  db: Executor,
  tenantId: string,
  code: string,
  set: Partial<typeof ticketCategories.$inferInsert>,
): Promise<CategoryRow> {
  const [row] = await db
    .update(ticketCategories)
    .set(set)
    .where(and(eq(ticketCategories.tenantId, tenantId), eq(ticketCategories.code, code)))
    .returning();
  return row!;
}
