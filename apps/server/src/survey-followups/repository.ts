import type { SurveyDefinition } from '@manyi/core';
import { buildings, campaigns, households, persons, queryRows, surveyFollowups, surveyVersions, tickets, units, type Executor } from '@manyi/db';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';

export type CampaignDefinition = { id: string; name: string; definition: SurveyDefinition; createdById: string | null };

/** The campaign with the questionnaire version a response was given against. */
export async function campaignDefinition(db: Executor, tenantId: string, campaignId: string, version: number): Promise<CampaignDefinition | undefined> {
  const [row] = await db
    .select({ id: campaigns.id, name: campaigns.name, definition: surveyVersions.definition, createdById: campaigns.createdById })
    .from(campaigns)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.tenantId, campaigns.tenantId), eq(surveyVersions.surveyId, campaigns.surveyId), eq(surveyVersions.version, version)),
    )
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)));
  return row && { ...row, definition: row.definition as SurveyDefinition };
}

export type FollowupHousehold = {
  id: string;
  projectId: string;
  buildingId: string;
  room: string;
  buildingName: string;
  unitName: string | null;
  /** The person to call: the owner (业主) first, else any resident; null when the household has nobody on file. */
  contact: { id: string; name: string; phone: string | null } | null;
};

export async function followupHousehold(db: Executor, tenantId: string, householdId: string): Promise<FollowupHousehold | undefined> {
  const [row] = await db
    .select({
      id: households.id,
      projectId: households.projectId,
      buildingId: households.buildingId,
      room: households.room,
      buildingName: buildings.name,
      unitName: units.name,
    })
    .from(households)
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(households.tenantId, tenantId), eq(households.id, householdId)));
  if (!row) return undefined;
  const [contact] = await db
    .select({ id: persons.id, name: persons.name, phone: persons.phone })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.householdId, householdId)))
    .orderBy(sql`case when ${persons.role} = 'owner' then 0 else 1 end`, asc(persons.createdAt))
    .limit(1);
  return { ...row, contact: contact ?? null };
}

export async function followupExists(db: Executor, tenantId: string, responseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyFollowups.id })
    .from(surveyFollowups)
    .where(and(eq(surveyFollowups.tenantId, tenantId), eq(surveyFollowups.responseId, responseId)));
  return row !== undefined;
}

/** One follow-up per response: a second pass over the same response inserts nothing. */
export async function insertFollowup(tx: Executor, values: typeof surveyFollowups.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(surveyFollowups).values(values).onConflictDoNothing().returning({ id: surveyFollowups.id });
  return inserted.length > 0;
}

export type FollowupListFilter = {
  tenantId: string;
  campaignId?: string | undefined;
  projectIds: string[] | null;
  /** open: the ticket is not closed/cancelled (or there is no ticket yet); overdue: open and past due. */
  state?: 'open' | 'closed' | 'overdue' | undefined;
  now: Date;
};

const finishedStatuses = ['closed', 'cancelled', 'merged'];

export function followupConditions(filter: FollowupListFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(surveyFollowups.tenantId, filter.tenantId)];
  if (filter.campaignId) conditions.push(eq(surveyFollowups.campaignId, filter.campaignId));
  if (filter.projectIds) conditions.push(inArray(households.projectId, filter.projectIds));
  const open = or(isNull(tickets.id), sql`${tickets.status} not in ${finishedStatuses}`);
  if (filter.state === 'open') conditions.push(open);
  if (filter.state === 'closed') conditions.push(inArray(tickets.status, finishedStatuses));
  if (filter.state === 'overdue') conditions.push(open, lt(surveyFollowups.dueAt, filter.now));
  return and(...conditions);
}

export async function listFollowupRows(db: Executor, conditions: SQL | undefined, after: string | null, limit: number) {
  return db
    .select({
      followup: surveyFollowups,
      campaignName: campaigns.name,
      projectId: households.projectId,
      room: households.room,
      buildingName: buildings.name,
      unitName: units.name,
      ticket: {
        id: tickets.id,
        number: tickets.number,
        status: tickets.status,
        reporterName: tickets.reporterName,
        resolutionDueAt: tickets.resolutionDueAt,
        resolvedAt: tickets.resolvedAt,
      },
    })
    .from(surveyFollowups)
    .innerJoin(households, and(eq(households.tenantId, surveyFollowups.tenantId), eq(households.id, surveyFollowups.householdId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .innerJoin(campaigns, and(eq(campaigns.tenantId, surveyFollowups.tenantId), eq(campaigns.id, surveyFollowups.campaignId)))
    .leftJoin(tickets, and(eq(tickets.tenantId, surveyFollowups.tenantId), eq(tickets.id, surveyFollowups.ticketId)))
    .where(and(conditions, after === null ? undefined : lt(surveyFollowups.id, after)))
    .orderBy(desc(surveyFollowups.id))
    .limit(limit + 1);
}

export type FollowupListRow = Awaited<ReturnType<typeof listFollowupRows>>[number];

export async function findCampaign(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id)));
  return row;
}

export type ConversionCounts = {
  previousDetractors: number;
  promoters: number;
  passives: number;
  detractors: number;
  noNpsAnswer: number;
  notAnswered: number;
};

/**
 * Previous wave's detractors (complete responses from known households with `previousKey` 0–6)
 * and what the same households answered this wave to `currentKey`. Counted in SQL: a wave may
 * hold hundreds of thousands of responses, the detractors are a fraction of them.
 */
export async function conversionCounts(
  db: Executor,
  input: {
    tenantId: string;
    previousCampaignId: string;
    campaignId: string;
    previousKey: string;
    currentKey: string | null;
    projectIds: string[] | null;
  },
): Promise<ConversionCounts> {
  const scope = input.projectIds === null ? sql`true` : input.projectIds.length === 0 ? sql`false` : sql`p.project_id in ${input.projectIds}`;
  const score =
    input.currentKey === null
      ? sql`null::numeric`
      : sql`case when jsonb_typeof(c.answers -> ${input.currentKey}) = 'number' then (c.answers ->> ${input.currentKey})::numeric end`;
  const [row] = await queryRows<Record<keyof ConversionCounts, string | number>>(
    db,
    sql`
    with previous as (
      select p.household_id from survey_responses p
      where p.tenant_id = ${input.tenantId} and p.campaign_id = ${input.previousCampaignId} and p.status = 'complete' and p.household_id is not null
        and jsonb_typeof(p.answers -> ${input.previousKey}) = 'number' and (p.answers ->> ${input.previousKey})::numeric <= 6 and ${scope}
    ), answered as (
      select previous.household_id, c.id as response_id, ${score} as score from previous
      left join survey_responses c on c.tenant_id = ${input.tenantId} and c.campaign_id = ${input.campaignId} and c.household_id = previous.household_id and c.status = 'complete'
    )
    select count(*) as "previousDetractors",
      count(*) filter (where score >= 9) as promoters,
      count(*) filter (where score between 7 and 8) as passives,
      count(*) filter (where score <= 6) as detractors,
      count(*) filter (where response_id is not null and score is null) as "noNpsAnswer",
      count(*) filter (where response_id is null) as "notAnswered"
    from answered`,
  );
  const number = (key: keyof ConversionCounts) => Number(row?.[key] ?? 0);
  return {
    previousDetractors: number('previousDetractors'),
    promoters: number('promoters'),
    passives: number('passives'),
    detractors: number('detractors'),
    noNpsAnswer: number('noNpsAnswer'),
    notAnswered: number('notAnswered'),
  };
}
