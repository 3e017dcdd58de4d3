/**
 * SMART targets (issue 18 §3): metric, scope, period and value, decomposed down the tree (parent_id);
 * `basis` says how a target's children combine (core checkDecomposition: weighted mean by household
 * counts, sample sizes or explicit weights) and each child's `weight` is its share of that basis.
 * Rates and indices are in percent (0–100), NPS in points, complaints per 1,000 households.
 * The public commitment (当众承诺): who, when and what they said.
 */
import { date, index, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { createdAt, tenantId } from './columns';

export const targets = pgTable(
  'targets',
  {
    id: uuid('id')
      .notNull()
      .$defaultFn(() => uuidv7()),
    tenantId: tenantId(),
    parentId: uuid('parent_id'),
    metric: text('metric').notNull(),
    /** company | region | project | team (project × post) | person. */
    scopeKind: text('scope_kind').notNull(),
    regionId: uuid('region_id'),
    projectId: uuid('project_id'),
    post: text('post'),
    staffId: uuid('staff_id'),
    periodStart: date('period_start', { mode: 'date' }).notNull(),
    periodEnd: date('period_end', { mode: 'date' }).notNull(),
    value: numeric('value', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    baseline: numeric('baseline', { precision: 8, scale: 2, mode: 'number' }),
    basis: text('basis'),
    weight: numeric('weight', { precision: 12, scale: 2, mode: 'number' }),
    commitment: text('commitment').notNull().default(''),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    committedById: uuid('committed_by_id'),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('targets_tenant_metric_idx').on(t.tenantId, t.metric, t.scopeKind, t.periodStart),
    index('targets_tenant_parent_idx').on(t.tenantId, t.parentId),
  ],
);
