import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';

/**
 * Case library (案例金典, issue 18 §6): one case per closed complaint, drafted from its records
 * (@manyi/core draftCase), edited and published by a person. Content: core CaseContent.
 */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    categoryCode: text('category_code'),
    /** The owner's DISC style, and the red lines the case shows (from the text QA of its staff texts, or set by the editor). */
    discStyle: text('disc_style'),
    redLines: text('red_lines').array().notNull().default([]),
    outcome: text('outcome').notNull(),
    content: jsonb('content').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Flagged for the project's weekly meeting (周例会, issue 18 §7): when, by whom; null when not flagged. */
    meetingFlaggedAt: timestamp('meeting_flagged_at', { withTimezone: true }),
    meetingFlaggedById: uuid('meeting_flagged_by_id'),
    publishedById: uuid('published_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('cases_ticket_uq').on(t.tenantId, t.ticketId),
    index('cases_tenant_status_idx').on(t.tenantId, t.status, t.createdAt),
  ],
);
