/** Tenant-scoped reads and writes of surveys and their versions. */
import { surveys, surveyVersions, type Executor } from '@manyi/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { SurveyStatus } from '@manyi/contracts/surveys';

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyVersionRow = typeof surveyVersions.$inferSelect;

export async function listSurveyRows(db: Executor, tenantId: string, status?: SurveyStatus) {
  return db
    .select({ survey: surveys, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.tenantId, surveys.tenantId), eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion)),
    )
    .where(and(eq(surveys.tenantId, tenantId), status ? eq(surveys.status, status) : undefined))
    .orderBy(desc(surveys.updatedAt));
}

export async function findSurveyRow(db: Executor, tenantId: string, id: string, lock = false): Promise<SurveyRow | undefined> {
  const query = db
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findSurveyVersionRow(
  db: Executor,
  tenantId: string,
  surveyId: string,
  version: number,
  lock = false,
): Promise<SurveyVersionRow | undefined> {
  const query = db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function listSurveyVersionRows(db: Executor, tenantId: string, surveyId: string) {
  return db
    .select({ version: surveyVersions.version, frozenAt: surveyVersions.frozenAt, createdAt: surveyVersions.createdAt, updatedAt: surveyVersions.updatedAt })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, surveyId)))
    .orderBy(desc(surveyVersions.version));
}

export async function insertSurveyRow(db: Executor, row: typeof surveys.$inferInsert): Promise<SurveyRow | undefined> {
  const [survey] = await db.insert(surveys).values(row).returning();
  return survey;
}

export async function updateSurveyRow(db: Executor, tenantId: string, id: string, set: Partial<typeof surveys.$inferInsert>): Promise<SurveyRow | undefined> {
  const [survey] = await db
    .update(surveys)
    .set(set)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, id)))
    .returning();
  return survey;
}

export async function insertSurveyVersionRow(db: Executor, row: typeof surveyVersions.$inferInsert): Promise<void> {
  await db.insert(surveyVersions).values(row);
}

export async function updateSurveyVersionRow(
  db: Executor,
  tenantId: string,
  surveyId: string,
  version: number,
  set: Partial<typeof surveyVersions.$inferInsert>,
): Promise<void> {
  await db
    .update(surveyVersions)
    .set(set)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
}

/** Sets the version's freeze time unless it already has one (the first freeze time stays). */
export async function markSurveyVersionFrozen(db: Executor, tenantId: string, surveyId: string, version: number, now: Date): Promise<void> {
  await db
    .update(surveyVersions)
    .set({ frozenAt: now })
    .where(
      and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version), isNull(surveyVersions.frozenAt)),
    );
}
