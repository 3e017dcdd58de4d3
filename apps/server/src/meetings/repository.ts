import { cases, meetingQuestions, planMeetings, projects, staffUsers, type Executor } from '@manyi/db';
import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';

export type MeetingRow = typeof planMeetings.$inferSelect;
export type QuestionRow = typeof meetingQuestions.$inferSelect;

export async function insertMeeting(db: Executor, row: typeof planMeetings.$inferInsert): Promise<MeetingRow> {
  const [inserted] = await db.insert(planMeetings).values(row).returning();
  return inserted!;
}

export async function findMeeting(db: Executor, tenantId: string, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(planMeetings)
    .where(and(eq(planMeetings.tenantId, tenantId), eq(planMeetings.id, id)));
  return row;
}

export async function listMeetings(db: Executor, tenantId: string, projectIds: string[] | null): Promise<MeetingRow[]> {
  if (projectIds !== null && projectIds.length === 0) return [];
  return db
    .select()
    .from(planMeetings)
    .where(and(eq(planMeetings.tenantId, tenantId), projectIds === null ? undefined : inArray(planMeetings.projectId, projectIds)))
    .orderBy(desc(planMeetings.heldOn), desc(planMeetings.createdAt))
    .limit(200);
}

export async function updateMeeting(db: Executor, tenantId: string, id: string, set: Partial<typeof planMeetings.$inferInsert>) {
  await db
    .update(planMeetings)
    .set(set)
    .where(and(eq(planMeetings.tenantId, tenantId), eq(planMeetings.id, id)));
}

export async function insertQuestion(db: Executor, row: typeof meetingQuestions.$inferInsert): Promise<QuestionRow> {
  const [inserted] = await db.insert(meetingQuestions).values(row).returning();
  return inserted!;
}

export async function findQuestion(db: Executor, tenantId: string, id: string): Promise<QuestionRow | undefined> {
  const [row] = await db
    .select()
    .from(meetingQuestions)
    .where(and(eq(meetingQuestions.tenantId, tenantId), eq(meetingQuestions.id, id)));
  return row;
}

export async function answerQuestion(db: Executor, tenantId: string, id: string, set: Partial<typeof meetingQuestions.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(meetingQuestions)
    .set(set)
    .where(and(eq(meetingQuestions.tenantId, tenantId), eq(meetingQuestions.id, id), isNull(meetingQuestions.answeredAt)))
    .returning({ id: meetingQuestions.id });
  return rows.length === 1;
}

/** A project's questions: those still unanswered, and those asked since `since`. */
export async function questionsOf(db: Executor, tenantId: string, projectIds: string[], since: Date | null): Promise<QuestionRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(meetingQuestions)
    .where(
      and(
        eq(meetingQuestions.tenantId, tenantId),
        inArray(meetingQuestions.projectId, projectIds),
        since === null ? undefined : or(isNull(meetingQuestions.answeredAt), gte(meetingQuestions.createdAt, since)),
      ),
    )
    .orderBy(desc(meetingQuestions.createdAt))
    .limit(200);
}

/** Cases flagged for the project's weekly meeting within [from, until). */
export async function flaggedCases(db: Executor, tenantId: string, projectId: string, from: Date, until: Date) {
  return db
    .select({ id: cases.id, title: cases.title, status: cases.status, flaggedAt: cases.meetingFlaggedAt })
    .from(cases)
    .where(
      and(
        eq(cases.tenantId, tenantId),
        eq(cases.projectId, projectId),
        isNotNull(cases.meetingFlaggedAt),
        gte(cases.meetingFlaggedAt, from),
        lt(cases.meetingFlaggedAt, until),
      ),
    )
    .orderBy(desc(cases.meetingFlaggedAt))
    .limit(50);
}

export async function staffNames(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.tenantId, tenantId));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function projectName(db: Executor, tenantId: string, projectId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ name: projects.name })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, projectId)));
  return row?.name;
}
