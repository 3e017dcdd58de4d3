import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tenantId, updatedAt } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** The category tree a company uses; seeded from the default taxonomy in @manyi/core, then editable. */
export const ticketCategories = pgTable(
  'ticket_categories',
  {
    tenantId: tenantId(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    defaultPost: text('default_post'),
    safetyCritical: boolean('safety_critical').notNull().default(false),
    /** Work of this category is resolved only with a photo of the result (issue 15 §4), in the console and on the phone. */
    requiresPhoto: boolean('requires_photo').notNull().default(false),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

/**
 * One owner contact, from receipt to closure (DESIGN §3). firstReceiverId never changes
 * (首问负责, seed 003); accountableId is who answers for it now, changed only when a handover is accepted.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    number: text('number').notNull(),
    type: text('type').notNull(),
    channel: text('channel').notNull(),
    categoryCode: text('category_code'),
    priority: text('priority').notNull(),
    complaintScope: text('complaint_scope'),
    status: text('status').notNull(),
    statusBeforeHold: text('status_before_hold'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    householdId: uuid('household_id'),
    reporterPersonId: uuid('reporter_person_id'),
    reporterName: text('reporter_name').notNull().default(''),
    reporterPhone: text('reporter_phone'),
    location: text('location').notNull().default(''),
    firstReceiverId: uuid('first_receiver_id'),
    accountableId: uuid('accountable_id'),
    handoverToId: uuid('handover_to_id'),
    assigneeId: uuid('assignee_id'),
    assignedPost: text('assigned_post'),
    reopenCount: integer('reopen_count').notNull().default(0),
    isRepeat: boolean('is_repeat').notNull().default(false),
    holdReason: text('hold_reason'),
    holdUntil: at('hold_until'),
    cancelReason: text('cancel_reason'),
    mergedIntoId: uuid('merged_into_id'),
    incidentId: uuid('incident_id'),
    slaPolicyCode: text('sla_policy_code'),
    responseDueAt: at('response_due_at'),
    arrivalDueAt: at('arrival_due_at'),
    resolutionDueAt: at('resolution_due_at'),
    nextUpdateDueAt: at('next_update_due_at'),
    visitDueAt: at('visit_due_at'),
    /**
     * Whether this ticket owes a return visit (回访), decided when it resolves from the company's
     * return-visit policy (apps/server/src/company-settings/return-visits.ts). True until then, and for tickets
     * resolved before the policy existed, when every ticket owed one. Without a visit owed there is
     * no visit deadline and staff may close the ticket straight from resolved.
     */
    visitRequired: boolean('visit_required').notNull().default(true),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    /**
     * When the SLA sweep must next look at this ticket: its next warning, breach or escalation
     * instant. Null means "not yet evaluated" (set so whenever the deadlines are recomputed), so the
     * sweep reads only the tickets that need it rather than every open ticket each time.
     */
    slaCheckAt: at('sla_check_at'),
    /**
     * Whether resolution (and on-site arrival) came within its deadline, recorded when the ticket
     * resolves: the deadline columns are cleared once a target is met, so the outcome is kept here
     * for SLA compliance. Null while open, after a reopen, or when the policy sets no such target.
     */
    resolutionMet: boolean('resolution_met'),
    arrivalMet: boolean('arrival_met'),
    reportedAt: at('reported_at').notNull(),
    firstResponseAt: at('first_response_at'),
    arrivedAt: at('arrived_at'),
    /** The visit time the technician agreed with the owner (预约上门), and what was said. */
    appointmentAt: at('appointment_at'),
    appointmentNote: text('appointment_note').notNull().default(''),
    lastOwnerUpdateAt: at('last_owner_update_at'),
    resolvedAt: at('resolved_at'),
    visitedAt: at('visited_at'),
    closedAt: at('closed_at'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The readable number counts per project and day (ticket_sequences), so it is unique within its project.
    uniqueIndex('tickets_tenant_project_number_uq').on(t.tenantId, t.projectId, t.number),
    // Two receipts racing with one key: the second insert fails here and replays the first.
    index('tickets_tenant_project_status_idx').on(t.tenantId, t.projectId, t.status, t.id),
    // Repeat detection reads one household's reports of one category in a window (incidents/receipt.ts);
    // the household's whole list uses the prefix.
    index('tickets_tenant_household_category_idx').on(t.tenantId, t.householdId, t.categoryCode, t.reportedAt),
    index('tickets_tenant_reporter_idx').on(t.tenantId, t.reporterPersonId, t.reportedAt),
    index('tickets_tenant_assignee_idx').on(t.tenantId, t.assigneeId, t.status),
    index('tickets_tenant_open_due_idx').on(t.tenantId, t.status, t.resolutionDueAt),
    // The sweep's work list: running tickets only (the statuses of apps/server/src/sla/sweep.ts).
    // Group-complaint detection reads recent tickets that no incident has claimed yet.
    index('tickets_tenant_unlinked_reported_idx')
      .on(t.tenantId, t.reportedAt)
      .where(sql`${t.incidentId} is null`),
    index('tickets_tenant_sla_check_idx')
      .on(t.tenantId, t.slaCheckAt, t.id)
      .where(sql`${t.status} in ('new', 'accepted', 'assigned', 'in_progress', 'reopened', 'resolved')`),
    // A project's tickets over a period by category (journey maps' touchpoints, issue 19).
    index('tickets_tenant_project_reported_idx').on(t.tenantId, t.projectId, t.reportedAt),
    // SLA compliance of the month (tickets resolved in a date range).
    index('tickets_tenant_resolved_idx').on(t.tenantId, t.resolvedAt),
    // A company's tickets by the time reported: the analytics recount's months (with the resolved index above),
    // the complaint analytics and the weekly report. Created by hand in 0018; declared here since 0030.
    index('tickets_tenant_reported_idx').on(t.tenantId, t.reportedAt),
    // Holds past their planned resume time (apps/server/src/sla/hold-expiry.ts).
    index('tickets_tenant_hold_until_idx')
      .on(t.tenantId, t.holdUntil)
      .where(sql`${t.status} = 'on_hold'`),
  ],
);

/** Counter behind the readable number BX-20261123-0007: one row per project and Shanghai day. */
export const ticketSequences = pgTable(
  'ticket_sequences',
  {
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    day: date('day').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.projectId, t.day] })],
);

/** Everything that happened to a ticket, in order; visibleToOwner marks what the owner's H5 shows. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: id(),
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    note: text('note').notNull().default(''),
    visibleToOwner: boolean('visible_to_owner').notNull().default(false),
    data: jsonb('data'),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('ticket_events_tenant_ticket_idx').on(t.tenantId, t.ticketId, t.at)],
);

export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: id(),
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedByKind: text('uploaded_by_kind').notNull(),
    uploadedById: uuid('uploaded_by_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('ticket_attachments_tenant_ticket_idx').on(t.tenantId, t.ticketId)],
);

/** CLEAR steps of seed 001 第三讲, saved as the handler goes; required before a complaint resolves. */
export const clearRecords = pgTable(
  'clear_records',
  {
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    controlNote: text('control_note'),
    listenSummary: text('listen_summary'),
    empathyStatement: text('empathy_statement'),
    apology: text('apology'),
    resolvePlan: text('resolve_plan'),
    promisedAt: at('promised_at'),
    updatedById: uuid('updated_by_id'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.ticketId] })],
);

export const recoveryRecords = pgTable(
  'recovery_records',
  {
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    emotionalRecovery: text('emotional_recovery'),
    problemRecovery: text('problem_recovery'),
    compensation: text('compensation'),
    lessonLearned: text('lesson_learned'),
    updatedById: uuid('updated_by_id'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.ticketId] })],
);

/** 回访: the owner's confirmation and rating. outcome no_answer never counts as satisfied. */
export const returnVisits = pgTable(
  'return_visits',
  {
    id: id(),
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    method: text('method').notNull(),
    outcome: text('outcome').notNull(),
    csat: smallint('csat'),
    peakMoment: text('peak_moment'),
    endMoment: text('end_moment'),
    /** The owner's own 1–5 ratings of the peak and the end, when asked (the peak-end score, issue 19 §2). */
    peakRating: smallint('peak_rating'),
    endRating: smallint('end_rating'),
    comment: text('comment').notNull().default(''),
    visitorKind: text('visitor_kind').notNull(),
    visitorId: uuid('visitor_id'),
    at: at('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('return_visits_tenant_ticket_idx').on(t.tenantId, t.ticketId),
    // A month's ratings by the time of the visit (the analytics recount). Created by hand in 0018; declared since 0030.
    index('return_visits_tenant_at_idx').on(t.tenantId, t.at),
  ],
);

/** A company's SLA policies, ordered; first match wins. Seeded from the defaults in @manyi/core. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    match: jsonb('match').notNull(),
    targets: jsonb('targets').notNull(),
    warnShare: doublePrecision('warn_share').notNull().default(0.8),
    active: boolean('active').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('sla_policies_tenant_code_uq').on(t.tenantId, t.code)],
);

/** Public holidays and 调休 working days that override the weekday rule of a working-hours calendar. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    tenantId: tenantId(),
    day: date('day').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);

/**
 * Warnings, breaches, escalations and reminders. The unique key makes the sweep idempotent: a
 * second sweep, or a second server instance, inserts nothing new for the same ticket, target and level.
 */
export const ticketAlerts = pgTable(
  'ticket_alerts',
  {
    id: id(),
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    target: text('target').notNull(),
    level: smallint('level').notNull(),
    dueAt: at('due_at'),
    recipientRole: text('recipient_role'),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('ticket_alerts_once_uq').on(t.tenantId, t.ticketId, t.kind, t.target, t.level),
    index('ticket_alerts_tenant_project_idx').on(t.tenantId, t.projectId, t.createdAt),
  ],
);

/** Outgoing group-bot webhooks (WeCom, DingTalk) per company or project, for escalations. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id'),
    format: text('format').notNull(),
    url: text('url').notNull(),
    minimumLevel: smallint('minimum_level').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('webhooks_tenant_idx').on(t.tenantId, t.projectId)],
);

/** Outbox of webhook messages; one row per alert and webhook, sent with retries. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    tenantId: tenantId(),
    alertId: uuid('alert_id').notNull(),
    webhookId: uuid('webhook_id').notNull(),
    body: jsonb('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: at('next_attempt_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('webhook_deliveries_once_uq').on(t.tenantId, t.alertId, t.webhookId),
    index('webhook_deliveries_tenant_due_idx').on(t.tenantId, t.status, t.nextAttemptAt),
  ],
);

/** Category → post → team per project, and how work is handed out: assign, round-robin or grab (抢单). */
export const dispatchRules = pgTable(
  'dispatch_rules',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    post: text('post').notNull(),
    mode: text('mode').notNull(),
    defaultAssigneeId: uuid('default_assignee_id'),
    memberIds: uuid('member_ids').array().notNull().default([]),
    roundRobinCursor: integer('round_robin_cursor').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('dispatch_rules_tenant_project_post_uq').on(t.tenantId, t.projectId, t.post)],
);

export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: id(),
    tenantId: tenantId(),
    ticketType: text('ticket_type'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('canned_replies_tenant_idx').on(t.tenantId, t.ticketType)],
);

/** Group complaints (proposed by detection), planned and emergency incidents (停水, 停电, 电梯停运). */
export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    categoryCode: text('category_code'),
    callScript: text('call_script').notNull().default(''),
    noticeText: text('notice_text').notNull().default(''),
    buildingIds: uuid('building_ids').array().notNull().default([]),
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    detectionKey: text('detection_key'),
    /** Null when detection proposed it. */
    createdById: uuid('created_by_id'),
    /** When the notice went to the affected buildings (planned and emergency incidents). */
    publishedAt: at('published_at'),
    closedAt: at('closed_at'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('incidents_tenant_project_idx').on(t.tenantId, t.projectId, t.status),
    uniqueIndex('incidents_tenant_detection_uq').on(t.tenantId, t.detectionKey),
  ],
);

/**
 * A technician's completion on site (issue 15 §4): the result, materials used, photos (ticket
 * attachments) and how the owner confirmed it there: a signature drawn on the phone (stored as an
 * image attachment) or the code the owner received by SMS. One row per resolution; a reopened
 * ticket completed again gets another.
 */
export const ticketCompletions = pgTable(
  'ticket_completions',
  {
    id: id(),
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    technicianId: uuid('technician_id').notNull(),
    result: text('result').notNull(),
    /** [{ name, quantity, unit }] */
    materials: jsonb('materials').notNull().default([]),
    photoIds: uuid('photo_ids').array().notNull().default([]),
    /** signature | code */
    confirmation: text('confirmation').notNull(),
    signatureAttachmentId: uuid('signature_attachment_id'),
    completedAt: at('completed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('ticket_completions_tenant_ticket_idx').on(t.tenantId, t.ticketId, t.completedAt)],
);

/** The code an owner receives to confirm work on site; only its digest is kept, as for sign-in codes. */
export const ticketConfirmationCodes = pgTable(
  'ticket_confirmation_codes',
  {
    id: id(),
    tenantId: tenantId(),
    ticketId: uuid('ticket_id').notNull(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('ticket_confirmation_codes_tenant_ticket_idx').on(t.tenantId, t.ticketId, t.createdAt)],
);
