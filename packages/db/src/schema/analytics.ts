/**
 * Analytics (issue 16): rollups the role homes, drill-downs and rankings read instead of the
 * tickets themselves, kept by a background pass (apps/server/src/analytics/rollup.ts), plus the
 * few inputs analytics owns (project targets, fee collection).
 *
 * Buildings: a ticket belongs to the building of its household; tickets without one sit under the
 * nil UUID so a project's figure is always the sum of its building rows.
 */
import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
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

/**
 * Households in arrears (issue 16 §4): what each owes as of the last import, how many months and
 * why, as the collection staff record it (reason: construction 施工遗留问题, service 服务不满,
 * hardship 经济困难, other, unknown). Set against the household's open complaints and ratings to show
 * which unresolved problems go with unpaid fees (seed 002: 施工遗留问题占拖欠费的比率). An import
 * replaces the project's rows: a household no longer listed has paid.
 */
export const householdArrears = pgTable(
  'household_arrears',
  {
    tenantId: tenantId(),
    householdId: uuid('household_id').notNull(),
    projectId: uuid('project_id').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    months: integer('months').notNull().default(0),
    reason: text('reason').notNull().default('unknown'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.householdId] }), index('household_arrears_project_idx').on(t.tenantId, t.projectId)],
);

/**
 * Generated reports (issue 16 §6): the weekly report of a project (周例会, period = the Monday of
 * its week) and the monthly report of the company (period = the month's first day), made by the
 * background worker on a schedule or when someone asks, with progress, their files in storage.
 * One row per report and period (project: the nil UUID for the company's): the schedule inserts
 * and skips what exists, so every period is generated once however many instances run.
 */
export const analyticsReports = pgTable(
  'analytics_reports',
  {
    id: uuid('id')
      .notNull()
      .$defaultFn(() => uuidv7()),
    tenantId: tenantId(),
    /** 'weekly' | 'monthly' */
    kind: text('kind').notNull(),
    /** The project of a weekly report; the nil UUID for the company's monthly report. */
    projectId: uuid('project_id').notNull(),
    period: date('period').notNull(),
    /** 'queued' | 'running' | 'done' | 'failed' */
    status: text('status').notNull().default('queued'),
    /** 0–100, with the step under way (figures, tables, PDF, xlsx). */
    progress: integer('progress').notNull().default(0),
    step: text('step').notNull().default(''),
    title: text('title').notNull().default(''),
    /** The period had no tickets and no survey answers: the report says so instead of printing zeros. */
    empty: boolean('empty').notNull().default(false),
    pdfBytes: integer('pdf_bytes'),
    xlsxBytes: integer('xlsx_bytes'),
    failure: text('failure'),
    /** Who asked (null: the schedule). */
    requestedBy: uuid('requested_by'),
    /** A claim is a lease: a worker that stopped leaves the row to be claimed again after it. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('analytics_reports_period_uq').on(t.tenantId, t.kind, t.projectId, t.period),
    index('analytics_reports_status_idx').on(t.tenantId, t.status, t.createdAt),
  ],
);
