/**
 * Measurement (issue 4; DESIGN §3–4): indicator systems, versioned questionnaires, campaigns with
 * their invitations, and the owners' responses. Definitions are stored as jsonb in the shapes of
 * @manyi/core/surveys (SurveyDefinition) and metrics (IndicatorNode trees), each version immutable
 * once something refers to it, so old results keep their old weights and questions.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tenantId, updatedAt } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** An indicator system (指标体系) of one post or of the whole company (post null); its tree lives in versions. */
export const indicatorSystems = pgTable(
  'indicator_systems',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    post: text('post'),
    templateCode: text('template_code'),
    currentVersion: integer('current_version').notNull().default(1),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('indicator_systems_tenant_idx').on(t.tenantId, t.post)],
);

/** One immutable tree of an indicator system: dimension → indicator → sub-indicator with weights summing to 100 per level. */
export const indicatorSystemVersions = pgTable(
  'indicator_system_versions',
  {
    tenantId: tenantId(),
    systemId: uuid('system_id').notNull(),
    version: integer('version').notNull(),
    /** IndicatorTreeNode[] (code, name zh/en, weight, post, children). */
    tree: jsonb('tree').notNull(),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.systemId, t.version] })],
);

export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** draft (editable) → published (versions frozen, campaigns may use it) → archived. */
    status: text('status').notNull().default('draft'),
    /** The latest version; a draft edits it in place until a campaign pins it, then edits start a new one. */
    currentVersion: integer('current_version').notNull().default(1),
    indicatorSystemId: uuid('indicator_system_id'),
    templateCode: text('template_code'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('surveys_tenant_idx').on(t.tenantId, t.status)],
);

export const surveyVersions = pgTable(
  'survey_versions',
  {
    tenantId: tenantId(),
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    /** SurveyDefinition (@manyi/core). */
    definition: jsonb('definition').notNull(),
    /** The indicator system version the questions' indicatorCode refer to, frozen with the questions. */
    indicatorSystemVersion: integer('indicator_system_version'),
    /** Set when a campaign first uses this version; from then on it never changes. */
    frozenAt: at('frozen_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.surveyId, t.version] })],
);

/**
 * One wave of a survey to a population (issue 4 §3). population: project/building/household
 * filters; sampling: census or a plan (margin, confidence, stratification, seed) with the computed
 * sizes; previousCampaignId links waves for comparison and detractor conversion.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    tenantId: tenantId(),
    surveyId: uuid('survey_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    name: text('name').notNull(),
    /** draft → open → closed. */
    status: text('status').notNull().default('draft'),
    opensAt: at('opens_at'),
    closesAt: at('closes_at'),
    population: jsonb('population').notNull(),
    sampling: jsonb('sampling').notNull(),
    /** No household is invited more often than every N days across campaigns. */
    contactIntervalDays: integer('contact_interval_days').notNull().default(90),
    quotas: jsonb('quotas'),
    reminders: jsonb('reminders'),
    previousCampaignId: uuid('previous_campaign_id'),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('campaigns_tenant_status_idx').on(t.tenantId, t.status, t.closesAt)],
);

/** One household invited to one campaign; the token itself is never stored, only its SHA-256. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id').notNull(),
    projectId: uuid('project_id').notNull(),
    buildingId: uuid('building_id'),
    householdId: uuid('household_id').notNull(),
    tokenDigest: text('token_digest').notNull(),
    /** invited → opened → partial → completed; expired when the campaign closes unanswered. */
    status: text('status').notNull().default('invited'),
    invitedAt: at('invited_at').notNull(),
    openedAt: at('opened_at'),
    remindedAt: at('reminded_at'),
    reminderCount: integer('reminder_count').notNull().default(0),
    completedAt: at('completed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('survey_invitations_token_uq').on(t.tokenDigest, t.tenantId),
    uniqueIndex('survey_invitations_campaign_household_uq').on(t.tenantId, t.campaignId, t.householdId),
    index('survey_invitations_tenant_household_idx').on(t.tenantId, t.householdId, t.invitedAt),
    // No index names status (or the other columns an answer updates): opening and completing an
    // invitation are then HOT updates, which touch no index (the table keeps fillfactor 80 free for
    // them, migration 0011); campaign-wide reads filter status on the campaign_household index.
  ],
);

/** A printable QR poster per building: owners who scan it sign in by phone and answer for their household. */
export const surveyPosters = pgTable(
  'survey_posters',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    tokenDigest: text('token_digest').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('survey_posters_token_uq').on(t.tokenDigest, t.tenantId),
    uniqueIndex('survey_posters_campaign_building_uq').on(t.tenantId, t.campaignId, t.buildingId),
  ],
);

/**
 * One household's answers to one campaign (exactly one per household, issue 4 §3); partial until
 * submitted complete. source: h5 (owner), paper (entered by staff, enteredById set), import (file).
 * Imported rows may have no household. answers: Answers (@manyi/core) checked against the pinned version.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    invitationId: uuid('invitation_id'),
    projectId: uuid('project_id'),
    buildingId: uuid('building_id'),
    householdId: uuid('household_id'),
    source: text('source').notNull(),
    status: text('status').notNull(),
    answers: jsonb('answers').notNull(),
    enteredById: uuid('entered_by_id'),
    importId: uuid('import_id'),
    startedAt: at('started_at').notNull(),
    submittedAt: at('submitted_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('survey_responses_campaign_household_uq')
      .on(t.tenantId, t.campaignId, t.householdId)
      .where(sql`${t.householdId} is not null`),
    index('survey_responses_tenant_campaign_idx').on(t.tenantId, t.campaignId, t.status, t.projectId, t.buildingId),
  ],
);

/**
 * Complete responses a background reader has yet to read, one row per reader (consumer): the
 * results aggregator ('results') and the closed-loop pass ('followups'). The row is written in the
 * same statement that completes the response and deleted by the reader in the transaction that
 * reads it, so each reader sees each response exactly once. A queue rather than a "read at" column
 * on the response: marking a wide jsonb row read rewrote it with every index, which halved the
 * ingestion rate (bench/RESULTS.md); a narrow row here costs one small insert and one delete.
 */
export const surveyResponseQueue = pgTable(
  'survey_response_queue',
  {
    consumer: text('consumer').notNull(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id').notNull(),
    responseId: uuid('response_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.consumer, t.campaignId, t.responseId] })],
);

/**
 * The closed loop of issue 4 §7: a detractor (NPS 0–6) or a 不满意/非常不满意 answer from a known
 * household becomes a recovery ticket in the service desk; this row links response and ticket
 * (one per response) and keeps why, so the next wave can report conversions.
 */
export const surveyFollowups = pgTable(
  'survey_followups',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id').notNull(),
    responseId: uuid('response_id').notNull(),
    householdId: uuid('household_id').notNull(),
    ticketId: uuid('ticket_id'),
    /** [{questionKey, item, value, reason: 'detractor' | 'dissatisfied'}]. */
    reasons: jsonb('reasons').notNull(),
    dueAt: at('due_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('survey_followups_response_uq').on(t.tenantId, t.responseId),
    index('survey_followups_tenant_campaign_idx').on(t.tenantId, t.campaignId),
    index('survey_followups_tenant_household_idx').on(t.tenantId, t.householdId),
  ],
);

/**
 * An upload of responses collected elsewhere (issue 4 §8, e.g. a 问卷星 export) into one campaign:
 * mapping (headers read, columns → questions proposed) → validating → validated (row errors kept,
 * valid rows counted) → committing → committed, or failed. The file stays in storage until commit.
 */
export const surveyImports = pgTable(
  'survey_imports',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    format: text('format').notNull(),
    status: text('status').notNull(),
    /** The header row as read. */
    headers: jsonb('headers').notNull(),
    /** ColumnMapping[]: proposed on upload, as confirmed by staff afterwards. */
    mapping: jsonb('mapping').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    failure: text('failure'),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
    committedAt: at('committed_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('survey_imports_tenant_campaign_idx').on(t.tenantId, t.campaignId, t.createdAt)],
);

/**
 * Results rollups (issue 4 §6, §10): the SurveyTally (@manyi/core) of the complete responses of one
 * campaign × project × building, so results for a million responses add a few hundred cells
 * instead of reading every response. A response without a project or building (an import that
 * matched no household) is kept under the nil UUID. Counts live in result_counts (summed in SQL);
 * the non-count moments (correlation and regression sums) in `moments` jsonb.
 */
const cellColumns = () => ({
  tenantId: tenantId(),
  campaignId: uuid('campaign_id').notNull(),
  projectId: uuid('project_id').notNull(),
  buildingId: uuid('building_id').notNull(),
});

export const surveyResultCells = pgTable(
  'survey_result_cells',
  {
    ...cellColumns(),
    responses: integer('responses').notNull().default(0),
    /** { overallPairs, drivers, driversExcluded } of SurveyTally. */
    moments: jsonb('moments').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.campaignId, t.projectId, t.buildingId] })],
);

/**
 * One count of a cell's tally: (question, item, value) → count. Reserved items: '#answered' (value
 * 0: responses that answered the question), '#kano' (value = kanoPairIndex), and value −1 for
 * 未体验 of an item; option values and row keys cannot contain '#'.
 */
export const surveyResultCounts = pgTable(
  'survey_result_counts',
  {
    ...cellColumns(),
    questionKey: text('question_key').notNull(),
    item: text('item').notNull(),
    value: integer('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.campaignId, t.projectId, t.buildingId, t.questionKey, t.item, t.value] })],
);

/** Cells to recount from their responses (an import replaced answers, or a response moved): the aggregator rebuilds them. */
export const surveyResultStaleCells = pgTable(
  'survey_result_stale_cells',
  {
    ...cellColumns(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.campaignId, t.projectId, t.buildingId] })],
);
