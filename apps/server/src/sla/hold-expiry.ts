/**
 * Holds past their planned resume time (issue 3 §2: on_hold needs a reason and a resume time).
 *
 * Product decision: an expired hold is NOT resumed automatically. The resume time is the handler's
 * promise (e.g. "parts arrive Thursday"); whether the work can really continue is something a
 * person checks, and the owner should hear it from a person (seed 001 提前告知). So the ticket stays
 * on_hold, its clocks stay paused, and the steward gets a 'hold_expired' alert in the console bell
 * (and in group bots whose minimum level is 0). A hold extended to a new resume time that passes
 * again raises a new alert (level 2, 3, …); the alert is one per (ticket, planned resume time).
 *
 * Idempotent and safe with several instances: the same not-exists check plus the unique key of
 * ticket_alerts, as in the sweep.
 */
import { queryRows, uuidv7Sql, type Executor } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { webhookOutboxCte } from './webhook-outbox';

export type HoldExpiryOptions = { tenantIds?: readonly string[]; limit?: number };

export async function raiseHoldExpiredAlerts(db: Executor, now: Date, options: HoldExpiryOptions = {}): Promise<{ alerts: number; deliveries: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const newId = sql.raw(uuidv7Sql);
  const tenants = options.tenantIds
    ? sql`and t.tenant_id in (${sql.join(
        options.tenantIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const [row] = await queryRows<{ alerts: number; deliveries: number }>(
    db,
    sql`
with expired as (
  select t.id, t.tenant_id, t.project_id, t.hold_until from tickets t
  where t.status = 'on_hold' and t.hold_until <= ${at} ${tenants}
    and not exists (select 1 from ticket_alerts a where a.tenant_id = t.tenant_id and a.ticket_id = t.id
      and a.kind = 'hold_expired' and a.target = 'hold' and a.due_at = t.hold_until)
  order by t.hold_until
  limit ${options.limit ?? 5000}
),
inserted as (
  insert into ticket_alerts (id, tenant_id, ticket_id, project_id, kind, target, level, due_at, recipient_role, created_at)
  select ${newId}, e.tenant_id, e.id, e.project_id, 'hold_expired', 'hold',
    1 + coalesce((select max(a.level) from ticket_alerts a
      where a.tenant_id = e.tenant_id and a.ticket_id = e.id and a.kind = 'hold_expired' and a.target = 'hold'), 0),
    e.hold_until, 'steward', ${at}
  from expired e
  on conflict do nothing
  returning id, tenant_id, ticket_id, project_id, kind, target, level, due_at
),
${webhookOutboxCte(at, newId, sql`0`)}
select (select count(*) from inserted)::int as alerts, (select count(*) from deliveries)::int as deliveries`,
  );
  return row!;
}
