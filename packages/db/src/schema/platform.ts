import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns';

/** Who changed what: written in the same transaction as the change it describes. */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: id(),
    tenantId: tenantId(),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    summary: text('summary').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id').notNull().default(''),
    ip: text('ip').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_logs_tenant_at_idx').on(t.tenantId, t.at, t.id),
    index('audit_logs_tenant_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);

/**
 * A POST with an Idempotency-Key claims its row first (state 'pending'), then stores the response
 * ('done'); a retry replays the stored response instead of running the handler again.
 * scope is the caller: tenant + principal, or the public client for owner endpoints.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    tenantId: uuid('tenant_id'),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    contentType: text('content_type'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_keys_scope_key_uq').on(t.scope, t.key)],
);

/** Owner timeline: one row per thing that happened to a person; later capabilities add kinds. */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: id(),
    tenantId: tenantId(),
    personId: uuid('person_id'),
    householdId: uuid('household_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    detail: jsonb('detail'),
    actorName: text('actor_name').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('timeline_events_tenant_person_idx').on(t.tenantId, t.personId, t.occurredAt),
    index('timeline_events_tenant_household_idx').on(t.tenantId, t.householdId, t.occurredAt),
  ],
);

/** Household import: validated in the background with progress, then committed all or nothing. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    format: text('format').notNull(),
    status: text('status').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    failure: text('failure'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('import_jobs_tenant_created_idx').on(t.tenantId, t.createdAt)],
);
