import { boolean, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns';

/**
 * Communication quality (issue 17). Every staff-authored text an owner sees is checked by @manyi/text when it is
 * saved: one row here with its automatic score (red lines auto-fail), one finding per red line crossed. The
 * scores stay, so the management scorecards can read them per staff member, team and project.
 */
export const qaTexts = pgTable(
  'qa_texts',
  {
    id: id(),
    tenantId: tenantId(),
    /** ticket_update, visit_remark, notice, canned_reply, script, homework. */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    ticketId: uuid('ticket_id'),
    projectId: uuid('project_id'),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    score: smallint('score').notNull(),
    warmth: smallint('warmth').notNull(),
    autoFailed: boolean('auto_failed').notNull(),
    redLines: text('red_lines').array().notNull(),
    /** Drawn into the manual review queue (a sample, seeded by the text id). */
    sampled: boolean('sampled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('qa_texts_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('qa_texts_author_idx').on(t.tenantId, t.authorId),
    index('qa_texts_source_idx').on(t.tenantId, t.sourceType, t.sourceId),
  ],
);

/** A red line found in a saved text; reviewed by the quality department. Rejected ones are kept as counter-examples. */
export const qaFindings = pgTable(
  'qa_findings',
  {
    id: id(),
    tenantId: tenantId(),
    textId: uuid('text_id').notNull(),
    ruleId: text('rule_id').notNull(),
    redLine: text('red_line').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    excerpt: text('excerpt').notNull(),
    /** { 'zh-CN', 'en-US' } */
    why: jsonb('why').notNull(),
    severity: text('severity').notNull(),
    autoFail: boolean('auto_fail').notNull(),
    rewrite: text('rewrite'),
    /** open, accepted, rejected */
    status: text('status').notNull().default('open'),
    reviewedById: uuid('reviewed_by_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('qa_findings_tenant_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('qa_findings_text_idx').on(t.tenantId, t.textId),
  ],
);

/** A reviewer's rubric scores (0–5 each: greeting, listening, empathy, solution, commitment, closing) for one text. */
export const qaReviews = pgTable(
  'qa_reviews',
  {
    id: id(),
    tenantId: tenantId(),
    textId: uuid('text_id').notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    rubric: jsonb('rubric').notNull(),
    /** Out of 100; 0 when the text crossed an auto-fail red line. */
    total: smallint('total').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('qa_reviews_text_reviewer_uq').on(t.tenantId, t.textId, t.reviewerId)],
);

/**
 * Owner voice: an owner's own words (open survey answers, return-visit comments, ticket descriptions) analysed
 * into sentiment and topics once, by the background pass, with what the 贬损点 page filters on.
 */
export const ownerVoiceTexts = pgTable(
  'owner_voice_texts',
  {
    id: id(),
    tenantId: tenantId(),
    /** survey_answer, visit_comment, ticket_description */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    projectId: uuid('project_id'),
    buildingId: uuid('building_id'),
    campaignId: uuid('campaign_id'),
    post: text('post'),
    /** promoter, passive, detractor; null when the owner gave no 0–10 score. */
    npsGroup: text('nps_group'),
    body: text('body').notNull(),
    polarity: text('polarity').notNull(),
    sentiment: real('sentiment').notNull(),
    topics: text('topics').array().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('owner_voice_source_uq').on(t.tenantId, t.sourceType, t.sourceId),
    index('owner_voice_tenant_time_idx').on(t.tenantId, t.occurredAt),
  ],
);
