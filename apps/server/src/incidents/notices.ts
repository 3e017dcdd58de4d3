import { incidents, noticeReceipts, queryRows, uuidv7Sql, type Executor } from '@manyi/db';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { OwnerPrincipal } from '../policy/principal';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import type { IncidentRow } from './repository';

/**
 * Sends the incident's notice to every person of the affected buildings' households (the whole
 * project when no building is named): one receipt row and one owner-timeline event per person, in
 * one set-based statement. The receipt's primary key makes it idempotent, so publishing again after
 * adding a building reaches only the newly covered people.
 */
export async function deliverNotice(tx: Executor, incident: IncidentRow, actorName: string, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const inBuildings = incident.buildingIds.length > 0
    ? sql`and h.building_id in (${sql.join(incident.buildingIds.map((id) => sql`${id}::uuid`), sql`, `)})`
    : sql``;
  const detail = JSON.stringify({ incidentId: incident.id, kind: incident.kind, startsAt: incident.startsAt, endsAt: incident.endsAt });
  const [row] = await queryRows<{ delivered: number }>(tx, sql`
with delivered as (
  insert into notice_receipts (tenant_id, incident_id, project_id, person_id, household_id, delivered_at)
  select p.tenant_id, ${incident.id}::uuid, h.project_id, p.id, h.id, ${at}
  from persons p
  join households h on h.tenant_id = p.tenant_id and h.id = p.household_id
  where p.tenant_id = ${incident.tenantId}::uuid and h.project_id = ${incident.projectId}::uuid ${inBuildings}
  order by p.id
  on conflict do nothing
  returning person_id, household_id
),
timeline as (
  insert into timeline_events (id, tenant_id, person_id, household_id, kind, title, detail, actor_name, occurred_at)
  select ${sql.raw(uuidv7Sql)}, ${incident.tenantId}::uuid, person_id, household_id, 'notice', ${`通知:${incident.title}`}, ${detail}::jsonb, ${actorName}, ${at}
  from delivered
  returning 1
)
select (select count(*) from timeline)::int as delivered`);
  return row?.delivered ?? 0;
}

type OwnerContext = Context<OwnerPrincipal>;

/** The owner's notices, newest first, with what they have not read yet. */
export async function listOwnerNotices(context: OwnerContext) {
  const { tenantId, personId } = context.principal;
  const rows = await context.db.select({ incident: incidents, deliveredAt: noticeReceipts.deliveredAt, readAt: noticeReceipts.readAt }).from(noticeReceipts)
    .innerJoin(incidents, and(eq(incidents.tenantId, noticeReceipts.tenantId), eq(incidents.id, noticeReceipts.incidentId)))
    .where(and(eq(noticeReceipts.tenantId, tenantId), eq(noticeReceipts.personId, personId), inArray(incidents.status, ['published', 'closed'])))
    .orderBy(desc(noticeReceipts.deliveredAt), desc(noticeReceipts.incidentId))
    .limit(100);
  return {
    items: rows.map(({ incident, deliveredAt, readAt }) => ({
      id: incident.id, kind: incident.kind as 'planned' | 'emergency', title: incident.title, noticeText: incident.noticeText,
      startsAt: incident.startsAt, endsAt: incident.endsAt, ended: incident.status === 'closed', deliveredAt, readAt,
    })),
    unread: rows.filter((row) => row.readAt === null).length,
  };
}

/** The read receipt: the first reading counts; reading again changes nothing. */
export async function markNoticeRead(context: OwnerContext, incidentId: string) {
  const { tenantId, personId } = context.principal;
  const mine = and(eq(noticeReceipts.tenantId, tenantId), eq(noticeReceipts.incidentId, incidentId), eq(noticeReceipts.personId, personId));
  await context.db.update(noticeReceipts).set({ readAt: context.clock.now() }).where(and(mine, isNull(noticeReceipts.readAt)));
  const [receipt] = await context.db.select({ readAt: noticeReceipts.readAt }).from(noticeReceipts).where(mine);
  if (!receipt?.readAt) throw notFound();
  return { id: incidentId, readAt: receipt.readAt };
}
