import { buildings, escapeLike, households, isTransaction, likeContaining, preparedSql, projects, staffUsers, ticketEvents, tickets, units, type Executor } from '@manyi/db';
import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { principalStillHolds, type PrincipalCheckParams } from '../auth/session-repository';
import type { EarlierReport } from '../incidents/receipt';
import { dueTodayCondition, overdueCondition } from './conditions';
import type { TicketFilter } from './schemas';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;

export async function findTicketRow(db: Executor, tenantId: string, id: string): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(tickets).where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  return row;
}

/**
 * Writes a change only if nobody else changed the ticket since it was read (optimistic
 * concurrency on `version`); returns undefined when the ticket moved on meanwhile.
 */
export async function updateTicketRow(db: Executor, row: TicketRow, set: Partial<TicketRow>, now: Date): Promise<TicketRow | undefined> {
  const [updated] = await db.update(tickets).set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(tickets.tenantId, row.tenantId), eq(tickets.id, row.id), eq(tickets.version, row.version)))
    .returning();
  return updated;
}

/**
 * Takes the next number of a project's day: the rows of `source` (tenant_id, project_id, day, 1)
 * insert the day's counter at 1 or add 1 to it; the upsert's row lock serialises concurrent
 * receipts. One text for every place that numbers a ticket.
 */
const takeNumber = (source: SQL) => sql`insert into ticket_sequences (tenant_id, project_id, day, last_value) ${source}
  on conflict (tenant_id, project_id, day) do update set last_value = ticket_sequences.last_value + 1
  returning last_value`;

/** A CTE that lets the statement's own commit skip the WAL flush wait (transaction-local; see nextSequence for why that is safe). */
const quickCommit = sql`quick as (select set_config('synchronous_commit', 'off', true))`;

const numberRow = sql`${sql.placeholder('tenantId')}::uuid, ${sql.placeholder('projectId')}::uuid, ${sql.placeholder('day')}::date, 1`;
/** Inside a transaction: part of it, committed with it (the setting would reach the whole transaction). */
const numberInTransaction = preparedSql<{ last_value: number }>('ticket_next_sequence', takeNumber(sql`values (${numberRow})`));
const numberOnItsOwn = preparedSql<{ last_value: number }>('ticket_next_sequence_quick', sql`with ${quickCommit} ${takeNumber(sql`select ${numberRow} from quick`)}`);

/**
 * The next number of the project's daily sequence. Outside a transaction the upsert commits
 * without waiting for its WAL flush (synchronous_commit off for this statement only), so the lock
 * is held for microseconds instead of a disk flush. That loses nothing: the receipt's own
 * transaction commits after it, and a commit flushes the WAL up to itself, the sequence update
 * included; if the server dies before that, no ticket carries the number and reusing it is
 * harmless (the unique index on the number would refuse a duplicate anyway).
 */
export async function nextSequence(db: Executor, tenantId: string, projectId: string, day: string): Promise<number> {
  const statement = isTransaction(db) ? numberInTransaction : numberOnItsOwn;
  const [row] = await statement(db).execute({ tenantId, projectId, day });
  return Number(row!.last_value);
}

type PlaceRow = {
  project_name: string;
  person_id: string | null; person_project_id: string | null; person_household_id: string | null; person_name: string | null; person_phone: string | null;
  household_id: string | null; household_project_id: string | null; building_id: string | null; room: string | null;
  building_name: string | null; unit_name: string | null;
  earlier: (Omit<EarlierReport, 'reportedAt'> & { reportedAt: string })[] | null;
  sequence: number | null;
  replay_id: string | null;
  replay_hash: string | null;
  principal_holds: boolean;
};

/**
 * Every read of a console receipt in one statement, and its number:
 * - the project (no row: not the company's), the reporter if named, and the household — the one
 *   named, else the reporter's — with its building and unit for the household label;
 * - the household's reports of the category in the repeat window (incidents/receipt.ts);
 * - the ticket already made with the caller's Idempotency-Key, if any (a retry);
 * - whether the caller's remembered principal still holds (principalStillHolds; true when the
 *   principal was read in this request);
 * - the next number of the project's daily sequence, taken only when the principal holds, the
 *   named reporter and household belong to the project and the key made no ticket yet, so neither
 *   a receipt refused for its references or its caller nor a retry wastes a number (the other
 *   checks run before, in memory). The upsert commits without waiting for its WAL flush (see
 *   nextSequence): the row lock lasts microseconds, not a disk flush.
 */
const placeAndNumberStatement = preparedSql<PlaceRow>('ticket_receipt_place', sql`
  with ${quickCommit},
  checked as (select ${principalStillHolds} as holds),
  place as (
    select p.name as project_name,
      pe.id as person_id, pe.project_id as person_project_id, pe.household_id as person_household_id, pe.name as person_name, pe.phone as person_phone,
      h.id as household_id, h.project_id as household_project_id, h.building_id, h.room, b.name as building_name, u.name as unit_name,
      (select json_agg(json_build_object('id', e.id, 'number', e.number, 'type', e.type, 'status', e.status, 'projectId', e.project_id,
          'householdId', e.household_id, 'categoryCode', e.category_code, 'reportedAt', e.reported_at, 'reopenCount', e.reopen_count))
        from tickets e where e.tenant_id = h.tenant_id and e.household_id = h.id and e.category_code = ${sql.placeholder('categoryCode')}::text
          and e.reported_at >= ${sql.placeholder('since')}::timestamptz and e.reported_at <= ${sql.placeholder('until')}::timestamptz) as earlier
    from projects p
      left join persons pe on pe.tenant_id = p.tenant_id and pe.id = ${sql.placeholder('personId')}::uuid
      left join households h on h.tenant_id = p.tenant_id and h.id = coalesce(${sql.placeholder('householdId')}::uuid, pe.household_id)
      left join buildings b on b.tenant_id = h.tenant_id and b.id = h.building_id
      left join units u on u.tenant_id = h.tenant_id and u.id = h.unit_id
    where p.tenant_id = ${sql.placeholder('tenantId')}::uuid and p.id = ${sql.placeholder('projectId')}::uuid
  ),
  replay as (
    select id, idempotency_hash from tickets where tenant_id = ${sql.placeholder('tenantId')}::uuid and idempotency_key = ${sql.placeholder('idempotencyKey')}::text
  ),
  number as (${takeNumber(sql`select ${numberRow} from place, quick, checked
    where checked.holds and (${sql.placeholder('personId')}::uuid is null or place.person_project_id = ${sql.placeholder('projectId')}::uuid)
      and (${sql.placeholder('householdId')}::uuid is null or place.household_project_id = ${sql.placeholder('projectId')}::uuid)
      and not exists (select 1 from replay)`)})
  select place.*, (select last_value from number) as sequence, (select id from replay) as replay_id, (select idempotency_hash from replay) as replay_hash,
    (select holds from checked) as principal_holds
  from place`);

/**
 * The place of a console receipt and its number (placeAndNumberStatement): the reports of
 * `categoryCode` between `since` and `until` (empty without a category), `replay` the ticket made
 * with `idempotencyKey` (scoped) and its request hash, `sequence` null when the references do not
 * resolve or it is a replay. Undefined when the project is not the company's.
 */
export async function findReceiptPlaceAndNumber(db: Executor, tenantId: string, projectId: string, personId: string | null, householdId: string | null,
  take: { categoryCode: string | null; since: Date; until: Date; day: string; idempotencyKey: string | null }, check: PrincipalCheckParams) {
  const [row] = await placeAndNumberStatement(db).execute({ tenantId, projectId, personId, householdId, ...take, ...check });
  if (!row) return undefined;
  return {
    principalHolds: row.principal_holds,
    projectName: row.project_name,
    person: row.person_id ? { id: row.person_id, projectId: row.person_project_id!, householdId: row.person_household_id, name: row.person_name!, phone: row.person_phone } : null,
    household: row.household_id ? { id: row.household_id, projectId: row.household_project_id!, buildingId: row.building_id, room: row.room! } : null,
    buildingName: row.building_name,
    unitName: row.unit_name,
    earlier: (row.earlier ?? []).map((report): EarlierReport => ({ ...report, reportedAt: new Date(report.reportedAt) })),
    sequence: row.sequence === null ? null : Number(row.sequence),
    replay: row.replay_id ? { id: row.replay_id, requestHash: row.replay_hash } : null,
  };
}

const listColumns = {
  ticket: tickets,
  projectName: projects.name,
  buildingName: buildings.name,
  unitName: units.name,
  room: households.room,
};

function selectTickets(db: Executor) {
  return db.select(listColumns).from(tickets)
    .innerJoin(projects, and(eq(projects.tenantId, tickets.tenantId), eq(projects.id, tickets.projectId)))
    .leftJoin(households, and(eq(households.tenantId, tickets.tenantId), eq(households.id, tickets.householdId)))
    .leftJoin(buildings, and(eq(buildings.tenantId, households.tenantId), eq(buildings.id, households.buildingId)))
    .leftJoin(units, and(eq(units.tenantId, households.tenantId), eq(units.id, households.unitId)));
}

export type TicketListRow = Awaited<ReturnType<ReturnType<typeof selectTickets>['where']>>[number];

export function ticketConditions(tenantId: string, projectIds: string[] | null, filter: TicketFilter & { staffId: string }, now: Date): SQL | undefined {
  const q = likeContaining(filter.q);
  return and(
    eq(tickets.tenantId, tenantId),
    projectIds ? inArray(tickets.projectId, projectIds) : undefined,
    filter.status?.length ? inArray(tickets.status, filter.status) : undefined,
    filter.type ? eq(tickets.type, filter.type) : undefined,
    filter.categoryCode ? or(eq(tickets.categoryCode, filter.categoryCode), sql`${tickets.categoryCode} like ${`${escapeLike(filter.categoryCode)}.%`}`) : undefined,
    filter.assigneeId ? eq(tickets.assigneeId, filter.assigneeId) : undefined,
    filter.reporterPersonId ? eq(tickets.reporterPersonId, filter.reporterPersonId) : undefined,
    filter.householdId ? eq(tickets.householdId, filter.householdId) : undefined,
    filter.mine ? or(eq(tickets.assigneeId, filter.staffId), eq(tickets.accountableId, filter.staffId), eq(tickets.handoverToId, filter.staffId)) : undefined,
    // The same conditions as the console tiles (stats.ts), so a tile's count and its list agree.
    filter.overdue ? overdueCondition(now) : undefined,
    filter.dueToday ? dueTodayCondition(now) : undefined,
    q ? or(ilike(tickets.number, q), ilike(tickets.title, q), ilike(households.room, q), ilike(tickets.reporterName, q), ilike(tickets.reporterPhone, q)) : undefined,
  );
}

/** Newest first; ids are UUIDv7, so the id alone is a stable keyset. */
export async function listTickets(db: Executor, conditions: SQL | undefined, after: string | null, limit: number): Promise<TicketListRow[]> {
  return selectTickets(db)
    .where(and(conditions, after ? lt(tickets.id, after) : undefined))
    .orderBy(desc(tickets.id))
    .limit(limit + 1);
}

export async function findTicketListRow(db: Executor, tenantId: string, id: string): Promise<TicketListRow | undefined> {
  const [row] = await selectTickets(db).where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  return row;
}

export async function ticketEventsOf(db: Executor, tenantId: string, ticketId: string, ownerVisibleOnly = false): Promise<TicketEventRow[]> {
  return db.select().from(ticketEvents)
    .where(and(eq(ticketEvents.tenantId, tenantId), eq(ticketEvents.ticketId, ticketId), ownerVisibleOnly ? eq(ticketEvents.visibleToOwner, true) : undefined))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

export async function staffNames(db: Executor, tenantId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), inArray(staffUsers.id, wanted)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The ticket a (scoped) Idempotency-Key made, with the hash of its request. */
export async function findTicketByKey(db: Executor, tenantId: string, idempotencyKey: string) {
  const [row] = await db.select({ id: tickets.id, requestHash: tickets.idempotencyHash }).from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.idempotencyKey, idempotencyKey)));
  return row;
}

export async function ticketsMergedInto(db: Executor, tenantId: string, ticketId: string) {
  return db.select({ id: tickets.id, number: tickets.number }).from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.mergedIntoId, ticketId))).orderBy(asc(tickets.id));
}
