import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { createdAt, tenantId, updatedAt } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The notices centre (提前告知, issue 19 §4, seed 001: tell owners before they notice): planned works, fee
 * notices, seasonal reminders (高考 quiet hours, 暴雨, 供暖) and general notices, sent to a project's chosen
 * buildings or households. Incident notices (停水, 停电: incidents + notice_receipts) are the other kind and are
 * listed beside these, read through the same owner list. A published notice never changes its text.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id')
      .notNull()
      .$defaultFn(() => uuidv7()),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    /** works | fee | seasonal | general (@manyi/contracts/notices noticeKinds). */
    kind: text('kind').notNull(),
    /** The template it started from (gaokao, rainstorm, heating, …), if any. */
    templateKey: text('template_key'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** buildings | households: who receives it; the ids of the chosen ones. */
    audience: text('audience').notNull(),
    buildingIds: uuid('building_ids').array().notNull().default([]),
    householdIds: uuid('household_ids').array().notNull().default([]),
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    /** draft | published */
    status: text('status').notNull(),
    /** Unread receipts get one reminder this many hours after publication (the reminder pass). */
    remindAfterHours: integer('remind_after_hours').notNull().default(24),
    createdById: uuid('created_by_id').notNull(),
    publishedById: uuid('published_by_id'),
    publishedAt: at('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('notices_tenant_project_idx').on(t.tenantId, t.projectId, t.createdAt)],
);

/**
 * One row per person a notice was delivered to (the household's people at publication): the read receipt
 * (read_at, the first opening) and the reminder (reminded_at, once, by the reminder pass or a manager's button).
 */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    tenantId: tenantId(),
    noticeId: uuid('notice_id').notNull(),
    projectId: uuid('project_id').notNull(),
    personId: uuid('person_id').notNull(),
    householdId: uuid('household_id').notNull(),
    deliveredAt: at('delivered_at').notNull(),
    readAt: at('read_at'),
    remindedAt: at('reminded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.noticeId, t.personId] }),
    index('notice_deliveries_person_idx').on(t.tenantId, t.personId, t.deliveredAt),
    index('notice_deliveries_unread_idx')
      .on(t.tenantId, t.deliveredAt)
      .where(sql`read_at is null and reminded_at is null`),
  ],
);
