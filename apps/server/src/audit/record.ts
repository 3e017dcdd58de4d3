import { auditLogs, type Executor } from '@manyi/db';
import type { Context } from '../http/context';
import type { Principal } from '../http/principal';

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
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !secretFields.has(key))
      .map(([key, item]) => [key, redact(item)]),
  );
}

/** Who made a change: a staff member, an owner, or the system (background passes). */
export type AuditActor = { kind: string; id: string | null; name: string };

type AuditRow = typeof auditLogs.$inferInsert;

/** The audit row of a change by `actor`, for a caller that writes it with other rows. */
export function auditRowBy(tenantId: string, actor: AuditActor, entry: AuditEntry, at: Date, request: { requestId: string; ip: string }): AuditRow {
  return {
    tenantId,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: request.requestId,
    ip: request.ip,
    at,
  };
}

/** The audit row of a change made in this request, for a caller that writes it with other rows in one statement. */
export function auditRow(context: Context<Principal>, entry: AuditEntry): AuditRow {
  const principal = context.principal;
  const actor = { kind: principal.kind, id: principal.kind === 'staff' ? principal.staffId : principal.personId, name: principal.name };
  return auditRowBy(principal.tenantId, actor, entry, context.clock.now(), { requestId: context.requestId, ip: context.ip });
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the trail and
 * the change commit or roll back together.
 */
export async function recordAudit(db: Executor, context: Context<Principal>, entry: AuditEntry): Promise<void> {
  await db.insert(auditLogs).values(auditRow(context, entry));
}

/** An audit row for a change the server made on its own (a background pass), by the actor 系统. */
export async function recordSystemAudit(db: Executor, tenantId: string, entry: AuditEntry, at: Date): Promise<void> {
  await db.insert(auditLogs).values(auditRowBy(tenantId, { kind: 'system', id: null, name: '系统' }, entry, at, { requestId: '', ip: '' }));
}
