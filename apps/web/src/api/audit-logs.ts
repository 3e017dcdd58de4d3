import { useCursorList } from './cursor-list';
import type { AuditLog } from './types';

export type AuditLogFilters = { entityType?: string; action?: string; actorId?: string; from?: string; to?: string; q?: string };

export function useAuditLogs(filters: AuditLogFilters) {
  return useCursorList<AuditLog>('audit-logs', filters);
}
