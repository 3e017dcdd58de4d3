import { householdLabel, type SurveyDefinition } from '@manyi/core';
import { buildings, campaigns, households, persons, projects, surveyImports, surveyResponses, surveys, surveyVersions, units, type Executor } from '@manyi/db';
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { insertBatchRows } from '../imports/limits';

export type SurveyImportRow = typeof surveyImports.$inferSelect;

export async function insertImport(db: Executor, values: typeof surveyImports.$inferInsert): Promise<SurveyImportRow> {
  const [row] = await db.insert(surveyImports).values(values).returning();
  return row!;
}

export async function findImport(db: Executor, tenantId: string, id: string): Promise<SurveyImportRow | undefined> {
  const [row] = await db
    .select()
    .from(surveyImports)
    .where(and(eq(surveyImports.tenantId, tenantId), eq(surveyImports.id, id)));
  return row;
}

/** Updates the job only while it is in one of `from` (when given): a stale background step changes nothing. */
export async function updateImport(
  db: Executor,
  tenantId: string,
  id: string,
  values: Partial<SurveyImportRow>,
  from?: string[],
): Promise<SurveyImportRow | undefined> {
  const [row] = await db
    .update(surveyImports)
    .set(values)
    .where(and(eq(surveyImports.tenantId, tenantId), eq(surveyImports.id, id), from ? inArray(surveyImports.status, from) : undefined))
    .returning();
  return row;
}

/** As failInterruptedJobs for household imports: responses left 'validating' or 'committing' by a stopped process. */
export async function failInterruptedImports(db: Executor, before: Date, now: Date): Promise<number> {
  const rows = await db
    .update(surveyImports)
    .set({ status: 'failed', failure: 'interrupted', finishedAt: now })
    .where(and(inArray(surveyImports.status, ['validating', 'committing']), lt(surveyImports.createdAt, before)))
    .returning({ id: surveyImports.id });
  return rows.length;
}

export type ImportCampaign = { id: string; tenantId: string; name: string; surveyVersion: number; definition: SurveyDefinition };

export async function importCampaign(db: Executor, tenantId: string, campaignId: string): Promise<ImportCampaign | undefined> {
  const [row] = await db
    .select({
      id: campaigns.id,
      tenantId: campaigns.tenantId,
      name: campaigns.name,
      surveyVersion: campaigns.surveyVersion,
      definition: surveyVersions.definition,
    })
    .from(campaigns)
    .innerJoin(
      surveyVersions,
      and(
        eq(surveyVersions.tenantId, campaigns.tenantId),
        eq(surveyVersions.surveyId, campaigns.surveyId),
        eq(surveyVersions.version, campaigns.surveyVersion),
      ),
    )
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)));
  return row && { ...row, definition: row.definition as SurveyDefinition };
}

/**
 * A campaign to hold responses collected elsewhere: pinned to the survey's current version and
 * closed from the start (nobody is invited through Manyi). Null for an unknown or draft survey.
 */
export async function createImportedCampaign(
  db: Executor,
  input: { tenantId: string; surveyId: string; name: string; createdById: string; now: Date },
): Promise<string | null> {
  const [survey] = await db
    .select({ id: surveys.id, version: surveys.currentVersion, status: surveys.status })
    .from(surveys)
    .where(and(eq(surveys.tenantId, input.tenantId), eq(surveys.id, input.surveyId)));
  // A draft may still change under the answers; responses are read only against published (or archived) questionnaires.
  if (!survey || survey.status === 'draft') return null;
  await db
    .update(surveyVersions)
    .set({ frozenAt: input.now })
    .where(and(eq(surveyVersions.tenantId, input.tenantId), eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.version, survey.version)));
  const [campaign] = await db
    .insert(campaigns)
    .values({
      tenantId: input.tenantId,
      surveyId: survey.id,
      surveyVersion: survey.version,
      name: input.name,
      status: 'closed',
      opensAt: input.now,
      closesAt: input.now,
      population: { kind: 'imported' },
      sampling: { kind: 'imported' },
      createdById: input.createdById,
    })
    .returning({ id: campaigns.id });
  return campaign!.id;
}

export type HouseholdPlace = { id: string; projectId: string; buildingId: string };

/** How people write a room: 3栋2单元1201, 3-2-1201, 3-1201 (no unit), each optionally after the project name; compared without spaces. */
export const roomKey = (text: string) =>
  text
    .replace(/\s+/g, '')
    .replace(/[—–_/]/g, '-')
    .toLowerCase();

/** The company's households by every way of writing their room, and by each resident's phone. */
export async function householdDirectory(db: Executor, tenantId: string) {
  const rows = await db
    .select({
      id: households.id,
      projectId: households.projectId,
      buildingId: households.buildingId,
      room: households.room,
      building: buildings.name,
      unit: units.name,
      project: projects.name,
    })
    .from(households)
    .innerJoin(projects, and(eq(projects.tenantId, households.tenantId), eq(projects.id, households.projectId)))
    .innerJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(eq(households.tenantId, tenantId));
  const byRoom = new Map<string, HouseholdPlace | null>();
  const add = (key: string, place: HouseholdPlace) =>
    byRoom.set(roomKey(key), byRoom.has(roomKey(key)) && byRoom.get(roomKey(key))?.id !== place.id ? null : place);
  for (const row of rows) {
    const place = { id: row.id, projectId: row.projectId, buildingId: row.buildingId };
    const label = householdLabel(row.building, row.unit, row.room);
    const dashed = row.unit ? `${row.building}-${row.unit}-${row.room}` : `${row.building}-${row.room}`;
    // The same room exists in several projects of a company: "阳光花园 3栋2单元1201" names one of them.
    for (const key of [label, dashed, `${row.project}${label}`, `${row.project}-${dashed}`]) add(key, place);
  }
  const byId = new Map(rows.map((row) => [row.id, { id: row.id, projectId: row.projectId, buildingId: row.buildingId }]));
  const phones = await db
    .select({ phone: persons.phone, householdId: persons.householdId })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), isNotNull(persons.phone)));
  const byPhone = new Map<string, HouseholdPlace | null>();
  for (const person of phones) {
    const place = byId.get(person.householdId);
    if (!place || !person.phone) continue;
    // A phone shared by two households names neither (null): the row stays anonymous rather than land on the wrong one.
    byPhone.set(person.phone, byPhone.has(person.phone) && byPhone.get(person.phone)?.id !== place.id ? null : place);
  }
  return {
    find(room: string | null, phone: string | null): HouseholdPlace | null | undefined {
      const byRoomHit = room ? byRoom.get(roomKey(room)) : undefined;
      return byRoomHit ?? (phone ? byPhone.get(phone) : undefined);
    },
  };
}
export type HouseholdDirectory = Awaited<ReturnType<typeof householdDirectory>>;

export async function answeredHouseholds(db: Executor, tenantId: string, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .select({ householdId: surveyResponses.householdId })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.tenantId, tenantId), eq(surveyResponses.campaignId, campaignId), isNotNull(surveyResponses.householdId)));
  return new Set(rows.map((row) => row.householdId!));
}

export async function insertResponses(
  db: Executor,
  values: (typeof surveyResponses.$inferInsert)[],
): Promise<{ id: string; tenantId: string; campaignId: string }[]> {
  const written: { id: string; tenantId: string; campaignId: string }[] = [];
  // In slices: one INSERT of a whole file would pass PostgreSQL's 65,535 parameters at about 4,000 rows.
  for (let start = 0; start < values.length; start += insertBatchRows) {
    written.push(
      ...(await db
        .insert(surveyResponses)
        .values(values.slice(start, start + insertBatchRows))
        .returning({ id: surveyResponses.id, tenantId: surveyResponses.tenantId, campaignId: surveyResponses.campaignId })),
    );
  }
  return written;
}
