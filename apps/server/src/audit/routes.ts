import { auditLogs, likeContaining } from '@manyi/db';
import { and, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { auditEntry, auditQuery } from '@manyi/contracts/audit';
import { pageOf } from '@manyi/contracts/pagination';
import { decodeCursor, toPage } from '../http/pagination';
import { requirePermission } from '../policy/policy';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit-logs', {
    schema: { tags: ['audit'], summary: 'Search the audit log (newest first)', querystring: auditQuery, response: { 200: pageOf(auditEntry) } },
  }, async (request) => {
    const context = staffContext(request);
    requirePermission(context.principal, 'audit.read');
    const query = request.query;
    const after = decodeCursor(query.cursor, 2);
    const q = likeContaining(query.q);
    const conditions: (SQL | undefined)[] = [
      eq(auditLogs.tenantId, context.principal.tenantId),
      query.entityType ? eq(auditLogs.entityType, query.entityType) : undefined,
      query.entityId ? eq(auditLogs.entityId, query.entityId) : undefined,
      query.action ? eq(auditLogs.action, query.action) : undefined,
      query.actorId ? eq(auditLogs.actorId, query.actorId) : undefined,
      query.from ? gte(auditLogs.at, new Date(query.from)) : undefined,
      query.to ? lte(auditLogs.at, new Date(query.to)) : undefined,
      q ? ilike(auditLogs.summary, q) : undefined,
      after ? sql`(${auditLogs.at}, ${auditLogs.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
    ];
    const rows = await context.db.select().from(auditLogs).where(and(...conditions))
      .orderBy(desc(auditLogs.at), desc(auditLogs.id)).limit(query.limit + 1);
    return toPage(rows, query.limit, (row) => [row.at.toISOString(), row.id]);
  });
};
