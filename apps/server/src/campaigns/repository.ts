import {
  buildings,
  campaigns,
  households,
  persons,
  projects,
  surveyInvitations,
  surveyPosters,
  surveyResponses,
  surveys,
  surveyVersions,
  tenants,
  units,
  type Executor,
} from '@manyi/db';
import { and, arrayOverlaps, asc, desc, eq, gt, inArray, isNull, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Candidate } from './plan';
import type { InvitationQuery, PopulationFilter } from '@manyi/contracts/campaigns';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignWithSurvey = { campaign: CampaignRow; surveyName: string };

const withSurvey = { campaign: campaigns, surveyName: surveys.name };

export async function findCampaignRow(db: Executor, tenantId: string, id: string): Promise<CampaignWithSurvey | undefined> {
  const [row] = await db
    .select(withSurvey)
    .from(campaigns)
    .innerJoin(surveys, and(eq(surveys.tenantId, campaigns.tenantId), eq(surveys.id, campaigns.surveyId)))
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id)));
  return row;
}

export async function listCampaignRows(
  db: Executor,
  tenantId: string,
  filter: { status?: string | undefined; surveyId?: string | undefined },
): Promise<CampaignWithSurvey[]> {
  return db
    .select(withSurvey)
    .from(campaigns)
    .innerJoin(surveys, and(eq(surveys.tenantId, campaigns.tenantId), eq(surveys.id, campaigns.surveyId)))
    .where(
      and(
        eq(campaigns.tenantId, tenantId),
        filter.status ? eq(campaigns.status, filter.status) : undefined,
        filter.surveyId ? eq(campaigns.surveyId, filter.surveyId) : undefined,
      ),
    )
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(500);
}

/** Moves a campaign on only from the status it was read in; undefined when someone else moved it first. */
export async function updateCampaignFrom(db: Executor, row: CampaignRow, set: Partial<CampaignRow>, now: Date): Promise<CampaignRow | undefined> {
  const [updated] = await db
    .update(campaigns)
    .set({ ...set, updatedAt: now })
    .where(and(eq(campaigns.tenantId, row.tenantId), eq(campaigns.id, row.id), eq(campaigns.status, row.status)))
    .returning();
  return updated;
}

export async function findSurveyVersionRow(db: Executor, tenantId: string, surveyId: string, version: number) {
  const [row] = await db
    .select({ survey: surveys, frozenAt: surveyVersions.frozenAt })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.tenantId, surveys.tenantId), eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, version)))
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId)));
  return row;
}

export async function projectNames(db: Executor, tenantId: string, ids: readonly string[] | null): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), ids ? inArray(projects.id, [...ids]) : undefined));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function buildingRows(db: Executor, tenantId: string, ids: readonly string[] | null, projectIds?: readonly string[] | null) {
  return db
    .select({ id: buildings.id, name: buildings.name, projectId: buildings.projectId, projectName: projects.name })
    .from(buildings)
    .innerJoin(projects, and(eq(projects.tenantId, buildings.tenantId), eq(projects.id, buildings.projectId)))
    .where(
      and(
        eq(buildings.tenantId, tenantId),
        ids ? inArray(buildings.id, [...ids]) : undefined,
        projectIds ? inArray(buildings.projectId, [...projectIds]) : undefined,
      ),
    );
}

/**
 * Households matching the population filter within the given projects (null = all), each with
 * whether it was invited to another campaign of the company since `contactedSince` — the
 * contact-frequency rule of issue 4 §3, which counts an invitation as a contact answered or not.
 */
export async function populationRows(
  db: Executor,
  tenantId: string,
  filter: PopulationFilter,
  projectIds: readonly string[] | null,
  contactedSince: Date,
  exceptCampaignId: string | null,
): Promise<(Candidate & { contacted: boolean })[]> {
  const tagged =
    filter.ownerTags.length === 0
      ? undefined
      : inArray(
          households.id,
          db
            .select({ id: persons.householdId })
            .from(persons)
            .where(and(eq(persons.tenantId, tenantId), arrayOverlaps(persons.tags, filter.ownerTags))),
        );
  const [rows, contacted] = await Promise.all([
    db
      .select({ id: households.id, projectId: households.projectId, buildingId: households.buildingId })
      .from(households)
      .where(
        and(
          eq(households.tenantId, tenantId),
          projectIds ? inArray(households.projectId, [...projectIds]) : undefined,
          filter.projectIds.length > 0 ? inArray(households.projectId, filter.projectIds) : undefined,
          filter.buildingIds.length > 0 ? inArray(households.buildingId, filter.buildingIds) : undefined,
          filter.householdStatuses.length > 0 ? inArray(households.status, filter.householdStatuses) : undefined,
          tagged,
        ),
      ),
    db
      .selectDistinct({ id: surveyInvitations.householdId })
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.tenantId, tenantId),
          gt(surveyInvitations.invitedAt, contactedSince),
          exceptCampaignId ? ne(surveyInvitations.campaignId, exceptCampaignId) : undefined,
        ),
      ),
  ]);
  const recent = new Set(contacted.map((row) => row.id));
  return rows.map((row) => ({ ...row, contacted: recent.has(row.id) }));
}

export type InvitationInsert = typeof surveyInvitations.$inferInsert;

/** Large censuses are inserted in slices so one statement stays well under the parameter limit. */
export async function insertInvitations(db: Executor, rows: readonly InvitationInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    await db.insert(surveyInvitations).values(rows.slice(start, start + 1000));
  }
}

export type StatusCount = { projectId: string; buildingId: string | null; status: string; count: number };

export async function invitationStatusCounts(db: Executor, tenantId: string, campaignId: string, projectIds: readonly string[] | null): Promise<StatusCount[]> {
  return db
    .select({
      projectId: surveyInvitations.projectId,
      buildingId: surveyInvitations.buildingId,
      status: surveyInvitations.status,
      count: sql<number>`count(*)::int`,
    })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.tenantId, tenantId),
        eq(surveyInvitations.campaignId, campaignId),
        projectIds ? inArray(surveyInvitations.projectId, [...projectIds]) : undefined,
      ),
    )
    .groupBy(surveyInvitations.projectId, surveyInvitations.buildingId, surveyInvitations.status);
}

/** Complete responses of the campaign in a project or building (whatever their source: H5, paper, import). */
export async function completedIn(db: Executor, tenantId: string, campaignId: string, level: 'project' | 'building', id: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.tenantId, tenantId),
        eq(surveyResponses.campaignId, campaignId),
        eq(surveyResponses.status, 'complete'),
        level === 'project' ? eq(surveyResponses.projectId, id) : eq(surveyResponses.buildingId, id),
      ),
    );
  return row?.count ?? 0;
}

/**
 * open → closed at `closesAt`, and the invitations nobody started expire (partly answered ones keep
 * their answers): the step the console's close and the closing-time pass share. Returns how many
 * expired, or undefined when the campaign was no longer open (someone else closed it first).
 */
export async function closeOpenCampaign(tx: Executor, row: CampaignRow, closesAt: Date | null, now: Date): Promise<number | undefined> {
  if (!(await updateCampaignFrom(tx, row, { status: 'closed', closesAt }, now))) return undefined;
  return expireUnanswered(tx, row.tenantId, row.id);
}

export async function expireUnanswered(db: Executor, tenantId: string, campaignId: string): Promise<number> {
  const rows = await db
    .update(surveyInvitations)
    .set({ status: 'expired' })
    .where(
      and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.campaignId, campaignId), inArray(surveyInvitations.status, ['invited', 'opened'])),
    )
    .returning({ id: surveyInvitations.id });
  return rows.length;
}

/** Phones of the owners (业主) of the given households; tenants and family members are not pestered. */
export async function ownerPhones(db: Executor, tenantId: string, householdIds: readonly string[]): Promise<{ householdId: string; phone: string }[]> {
  if (householdIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ householdId: persons.householdId, phone: persons.phone })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.householdId, [...householdIds]), eq(persons.role, 'owner')))
    .orderBy(asc(persons.householdId));
  return rows.flatMap((row) => (row.phone ? [{ householdId: row.householdId, phone: row.phone }] : []));
}

export async function insertCampaign(db: Executor, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [created] = await db.insert(campaigns).values(row).returning();
  return created!;
}

export async function tenantName(db: Executor, tenantId: string): Promise<string | undefined> {
  const [tenant] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return tenant?.name;
}

/** The campaign's invitations in the given projects (null: all) narrowed by the filter; `unanswered` leaves out completed and expired ones. */
function invitationScope(
  tenantId: string,
  campaignId: string,
  projectIds: readonly string[] | null,
  filter: InvitationQuery,
  unanswered: boolean,
): SQL | undefined {
  return and(
    eq(surveyInvitations.tenantId, tenantId),
    eq(surveyInvitations.campaignId, campaignId),
    projectIds ? inArray(surveyInvitations.projectId, [...projectIds]) : undefined,
    filter.projectId ? eq(surveyInvitations.projectId, filter.projectId) : undefined,
    filter.buildingId ? eq(surveyInvitations.buildingId, filter.buildingId) : undefined,
    filter.status ? eq(surveyInvitations.status, filter.status) : undefined,
    unanswered ? notInArray(surveyInvitations.status, ['completed', 'expired']) : undefined,
  );
}

/** Invitations with their household's place and first-registered owner, in roster order; `invitationId` picks one. */
export function invitationRows(
  db: Executor,
  tenantId: string,
  campaignId: string,
  projectIds: readonly string[] | null,
  filter: InvitationQuery,
  unanswered: boolean,
  invitationId?: string,
) {
  return db
    .select({
      invitation: surveyInvitations,
      room: households.room,
      buildingName: buildings.name,
      unitName: units.name,
      sortKey: households.sortKey,
      owner: sql<
        string | null
      >`(select ${persons.name} || coalesce(' ' || ${persons.phone}, '') from ${persons} where ${persons.tenantId} = ${households.tenantId}
      and ${persons.householdId} = ${households.id} and ${persons.role} = 'owner' order by ${persons.createdAt} limit 1)`,
    })
    .from(surveyInvitations)
    .innerJoin(households, and(eq(households.tenantId, surveyInvitations.tenantId), eq(households.id, surveyInvitations.householdId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(invitationScope(tenantId, campaignId, projectIds, filter, unanswered), invitationId ? eq(surveyInvitations.id, invitationId) : undefined))
    .orderBy(asc(households.projectId), asc(households.sortKey));
}

/** One UPDATE per slice of rows: new digests joined in from a VALUES list. */
export async function replaceDigests(db: Executor, tenantId: string, pairs: readonly { id: string; digest: string }[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += 1000) {
    const values = sql.join(
      pairs.slice(start, start + 1000).map((pair) => sql`(${pair.id}::uuid, ${pair.digest})`),
      sql`, `,
    );
    await db.execute(sql`update ${surveyInvitations} set token_digest = fresh.digest from (values ${values}) as fresh(id, digest)
      where ${surveyInvitations.tenantId} = ${tenantId} and ${surveyInvitations.id} = fresh.id`);
  }
}

export async function setInvitationDigest(db: Executor, tenantId: string, invitationId: string, digest: string): Promise<void> {
  await db
    .update(surveyInvitations)
    .set({ tokenDigest: digest })
    .where(and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.id, invitationId)));
}

/** The building's poster of the campaign takes the new digest (one poster per building and campaign). */
export async function upsertPosterDigest(db: Executor, tenantId: string, campaignId: string, buildingId: string, digest: string): Promise<void> {
  await db
    .insert(surveyPosters)
    .values({ tenantId, campaignId, buildingId, tokenDigest: digest })
    .onConflictDoUpdate({ target: [surveyPosters.tenantId, surveyPosters.campaignId, surveyPosters.buildingId], set: { tokenDigest: digest } });
}

export type ReminderScope = { tenantId: string; campaignId: string; projectIds: readonly string[] | null; filter: InvitationQuery };

const unansweredScope = (scope: ReminderScope) => invitationScope(scope.tenantId, scope.campaignId, scope.projectIds, scope.filter, true);

export async function unansweredInvitations(db: Executor, scope: ReminderScope) {
  return db
    .select({ id: surveyInvitations.id, householdId: surveyInvitations.householdId, remindedAt: surveyInvitations.remindedAt })
    .from(surveyInvitations)
    .where(unansweredScope(scope));
}

/**
 * Marks the invitations reminded at `now`. The interval is re-checked in the UPDATE so two staff
 * pressing the button at once remind each household once.
 */
export async function markReminded(db: Executor, scope: ReminderScope, ids: readonly string[], now: Date, remindedBefore: Date): Promise<void> {
  await db
    .update(surveyInvitations)
    .set({ remindedAt: now, reminderCount: sql`${surveyInvitations.reminderCount} + 1` })
    .where(
      and(
        unansweredScope(scope),
        inArray(surveyInvitations.id, [...ids]),
        or(isNull(surveyInvitations.remindedAt), lte(surveyInvitations.remindedAt, remindedBefore)),
      ),
    );
}

/** Open campaigns of every company whose closing time has passed (the background closing pass). */
export async function endedOpenCampaigns(db: Executor, now: Date): Promise<CampaignRow[]> {
  return db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.status, 'open'), lte(campaigns.closesAt, now)));
}
