import { boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';

/**
 * The training academy (issue 19). Built-in courses and drills live in @manyi/core (code, versioned with
 * the product); a company's own courses are rows here, their lessons and quiz one validated document.
 * A course or drill is named by its key: the built-in slug, or the id of a company course.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: id(),
    tenantId: tenantId(),
    /** { title, summary, lessons, quiz } as in @manyi/contracts/training courseContent. */
    content: jsonb('content').notNull(),
    createdById: uuid('created_by_id').notNull(),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('training_courses_tenant_idx').on(t.tenantId, t.archived)],
);

/** A manager asks a staff member to take a course by a date; one assignment per course and person. */
export const trainingAssignments = pgTable(
  'training_assignments',
  {
    id: id(),
    tenantId: tenantId(),
    courseKey: text('course_key').notNull(),
    staffId: uuid('staff_id').notNull(),
    assignedById: uuid('assigned_by_id').notNull(),
    dueOn: date('due_on'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('training_assignments_course_staff_uq').on(t.tenantId, t.courseKey, t.staffId),
    index('training_assignments_staff_idx').on(t.tenantId, t.staffId),
  ],
);

/**
 * The learning record: one row per lesson read, quiz taken or drill answered, with its score and the time
 * spent. Never updated: a retake is a new row, and a person's standing is read from all of them (best
 * score, completion), so the scorecards of the management loop can count them.
 */
export const learningRecords = pgTable(
  'learning_records',
  {
    id: id(),
    tenantId: tenantId(),
    staffId: uuid('staff_id').notNull(),
    kind: text('kind').notNull(),
    subjectKey: text('subject_key').notNull(),
    itemKey: text('item_key'),
    score: smallint('score'),
    passed: boolean('passed'),
    seconds: integer('seconds').notNull().default(0),
    detail: jsonb('detail'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('learning_records_staff_idx').on(t.tenantId, t.staffId, t.createdAt),
    index('learning_records_subject_idx').on(t.tenantId, t.subjectKey),
  ],
);
