/**
 * Analytics statements: the refresh of the rollups (set-based, one statement per table and
 * company, recounting whole months so a pass is idempotent) and the reads of the homes, which
 * group those rollups by region, project or building. Every read of one request groups the same
 * rows by a different key, so a scope's total is the sum of its children by construction.
 */
import { openStatuses } from '@manyi/core';
import { analyticsPlaceNow, feeCollections, householdArrears, projectTargets, queryRows, tickets, type Executor } from '@manyi/db';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { dueTodayCondition, overdueCondition } from '../tickets/conditions';
import { noPlace } from '../results/cells';

export { noPlace };

const shanghaiMonth = (column: SQL) => sql`date_trunc('month', ${column} at time zone 'Asia/Shanghai')::date`;

const tenantScope = (column: string, tenantIds: readonly string[] | null) =>
  tenantIds === null ? sql`true` : sql`${sql.raw(column)} in ${tenantIds.length ? tenantIds : [noPlace]}`;

/**
 * Recounts analytics_ticket_months from `fromMonth` (a 'YYYY-MM-01' date) on: deletes those
 * months' rows and inserts them again from the tickets and return visits, in the caller's
 * transaction, so a reader sees either the old months or the new ones.
 *
 * - received / complaints / repeat / referrals by the month reported, cancelled and merged tickets left out;
 * - SLA outcomes by the month resolved, as tickets/stats.ts counts them (every recorded target met);
 * - return-visit ratings by the month of the visit, CSAT 4–5 satisfied.
 */
export async function refreshTicketMonths(tx: Executor, tenantIds: readonly string[] | null, fromMonth: string, untilMonth?: string): Promise<number> {
  const from = sql`(${fromMonth}::date::timestamp at time zone 'Asia/Shanghai')`;
  // [fromMonth, untilMonth): a batch of months (the full recount goes month by month); open-ended when untilMonth is not given.
  const until = untilMonth === undefined ? sql`'infinity'::timestamptz` : sql`(${untilMonth}::date::timestamp at time zone 'Asia/Shanghai')`;
  const untilDate = untilMonth === undefined ? sql`'infinity'::date` : sql`${untilMonth}::date`;
  await tx.execute(
    sql`delete from analytics_ticket_months where ${tenantScope('tenant_id', tenantIds)} and month >= ${fromMonth}::date and month < ${untilDate}`,
  );
  const rows = await queryRows<{ count: number }>(
    tx,
    sql`
    with placed as (
      select t.tenant_id, t.project_id, coalesce(h.building_id, ${noPlace}::uuid) as building_id, t.type, t.channel, t.status, t.is_repeat,
        t.reported_at, t.resolved_at, t.resolution_met, t.arrival_met, t.id
      from tickets t
      left join households h on h.tenant_id = t.tenant_id and h.id = t.household_id
      where ${tenantScope('t.tenant_id', tenantIds)}
        and ((t.reported_at >= ${from} and t.reported_at < ${until}) or (t.resolved_at >= ${from} and t.resolved_at < ${until}))
    ), parts as (
      select tenant_id, ${shanghaiMonth(sql`reported_at`)} as month, project_id, building_id,
        count(*) as received,
        count(*) filter (where type = 'complaint') as complaints,
        count(*) filter (where type = 'complaint' and is_repeat) as repeat_complaints,
        count(*) filter (where channel = 'gov_12345') as referrals,
        0 as sla_judged, 0 as sla_met, 0 as visits_rated, 0 as visits_satisfied
      from placed where reported_at >= ${from} and reported_at < ${until} and status not in ('cancelled', 'merged')
      group by 1, 2, 3, 4
      union all
      select tenant_id, ${shanghaiMonth(sql`resolved_at`)}, project_id, building_id, 0, 0, 0, 0,
        count(*), count(*) filter (where coalesce(resolution_met, true) and coalesce(arrival_met, true)), 0, 0
      from placed where resolved_at >= ${from} and resolved_at < ${until} and (resolution_met is not null or arrival_met is not null)
      group by 1, 2, 3, 4
      union all
      select v.tenant_id, ${shanghaiMonth(sql`v.at`)}, t.project_id, coalesce(h.building_id, ${noPlace}::uuid), 0, 0, 0, 0, 0, 0,
        count(*), count(*) filter (where v.csat >= 4)
      from return_visits v
      join tickets t on t.tenant_id = v.tenant_id and t.id = v.ticket_id
      left join households h on h.tenant_id = t.tenant_id and h.id = t.household_id
      where ${tenantScope('v.tenant_id', tenantIds)} and v.at >= ${from} and v.at < ${until} and v.csat is not null
      group by 1, 2, 3, 4
    ), inserted as (
      insert into analytics_ticket_months (tenant_id, month, project_id, building_id, received, complaints, repeat_complaints, referrals,
        sla_judged, sla_met, visits_rated, visits_satisfied, updated_at)
      select tenant_id, month, project_id, building_id, sum(received), sum(complaints), sum(repeat_complaints), sum(referrals),
        sum(sla_judged), sum(sla_met), sum(visits_rated), sum(visits_satisfied), now()
      from parts group by 1, 2, 3, 4
      returning 1
    )
    select count(*)::int as count from inserted`,
  );
  return rows[0]?.count ?? 0;
}

/**
 * Replaces analytics_place_now: households per building and the open, overdue and due-today
 * tickets now, with the queue's own conditions (tickets/conditions.ts), so a figure and the
 * ticket list it links to count the same tickets (the list is live, the figure ≤ one pass old).
 */
export async function refreshPlaceNow(tx: Executor, tenantIds: readonly string[] | null, now: Date): Promise<void> {
  await tx.execute(sql`delete from analytics_place_now where ${tenantScope('tenant_id', tenantIds)}`);
  const open = inArray(tickets.status, [...openStatuses]);
  await tx.execute(sql`
    insert into analytics_place_now (tenant_id, project_id, building_id, households, open, overdue, due_today, open_complaints, updated_at)
    select tenant_id, project_id, building_id, sum(households), sum(open), sum(overdue), sum(due_today), sum(open_complaints), ${now}
    from (
      select tenant_id, project_id, building_id, count(*) as households, 0 as open, 0 as overdue, 0 as due_today, 0 as open_complaints
      from households where ${tenantScope('tenant_id', tenantIds)} group by 1, 2, 3
      union all
      select ${tickets.tenantId}, ${tickets.projectId}, coalesce(h.building_id, ${noPlace}::uuid), 0,
        count(*) filter (where ${open}),
        count(*) filter (where ${overdueCondition(now)}),
        count(*) filter (where ${dueTodayCondition(now)}),
        count(*) filter (where ${open} and ${tickets.type} = 'complaint')
      from ${tickets}
      left join households h on h.tenant_id = ${tickets.tenantId} and h.id = ${tickets.householdId}
      where ${tenantScope('tickets.tenant_id', tenantIds)} and ${inArray(tickets.status, [...openStatuses, 'resolved'])}
      group by 1, 2, 3
    ) parts
    group by 1, 2, 3`);
}

export async function lastRefresh(db: Executor, tenantId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`max(${analyticsPlaceNow.updatedAt})` })
    .from(analyticsPlaceNow)
    .where(eq(analyticsPlaceNow.tenantId, tenantId));
  return row?.at ? new Date(row.at) : null;
}

export async function tenantsWithData(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from tenants order by id`);
  return rows.map((row) => row.id);
}

/** How rows are grouped: by region (company level), project (region level) or building (project level), or one total. */
export type Grouping = 'region' | 'project' | 'building' | 'total';

/** The filter of a scope: the projects the caller may see, a region, a project, a building. */
export type ScopeFilter = {
  tenantId: string;
  projectIds: string[] | null;
  regionId?: string | undefined;
  projectId?: string | undefined;
  buildingId?: string | undefined;
};

const groupKey = (grouping: Grouping, alias: string) =>
  grouping === 'region'
    ? sql`coalesce(p.region_id, ${noPlace}::uuid)::text`
    : grouping === 'project'
      ? sql.raw(`${alias}.project_id::text`)
      : grouping === 'building'
        ? sql.raw(`${alias}.building_id::text`)
        : sql`'total'`;

/** Conditions on a rollup alias joined to projects p. */
function scopeWhere(filter: ScopeFilter, alias: string): SQL {
  const a = (column: string) => sql.raw(`${alias}.${column}`);
  return sql.join(
    [
      sql`${a('tenant_id')} = ${filter.tenantId}`,
      filter.projectIds === null ? undefined : sql`${a('project_id')} in ${filter.projectIds.length ? filter.projectIds : [noPlace]}`,
      filter.regionId === undefined ? undefined : sql`coalesce(p.region_id, ${noPlace}::uuid) = ${filter.regionId}`,
      filter.projectId === undefined ? undefined : sql`${a('project_id')} = ${filter.projectId}`,
      filter.buildingId === undefined ? undefined : sql`${a('building_id')} = ${filter.buildingId}`,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
}

export type TicketMonthRow = {
  key: string;
  month: string;
  received: number;
  complaints: number;
  repeatComplaints: number;
  referrals: number;
  slaJudged: number;
  slaMet: number;
  visitsRated: number;
  visitsSatisfied: number;
};

/** Ticket figures of the months [fromMonth, toMonth] grouped by key (and by month when byMonth). */
export async function ticketMonths(
  db: Executor,
  filter: ScopeFilter,
  grouping: Grouping,
  fromMonth: string,
  toMonth: string,
  byMonth: boolean,
): Promise<TicketMonthRow[]> {
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`
    select ${groupKey(grouping, 'm')} as key, ${byMonth ? sql`to_char(m.month, 'YYYY-MM')` : sql`''`} as month,
      sum(received)::int as received, sum(complaints)::int as complaints, sum(repeat_complaints)::int as "repeatComplaints",
      sum(referrals)::int as referrals, sum(sla_judged)::int as "slaJudged", sum(sla_met)::int as "slaMet",
      sum(visits_rated)::int as "visitsRated", sum(visits_satisfied)::int as "visitsSatisfied"
    from analytics_ticket_months m
    join projects p on p.tenant_id = m.tenant_id and p.id = m.project_id
    where ${scopeWhere(filter, 'm')} and m.month between ${fromMonth}::date and ${toMonth}::date
    group by 1, 2`,
  );
  return rows.map((row) => ({
    key: String(row.key),
    month: String(row.month),
    received: Number(row.received),
    complaints: Number(row.complaints),
    repeatComplaints: Number(row.repeatComplaints),
    referrals: Number(row.referrals),
    slaJudged: Number(row.slaJudged),
    slaMet: Number(row.slaMet),
    visitsRated: Number(row.visitsRated),
    visitsSatisfied: Number(row.visitsSatisfied),
  }));
}

export type PlaceRow = { key: string; households: number; open: number; overdue: number; dueToday: number; openComplaints: number };

export async function placeNow(db: Executor, filter: ScopeFilter, grouping: Grouping): Promise<PlaceRow[]> {
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`
    select ${groupKey(grouping, 'n')} as key, sum(households)::int as households, sum(open)::int as open, sum(overdue)::int as overdue,
      sum(due_today)::int as "dueToday", sum(open_complaints)::int as "openComplaints"
    from analytics_place_now n
    join projects p on p.tenant_id = n.tenant_id and p.id = n.project_id
    where ${scopeWhere(filter, 'n')}
    group by 1`,
  );
  return rows.map((row) => ({
    key: String(row.key),
    households: Number(row.households),
    open: Number(row.open),
    overdue: Number(row.overdue),
    dueToday: Number(row.dueToday),
    openComplaints: Number(row.openComplaints),
  }));
}

export type AnswerCountRow = { key: string; campaignId: string; questionKey: string; value: number; count: number };

/**
 * Answer counts of the headline questions (the overall satisfaction and the NPS question) from the
 * survey results rollup (results/aggregator.ts), grouped by key: the same cells the results page
 * reads, so a project's 满意率 here is the results page's under the project filter.
 */
export async function answerCounts(
  db: Executor,
  filter: ScopeFilter,
  grouping: Grouping,
  questions: readonly { campaignId: string; questionKey: string }[],
): Promise<AnswerCountRow[]> {
  if (questions.length === 0) return [];
  const pairs = sql.join(
    questions.map((question) => sql`(${question.campaignId}::uuid, ${question.questionKey})`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`
    select ${groupKey(grouping, 'c')} as key, c.campaign_id as "campaignId", c.question_key as "questionKey", c.value, sum(c.count)::int as count
    from survey_result_counts c
    join projects p on p.tenant_id = c.tenant_id and p.id = c.project_id
    where ${scopeWhere(filter, 'c')} and (c.campaign_id, c.question_key) in (${pairs}) and c.item = '' and c.value >= 0
    group by 1, 2, 3, 4`,
  );
  return rows.map((row) => ({
    key: String(row.key),
    campaignId: String(row.campaignId),
    questionKey: String(row.questionKey),
    value: Number(row.value),
    count: Number(row.count),
  }));
}

export type CampaignRow = { id: string; name: string; createdAt: Date; previousCampaignId: string | null; surveyVersion: number; surveyId: string };

/** The company's campaigns with counted responses in scope, newest first. */
export async function campaignsWithResults(db: Executor, filter: ScopeFilter, limit: number): Promise<CampaignRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select k.id, k.name, k.created_at as "createdAt", k.previous_campaign_id as "previousCampaignId", k.survey_version as "surveyVersion", k.survey_id as "surveyId"
    from campaigns k
    where k.tenant_id = ${filter.tenantId} and exists (
      select 1 from survey_result_cells c join projects p on p.tenant_id = c.tenant_id and p.id = c.project_id
      where c.campaign_id = k.id and c.responses > 0 and ${scopeWhere(filter, 'c')})
    order by k.created_at desc, k.id desc
    limit ${limit}`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    createdAt: new Date(row.createdAt as string),
    previousCampaignId: (row.previousCampaignId as string | null) ?? null,
    surveyVersion: Number(row.surveyVersion),
    surveyId: String(row.surveyId),
  }));
}

export async function surveyDefinitionOf(db: Executor, tenantId: string, surveyId: string, version: number): Promise<unknown> {
  const [row] = await queryRows<{ definition: unknown }>(
    db,
    sql`select definition from survey_versions where tenant_id = ${tenantId} and survey_id = ${surveyId} and version = ${version}`,
  );
  return row?.definition;
}

export type FeeRow = { key: string; receivable: number; received: number };

/** Fee collection per key for the months [fromMonth, toMonth] (projects and above: fees are entered per project). */
export async function feeTotals(db: Executor, filter: ScopeFilter, grouping: Grouping, fromMonth: string, toMonth: string): Promise<FeeRow[]> {
  if (grouping === 'building' || filter.buildingId !== undefined) return [];
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`
    select ${groupKey(grouping, 'f')} as key, sum(receivable)::float8 as receivable, sum(received)::float8 as received
    from ${feeCollections} f
    join projects p on p.tenant_id = f.tenant_id and p.id = f.project_id
    where ${scopeWhere(filter, 'f')} and f.month between ${fromMonth}::date and ${toMonth}::date
    group by 1`,
  );
  return rows.map((row) => ({ key: String(row.key), receivable: Number(row.receivable), received: Number(row.received) }));
}

export type NamedRow = { id: string; name: string; regionId: string | null };

export async function projectsOf(db: Executor, tenantId: string, projectIds: string[] | null): Promise<NamedRow[]> {
  return queryRows<NamedRow>(
    db,
    sql`select id, name, region_id as "regionId" from projects where tenant_id = ${tenantId}
      ${projectIds === null ? sql`` : sql`and id in ${projectIds.length ? projectIds : [noPlace]}`} order by name, id`,
  );
}

export async function regionsOf(db: Executor, tenantId: string): Promise<{ id: string; name: string }[]> {
  return queryRows(db, sql`select id, name from regions where tenant_id = ${tenantId} order by name, id`);
}

export async function buildingsOf(db: Executor, tenantId: string, projectId: string): Promise<{ id: string; name: string }[]> {
  return queryRows(db, sql`select id, name from buildings where tenant_id = ${tenantId} and project_id = ${projectId} order by name, id`);
}

export async function buildingRow(db: Executor, tenantId: string, buildingId: string): Promise<{ id: string; name: string; projectId: string } | undefined> {
  const [row] = await queryRows<{ id: string; name: string; projectId: string }>(
    db,
    sql`select id, name, project_id as "projectId" from buildings where tenant_id = ${tenantId} and id = ${buildingId}`,
  );
  return row;
}

export async function targetsOf(db: Executor, tenantId: string, projectId: string) {
  const [row] = await db
    .select({
      satisfactionRate: projectTargets.satisfactionRate,
      nps: projectTargets.nps,
      slaCompliance: projectTargets.slaCompliance,
      feeCollectionRate: projectTargets.feeCollectionRate,
      contractValue: projectTargets.contractValue,
    })
    .from(projectTargets)
    .where(and(eq(projectTargets.tenantId, tenantId), eq(projectTargets.projectId, projectId)));
  return row ?? { satisfactionRate: null, nps: null, slaCompliance: null, feeCollectionRate: null, contractValue: null };
}

export async function upsertTargets(
  tx: Executor,
  row: {
    tenantId: string;
    projectId: string;
    satisfactionRate: number | null;
    nps: number | null;
    slaCompliance: number | null;
    feeCollectionRate: number | null;
  },
  now: Date,
): Promise<void> {
  const { tenantId: _tenant, projectId: _project, ...set } = row;
  await tx
    .insert(projectTargets)
    .values({ ...row, updatedAt: now })
    .onConflictDoUpdate({ target: [projectTargets.tenantId, projectTargets.projectId], set: { ...set, updatedAt: now } });
}

/** Survey follow-up tickets of the project still open (the detractors and 不满意 answers not yet recovered). */
export async function openFollowups(db: Executor, tenantId: string, projectId: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from survey_followups f join tickets t on t.tenant_id = f.tenant_id and t.id = f.ticket_id
      where f.tenant_id = ${tenantId} and t.project_id = ${projectId} and t.status in ${[...openStatuses]}`,
  );
  return row?.count ?? 0;
}

/**
 * The project's notices delivered since `since`, and how many were read: the incidents' notices (停水, 停电:
 * notice_receipts) and the notices centre's (works, fee, seasonal: notice_deliveries, found through the project's
 * notices so the read stays on their indexes), one receipt per person either way, as the owner's list shows both.
 */
export async function noticeReads(db: Executor, tenantId: string, projectId: string, since: Date): Promise<{ delivered: number; read: number }> {
  const [row] = await queryRows<{ delivered: number; read: number }>(
    db,
    sql`select sum(delivered)::int as delivered, sum(read)::int as read from (
        select count(*) as delivered, count(read_at) as read from notice_receipts
        where tenant_id = ${tenantId} and project_id = ${projectId} and delivered_at >= ${since}
        union all
        select count(*), count(d.read_at) from notices n
        join notice_deliveries d on d.tenant_id = n.tenant_id and d.notice_id = n.id
        where n.tenant_id = ${tenantId} and n.project_id = ${projectId} and n.status = 'published' and d.delivered_at >= ${since}
      ) parts`,
  );
  return { delivered: row?.delivered ?? 0, read: row?.read ?? 0 };
}

/**
 * The steward's return-visit ratings of the month: visits of their tickets — assigned, accountable or handed over to
 * them, the service desk's "mine", so the figure and the list it opens (mine, rated in the month) agree.
 */
export async function stewardRatings(db: Executor, tenantId: string, staffId: string, from: Date): Promise<{ rated: number; satisfied: number; sum: number }> {
  const [row] = await queryRows<{ rated: number; satisfied: number; sum: number }>(
    db,
    sql`select count(*)::int as rated, count(*) filter (where v.csat >= 4)::int as satisfied, coalesce(sum(v.csat), 0)::int as sum
      from return_visits v join tickets t on t.tenant_id = v.tenant_id and t.id = v.ticket_id
      where v.tenant_id = ${tenantId} and v.at >= ${from} and v.csat is not null and (t.assignee_id = ${staffId} or t.accountable_id = ${staffId} or t.handover_to_id = ${staffId})`,
  );
  return { rated: row?.rated ?? 0, satisfied: row?.satisfied ?? 0, sum: row?.sum ?? 0 };
}

/** Resolved tickets of the steward still owing a return visit, earliest deadline first. */
export async function stewardVisitsDue(db: Executor, tenantId: string, staffId: string, limit: number) {
  return queryRows<{ ticketId: string; number: string; title: string; visitDueAt: Date }>(
    db,
    sql`select id as "ticketId", number, title, visit_due_at as "visitDueAt" from tickets
      where tenant_id = ${tenantId} and status = 'resolved' and visit_required and visit_due_at is not null
        and (assignee_id = ${staffId} or accountable_id = ${staffId})
      order by visit_due_at limit ${limit}`,
  );
}

/** The steward's own queue ("mine" of the ticket list: assignee, accountable or handed over to), with the queue's conditions. */
export async function stewardQueue(db: Executor, tenantId: string, staffId: string, now: Date): Promise<{ open: number; overdue: number; dueToday: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${inArray(tickets.status, [...openStatuses])})`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})`.mapWith(Number),
      dueToday: sql<number>`count(*) filter (where ${dueTodayCondition(now)})`.mapWith(Number),
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        inArray(tickets.status, [...openStatuses, 'resolved']),
        sql`(${tickets.assigneeId} = ${staffId} or ${tickets.accountableId} = ${staffId} or ${tickets.handoverToId} = ${staffId})`,
      ),
    );
  return row ?? { open: 0, overdue: 0, dueToday: 0 };
}

/** A project's tickets reported in [from, until), newest first (the weekly report's list; tickets_tenant_reported_idx). */
export async function weekTickets(db: Executor, tenantId: string, projectId: string, from: Date, until: Date) {
  return queryRows<{ id: string; number: string; type: string; status: string; title: string; reportedAt: Date }>(
    db,
    sql`select id, number, type, status, title, reported_at as "reportedAt" from tickets
      where tenant_id = ${tenantId} and reported_at >= ${from} and reported_at < ${until} and project_id = ${projectId}
        and status not in ('cancelled', 'merged')
      order by reported_at desc limit 2000`,
  );
}

/** Project code and name → id, for matching the rows of a fee sheet. */
export async function projectKeys(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; code: string; name: string }>(db, sql`select id, code, name from projects where tenant_id = ${tenantId}`);
  const keys = new Map<string, string>();
  for (const row of rows) {
    keys.set(row.name, row.id);
    keys.set(row.code, row.id);
  }
  return keys;
}

/** Inserts or replaces project-months of fee figures; how many were new and how many replaced. */
export async function upsertFees(
  tx: Executor,
  tenantId: string,
  rows: readonly { projectId: string; month: string; receivable: number; received: number; householdsInArrears: number }[],
  now: Date,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 1000) {
    const slice = rows.slice(start, start + 1000);
    const written = await tx
      .insert(feeCollections)
      .values(
        slice.map((row) => ({
          tenantId,
          projectId: row.projectId,
          month: `${row.month}-01`,
          receivable: row.receivable,
          received: row.received,
          householdsInArrears: row.householdsInArrears,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [feeCollections.tenantId, feeCollections.projectId, feeCollections.month],
        set: {
          receivable: sql`excluded.receivable`,
          received: sql`excluded.received`,
          householdsInArrears: sql`excluded.households_in_arrears`,
          updatedAt: now,
        },
      })
      .returning({ created: sql<boolean>`(xmax = 0)` }); // a row the insert created has no deleting transaction yet
    inserted += written.filter((row) => row.created).length;
  }
  return { inserted, updated: rows.length - inserted };
}

/** Fees per project summed over [fromMonth, toMonth] ('YYYY-MM-01'). */
export async function feeProjectTotals(db: Executor, tenantId: string, projectIds: string[] | null, fromMonth: string, toMonth: string) {
  const rows = await queryRows<{ projectId: string; receivable: number; received: number; householdsInArrears: number }>(
    db,
    sql`select project_id as "projectId", sum(receivable)::float8 as receivable, sum(received)::float8 as received,
        (array_agg(households_in_arrears order by month desc))[1] as "householdsInArrears"
      from fee_collections where tenant_id = ${tenantId} and month between ${fromMonth}::date and ${toMonth}::date
        ${projectIds === null ? sql`` : sql`and project_id in ${projectIds.length ? projectIds : [noPlace]}`}
      group by 1`,
  );
  return new Map(
    rows.map((row) => [
      row.projectId,
      { receivable: Number(row.receivable), received: Number(row.received), householdsInArrears: Number(row.householdsInArrears) },
    ]),
  );
}

export type ComplaintScope = { tenantId: string; projectIds: string[] | null; from: Date; until: Date };

/** Everything complaint analytics counts, each in one grouped statement over the period's complaints. */
export async function complaintFacts(db: Executor, scope: ComplaintScope, placeLevel: 'building' | 'project', now: Date) {
  const base = sql`
    select t.*, coalesce(h.building_id, ${noPlace}::uuid) as building_id from tickets t
    left join households h on h.tenant_id = t.tenant_id and h.id = t.household_id
    where t.tenant_id = ${scope.tenantId} and t.type = 'complaint' and t.status not in ('cancelled', 'merged')
      and t.reported_at >= ${scope.from} and t.reported_at < ${scope.until}
      ${scope.projectIds === null ? sql`` : sql`and t.project_id in ${scope.projectIds.length ? scope.projectIds : [noPlace]}`}`;
  const place = placeLevel === 'building' ? sql.raw('c.building_id') : sql.raw('c.project_id');
  const placeName =
    placeLevel === 'building'
      ? sql`coalesce((select name from buildings b where b.tenant_id = ${scope.tenantId} and b.id = c.building_id), '未关联楼栋')`
      : sql`(select name from projects p where p.tenant_id = ${scope.tenantId} and p.id = c.project_id)`;
  const categoryName = sql`coalesce((select name_zh from ticket_categories k where k.tenant_id = ${scope.tenantId} and k.code = c.category_code), c.category_code, '未分类')`;
  const local = sql`(c.reported_at at time zone 'Asia/Shanghai')`;
  const [byCategory, byPlace, heat, weekdayHour, open, households, locations, referrals, categoryMonths, incidents, total] = await Promise.all([
    queryRows<{ key: string; label: string; count: number }>(
      db,
      sql`with c as (${base}) select coalesce(c.category_code, '') as key, ${categoryName} as label, count(*)::int as count from c group by c.category_code order by count desc, key`,
    ),
    queryRows<{ key: string; label: string; count: number }>(
      db,
      sql`with c as (${base}) select ${place}::text as key, ${placeName} as label, count(*)::int as count from c group by ${place} order by count desc, key`,
    ),
    queryRows<{ category: string; place: string; count: number }>(
      db,
      sql`with c as (${base}) select coalesce(c.category_code, '') as category, ${place}::text as place, count(*)::int as count from c group by 1, 2`,
    ),
    queryRows<{ weekday: number; hour: number; count: number }>(
      db,
      sql`with c as (${base}) select ((extract(isodow from ${local})::int) - 1) as weekday, extract(hour from ${local})::int as hour, count(*)::int as count from c group by 1, 2 order by 1, 2`,
    ),
    queryRows<{ age: number }>(
      db,
      sql`select extract(epoch from (${now}::timestamptz - t.reported_at)) / 86400 as age from tickets t
        where t.tenant_id = ${scope.tenantId} and t.type = 'complaint' and t.status in ${[...openStatuses]}
        ${scope.projectIds === null ? sql`` : sql`and t.project_id in ${scope.projectIds.length ? scope.projectIds : [noPlace]}`}`,
    ),
    queryRows<{ id: string; building: string; unit: string | null; room: string; count: number }>(
      db,
      sql`with c as (${base}) select h.id, b.name as building, u.name as unit, h.room, count(*)::int as count from c
        join households h on h.tenant_id = c.tenant_id and h.id = c.household_id
        join buildings b on b.tenant_id = h.tenant_id and b.id = h.building_id
        left join units u on u.tenant_id = h.tenant_id and u.id = h.unit_id
        group by h.id, b.name, u.name, h.room having count(*) >= 2 order by count desc, h.id limit 10`,
    ),
    queryRows<{ location: string; count: number }>(
      db,
      sql`with c as (${base}) select c.location, count(*)::int as count from c where c.location <> '' group by c.location having count(*) >= 2 order by count desc, c.location limit 10`,
    ),
    queryRows<{ month: string; count: number }>(
      db,
      sql`with c as (${base}) select to_char(${local}, 'YYYY-MM') as month, count(*)::int as count from c where c.channel = 'gov_12345' group by 1 order by 1`,
    ),
    queryRows<{ category: string; month: string; count: number }>(
      db,
      sql`with c as (${base}) select coalesce(c.category_code, '') as category, to_char(${local}, 'YYYY-MM') as month, count(*)::int as count from c group by 1, 2`,
    ),
    queryRows<{ id: string; title: string; status: string; tickets: number }>(
      db,
      sql`select i.id, i.title, i.status, (select count(*)::int from tickets t where t.tenant_id = i.tenant_id and t.incident_id = i.id) as tickets
        from incidents i where i.tenant_id = ${scope.tenantId} and i.kind = 'group' and i.created_at >= ${scope.from} and i.created_at < ${scope.until}
        ${scope.projectIds === null ? sql`` : sql`and i.project_id in ${scope.projectIds.length ? scope.projectIds : [noPlace]}`}
        order by i.created_at desc`,
    ),
    queryRows<{ count: number }>(db, sql`with c as (${base}) select count(*)::int as count from c`),
  ]);
  return {
    total: total[0]?.count ?? 0,
    byCategory,
    byPlace,
    heat,
    weekdayHour,
    openAges: open.map((row) => Number(row.age)),
    households,
    locations,
    referralMonths: referrals,
    categoryMonths,
    incidents,
  };
}

/** Contract values of the company's projects (project_targets.contract_value). */
export async function contractValues(db: Executor, tenantId: string): Promise<Map<string, number | null>> {
  const rows = await db
    .select({ projectId: projectTargets.projectId, value: projectTargets.contractValue })
    .from(projectTargets)
    .where(eq(projectTargets.tenantId, tenantId));
  return new Map(rows.map((row) => [row.projectId, row.value]));
}

/** Counted responses per project of a campaign (its rollup cells). */
export async function campaignProjectResponses(db: Executor, tenantId: string, campaignId: string, projectIds: string[] | null): Promise<Map<string, number>> {
  const rows = await queryRows<{ projectId: string; responses: number }>(
    db,
    sql`select project_id as "projectId", sum(responses)::int as responses from survey_result_cells
      where tenant_id = ${tenantId} and campaign_id = ${campaignId} and project_id <> ${noPlace}
        ${projectIds === null ? sql`` : sql`and project_id in ${projectIds.length ? projectIds : [noPlace]}`}
      group by 1`,
  );
  return new Map(rows.map((row) => [row.projectId, row.responses]));
}

/** `${projectId}/${building}/${unit}/${room}` → household id (unit '' for none), the keys an arrears sheet names households by. */
export async function householdKeys(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; key: string }>(
    db,
    sql`select h.id, h.project_id || '/' || b.name || '/' || coalesce(u.name, '') || '/' || h.room as key
      from households h join buildings b on b.tenant_id = h.tenant_id and b.id = h.building_id
      left join units u on u.tenant_id = h.tenant_id and u.id = h.unit_id
      where h.tenant_id = ${tenantId}`,
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** Replaces the arrears of the given projects with these rows (a household not listed has paid). */
export async function replaceArrears(
  tx: Executor,
  tenantId: string,
  projectIds: readonly string[],
  rows: readonly { householdId: string; projectId: string; amount: number; months: number; reason: string }[],
  now: Date,
): Promise<number> {
  if (projectIds.length === 0) return 0;
  const removed = await tx
    .delete(householdArrears)
    .where(and(eq(householdArrears.tenantId, tenantId), inArray(householdArrears.projectId, [...projectIds])))
    .returning({ id: householdArrears.householdId });
  for (let start = 0; start < rows.length; start += 1000)
    await tx.insert(householdArrears).values(rows.slice(start, start + 1000).map((row) => ({ ...row, tenantId, updatedAt: now })));
  return removed.length;
}

export type ArrearsHouseholdRow = {
  householdId: string;
  projectId: string;
  label: string;
  amount: number;
  months: number;
  reason: string;
  openComplaints: number;
  openTickets: number;
  openCategories: string[] | null;
  ratings: number;
  ratingSum: number;
};

const projectFilter = (column: string, projectIds: string[] | null) =>
  projectIds === null ? sql`` : sql`and ${sql.raw(column)} in ${projectIds.length ? projectIds : [noPlace]}`;

/** Every household in arrears in scope with its open tickets (complaints among them, their categories) and its return-visit ratings. */
export async function arrearsHouseholds(db: Executor, tenantId: string, projectIds: string[] | null): Promise<ArrearsHouseholdRow[]> {
  const rows = await queryRows<ArrearsHouseholdRow>(
    db,
    sql`select a.household_id as "householdId", a.project_id as "projectId",
        b.name || coalesce(u.name, '') || ' ' || h.room as label, a.amount::float8 as amount, a.months, a.reason,
        (select count(*)::int from tickets t where t.tenant_id = a.tenant_id and t.household_id = a.household_id and t.type = 'complaint' and t.status in ${[...openStatuses]}) as "openComplaints",
        (select count(*)::int from tickets t where t.tenant_id = a.tenant_id and t.household_id = a.household_id and t.status in ${[...openStatuses]}) as "openTickets",
        (select array_agg(name order by n desc, name) from (
          select coalesce(k.name_zh, t.category_code, '未分类') as name, count(*) as n from tickets t
          left join ticket_categories k on k.tenant_id = t.tenant_id and k.code = t.category_code
          where t.tenant_id = a.tenant_id and t.household_id = a.household_id and t.status in ${[...openStatuses]} group by 1) c) as "openCategories",
        (select count(*)::int from return_visits v join tickets t on t.tenant_id = v.tenant_id and t.id = v.ticket_id
          where v.tenant_id = a.tenant_id and t.household_id = a.household_id and v.csat is not null) as ratings,
        (select coalesce(sum(v.csat), 0)::int from return_visits v join tickets t on t.tenant_id = v.tenant_id and t.id = v.ticket_id
          where v.tenant_id = a.tenant_id and t.household_id = a.household_id and v.csat is not null) as "ratingSum"
      from household_arrears a
      join households h on h.tenant_id = a.tenant_id and h.id = a.household_id
      join buildings b on b.tenant_id = h.tenant_id and b.id = h.building_id
      left join units u on u.tenant_id = h.tenant_id and u.id = h.unit_id
      where a.tenant_id = ${tenantId} ${projectFilter('a.project_id', projectIds)}
      order by a.amount desc, label`,
  );
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

/** The households that pay (not in arrears) in scope: how many, how many with an open complaint, their ratings. */
export async function payingHouseholds(db: Executor, tenantId: string, projectIds: string[] | null) {
  const [row] = await queryRows<{ households: number; withComplaint: number; ratings: number; ratingSum: number }>(
    db,
    sql`with paying as (
        select h.id from households h
        where h.tenant_id = ${tenantId} ${projectFilter('h.project_id', projectIds)}
          and not exists (select 1 from household_arrears a where a.tenant_id = h.tenant_id and a.household_id = h.id))
      select (select count(*)::int from paying) as households,
        (select count(distinct t.household_id)::int from tickets t join paying p on p.id = t.household_id
          where t.tenant_id = ${tenantId} and t.type = 'complaint' and t.status in ${[...openStatuses]}) as "withComplaint",
        (select count(*)::int from return_visits v join tickets t on t.tenant_id = v.tenant_id and t.id = v.ticket_id join paying p on p.id = t.household_id
          where v.tenant_id = ${tenantId} and v.csat is not null) as ratings,
        (select coalesce(sum(v.csat), 0)::int from return_visits v join tickets t on t.tenant_id = v.tenant_id and t.id = v.ticket_id join paying p on p.id = t.household_id
          where v.tenant_id = ${tenantId} and v.csat is not null) as "ratingSum"`,
  );
  return row ?? { households: 0, withComplaint: 0, ratings: 0, ratingSum: 0 };
}
