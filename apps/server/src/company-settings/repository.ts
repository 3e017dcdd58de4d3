/**
 * The company's settings document (tenant_settings.data): one JSON object per company whose
 * top-level keys belong to different domains (groupDetection: incidents/settings.ts, returnVisit:
 * company-settings/return-visits.ts). Each domain validates its own key; this module only reads and merges.
 */
import { tenantSettings, type Executor } from '@manyi/db';
import { eq, sql } from 'drizzle-orm';

/** The stored document, undefined when the company never saved a setting. */
export async function readSettingsData(db: Executor, tenantId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.select({ data: tenantSettings.data }).from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
  return row?.data as Record<string, unknown> | undefined;
}

/** Replaces the patch's top-level keys and keeps the others (jsonb `||`), creating the row on first save. */
export async function mergeSettingsData(db: Executor, tenantId: string, patch: Record<string, unknown>, now: Date): Promise<void> {
  await db
    .insert(tenantSettings)
    .values({ tenantId, data: patch, updatedAt: now })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { data: sql`${tenantSettings.data} || ${JSON.stringify(patch)}::jsonb`, updatedAt: now } });
}
