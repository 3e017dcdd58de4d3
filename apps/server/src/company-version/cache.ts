import { isTransaction, preparedOnce, tenants, type Executor } from '@manyi/db';
import { eq, sql } from 'drizzle-orm';

const versionQuery = preparedOnce((db: Executor) =>
  db
    .select({ version: tenants.settingsVersion })
    .from(tenants)
    .where(eq(tenants.id, sql.placeholder('tenantId')))
    .prepare('tenant_settings_version'),
);

/** The company's settings version now (0 for an unknown company, which has nothing to cache anyway). */
export async function readSettingsVersion(db: Executor, tenantId: string): Promise<number> {
  const [row] = await versionQuery(db).execute({ tenantId });
  return row?.version ?? 0;
}

/**
 * Says that the company's cached configuration changed: call it in the transaction that changes a
 * table a `versionedCache` reads (categories, SLA policies, calendar, detection settings), so the
 * new version commits with the change and every instance reloads on its next request.
 */
export async function settingsChanged(db: Executor, tenantId: string): Promise<void> {
  await db
    .update(tenants)
    .set({ settingsVersion: sql`${tenants.settingsVersion} + 1` })
    .where(eq(tenants.id, tenantId));
}

/** Companies remembered per database handle; beyond this the oldest entry goes first. */
const maxCompanies = 2_000;

/**
 * One mechanism for company configuration that every request may read (category tree, SLA
 * policies and calendar, group-detection settings): kept in this instance's memory while the
 * company's `tenants.settings_version` has not moved. The code that changes such configuration
 * moves the version in its own transaction (settingsChanged), and the authentication hook reads
 * the version with the session at the start of every request (auth/session-repository.ts), so a
 * request never sees configuration older than its own start, whichever instance made the change.
 *
 * `knownVersion` is the version the session query read; without it (background passes) the
 * version is read first. An entry loaded after that read is at least as new as that version, so
 * it is labelled with it. Inside a transaction the caller may have changed the configuration
 * itself, uncommitted: it reads straight from the database and caches nothing.
 */
export function versionedCache<T>(load: (db: Executor, tenantId: string) => Promise<T>) {
  const byDatabase = new WeakMap<Executor, Map<string, { version: number; value: Promise<T> }>>();
  return async function cached(db: Executor, tenantId: string, knownVersion?: number): Promise<T> {
    if (isTransaction(db)) return load(db, tenantId);
    let entries = byDatabase.get(db);
    if (!entries) byDatabase.set(db, (entries = new Map()));
    const version = knownVersion ?? (await readSettingsVersion(db, tenantId));
    const entry = entries.get(tenantId);
    if (entry && entry.version >= version) return entry.value;
    // Concurrent requests after a change share one load instead of each reading the database.
    const value = load(db, tenantId);
    entries.delete(tenantId);
    entries.set(tenantId, { version, value });
    if (entries.size > maxCompanies) entries.delete(entries.keys().next().value!);
    value.catch(() => {
      if (entries.get(tenantId)?.value === value) entries.delete(tenantId);
    });
    return value;
  };
}
