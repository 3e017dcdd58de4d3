import { campaigns, journeys, journeyVersions, projects, queryRows, returnVisits, surveyResultCounts, tickets, type Executor } from '@manyi/db';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';

export type JourneyRow = typeof journeys.$inferSelect;
export type JourneyVersionRow = typeof journeyVersions.$inferSelect;

export async function listJourneyRows(db: Executor, tenantId: string) {
  return db
    .select({ journey: journeys, projectName: projects.name })
    .from(journeys)
    .leftJoin(projects, and(eq(projects.tenantId, journeys.tenantId), eq(projects.id, journeys.projectId)))
    .where(eq(journeys.tenantId, tenantId))
    .orderBy(asc(journeys.createdAt));
}

export async function findJourneyRow(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select({ journey: journeys, projectName: projects.name })
    .from(journeys)
    .leftJoin(projects, and(eq(projects.tenantId, journeys.tenantId), eq(projects.id, journeys.projectId)))
    .where(and(eq(journeys.tenantId, tenantId), eq(journeys.id, id)));
  return row;
}

export async function versionsOf(db: Executor, tenantId: string, journeyIds: string[]): Promise<JourneyVersionRow[]> {
  if (journeyIds.length === 0) return [];
  return db
    .select()
    .from(journeyVersions)
    .where(and(eq(journeyVersions.tenantId, tenantId), inArray(journeyVersions.journeyId, journeyIds)))
    .orderBy(asc(journeyVersions.journeyId), desc(journeyVersions.number));
}

export async function insertJourney(db: Executor, row: typeof journeys.$inferInsert): Promise<JourneyRow> {
  const [inserted] = await db.insert(journeys).values(row).returning();
  return inserted!;
}

export async function insertJourneyVersion(db: Executor, row: typeof journeyVersions.$inferInsert): Promise<JourneyVersionRow> {
  const [inserted] = await db.insert(journeyVersions).values(row).returning();
  return inserted!;
}

/** Changes a draft; a published version is left as it is (undefined: nothing was changed). */
export async function updateDraft(
  db: Executor,
  tenantId: string,
  journeyId: string,
  number: number,
  set: Pick<JourneyVersionRow, 'content' | 'changeNote' | 'updatedAt'>,
) {
  const [row] = await db
    .update(journeyVersions)
    .set(set)
    .where(
      and(
        eq(journeyVersions.tenantId, tenantId),
        eq(journeyVersions.journeyId, journeyId),
        eq(journeyVersions.number, number),
        eq(journeyVersions.status, 'draft'),
      ),
    )
    .returning();
  return row;
}

export async function publishDraft(db: Executor, tenantId: string, journeyId: string, number: number, by: string, at: Date) {
  const [row] = await db
    .update(journeyVersions)
    .set({ status: 'published', publishedAt: at, publishedById: by, updatedAt: at })
    .where(
      and(
        eq(journeyVersions.tenantId, tenantId),
        eq(journeyVersions.journeyId, journeyId),
        eq(journeyVersions.number, number),
        eq(journeyVersions.status, 'draft'),
      ),
    )
    .returning();
  return row;
}

export async function projectIdsOfType(db: Executor, tenantId: string, type: string): Promise<string[]> {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.type, type)));
  return rows.map((row) => row.id);
}

/** Tickets of the projects reported in [from, to] by category: how many, and of the resolved ones how many missed their deadline. */
export async function ticketsByCategory(db: Executor, tenantId: string, projectIds: string[], from: Date, to: Date) {
  if (projectIds.length === 0) return [];
  return db
    .select({
      categoryCode: tickets.categoryCode,
      count: sql<number>`count(*)::int`,
      judged: sql<number>`count(${tickets.resolutionMet})::int`,
      missed: sql<number>`count(*) filter (where ${tickets.resolutionMet} = false)::int`,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        inArray(tickets.projectId, projectIds),
        gte(tickets.reportedAt, from),
        lte(tickets.reportedAt, to),
        isNotNull(tickets.categoryCode),
      ),
    )
    .groupBy(tickets.categoryCode);
}

/** Confirmed return visits of those tickets by category: CSAT sum and count, and the peak and end ratings where the owner gave both. */
export async function visitsByCategory(db: Executor, tenantId: string, projectIds: string[], from: Date, to: Date) {
  if (projectIds.length === 0) return [];
  return db
    .select({
      categoryCode: tickets.categoryCode,
      visits: sql<number>`count(${returnVisits.csat})::int`,
      csatSum: sql<number>`coalesce(sum(${returnVisits.csat}), 0)::int`,
      peakEndRated: sql<number>`count(*) filter (where ${returnVisits.peakRating} is not null and ${returnVisits.endRating} is not null)::int`,
      peakEndSum: sql<number>`coalesce(sum((${returnVisits.peakRating} + ${returnVisits.endRating}) / 2.0) filter (where ${returnVisits.peakRating} is not null and ${returnVisits.endRating} is not null), 0)::float8`,
    })
    .from(returnVisits)
    .innerJoin(tickets, and(eq(tickets.tenantId, returnVisits.tenantId), eq(tickets.id, returnVisits.ticketId)))
    .where(
      and(
        eq(returnVisits.tenantId, tenantId),
        eq(returnVisits.outcome, 'confirmed'),
        inArray(tickets.projectId, projectIds),
        gte(tickets.reportedAt, from),
        lte(tickets.reportedAt, to),
      ),
    )
    .groupBy(tickets.categoryCode);
}

/** The latest peak and end moments owners recalled, with the category of their ticket. */
export async function recentMoments(db: Executor, tenantId: string, projectIds: string[], from: Date, to: Date, limit = 300) {
  if (projectIds.length === 0) return [];
  return db
    .select({ categoryCode: tickets.categoryCode, peakMoment: returnVisits.peakMoment, endMoment: returnVisits.endMoment })
    .from(returnVisits)
    .innerJoin(tickets, and(eq(tickets.tenantId, returnVisits.tenantId), eq(tickets.id, returnVisits.ticketId)))
    .where(
      and(
        eq(returnVisits.tenantId, tenantId),
        inArray(tickets.projectId, projectIds),
        gte(tickets.reportedAt, from),
        lte(tickets.reportedAt, to),
        or(isNotNull(returnVisits.peakMoment), isNotNull(returnVisits.endMoment)),
      ),
    )
    .orderBy(desc(returnVisits.at))
    .limit(limit);
}

/**
 * Answer counts (1–5) of matrix rows in the survey results rollup, for campaigns opened in the period:
 * (question, row) pairs are the indicator codes split at their first dot, as the built-in templates name
 * them (question = the post's branch, row = the indicator under it).
 */
export async function ratingCounts(db: Executor, tenantId: string, projectIds: string[], pairs: { questionKey: string; item: string }[], from: Date) {
  if (projectIds.length === 0 || pairs.length === 0) return [];
  return queryRows<{ question_key: string; item: string; value: number; count: number }>(
    db,
    sql`select c.question_key, c.item, c.value, sum(c.count)::int as count
        from ${surveyResultCounts} c
        join ${campaigns} k on k.tenant_id = c.tenant_id and k.id = c.campaign_id
        where c.tenant_id = ${tenantId}
          and c.project_id in (${sql.join(
            projectIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          and (c.question_key, c.item) in (${sql.join(
            pairs.map((pair) => sql`(${pair.questionKey}, ${pair.item})`),
            sql`, `,
          )})
          and c.value between 1 and 5
          and coalesce(k.opens_at, k.created_at) >= ${from.toISOString()}::timestamptz
        group by c.question_key, c.item, c.value`,
  );
}
