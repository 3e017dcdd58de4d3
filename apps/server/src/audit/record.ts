import { auditLogs, type Executor } from '@manyi/db';
import type { Context } from '../http/context';
import type { Principal } from '../policy/principal';

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'export' | 'password_change' | 'password_reset' | 'invite';

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** Fields never copied into the audit trail. */
const secretFields = new Set(['passwordHash', 'tokenHash', 'codeHash']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(Object.entries(value).filter(([key]) => !secretFields.has(key)).map(([key, item]) => [key, redact(item)]));
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the trail and
 * the change commit or roll back together.
 */
export async function recordAudit(db: Executor, context: Context<Principal>, entry: AuditEntry): Promise<void> {
  const principal = context.principal;
  await db.insert(auditLogs).values({
    tenantId: principal.tenantId,
    actorKind: principal.kind,
    actorId: principal.kind === 'staff' ? principal.staffId : principal.personId,
    actorName: principal.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: context.requestId,
    ip: context.ip,
    at: context.clock.now(),
  });
}
