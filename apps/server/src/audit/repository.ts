import { auditLogs, likeContaining, type Executor } from '@manyi/db';
import { and, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuery } from '@manyi/contracts/audit';

export type AuditFilter = Omit<z.infer<typeof auditQuery>, 'cursor' | 'limit'>;

/** The company's audit rows matching the filter, newest first, after the (at, id) cursor; one row more than `limit` tells a next page. */
export async function searchAuditRows(db: Executor, tenantId: string, filter: AuditFilter, after: (string | number)[] | null, limit: number) {
  const q = likeContaining(filter.q);
  const conditions: (SQL | undefined)[] = [
    eq(auditLogs.tenantId, tenantId),
    filter.entityType ? eq(auditLogs.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLogs.entityId, filter.entityId) : undefined,
    filter.action ? eq(auditLogs.action, filter.action) : undefined,
    filter.actorId ? eq(auditLogs.actorId, filter.actorId) : undefined,
    filter.from ? gte(auditLogs.at, new Date(filter.from)) : undefined,
    filter.to ? lte(auditLogs.at, new Date(filter.to)) : undefined,
    q ? ilike(auditLogs.summary, q) : undefined,
    after ? sql`(${auditLogs.at}, ${auditLogs.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
  ];
  return db
    .select()
    .from(auditLogs)
    .where(and(...conditions))
    .orderBy(desc(auditLogs.at), desc(auditLogs.id))
    .limit(limit + 1);
}
