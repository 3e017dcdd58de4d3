/**
 * The queue of complete responses each background reader has yet to read (survey_response_queue):
 * the results aggregator and the closed-loop pass. Whoever completes a response enqueues it for
 * every reader in the same statement or transaction; a reader claims rows FOR UPDATE SKIP LOCKED
 * (two server instances take disjoint batches and never wait on each other) and deletes the ones
 * it has read in the transaction that acts on them, so a crash rolls both back together.
 */
import { queryRows, surveyResponseQueue, surveyResponses, type Executor } from '@manyi/db';
import { sql, type SQL } from 'drizzle-orm';

export const responseReaders = ['results', 'followups'] as const;
export type ResponseReader = (typeof responseReaders)[number];

const readerList = sql`array[${sql.join(
  responseReaders.map((reader) => sql`${reader}`),
  sql`, `,
)}]::text[]`;

/**
 * The rows that enqueue the responses a CTE named `from` returns (columns id, tenant_id,
 * campaign_id), one per reader: for the statement that completes a response, so response and
 * queue rows commit (or not) together. Enqueuing a response still queued changes nothing.
 */
export const enqueueFrom = (from: SQL) => sql`
  insert into ${surveyResponseQueue} (consumer, tenant_id, campaign_id, response_id)
  select reader, tenant_id, campaign_id, id from ${from} cross join unnest(${readerList}) as reader
  on conflict do nothing`;

/** Enqueues complete responses written by a plain insert (an import, inside its transaction) for every reader. */
export async function enqueueResponses(db: Executor, responses: readonly { id: string; tenantId: string; campaignId: string }[]): Promise<void> {
  for (let start = 0; start < responses.length; start += 5000) {
    await db.execute(sql`
      with written as (select * from ${refsTable(responses.slice(start, start + 5000))} as r(tenant_id, campaign_id, id))
      ${enqueueFrom(sql`written`)}`);
  }
}

type ResponseRef = { id: string; tenantId: string; campaignId: string };

/** Ids as one uuid[] parameter, whatever their count. */
const uuidArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;

/** Response references as a table of three uuid arrays unnested side by side. */
const refsTable = (refs: readonly ResponseRef[]) =>
  sql`unnest(${uuidArray(refs.map((ref) => ref.tenantId))}, ${uuidArray(refs.map((ref) => ref.campaignId))}, ${uuidArray(refs.map((ref) => ref.id))})`;

export type QueuedResponse = {
  id: string;
  tenantId: string;
  campaignId: string;
  surveyVersion: number;
  projectId: string | null;
  buildingId: string | null;
  householdId: string | null;
  source: string;
  answers: unknown;
};

type QueuedRow = {
  id: string;
  tenant_id: string;
  campaign_id: string;
  survey_version: number;
  project_id: string | null;
  building_id: string | null;
  household_id: string | null;
  source: string;
  answers: unknown;
};

export type QueueFilter = { tenantIds?: readonly string[] | undefined; campaignId?: string | undefined };

/**
 * Up to `limit` responses queued for the reader, their queue rows locked FOR UPDATE SKIP LOCKED
 * until the caller's transaction ends (which must also call dequeue for the ones it read).
 */
export async function claimQueued(tx: Executor, reader: ResponseReader, limit: number, filter: QueueFilter = {}): Promise<QueuedResponse[]> {
  return queuedResponses(
    tx,
    sql`
    select tenant_id, response_id from ${surveyResponseQueue} where ${queuedWhere(reader, filter)}
    limit ${limit} for update skip locked`,
  );
}

/**
 * Like claimQueued, but dequeued in the same statement: for a reader that reads every response it
 * claims or none (the results aggregator), it saves the separate delete. A rollback puts them back.
 */
export async function takeQueued(tx: Executor, reader: ResponseReader, limit: number, filter: QueueFilter = {}): Promise<QueuedResponse[]> {
  return queuedResponses(
    tx,
    sql`
    delete from ${surveyResponseQueue} where (consumer, tenant_id, campaign_id, response_id) in (
      select consumer, tenant_id, campaign_id, response_id from ${surveyResponseQueue} where ${queuedWhere(reader, filter)}
      limit ${limit} for update skip locked)
    returning tenant_id, response_id`,
  );
}

const queuedWhere = (reader: ResponseReader, filter: QueueFilter) => sql`consumer = ${reader}
  ${filter.tenantIds ? sql`and tenant_id = any(${uuidArray(filter.tenantIds)})` : sql``}
  ${filter.campaignId ? sql`and campaign_id = ${filter.campaignId}` : sql``}`;

/** The responses a claim (a statement returning tenant_id, response_id) names, in one round trip. */
async function queuedResponses(tx: Executor, claim: SQL): Promise<QueuedResponse[]> {
  const rows = await queryRows<QueuedRow>(
    tx,
    sql`
    with claimed as (${claim})
    select r.id, r.tenant_id, r.campaign_id, r.survey_version, r.project_id, r.building_id, r.household_id, r.source, r.answers
    from claimed q join ${surveyResponses} r on r.tenant_id = q.tenant_id and r.id = q.response_id`,
  );
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    campaignId: row.campaign_id,
    surveyVersion: row.survey_version,
    projectId: row.project_id,
    buildingId: row.building_id,
    householdId: row.household_id,
    source: row.source,
    answers: row.answers,
  }));
}

/** Marks responses read by the reader (deletes their queue rows); call in the transaction that claimed them. */
export async function dequeue(tx: Executor, reader: ResponseReader, responses: readonly ResponseRef[]): Promise<void> {
  for (let start = 0; start < responses.length; start += 5000) {
    await tx.execute(sql`
      delete from ${surveyResponseQueue} q using ${refsTable(responses.slice(start, start + 5000))} as done(tenant_id, campaign_id, response_id)
      where q.consumer = ${reader} and q.tenant_id = done.tenant_id and q.campaign_id = done.campaign_id and q.response_id = done.response_id`);
  }
}

/** How many responses of a campaign still wait for the reader, optionally within projects or a building. */
export async function queuedCount(
  db: Executor,
  reader: ResponseReader,
  filter: { tenantId: string; campaignId: string; projectIds: readonly string[] | null; buildingId?: string | undefined },
): Promise<number> {
  if (filter.projectIds && filter.projectIds.length === 0) return 0;
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`
    select count(*)::int as count from ${surveyResponseQueue} q
    ${filter.projectIds || filter.buildingId ? sql`join ${surveyResponses} r on r.tenant_id = q.tenant_id and r.id = q.response_id` : sql``}
    where q.consumer = ${reader} and q.tenant_id = ${filter.tenantId} and q.campaign_id = ${filter.campaignId}
      ${filter.projectIds ? sql`and r.project_id = any(${uuidArray(filter.projectIds)})` : sql``}
      ${filter.buildingId ? sql`and r.building_id = ${filter.buildingId}` : sql``}`,
  );
  return row?.count ?? 0;
}
