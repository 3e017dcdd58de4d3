import type { auditQuery } from '@manyi/contracts/audit';
import type { Filters } from '@manyi/contracts/wire';
import { useCursorList } from './cursor-list';
import type { AuditLog } from './types';

export type AuditLogFilters = Filters<typeof auditQuery>;

export function useAuditLogs(filters: AuditLogFilters) {
  return useCursorList<AuditLog>('audit-logs', filters);
}
