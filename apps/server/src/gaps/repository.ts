/**
 * The 5-GAP workspace's reads of other domains' records (inspections, tickets and their SLA alerts, red-line QA,
 * appointments, CLEAR promises, outages, notices, survey waves, journeys) for one project over a time range, and
 * its own rows (SWOT notes, gap 1's questionnaire). Every query filters by tenant and project first.
 */
import {
  campaigns,
  clearRecords,
  gapExpectationAnswers,
  gapSwotNotes,
  incidents,
  inspectionItems,
  inspectionRounds,
  journeys,
  journeyVersions,
  notices,
  projects,
  qaFindings,
  qaTexts,
  staffUsers,
  surveyResultCells,
  ticketAlerts,
  tickets,
  type Executor,
} from '@manyi/db';
import { and, asc, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';

export type Range = { start: Date; end: Date };
type Scope = { tenantId: string; projectId: string };

/** Evidence lists show this many records; the totals count them all. */
export const evidenceLimit = 50;

export async function findProject(db: Executor, scope: Scope) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, type: projects.type })
    .from(projects)
    .where(and(eq(projects.tenantId, scope.tenantId), eq(projects.id, scope.projectId)));
  return row;
}

/** Campaigns with counted answers from the project, newest first, dated by their close (else opening, else creation). */
export async function projectWaves(db: Executor, scope: Scope, before: Date) {
  const dated = sql<Date>`coalesce(${campaigns.closesAt}, ${campaigns.opensAt}, ${campaigns.createdAt})`;
  return db
    .select({ id: campaigns.id, name: campaigns.name, at: dated })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.tenantId, scope.tenantId),
        lt(dated, before),
        exists(
          db
            .select({ one: sql`1` })
            .from(surveyResultCells)
            .where(
              and(
                eq(surveyResultCells.tenantId, scope.tenantId),
                eq(surveyResultCells.campaignId, campaigns.id),
                eq(surveyResultCells.projectId, scope.projectId),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(dated))
    .limit(12);
}

/** Checked items of submitted inspection rounds of the project in the range, deducted ones first. */
export async function inspectionChecks(db: Executor, scope: Scope, range: Range) {
  const where = and(
    eq(inspectionRounds.tenantId, scope.tenantId),
    eq(inspectionRounds.projectId, scope.projectId),
    eq(inspectionRounds.status, 'submitted'),
    gte(inspectionRounds.submittedAt, range.start),
    lt(inspectionRounds.submittedAt, range.end),
  );
  const [counts] = await db
    .select({
      rounds: sql<number>`count(distinct ${inspectionRounds.id})::int`,
      checks: sql<number>`count(${inspectionItems.id}) filter (where ${inspectionItems.result} is not null)::int`,
      failed: sql<number>`count(${inspectionItems.id}) filter (where ${inspectionItems.result} = 'deduct')::int`,
    })
    .from(inspectionRounds)
    .leftJoin(inspectionItems, and(eq(inspectionItems.tenantId, inspectionRounds.tenantId), eq(inspectionItems.roundId, inspectionRounds.id)))
    .where(where);
  const [scores] = await db
    .select({ meanScore: sql<number | null>`avg(${inspectionRounds.score})::float8` })
    .from(inspectionRounds)
    .where(where);
  const deducted = await db
    .select({
      roundId: inspectionRounds.id,
      post: inspectionRounds.post,
      at: inspectionRounds.submittedAt,
      name: inspectionItems.nameZh,
      dimension: inspectionItems.dimensionZh,
      deduction: inspectionItems.deduction,
      note: inspectionItems.note,
    })
    .from(inspectionItems)
    .innerJoin(inspectionRounds, and(eq(inspectionRounds.tenantId, inspectionItems.tenantId), eq(inspectionRounds.id, inspectionItems.roundId)))
    .where(and(where, eq(inspectionItems.result, 'deduct')))
    .orderBy(desc(inspectionRounds.submittedAt), asc(inspectionItems.position))
    .limit(evidenceLimit);
  return { checks: counts?.checks ?? 0, failed: counts?.failed ?? 0, rounds: counts?.rounds ?? 0, meanScore: scores?.meanScore ?? null, deducted };
}

/** Tickets reported in the range under an SLA policy, and those the sweep recorded a breach for. */
export async function slaChecks(db: Executor, scope: Scope, range: Range) {
  const breached = exists(
    db
      .select({ one: sql`1` })
      .from(ticketAlerts)
      .where(and(eq(ticketAlerts.tenantId, scope.tenantId), eq(ticketAlerts.ticketId, tickets.id), eq(ticketAlerts.kind, 'breach'))),
  );
  const where = and(
    eq(tickets.tenantId, scope.tenantId),
    eq(tickets.projectId, scope.projectId),
    gte(tickets.reportedAt, range.start),
    lt(tickets.reportedAt, range.end),
    isNotNull(tickets.slaPolicyCode),
    isNull(tickets.mergedIntoId),
  );
  const [counts] = await db
    .select({ checks: sql<number>`count(*)::int`, failed: sql<number>`count(*) filter (where ${breached})::int` })
    .from(tickets)
    .where(where);
  const list = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      at: tickets.reportedAt,
      // Qualified by hand: inside a raw subquery the outer columns would come out bare, and ticket_alerts has an id too.
      targets: sql<string[]>`array(select distinct a.target from ticket_alerts a
        where a.tenant_id = "tickets"."tenant_id" and a.ticket_id = "tickets"."id" and a.kind = 'breach' order by 1)`,
    })
    .from(tickets)
    .where(and(where, breached))
    .orderBy(desc(tickets.reportedAt))
    .limit(evidenceLimit);
  return { checks: counts?.checks ?? 0, failed: counts?.failed ?? 0, breached: list };
}

/** Owner-facing service texts read by the red-line QA in the range (homework is training, not service), and those that crossed a line. */
export async function redLineChecks(db: Executor, scope: Scope, range: Range) {
  const crossed = exists(
    db
      .select({ one: sql`1` })
      .from(qaFindings)
      .where(and(eq(qaFindings.tenantId, scope.tenantId), eq(qaFindings.textId, qaTexts.id), ne(qaFindings.status, 'rejected'))),
  );
  const where = and(
    eq(qaTexts.tenantId, scope.tenantId),
    eq(qaTexts.projectId, scope.projectId),
    gte(qaTexts.createdAt, range.start),
    lt(qaTexts.createdAt, range.end),
    ne(qaTexts.sourceType, 'homework'),
  );
  const [counts] = await db
    .select({ checks: sql<number>`count(*)::int`, failed: sql<number>`count(*) filter (where ${crossed})::int` })
    .from(qaTexts)
    .where(where);
  const list = await db
    .select({ id: qaTexts.id, ticketId: qaTexts.ticketId, body: qaTexts.body, redLines: qaTexts.redLines, at: qaTexts.createdAt })
    .from(qaTexts)
    .where(and(where, crossed))
    .orderBy(desc(qaTexts.createdAt))
    .limit(evidenceLimit);
  return { checks: counts?.checks ?? 0, failed: counts?.failed ?? 0, crossed: list };
}

/** Visit times agreed with owners (预约上门) falling in the range, with the arrival. */
export async function appointments(db: Executor, scope: Scope, range: Range) {
  return db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, promisedAt: tickets.appointmentAt, fulfilledAt: tickets.arrivedAt })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, scope.tenantId),
        eq(tickets.projectId, scope.projectId),
        gte(tickets.appointmentAt, range.start),
        lt(tickets.appointmentAt, range.end),
        ne(tickets.status, 'cancelled'),
      ),
    )
    .orderBy(desc(tickets.appointmentAt));
}

/** CLEAR promises (承诺 with a time) on the project's complaints falling in the range, with the resolution. */
export async function clearPromises(db: Executor, scope: Scope, range: Range) {
  return db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, promisedAt: clearRecords.promisedAt, fulfilledAt: tickets.resolvedAt })
    .from(clearRecords)
    .innerJoin(tickets, and(eq(tickets.tenantId, clearRecords.tenantId), eq(tickets.id, clearRecords.ticketId)))
    .where(
      and(
        eq(clearRecords.tenantId, scope.tenantId),
        eq(tickets.projectId, scope.projectId),
        gte(clearRecords.promisedAt, range.start),
        lt(clearRecords.promisedAt, range.end),
        ne(tickets.status, 'cancelled'),
      ),
    )
    .orderBy(desc(clearRecords.promisedAt));
}

/** Announced outages (planned and emergency) whose announced end falls in the range, with their closing. */
export async function outages(db: Executor, scope: Scope, range: Range) {
  return db
    .select({ id: incidents.id, title: incidents.title, kind: incidents.kind, promisedAt: incidents.endsAt, fulfilledAt: incidents.closedAt })
    .from(incidents)
    .where(
      and(
        eq(incidents.tenantId, scope.tenantId),
        eq(incidents.projectId, scope.projectId),
        inArray(incidents.kind, ['planned', 'emergency']),
        isNotNull(incidents.publishedAt),
        gte(incidents.endsAt, range.start),
        lt(incidents.endsAt, range.end),
      ),
    )
    .orderBy(desc(incidents.endsAt));
}

/** Published works notices whose works start in the range: told before they started (提前告知) or not. */
export async function worksNotices(db: Executor, scope: Scope, range: Range) {
  return db
    .select({ id: notices.id, title: notices.title, promisedAt: notices.startsAt, fulfilledAt: notices.publishedAt })
    .from(notices)
    .where(
      and(
        eq(notices.tenantId, scope.tenantId),
        eq(notices.projectId, scope.projectId),
        eq(notices.kind, 'works'),
        eq(notices.status, 'published'),
        gte(notices.startsAt, range.start),
        lt(notices.startsAt, range.end),
      ),
    )
    .orderBy(desc(notices.startsAt));
}

/** Indicator codes that a published journey map of the project (or of its project type) gives a written standard. */
export async function journeyStandardCodes(db: Executor, scope: Scope, projectType: string): Promise<Set<string>> {
  const rows = await db
    .select({ content: journeyVersions.content })
    .from(journeyVersions)
    .innerJoin(journeys, and(eq(journeys.tenantId, journeyVersions.tenantId), eq(journeys.id, journeyVersions.journeyId)))
    .where(
      and(
        eq(journeyVersions.tenantId, scope.tenantId),
        eq(journeyVersions.status, 'published'),
        or(eq(journeys.projectId, scope.projectId), and(isNull(journeys.projectId), eq(journeys.projectType, projectType))),
      ),
    );
  const codes = new Set<string>();
  for (const { content } of rows) {
    const touchpoints = (content as { touchpoints?: { standard?: string; indicatorCodes?: string[] }[] }).touchpoints ?? [];
    for (const touchpoint of touchpoints) if (touchpoint.standard?.trim()) for (const code of touchpoint.indicatorCodes ?? []) codes.add(code);
  }
  return codes;
}

export async function questionnaireAnswers(db: Executor, scope: Scope, periods: readonly string[]) {
  return db
    .select({ period: gapExpectationAnswers.period, staffId: gapExpectationAnswers.staffId, answers: gapExpectationAnswers.answers })
    .from(gapExpectationAnswers)
    .where(
      and(
        eq(gapExpectationAnswers.tenantId, scope.tenantId),
        eq(gapExpectationAnswers.projectId, scope.projectId),
        inArray(gapExpectationAnswers.period, [...periods]),
      ),
    );
}

export async function upsertQuestionnaire(db: Executor, row: typeof gapExpectationAnswers.$inferInsert) {
  const [saved] = await db
    .insert(gapExpectationAnswers)
    .values(row)
    .onConflictDoUpdate({
      target: [gapExpectationAnswers.tenantId, gapExpectationAnswers.projectId, gapExpectationAnswers.period, gapExpectationAnswers.staffId],
      set: { answers: row.answers, updatedAt: row.updatedAt },
    })
    .returning();
  return saved!;
}

export async function swotNotes(db: Executor, scope: Scope, period: string) {
  return db
    .select({ note: gapSwotNotes, updatedByName: staffUsers.name })
    .from(gapSwotNotes)
    .leftJoin(staffUsers, and(eq(staffUsers.tenantId, gapSwotNotes.tenantId), eq(staffUsers.id, gapSwotNotes.updatedById)))
    .where(and(eq(gapSwotNotes.tenantId, scope.tenantId), eq(gapSwotNotes.projectId, scope.projectId), eq(gapSwotNotes.period, period)));
}

export async function findSwot(db: Executor, scope: Scope, period: string, gap: number) {
  const [row] = await db
    .select()
    .from(gapSwotNotes)
    .where(
      and(eq(gapSwotNotes.tenantId, scope.tenantId), eq(gapSwotNotes.projectId, scope.projectId), eq(gapSwotNotes.period, period), eq(gapSwotNotes.gap, gap)),
    );
  return row;
}

export async function insertSwot(db: Executor, row: typeof gapSwotNotes.$inferInsert) {
  const [saved] = await db.insert(gapSwotNotes).values(row).returning();
  return saved!;
}

export async function updateSwot(db: Executor, tenantId: string, id: string, set: Partial<typeof gapSwotNotes.$inferInsert>) {
  const [saved] = await db
    .update(gapSwotNotes)
    .set(set)
    .where(and(eq(gapSwotNotes.tenantId, tenantId), eq(gapSwotNotes.id, id)))
    .returning();
  return saved!;
}
