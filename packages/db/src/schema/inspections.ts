/**
 * Quality inspections (品质巡检, issue 18 §1): rounds per project and post, their checklist items
 * (built from the indicator system, core checklistForPost) and the rectifications a failed item opens.
 *
 * For readers of inspection figures (e.g. the staff scorecards): one row of `inspection_items` with
 * `result = 'deduct'` in a round whose `status = 'submitted'` is one deduction of `deduction` points
 * (扣分) against `responsible_staff_id` (may be null: the post's team as a whole), and `bonus` > 0 is a
 * 加分; the round's `submitted_at` dates it, its `project_id` and `post` place it (a team is project × post).
 * The round's `score` (0–100, core inspectionScore) is set when it is submitted.
 */
import { doublePrecision, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from './columns';
import { uuidv7 } from 'uuidv7';

const at = (name: string) => timestamp(name, { withTimezone: true });
const rowId = () =>
  uuid('id')
    .notNull()
    .$defaultFn(() => uuidv7());

export const inspectionRounds = pgTable(
  'inspection_rounds',
  {
    id: rowId(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    post: text('post').notNull(),
    /** scheduled (planned ahead, 季度检查) | ad_hoc (随机抽查) | re_inspection (复查 of a rectification). */
    kind: text('kind').notNull(),
    /** planned → in_progress → submitted. */
    status: text('status').notNull(),
    scheduledFor: at('scheduled_for'),
    inspectorId: uuid('inspector_id').notNull(),
    indicatorSystemId: uuid('indicator_system_id'),
    indicatorVersion: integer('indicator_version'),
    location: text('location').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    score: numeric('score', { precision: 5, scale: 1, mode: 'number' }),
    startedAt: at('started_at'),
    submittedAt: at('submitted_at'),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('inspection_rounds_tenant_project_idx').on(t.tenantId, t.projectId, t.submittedAt),
    index('inspection_rounds_tenant_inspector_idx').on(t.tenantId, t.inspectorId, t.status),
  ],
);

export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: rowId(),
    tenantId: tenantId(),
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    position: integer('position').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    dimensionCode: text('dimension_code').notNull(),
    /** The item's and its dimension's names as the checklist had them ({ 'zh-CN', 'en-US' }). */
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    dimensionZh: text('dimension_zh').notNull(),
    dimensionEn: text('dimension_en').notNull().default(''),
    points: numeric('points', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    /** null until checked; pass | deduct. */
    result: text('result'),
    deduction: numeric('deduction', { precision: 5, scale: 1, mode: 'number' }).notNull().default(0),
    bonus: numeric('bonus', { precision: 5, scale: 1, mode: 'number' }).notNull().default(0),
    note: text('note').notNull().default(''),
    responsibleStaffId: uuid('responsible_staff_id'),
    /** Photo evidence: storage keys of the inspector's photos. */
    photoKeys: text('photo_keys').array().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('inspection_items_round_indicator_uq').on(t.tenantId, t.roundId, t.indicatorCode)],
);

export const rectifications = pgTable(
  'rectifications',
  {
    id: rowId(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    post: text('post').notNull(),
    roundId: uuid('round_id').notNull(),
    itemId: uuid('item_id').notNull(),
    /** open (整改中) → fixed (整改完成, awaiting 复查) → closed (复查通过) | open again when 复查 fails. */
    status: text('status').notNull(),
    dueAt: at('due_at').notNull(),
    fixNote: text('fix_note').notNull().default(''),
    fixPhotoKeys: text('fix_photo_keys').array().notNull().default([]),
    fixedAt: at('fixed_at'),
    fixedById: uuid('fixed_by_id'),
    reInspectionCount: integer('re_inspection_count').notNull().default(0),
    reInspectedAt: at('re_inspected_at'),
    reInspectedById: uuid('re_inspected_by_id'),
    reInspectionNote: text('re_inspection_note').notNull().default(''),
    closedAt: at('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('rectifications_item_uq').on(t.tenantId, t.itemId),
    index('rectifications_tenant_project_idx').on(t.tenantId, t.projectId, t.status, t.dueAt),
  ],
);
