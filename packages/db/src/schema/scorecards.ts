/**
 * Scorecards (积分, issue 18 §4): the points every person earns from records (core scorecards/points.ts holds the
 * rule). score_months is a rollup kept by a background pass (apps/server/src/scorecards/rollup.ts), like the
 * analytics rollups: event counts per Shanghai month × person × project × kind, recounted from the records, so a
 * company's weights apply to them when read. score_objections: a person's objection to one point, once per point.
 */
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { createdAt, tenantId, updatedAt } from './columns';

export const scoreMonths = pgTable(
  'score_months',
  {
    tenantId: tenantId(),
    month: date('month').notNull(),
    staffId: uuid('staff_id').notNull(),
    projectId: uuid('project_id').notNull(),
    /** A core ScoreKind. */
    kind: text('kind').notNull(),
    events: integer('events').notNull(),
    /** Σ amount (the rewarded points of 感动点, the deducted points of inspection items; else = events). */
    amount: integer('amount').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.month, t.staffId, t.projectId, t.kind] }),
    index('score_months_staff_idx').on(t.tenantId, t.staffId, t.month),
    index('score_months_project_idx').on(t.tenantId, t.projectId, t.month),
  ],
);

export const scoreObjections = pgTable(
  'score_objections',
  {
    id: uuid('id')
      .notNull()
      .$defaultFn(() => uuidv7()),
    tenantId: tenantId(),
    staffId: uuid('staff_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    /** The record behind the point: a ticket, finding, review, moment, learning record or inspection item id. */
    recordId: uuid('record_id').notNull(),
    /** When the point was earned (its month on the scorecard). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    /** open, upheld (the point no longer counts), dismissed */
    status: text('status').notNull().default('open'),
    resolvedById: uuid('resolved_by_id'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Once per point: a second objection to the same point is refused (409).
    uniqueIndex('score_objections_point_uq').on(t.tenantId, t.staffId, t.kind, t.recordId),
    index('score_objections_project_status_idx').on(t.tenantId, t.projectId, t.status, t.createdAt),
  ],
);
