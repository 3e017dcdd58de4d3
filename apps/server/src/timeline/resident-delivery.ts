import { queryRows, uuidv7Sql, type Executor } from '@manyi/db';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Where a notice's per-person receipts are kept: the incidents' outage notices (notice_receipts, by incident_id)
 * and the notices centre's (notice_deliveries, by notice_id). Both have the same receipt columns.
 */
const receiptTables = {
  incident: { table: 'notice_receipts', subject: 'incident_id' },
  notice: { table: 'notice_deliveries', subject: 'notice_id' },
} as const;

export type ResidentDelivery = {
  receipts: keyof typeof receiptTables;
  subjectId: string;
  tenantId: string;
  projectId: string;
  /** Which of the project's homes (a condition on households `h`); every home of the project when absent. */
  homes?: SQL | undefined;
  /** The owner timeline's title and detail for the notice. */
  title: string;
  detail: unknown;
  actorName: string;
  at: Date;
};

/**
 * Delivers a notice to every person living in the chosen homes: one receipt row and one owner-timeline event per
 * person, in one set-based statement. The receipt's primary key makes it idempotent, so delivering again (after a
 * building is added) reaches only the newly covered people. Returns how many were reached this time.
 */
export async function deliverToResidents(tx: Executor, delivery: ResidentDelivery): Promise<number> {
  const { table, subject } = receiptTables[delivery.receipts];
  const at = sql`${delivery.at.toISOString()}::timestamptz`;
  const [row] = await queryRows<{ delivered: number }>(
    tx,
    sql`
with delivered as (
  insert into ${sql.raw(table)} (tenant_id, ${sql.raw(subject)}, project_id, person_id, household_id, delivered_at)
  select p.tenant_id, ${delivery.subjectId}::uuid, h.project_id, p.id, h.id, ${at}
  from persons p
  join households h on h.tenant_id = p.tenant_id and h.id = p.household_id
  where p.tenant_id = ${delivery.tenantId}::uuid and h.project_id = ${delivery.projectId}::uuid ${delivery.homes ? sql`and ${delivery.homes}` : sql``}
  order by p.id
  on conflict do nothing
  returning person_id, household_id
),
timeline as (
  insert into timeline_events (id, tenant_id, person_id, household_id, kind, title, detail, actor_name, occurred_at)
  select ${sql.raw(uuidv7Sql)}, ${delivery.tenantId}::uuid, person_id, household_id, 'notice', ${delivery.title}, ${JSON.stringify(delivery.detail)}::jsonb, ${delivery.actorName}, ${at}
  from delivered
  returning 1
)
select (select count(*) from timeline)::int as delivered`,
  );
  return row?.delivered ?? 0;
}
