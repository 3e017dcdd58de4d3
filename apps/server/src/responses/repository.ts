import type { Answers, SurveyDefinition } from '@manyi/core';
import {
  buildings,
  campaigns,
  households,
  persons,
  preparedOnce,
  preparedSql,
  projects,
  queryRows,
  surveyInvitations,
  surveyPosters,
  surveyResponses,
  surveyVersions,
  tenants,
  units,
  type Executor,
} from '@manyi/db';
import { and, arrayOverlaps, asc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { enqueueFrom } from './queue';

/**
 * Queries of the answering path. The owner's link is looked up by token digest alone (the link
 * names no company); every later query is keyed by the tenant found on the invitation.
 */
function invitationQuery(db: Executor) {
  return db
    .select({
      invitation: {
        id: surveyInvitations.id,
        tenantId: surveyInvitations.tenantId,
        campaignId: surveyInvitations.campaignId,
        projectId: surveyInvitations.projectId,
        buildingId: surveyInvitations.buildingId,
        householdId: surveyInvitations.householdId,
        status: surveyInvitations.status,
      },
      campaign: {
        name: campaigns.name,
        status: campaigns.status,
        opensAt: campaigns.opensAt,
        closesAt: campaigns.closesAt,
        surveyId: campaigns.surveyId,
        surveyVersion: campaigns.surveyVersion,
        quotas: campaigns.quotas,
      },
      response: {
        id: surveyResponses.id,
        status: surveyResponses.status,
        answers: surveyResponses.answers,
        updatedAt: surveyResponses.updatedAt,
        submittedAt: surveyResponses.submittedAt,
      },
    })
    .from(surveyInvitations)
    .innerJoin(campaigns, and(eq(campaigns.tenantId, surveyInvitations.tenantId), eq(campaigns.id, surveyInvitations.campaignId)))
    .leftJoin(
      surveyResponses,
      and(
        eq(surveyResponses.tenantId, surveyInvitations.tenantId),
        eq(surveyResponses.campaignId, surveyInvitations.campaignId),
        eq(surveyResponses.householdId, surveyInvitations.householdId),
      ),
    )
    .where(eq(surveyInvitations.tokenDigest, sql.placeholder('digest')))
    .prepare('answer_invitation_by_token');
}

/** Every answering call starts with this lookup. */
const preparedInvitation = preparedOnce(invitationQuery);

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByDigest>>>;

export async function findInvitationByDigest(db: Executor, digest: string) {
  const [row] = await preparedInvitation(db).execute({ digest });
  return row;
}

/**
 * Frozen questionnaire versions never change (survey_versions.frozen_at), so they are kept in
 * memory: the submit path then costs no definition read. A version not yet frozen is read each time.
 */
const definitionCache = new WeakMap<Executor, Map<string, SurveyDefinition>>();
const definitionCacheLimit = 500;

export async function pinnedDefinition(db: Executor, tenantId: string, surveyId: string, version: number): Promise<SurveyDefinition | undefined> {
  let cache = definitionCache.get(db);
  if (!cache) definitionCache.set(db, (cache = new Map()));
  const cacheKey = `${tenantId}:${surveyId}:${version}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const [row] = await db
    .select({ definition: surveyVersions.definition, frozenAt: surveyVersions.frozenAt })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
  if (!row) return undefined;
  const definition = row.definition as SurveyDefinition;
  if (row.frozenAt) {
    if (cache.size >= definitionCacheLimit) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, definition);
  }
  return definition;
}

export async function householdAddress(db: Executor, tenantId: string, householdId: string) {
  const [row] = await db
    .select({ room: households.room, buildingName: buildings.name, unitName: units.name, projectName: projects.name })
    .from(households)
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .innerJoin(projects, and(eq(projects.tenantId, households.tenantId), eq(projects.id, households.projectId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(households.tenantId, tenantId), eq(households.id, householdId)));
  return row;
}

export async function markOpened(db: Executor, invitation: { tenantId: string; id: string }, at: Date): Promise<void> {
  await db
    .update(surveyInvitations)
    .set({ status: 'opened', openedAt: at })
    .where(and(eq(surveyInvitations.tenantId, invitation.tenantId), eq(surveyInvitations.id, invitation.id), eq(surveyInvitations.status, 'invited')));
}

type ResponseTarget = {
  tenantId: string;
  campaignId: string;
  surveyVersion: number;
  invitationId: string | null;
  projectId: string;
  buildingId: string | null;
  householdId: string;
};

const householdConflict = sql`(tenant_id, campaign_id, household_id) where household_id is not null`;

/**
 * A partial save: creates the household's response or replaces its answers, but never touches a
 * complete one (returns undefined then). The invitation moves to `partial` with it.
 */
export async function saveDraftAnswers(db: Executor, target: ResponseTarget, answers: Answers, at: Date): Promise<Date | undefined> {
  const [row] = await queryRows<{ updated_at: string | Date }>(
    db,
    sql`
    with saved as (
      insert into ${surveyResponses} (id, tenant_id, campaign_id, survey_version, invitation_id, project_id, building_id, household_id, source, status, answers, started_at, updated_at)
      values (${uuidv7()}, ${target.tenantId}, ${target.campaignId}, ${target.surveyVersion}, ${target.invitationId}, ${target.projectId}, ${target.buildingId},
        ${target.householdId}, 'h5', 'partial', ${JSON.stringify(answers)}::jsonb, ${at.toISOString()}, ${at.toISOString()})
      on conflict ${householdConflict}
      do update set answers = excluded.answers, updated_at = excluded.updated_at
      where ${surveyResponses}.status = 'partial'
      returning updated_at
    ), invitation as (
      update ${surveyInvitations} set status = 'partial'
      where tenant_id = ${target.tenantId} and id = ${target.invitationId} and status in ('invited', 'opened') and exists (select 1 from saved)
    )
    select updated_at from saved`,
  );
  return row ? new Date(row.updated_at) : undefined;
}

const slot = (name: string) => sql.placeholder(name);

/**
 * The submission in one statement (one round trip, atomic without an explicit transaction): the
 * household's response becomes complete unless it already is, the invitation is marked completed
 * and the response is queued for the background readers (queue.ts) with it. Two submissions
 * racing for the same household meet on the unique index (tenant, campaign, household): the
 * second waits for the first's row lock, then finds it complete and writes nothing (no row).
 * Prepared: every owner's submission runs it, and planning the three writes costs more than running them.
 */
const completeStatement = preparedSql<{ id: string; submitted_at: string | Date }>(
  'answer_complete',
  sql`
  with saved as (
    insert into ${surveyResponses} (id, tenant_id, campaign_id, survey_version, invitation_id, project_id, building_id, household_id, source, status, answers, entered_by_id, started_at, submitted_at, updated_at)
    values (${slot('id')}, ${slot('tenantId')}, ${slot('campaignId')}, ${slot('surveyVersion')}, ${slot('invitationId')}, ${slot('projectId')}, ${slot('buildingId')},
      ${slot('householdId')}, ${slot('source')}, 'complete', ${slot('answers')}::jsonb, ${slot('enteredById')}, ${slot('startedAt')}, ${slot('submittedAt')}, ${slot('submittedAt')})
    on conflict ${householdConflict}
    do update set answers = excluded.answers, status = 'complete', source = excluded.source, entered_by_id = excluded.entered_by_id,
      submitted_at = excluded.submitted_at, updated_at = excluded.updated_at
    where ${surveyResponses}.status = 'partial'
    returning id, tenant_id, campaign_id, submitted_at
  ), queued as (${enqueueFrom(sql`saved`)}
  ), invitation as (
    update ${surveyInvitations} set status = 'completed', completed_at = ${slot('submittedAt')}
    where tenant_id = ${slot('tenantId')} and id = ${slot('invitationId')} and exists (select 1 from saved)
  )
  select id, submitted_at from saved`,
);

export async function completeResponse(
  db: Executor,
  target: ResponseTarget,
  input: { answers: Answers; source: 'h5' | 'paper'; enteredById: string | null; startedAt: Date; submittedAt: Date },
): Promise<{ id: string; submittedAt: Date } | undefined> {
  const [row] = await completeStatement(db).execute({
    id: uuidv7(),
    ...target,
    source: input.source,
    answers: JSON.stringify(input.answers),
    enteredById: input.enteredById,
    startedAt: input.startedAt.toISOString(),
    submittedAt: input.submittedAt.toISOString(),
  });
  return row ? { id: row.id, submittedAt: new Date(row.submitted_at) } : undefined;
}

export async function findCampaign(db: Executor, tenantId: string, campaignId: string) {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)));
  return row;
}

export async function findInvitationOfHousehold(db: Executor, tenantId: string, campaignId: string, householdId: string) {
  const [row] = await db
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.campaignId, campaignId), eq(surveyInvitations.householdId, householdId)));
  return row;
}

export async function responseStatusOf(db: Executor, tenantId: string, campaignId: string, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({ householdId: surveyResponses.householdId, status: surveyResponses.status })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.tenantId, tenantId), eq(surveyResponses.campaignId, campaignId), inArray(surveyResponses.householdId, householdIds)));
}

/** The poster whose token has this digest, with its campaign and company (any company: the poster page comes before sign-in). */
export async function findPosterByDigest(db: Executor, digest: string) {
  const [row] = await db
    .select({ poster: surveyPosters, campaign: campaigns, tenant: { code: tenants.code, name: tenants.name } })
    .from(surveyPosters)
    .innerJoin(campaigns, and(eq(campaigns.tenantId, surveyPosters.tenantId), eq(campaigns.id, surveyPosters.campaignId)))
    .innerJoin(tenants, eq(tenants.id, surveyPosters.tenantId))
    .where(eq(surveyPosters.tokenDigest, digest));
  return row;
}

/** Whether any resident of the household carries one of the tags. */
export async function householdHasTaggedResident(db: Executor, tenantId: string, householdId: string, tags: string[]): Promise<boolean> {
  const [tagged] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.householdId, householdId), arrayOverlaps(persons.tags, tags)))
    .limit(1);
  return tagged !== undefined;
}

/** The first household (roster order) in the building where the resident matched by `resident` is registered. */
export async function residentHomeInBuilding(db: Executor, tenantId: string, resident: { phone: string } | { personId: string }, buildingId: string) {
  const match: SQL = 'phone' in resident ? eq(persons.phone, resident.phone) : eq(persons.id, resident.personId);
  const [home] = await db
    .select({
      id: households.id,
      projectId: households.projectId,
      buildingId: households.buildingId,
      status: households.status,
      room: households.room,
      buildingName: buildings.name,
      unitName: units.name,
    })
    .from(persons)
    .innerJoin(households, and(eq(households.tenantId, persons.tenantId), eq(households.id, persons.householdId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(eq(persons.tenantId, tenantId), match, eq(households.buildingId, buildingId)))
    .orderBy(asc(households.sortKey))
    .limit(1);
  return home;
}

/** The household's invitation to the campaign with the status of its response, if any. */
export async function invitationWithResponse(db: Executor, tenantId: string, campaignId: string, householdId: string) {
  const [existing] = await db
    .select({ id: surveyInvitations.id, status: surveyInvitations.status, response: surveyResponses.status })
    .from(surveyInvitations)
    .leftJoin(
      surveyResponses,
      and(
        eq(surveyResponses.tenantId, surveyInvitations.tenantId),
        eq(surveyResponses.campaignId, surveyInvitations.campaignId),
        eq(surveyResponses.householdId, surveyInvitations.householdId),
      ),
    )
    .where(and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.campaignId, campaignId), eq(surveyInvitations.householdId, householdId)));
  return existing;
}

/** Whether the household was invited to another campaign after `since`, answered or not. */
export async function invitedElsewhereSince(db: Executor, tenantId: string, householdId: string, campaignId: string, since: Date): Promise<boolean> {
  const [recent] = await db
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.tenantId, tenantId),
        eq(surveyInvitations.householdId, householdId),
        ne(surveyInvitations.campaignId, campaignId),
        gt(surveyInvitations.invitedAt, since),
      ),
    )
    .limit(1);
  return recent !== undefined;
}

export async function insertInvitation(db: Executor, row: typeof surveyInvitations.$inferInsert): Promise<string> {
  const [invitation] = await db.insert(surveyInvitations).values(row).returning({ id: surveyInvitations.id });
  return invitation!.id;
}
