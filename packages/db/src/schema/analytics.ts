/**
 * Analytics (issue 16): rollups the role homes, drill-downs and rankings read instead of the
 * tickets themselves, kept by a background pass (apps/server/src/analytics/rollup.ts), plus the
 * few inputs analytics owns (project targets, fee collection).
 *
 * Buildings: a ticket belongs to the building of its household; tickets without one sit under the
 * nil UUID so a project's figure is always the sum of its building rows.
 */
import { date, index, integer, numeric, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from './columns';

/**
 * Ticket figures per Shanghai month × project × building. Counted by the month a ticket was
 * reported (received, complaints, repeat complaints, 12345 referrals), resolved (SLA outcomes) or
 * visited (return-visit ratings).
 */
export const analyticsTicketMonths = pgTable(
  'analytics_ticket_months',
  {
    tenantId: tenantId(),
    month: date('month').notNull(),
    projectId: uuid('project_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    received: integer('received').notNull().default(0),
    complaints: integer('complaints').notNull().default(0),
    repeatComplaints: integer('repeat_complaints').notNull().default(0),
    referrals: integer('referrals').notNull().default(0),
    slaJudged: integer('sla_judged').notNull().default(0),
    slaMet: integer('sla_met').notNull().default(0),
    visitsRated: integer('visits_rated').notNull().default(0),
    visitsSatisfied: integer('visits_satisfied').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.month, t.projectId, t.buildingId] }),
    index('analytics_ticket_months_project_idx').on(t.tenantId, t.projectId, t.month),
  ],
);

/** The state now per project × building (households, open, overdue, at-risk tickets), as of the last pass. */
export const analyticsPlaceNow = pgTable(
  'analytics_place_now',
  {
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    households: integer('households').notNull().default(0),
    open: integer('open').notNull().default(0),
    overdue: integer('overdue').notNull().default(0),
    dueToday: integer('due_today').notNull().default(0),
    openComplaints: integer('open_complaints').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.projectId, t.buildingId] })],
);

/** A project's targets (issue 16 §1, "against its targets"): rates 0–1, NPS in points; null = no target. Also its contract value. */
export const projectTargets = pgTable(
  'project_targets',
  {
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    satisfactionRate: numeric('satisfaction_rate', { precision: 5, scale: 4, mode: 'number' }),
    nps: numeric('nps', { precision: 6, scale: 2, mode: 'number' }),
    slaCompliance: numeric('sla_compliance', { precision: 5, scale: 4, mode: 'number' }),
    feeCollectionRate: numeric('fee_collection_rate', { precision: 5, scale: 4, mode: 'number' }),
    /** The property-service contract's yearly value in yuan: a project's weight in the company's GB/T 45698 score. */
    contractValue: numeric('contract_value', { precision: 16, scale: 2, mode: 'number' }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.projectId] })],
);

/** 收缴率 inputs per project and month (issue 16 §4): amounts in yuan. */
export const feeCollections = pgTable(
  'fee_collections',
  {
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    month: date('month').notNull(),
    receivable: numeric('receivable', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    received: numeric('received', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    householdsInArrears: integer('households_in_arrears').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.projectId, t.month] })],
);
