import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';

/**
 * Owner journey maps (issue 19 §1): one per project type (project_id null) or per project. The map itself is
 * a version's content (@manyi/core JourneyContent, validated by @manyi/contracts/journeys): versions are
 * numbered 1, 2, …; a published version never changes, a change is a new draft with its reason.
 */
export const journeys = pgTable(
  'journeys',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    projectType: text('project_type').notNull(),
    projectId: uuid('project_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('journeys_tenant_idx').on(t.tenantId, t.projectType)],
);

export const journeyVersions = pgTable(
  'journey_versions',
  {
    id: id(),
    tenantId: tenantId(),
    journeyId: uuid('journey_id').notNull(),
    number: integer('number').notNull(),
    content: jsonb('content').notNull(),
    /** What changed and why (required from version 2 on). */
    changeNote: text('change_note').notNull().default(''),
    status: text('status').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedById: uuid('published_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('journey_versions_number_uq').on(t.tenantId, t.journeyId, t.number)],
);

/**
 * 感动点 log (issue 19 §3): moments where staff went beyond what the owner expected (seed 001: reward the
 * 自作主张 that delighted an owner; seed 002's small unpaid gestures), recorded by staff or taken from an
 * owner's praise ticket, and rewarded by a manager with points a scorecard can count.
 */
export const delightMoments = pgTable(
  'delight_moments',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    /** Who delighted the owner. */
    staffId: uuid('staff_id').notNull(),
    /** The staff member who wrote it down; null when it came from an owner's praise on the phone. */
    recordedById: uuid('recorded_by_id'),
    personId: uuid('person_id'),
    householdId: uuid('household_id'),
    journeyId: uuid('journey_id'),
    touchpointId: text('touchpoint_id'),
    description: text('description').notNull(),
    source: text('source').notNull(),
    /** The owner's praise ticket it came from: at most one moment per ticket. */
    ticketId: uuid('ticket_id'),
    /** The owner's praise on the phone (staff_praises) it came from: at most one moment per praise. */
    praiseId: uuid('praise_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    rewardPoints: integer('reward_points'),
    rewardNote: text('reward_note'),
    rewardedById: uuid('rewarded_by_id'),
    rewardedAt: timestamp('rewarded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('delight_moments_project_idx').on(t.tenantId, t.projectId, t.occurredAt),
    index('delight_moments_staff_idx').on(t.tenantId, t.staffId, t.occurredAt),
    uniqueIndex('delight_moments_ticket_uq').on(t.tenantId, t.ticketId),
    uniqueIndex('delight_moments_praise_uq').on(t.tenantId, t.praiseId),
  ],
);

/**
 * An owner's praise (表扬) of a staff member from the phone (issue 15 §5), kept as its own record so the
 * 感动点 log of moments that moved owners can draw on it later; the steward sees it on the person's timeline.
 */
export const staffPraises = pgTable(
  'staff_praises',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    personId: uuid('person_id').notNull(),
    householdId: uuid('household_id').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('staff_praises_tenant_staff_idx').on(t.tenantId, t.staffId, t.createdAt),
    index('staff_praises_tenant_person_idx').on(t.tenantId, t.personId),
  ],
);
