/**
 * Tenant-scoped queries of the results: the rollup cells (survey_result_cells / _counts), the
 * claim of responses not yet counted, the survey a campaign pins, and the raw responses for the
 * filters and the export that rollups cannot serve.
 */
import type { Answers, IndicatorTreeNode, SurveyDefinition } from '@manyi/core';
import {
  buildings,
  campaigns,
  households,
  indicatorSystemVersions,
  persons,
  projects,
  surveyInvitations,
  surveyResponses,
  surveyResultCells,
  surveyResultCounts,
  surveyResultStaleCells,
  surveyResponseQueue,
  surveys,
  surveyVersions,
  units,
  type Executor,
} from '@manyi/db';
import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { noPlace, type CellMoments, type CountRow } from './cells';

export type CellKey = { tenantId: string; campaignId: string; projectId: string; buildingId: string };

export type CampaignSurvey = {
  campaignId: string;
  tenantId: string;
  name: string;
  previousCampaignId: string | null;
  surveyVersion: number;
  createdAt: Date;
  definition: SurveyDefinition;
  tree: IndicatorTreeNode[] | undefined;
};

/** The questionnaire version a campaign pins and the indicator tree version frozen with it (none when the survey has no system). */
export async function campaignSurvey(db: Executor, tenantId: string, campaignId: string): Promise<CampaignSurvey | undefined> {
  const [row] = await db
    .select({
      campaignId: campaigns.id,
      tenantId: campaigns.tenantId,
      name: campaigns.name,
      previousCampaignId: campaigns.previousCampaignId,
      surveyVersion: campaigns.surveyVersion,
      createdAt: campaigns.createdAt,
      definition: surveyVersions.definition,
      tree: indicatorSystemVersions.tree,
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
    .innerJoin(surveys, and(eq(surveys.tenantId, campaigns.tenantId), eq(surveys.id, campaigns.surveyId)))
    .leftJoin(
      indicatorSystemVersions,
      and(
        eq(indicatorSystemVersions.tenantId, campaigns.tenantId),
        eq(indicatorSystemVersions.systemId, surveys.indicatorSystemId),
        eq(indicatorSystemVersions.version, surveyVersions.indicatorSystemVersion),
      ),
    )
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)));
  return row && { ...row, definition: row.definition as SurveyDefinition, tree: (row.tree as IndicatorTreeNode[] | null) ?? undefined };
}

const cellWhere = (table: typeof surveyResultCells | typeof surveyResultCounts | typeof surveyResultStaleCells, key: CellKey) =>
  and(eq(table.tenantId, key.tenantId), eq(table.campaignId, key.campaignId), eq(table.projectId, key.projectId), eq(table.buildingId, key.buildingId));

/**
 * The cells' rows, locked for this transaction (created empty on first use), so concurrent adds to
 * one cell serialise. Locked in key order, so two aggregators touching the same cells cannot
 * deadlock; one statement each for create and lock whatever the number of cells.
 */
export async function lockCells(
  tx: Executor,
  keys: readonly CellKey[],
  empty: (key: CellKey) => CellMoments,
): Promise<Map<string, { responses: number; moments: CellMoments }>> {
  if (keys.length === 0) return new Map();
  await tx
    .insert(surveyResultCells)
    .values(keys.map((key) => ({ ...key, responses: 0, moments: empty(key) })))
    .onConflictDoNothing();
  const rows = await tx
    .select({
      tenantId: surveyResultCells.tenantId,
      campaignId: surveyResultCells.campaignId,
      projectId: surveyResultCells.projectId,
      buildingId: surveyResultCells.buildingId,
      responses: surveyResultCells.responses,
      moments: surveyResultCells.moments,
    })
    .from(surveyResultCells)
    .where(
      sql`(${surveyResultCells.tenantId}, ${surveyResultCells.campaignId}, ${surveyResultCells.projectId}, ${surveyResultCells.buildingId}) in (${sql.join(
        keys.map((key) => sql`(${key.tenantId}::uuid, ${key.campaignId}::uuid, ${key.projectId}::uuid, ${key.buildingId}::uuid)`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(surveyResultCells.tenantId), asc(surveyResultCells.campaignId), asc(surveyResultCells.projectId), asc(surveyResultCells.buildingId))
    .for('update');
  return new Map(rows.map((row) => [cellKeyText(row), { responses: row.responses, moments: row.moments as CellMoments }]));
}

export const cellKeyText = (key: CellKey) => `${key.tenantId}/${key.campaignId}/${key.projectId}/${key.buildingId}`;

/** New totals and moments of several locked cells, in one statement. */
export async function writeCells(tx: Executor, cells: readonly { key: CellKey; responses: number; moments: CellMoments }[], now: Date): Promise<void> {
  if (cells.length === 0) return;
  const values = sql.join(
    cells.map(
      ({ key, responses, moments }) =>
        sql`(${key.tenantId}::uuid, ${key.campaignId}::uuid, ${key.projectId}::uuid, ${key.buildingId}::uuid, ${responses}::int, ${JSON.stringify(moments)}::jsonb)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update ${surveyResultCells} as cell set responses = v.responses, moments = v.moments, updated_at = ${now.toISOString()}::timestamptz
    from (values ${values}) as v(tenant_id, campaign_id, project_id, building_id, responses, moments)
    where cell.tenant_id = v.tenant_id and cell.campaign_id = v.campaign_id and cell.project_id = v.project_id and cell.building_id = v.building_id`);
}

/**
 * A PostgreSQL array literal. Safe without escaping because every element is a uuid, an integer,
 * or a question key / item / option value, which the definition schema limits to [A-Za-z0-9_-]
 * (plus the reserved '#answered', '#kano'); texts are quoted so that '' stays an element.
 */
const arrayLiteral = (values: readonly (string | number)[], quote: boolean) => `{${values.map((value) => (quote ? `"${value}"` : String(value))).join(',')}}`;

/**
 * Adds counts to cells: insert, or add to the existing count (the cell rows are locked by the
 * caller). One statement per 20,000 rows, the rows passed as eight arrays and unnested in SQL —
 * a multi-row VALUES of that size costs more to build and bind than to execute.
 */
export async function addCounts(tx: Executor, rows: readonly (CountRow & CellKey)[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 20_000) {
    const slice = rows.slice(start, start + 20_000);
    const column = <K extends keyof (CountRow & CellKey)>(key: K, quote: boolean) =>
      arrayLiteral(
        slice.map((row) => row[key]),
        quote,
      );
    await tx.execute(sql`
      insert into ${surveyResultCounts} (tenant_id, campaign_id, project_id, building_id, question_key, item, value, count)
      select * from unnest(${column('tenantId', false)}::uuid[], ${column('campaignId', false)}::uuid[], ${column('projectId', false)}::uuid[], ${column('buildingId', false)}::uuid[],
        ${column('questionKey', true)}::text[], ${column('item', true)}::text[], ${column('value', false)}::int[], ${column('count', false)}::int[])
      on conflict (tenant_id, campaign_id, project_id, building_id, question_key, item, value) do update set count = ${surveyResultCounts}.count + excluded.count`);
  }
}

export async function clearCell(tx: Executor, key: CellKey): Promise<void> {
  await tx.delete(surveyResultCounts).where(cellWhere(surveyResultCounts, key));
  await tx.delete(surveyResultCells).where(cellWhere(surveyResultCells, key));
}

/**
 * The complete responses of one cell that the aggregator has already counted (no 'results' queue
 * row): the input of a recount. Read after the cell row is locked, so an aggregator that added to
 * the cell has committed (its queue rows are gone: included here) and one waiting for the cell
 * still holds its queue rows (excluded here; it adds them after the recount commits).
 */
export async function countedCellResponses(tx: Executor, key: CellKey): Promise<{ answers: unknown }[]> {
  const place = (column: typeof surveyResponses.projectId | typeof surveyResponses.buildingId, id: string) =>
    id === noPlace ? isNull(column) : eq(column, id);
  return tx
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.tenantId, key.tenantId),
        eq(surveyResponses.campaignId, key.campaignId),
        eq(surveyResponses.status, 'complete'),
        place(surveyResponses.projectId, key.projectId),
        place(surveyResponses.buildingId, key.buildingId),
        sql`not exists (select 1 from ${surveyResponseQueue} q where q.consumer = 'results' and q.tenant_id = ${surveyResponses.tenantId}
        and q.campaign_id = ${surveyResponses.campaignId} and q.response_id = ${surveyResponses.id})`,
      ),
    );
}

/** Asks the aggregator to recount a cell from its responses (e.g. after answers were replaced); idempotent. */
export async function markCellStale(tx: Executor, key: CellKey): Promise<void> {
  await tx.insert(surveyResultStaleCells).values(key).onConflictDoNothing();
}

export async function claimStaleCells(tx: Executor, limit: number, tenantIds?: readonly string[]): Promise<CellKey[]> {
  return tx
    .select({
      tenantId: surveyResultStaleCells.tenantId,
      campaignId: surveyResultStaleCells.campaignId,
      projectId: surveyResultStaleCells.projectId,
      buildingId: surveyResultStaleCells.buildingId,
    })
    .from(surveyResultStaleCells)
    .where(tenantIds ? inArray(surveyResultStaleCells.tenantId, [...tenantIds]) : undefined)
    .orderBy(asc(surveyResultStaleCells.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function dropStaleCell(tx: Executor, key: CellKey): Promise<void> {
  await tx.delete(surveyResultStaleCells).where(cellWhere(surveyResultStaleCells, key));
}

export type CellFilter = { tenantId: string; campaignId: string; projectIds: readonly string[] | null; buildingId?: string | undefined };

function cellFilter(table: typeof surveyResultCells | typeof surveyResultCounts, filter: CellFilter) {
  return and(
    eq(table.tenantId, filter.tenantId),
    eq(table.campaignId, filter.campaignId),
    filter.projectIds ? inArray(table.projectId, [...filter.projectIds]) : undefined,
    filter.buildingId ? eq(table.buildingId, filter.buildingId) : undefined,
  );
}

/** The rollup of the cells a filter selects: responses, summed counts (one row per question/item/value) and each cell's moments. */
export async function readRollup(db: Executor, filter: CellFilter): Promise<{ responses: number; counts: CountRow[]; moments: CellMoments[] }> {
  if (filter.projectIds && filter.projectIds.length === 0) return { responses: 0, counts: [], moments: [] };
  const [cells, counts] = await Promise.all([
    db
      .select({ responses: surveyResultCells.responses, moments: surveyResultCells.moments })
      .from(surveyResultCells)
      .where(cellFilter(surveyResultCells, filter)),
    db
      .select({
        questionKey: surveyResultCounts.questionKey,
        item: surveyResultCounts.item,
        value: surveyResultCounts.value,
        count: sql<number>`sum(${surveyResultCounts.count})::int`,
      })
      .from(surveyResultCounts)
      .where(cellFilter(surveyResultCounts, filter))
      .groupBy(surveyResultCounts.questionKey, surveyResultCounts.item, surveyResultCounts.value),
  ]);
  return { responses: cells.reduce((total, cell) => total + cell.responses, 0), counts, moments: cells.map((cell) => cell.moments as CellMoments) };
}

export type PlaceCount = { projectId: string; buildingId: string; count: number };

/** Responses counted per cell (project × building) within the filter: the "completed" side of response rates. */
export async function cellResponses(db: Executor, filter: CellFilter): Promise<PlaceCount[]> {
  if (filter.projectIds && filter.projectIds.length === 0) return [];
  return db
    .select({ projectId: surveyResultCells.projectId, buildingId: surveyResultCells.buildingId, count: surveyResultCells.responses })
    .from(surveyResultCells)
    .where(cellFilter(surveyResultCells, filter));
}

/**
 * Invitations per project × building of a campaign. They are drawn once, at launch, so the count
 * is kept in memory for a minute: grouping a million invitations costs about a second, which the
 * results page must not pay on every filter change.
 */
const invitedCache = new Map<string, { at: number; rows: PlaceCount[] }>();
const invitedTtlMs = 60_000;

export async function invitedPerPlace(db: Executor, tenantId: string, campaignId: string, now: number): Promise<PlaceCount[]> {
  const key = `${tenantId}/${campaignId}`;
  const cached = invitedCache.get(key);
  if (cached && now - cached.at < invitedTtlMs) return cached.rows;
  const rows = await db
    .select({
      projectId: surveyInvitations.projectId,
      buildingId: sql<string>`coalesce(${surveyInvitations.buildingId}, ${noPlace}::uuid)`,
      count: sql<number>`count(*)::int`,
    })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.campaignId, campaignId)))
    .groupBy(surveyInvitations.projectId, surveyInvitations.buildingId);
  if (invitedCache.size > 200) invitedCache.delete(invitedCache.keys().next().value!);
  invitedCache.set(key, { at: now, rows });
  return rows;
}

/** The response's household has a resident carrying any of the tags (persons.tags overlaps the list). */
function withTags(tags: readonly string[]): SQL {
  const tagList = sql`array[${sql.join(
    tags.map((tag) => sql`${tag}`),
    sql`, `,
  )}]::text[]`;
  return sql`exists (select 1 from ${persons} where ${persons.tenantId} = ${surveyResponses.tenantId} and ${persons.householdId} = ${surveyResponses.householdId} and ${persons.tags} && ${tagList})`;
}

/** Complete responses of the campaign within the filter's projects, building and (when given) owner tags. */
function responsesWhere(filter: CellFilter, tags: readonly string[]): SQL | undefined {
  return and(
    eq(surveyResponses.tenantId, filter.tenantId),
    eq(surveyResponses.campaignId, filter.campaignId),
    eq(surveyResponses.status, 'complete'),
    filter.projectIds ? inArray(surveyResponses.projectId, [...filter.projectIds]) : undefined,
    filter.buildingId ? eq(surveyResponses.buildingId, filter.buildingId) : undefined,
    tags.length > 0 ? withTags(tags) : undefined,
  );
}

/** Answers of complete responses whose household has a resident carrying any of the tags (the owner-tag filter, read raw). */
export async function answersWithTags(db: Executor, filter: CellFilter, tags: readonly string[]): Promise<Answers[]> {
  if (filter.projectIds && filter.projectIds.length === 0) return [];
  const rows = await db.select({ answers: surveyResponses.answers }).from(surveyResponses).where(responsesWhere(filter, tags));
  return rows.map((row) => row.answers as Answers);
}

export type ExportResponse = {
  id: string;
  source: string;
  submittedAt: Date | null;
  answers: unknown;
  projectName: string | null;
  buildingName: string | null;
  unitName: string | null;
  room: string | null;
};

/** One page of the campaign's complete responses in the caller's projects (and owner tags), with their household's place, keyset by id. */
export async function exportResponsePage(
  db: Executor,
  filter: CellFilter,
  tags: readonly string[],
  after: string | null,
  limit: number,
): Promise<ExportResponse[]> {
  if (filter.projectIds && filter.projectIds.length === 0) return [];
  return db
    .select({
      id: surveyResponses.id,
      source: surveyResponses.source,
      submittedAt: surveyResponses.submittedAt,
      answers: surveyResponses.answers,
      projectName: projects.name,
      buildingName: buildings.name,
      unitName: units.name,
      room: households.room,
    })
    .from(surveyResponses)
    .leftJoin(projects, and(eq(projects.tenantId, surveyResponses.tenantId), eq(projects.id, surveyResponses.projectId)))
    .leftJoin(buildings, and(eq(buildings.tenantId, surveyResponses.tenantId), eq(buildings.id, surveyResponses.buildingId)))
    .leftJoin(households, and(eq(households.tenantId, surveyResponses.tenantId), eq(households.id, surveyResponses.householdId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)))
    .where(and(responsesWhere(filter, tags), after ? gt(surveyResponses.id, after) : undefined))
    .orderBy(asc(surveyResponses.id))
    .limit(limit);
}
