import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, tenantId, updatedAt } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Company-wide settings that are numbers a company tunes rather than records it manages, e.g. the
 * K households and T hours of group-complaint detection. One row per company; absent keys mean defaults.
 */
export const tenantSettings = pgTable('tenant_settings', {
  tenantId: tenantId().primaryKey(),
  data: jsonb('data').notNull().default({}),
  updatedAt: updatedAt(),
});

/**
 * One row per person a notice (提前告知, seed 001) was sent to: delivered when the incident is
 * published, read when the owner opens it. notified = rows, read-rate = rows with read_at ÷ rows.
 */
export const noticeReceipts = pgTable(
  'notice_receipts',
  {
    tenantId: tenantId(),
    incidentId: uuid('incident_id').notNull(),
    projectId: uuid('project_id').notNull(),
    personId: uuid('person_id').notNull(),
    householdId: uuid('household_id').notNull(),
    deliveredAt: at('delivered_at').notNull(),
    readAt: at('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.incidentId, t.personId] }),
    index('notice_receipts_tenant_person_idx').on(t.tenantId, t.personId, t.deliveredAt),
  ],
);

/**
 * The history of an incident: proposed by detection (the project manager's alert), tickets
 * linked, confirmed, dismissed, notice published, edited, closed.
 */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: id(),
    tenantId: tenantId(),
    incidentId: uuid('incident_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Who the event is for: 'manager' on a proposal, so the console can list it as an alert. */
    recipientRole: text('recipient_role'),
    data: jsonb('data'),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('incident_events_tenant_incident_idx').on(t.tenantId, t.incidentId, t.at)],
);
