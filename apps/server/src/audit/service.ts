import type { z } from 'zod';
import type { auditQuery } from '@manyi/contracts/audit';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { requirePermission } from '../policy/policy';
import { searchAuditRows } from './repository';

export async function searchAuditLogs(context: Context, query: z.infer<typeof auditQuery>) {
  requirePermission(context.principal, 'audit.read');
  const { cursor, limit, ...filter } = query;
  const rows = await searchAuditRows(context.db, context.principal.tenantId, filter, decodeCursor(cursor, 2), limit);
  return toPage(rows, limit, (row) => [row.at.toISOString(), row.id]);
}
