import { buildings, campaigns, households, persons, projects, surveyInvitations, surveyResponses, surveys, surveyVersions, type Executor } from '@manyi/db';
import { and, arrayOverlaps, asc, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Candidate } from './plan';
import type { PopulationFilter } from '@manyi/contracts/campaigns';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignWithSurvey = { campaign: CampaignRow; surveyName: string };

const withSurvey = { campaign: campaigns, surveyName: surveys.name };

export async function findCampaignRow(db: Executor, tenantId: string, id: string): Promise<CampaignWithSurvey | undefined> {
  const [row] = await db.select(withSurvey).from(campaigns)
    .innerJoin(surveys, and(eq(surveys.tenantId, campaigns.tenantId), eq(surveys.id, campaigns.surveyId)))
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id)));
  return row;
}

export async function listCampaignRows(db: Executor, tenantId: string, filter: { status?: string | undefined; surveyId?: string | undefined }): Promise<CampaignWithSurvey[]> {
  return db.select(withSurvey).from(campaigns)
    .innerJoin(surveys, and(eq(surveys.tenantId, campaigns.tenantId), eq(surveys.id, campaigns.surveyId)))
    .where(and(
      eq(campaigns.tenantId, tenantId),
      filter.status ? eq(campaigns.status, filter.status) : undefined,
      filter.surveyId ? eq(campaigns.surveyId, filter.surveyId) : undefined,
    ))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(500);
}

/** Moves a campaign on only from the status it was read in; undefined when someone else moved it first. */
export async function updateCampaignFrom(db: Executor, row: CampaignRow, set: Partial<CampaignRow>, now: Date): Promise<CampaignRow | undefined> {
  const [updated] = await db.update(campaigns).set({ ...set, updatedAt: now })
    .where(and(eq(campaigns.tenantId, row.tenantId), eq(campaigns.id, row.id), eq(campaigns.status, row.status)))
    .returning();
  return updated;
}

export async function findSurveyVersionRow(db: Executor, tenantId: string, surveyId: string, version: number) {
  const [row] = await db.select({ survey: surveys, frozenAt: surveyVersions.frozenAt }).from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.tenantId, surveys.tenantId), eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, version)))
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId)));
  return row;
}

export async function projectNames(db: Executor, tenantId: string, ids: readonly string[] | null): Promise<Map<string, string>> {
  const rows = await db.select({ id: projects.id, name: projects.name }).from(projects)
    .where(and(eq(projects.tenantId, tenantId), ids ? inArray(projects.id, [...ids]) : undefined));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function buildingRows(db: Executor, tenantId: string, ids: readonly string[] | null, projectIds?: readonly string[] | null) {
  return db.select({ id: buildings.id, name: buildings.name, projectId: buildings.projectId, projectName: projects.name }).from(buildings)
    .innerJoin(projects, and(eq(projects.tenantId, buildings.tenantId), eq(projects.id, buildings.projectId)))
    .where(and(
      eq(buildings.tenantId, tenantId),
      ids ? inArray(buildings.id, [...ids]) : undefined,
      projectIds ? inArray(buildings.projectId, [...projectIds]) : undefined,
    ));
}

/**
 * Households matching the population filter within the given projects (null = all), each with
 * whether it was invited to another campaign of the company since `contactedSince` — the
 * contact-frequency rule of issue 4 §3, which counts an invitation as a contact answered or not.
 */
export async function populationRows(
  db: Executor, tenantId: string, filter: PopulationFilter, projectIds: readonly string[] | null, contactedSince: Date, exceptCampaignId: string | null,
): Promise<(Candidate & { contacted: boolean })[]> {
  const tagged = filter.ownerTags.length === 0 ? undefined : inArray(households.id, db.select({ id: persons.householdId }).from(persons)
    .where(and(eq(persons.tenantId, tenantId), arrayOverlaps(persons.tags, filter.ownerTags))));
  const [rows, contacted] = await Promise.all([
    db.select({ id: households.id, projectId: households.projectId, buildingId: households.buildingId }).from(households)
      .where(and(
        eq(households.tenantId, tenantId),
        projectIds ? inArray(households.projectId, [...projectIds]) : undefined,
        filter.projectIds.length > 0 ? inArray(households.projectId, filter.projectIds) : undefined,
        filter.buildingIds.length > 0 ? inArray(households.buildingId, filter.buildingIds) : undefined,
        filter.householdStatuses.length > 0 ? inArray(households.status, filter.householdStatuses) : undefined,
        tagged,
      )),
    db.selectDistinct({ id: surveyInvitations.householdId }).from(surveyInvitations)
      .where(and(
        eq(surveyInvitations.tenantId, tenantId), gt(surveyInvitations.invitedAt, contactedSince),
        exceptCampaignId ? ne(surveyInvitations.campaignId, exceptCampaignId) : undefined,
      )),
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
  return db.select({
    projectId: surveyInvitations.projectId, buildingId: surveyInvitations.buildingId, status: surveyInvitations.status, count: sql<number>`count(*)::int`,
  }).from(surveyInvitations)
    .where(and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.campaignId, campaignId), projectIds ? inArray(surveyInvitations.projectId, [...projectIds]) : undefined))
    .groupBy(surveyInvitations.projectId, surveyInvitations.buildingId, surveyInvitations.status);
}

/** Complete responses of the campaign in a project or building (whatever their source: H5, paper, import). */
export async function completedIn(db: Executor, tenantId: string, campaignId: string, level: 'project' | 'building', id: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(surveyResponses)
    .where(and(
      eq(surveyResponses.tenantId, tenantId), eq(surveyResponses.campaignId, campaignId), eq(surveyResponses.status, 'complete'),
      level === 'project' ? eq(surveyResponses.projectId, id) : eq(surveyResponses.buildingId, id),
    ));
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
  const rows = await db.update(surveyInvitations).set({ status: 'expired' })
    .where(and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.campaignId, campaignId), inArray(surveyInvitations.status, ['invited', 'opened'])))
    .returning({ id: surveyInvitations.id });
  return rows.length;
}

/** Phones of the owners (业主) of the given households; tenants and family members are not pestered. */
export async function ownerPhones(db: Executor, tenantId: string, householdIds: readonly string[]): Promise<{ householdId: string; phone: string }[]> {
  if (householdIds.length === 0) return [];
  const rows = await db.selectDistinct({ householdId: persons.householdId, phone: persons.phone }).from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.householdId, [...householdIds]), eq(persons.role, 'owner')))
    .orderBy(asc(persons.householdId));
  return rows.flatMap((row) => (row.phone ? [{ householdId: row.householdId, phone: row.phone }] : []));
}
