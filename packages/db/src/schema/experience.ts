import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  (t) => [index('journeys_tenant_idx').on(t.tenantId, t.projectType)],
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
  (t) => [uniqueIndex('journey_versions_number_uq').on(t.tenantId, t.journeyId, t.number)],
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
  (t) => [index('staff_praises_tenant_staff_idx').on(t.tenantId, t.staffId, t.createdAt), index('staff_praises_tenant_person_idx').on(t.tenantId, t.personId)],
);
