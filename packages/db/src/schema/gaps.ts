/**
 * The 5-GAP workspace (issue 18 §2, seed 001 第四讲 服务质量5大差距分析): what managers wrote beside the gaps
 * measured from the records (@manyi/core management/gaps.ts). A gap is named by its key
 * `${projectId}:${period}:${gap}` (core gapKey), period a quarter '2026-Q4', gap 1–5; action plans link to it.
 *
 * - gap_swot_notes: one SWOT analysis per gap (the seed's 理性分析 with the SWOT tool), rewritten in place;
 *   every save also writes an audit row with its before and after.
 * - gap_expectation_answers: gap 1's questionnaire, one row per manager, project and quarter: what the manager
 *   thinks owners expect per SERVQUAL dimension, on 1–7 ({ tangibles: 6, … }).
 */
import { jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { createdAt, tenantId } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true });
const rowId = () =>
  uuid('id')
    .notNull()
    .$defaultFn(() => uuidv7());

export const gapSwotNotes = pgTable(
  'gap_swot_notes',
  {
    id: rowId(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    period: text('period').notNull(),
    gap: smallint('gap').notNull(),
    strengths: text('strengths').notNull().default(''),
    weaknesses: text('weaknesses').notNull().default(''),
    opportunities: text('opportunities').notNull().default(''),
    threats: text('threats').notNull().default(''),
    createdById: uuid('created_by_id').notNull(),
    createdAt: createdAt(),
    updatedById: uuid('updated_by_id').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('gap_swot_notes_gap_uq').on(t.tenantId, t.projectId, t.period, t.gap)],
);

export const gapExpectationAnswers = pgTable(
  'gap_expectation_answers',
  {
    id: rowId(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    period: text('period').notNull(),
    staffId: uuid('staff_id').notNull(),
    /** { dimensionCode: predicted mean expectation 1–7 }. */
    answers: jsonb('answers').notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('gap_expectation_answers_staff_uq').on(t.tenantId, t.projectId, t.period, t.staffId)],
);
