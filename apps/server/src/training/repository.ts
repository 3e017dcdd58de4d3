import { learningRecords, staffUsers, trainingAssignments, trainingCourses, type Executor } from '@manyi/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type LearningRow = typeof learningRecords.$inferSelect;
export type AssignmentRow = typeof trainingAssignments.$inferSelect;

export async function companyCourses(db: Executor, tenantId: string): Promise<CourseRow[]> {
  return db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.tenantId, tenantId), eq(trainingCourses.archived, false)))
    .orderBy(trainingCourses.createdAt);
}

export async function findCompanyCourse(db: Executor, tenantId: string, id: string): Promise<CourseRow | undefined> {
  const [row] = await db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.tenantId, tenantId), eq(trainingCourses.id, id), eq(trainingCourses.archived, false)));
  return row;
}

export async function insertCourse(db: Executor, row: typeof trainingCourses.$inferInsert): Promise<CourseRow> {
  const [inserted] = await db.insert(trainingCourses).values(row).returning();
  return inserted!;
}

export async function insertLearningRecord(db: Executor, row: typeof learningRecords.$inferInsert): Promise<LearningRow> {
  const [inserted] = await db.insert(learningRecords).values(row).returning();
  return inserted!;
}

/** A person's learning records, newest first (index learning_records_staff_idx). */
export async function learningRecordsOf(db: Executor, tenantId: string, staffId: string, limit = 500): Promise<LearningRow[]> {
  return db
    .select()
    .from(learningRecords)
    .where(and(eq(learningRecords.tenantId, tenantId), eq(learningRecords.staffId, staffId)))
    .orderBy(desc(learningRecords.createdAt))
    .limit(limit);
}

/** Every learning record of these people, for a team's progress. */
export async function learningRecordsOfMany(db: Executor, tenantId: string, staffIds: string[]): Promise<LearningRow[]> {
  if (staffIds.length === 0) return [];
  return db
    .select()
    .from(learningRecords)
    .where(and(eq(learningRecords.tenantId, tenantId), inArray(learningRecords.staffId, staffIds)));
}

export async function assignmentsOf(db: Executor, tenantId: string, staffIds: string[]): Promise<AssignmentRow[]> {
  if (staffIds.length === 0) return [];
  return db
    .select()
    .from(trainingAssignments)
    .where(and(eq(trainingAssignments.tenantId, tenantId), inArray(trainingAssignments.staffId, staffIds)));
}

/** Assigns or moves the due date of an existing assignment: one row per course and person. */
export async function upsertAssignments(db: Executor, rows: (typeof trainingAssignments.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await db
    .insert(trainingAssignments)
    .values(rows)
    .onConflictDoUpdate({
      target: [trainingAssignments.tenantId, trainingAssignments.courseKey, trainingAssignments.staffId],
      set: { dueOn: sql`excluded.due_on`, assignedById: sql`excluded.assigned_by_id` },
    })
    .returning({ id: trainingAssignments.id });
  return written.length;
}

export async function staffNameAndRoles(db: Executor, tenantId: string, staffId: string) {
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, roles: staffUsers.roles })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)));
  return row;
}

export async function rolesOfStaff(db: Executor, tenantId: string, staffIds: string[]): Promise<Map<string, string[]>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, roles: staffUsers.roles })
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), inArray(staffUsers.id, staffIds)));
  return new Map(rows.map((row) => [row.id, row.roles as string[]]));
}
