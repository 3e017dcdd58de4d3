/**
 * Action plans and meetings (issue 18 §5, §7; seed 001 第四讲 "团队共创：写出关键行动，用ORID总结 / 行动计划：
 * 行动策略自发认领 / 城镇会议"; seed 002 "结合每周例会上，由各位提出问题，… 给出采取的措施").
 *
 * An action belongs to a project and, optionally, a team (post); it answers a gap (`gap_key`, the gap
 * workspace's `${projectId}:${period}:${gapNumber}`, text because that module keys its gaps itself) or a
 * target (`target_id`). `status` is what people did (open → claimed → done); overdue is read from the due
 * date, never stored. `metric_before` / `metric_after` are the linked target's live value when the action
 * was set and when it was done: the action's effect on the metric.
 */
import { date, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { createdAt, tenantId, updatedAt } from './columns';

const key = () =>
  uuid('id')
    .notNull()
    .$defaultFn(() => uuidv7());

export const actionPlans = pgTable(
  'action_plans',
  {
    id: key(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    post: text('post'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    gapKey: text('gap_key'),
    targetId: uuid('target_id'),
    /** open | claimed | done. */
    status: text('status').notNull(),
    ownerId: uuid('owner_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    evidence: text('evidence').notNull().default(''),
    photoKeys: text('photo_keys').array().notNull().default([]),
    metricBefore: numeric('metric_before', { precision: 8, scale: 2, mode: 'number' }),
    metricAfter: numeric('metric_after', { precision: 8, scale: 2, mode: 'number' }),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('action_plans_tenant_project_idx').on(t.tenantId, t.projectId, t.dueOn),
    index('action_plans_tenant_target_idx').on(t.tenantId, t.targetId),
  ],
);

/**
 * A meeting of a project: a town hall (城镇会议, teams present their plans) or a weekly meeting (周例会).
 * `orid`: the ORID review (core OridNotes); `wrap_up`: the 5-3-1 summary (core WrapUp), both empty until written.
 */
export const planMeetings = pgTable(
  'plan_meetings',
  {
    id: key(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    orid: jsonb('orid').notNull(),
    wrapUp: jsonb('wrap_up').notNull(),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('plan_meetings_tenant_project_idx').on(t.tenantId, t.projectId, t.heldOn)],
);

/** Questions staff bring to the weekly meeting, and the measure and reason the manager gives (seed 002). */
export const meetingQuestions = pgTable(
  'meeting_questions',
  {
    id: key(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    askedById: uuid('asked_by_id').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredById: uuid('answered_by_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('meeting_questions_tenant_project_idx').on(t.tenantId, t.projectId, t.createdAt)],
);
