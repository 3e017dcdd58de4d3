import type { Executor } from '@manyi/db';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Runs raw SQL and returns its rows. The common Database type leaves the result of execute()
 * driver-specific; node-postgres and PGlite both answer with `{ rows }`.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A UUIDv7 made in SQL (PostgreSQL 15 has no uuidv7()): the millisecond timestamp over the first
 * 48 bits of a random UUID, version bits set to 7, so rows written by set-based statements sort
 * by time like every other id (DESIGN §2).
 */
export const uuidv7Sql = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/**
 * The `deliveries` step shared by every statement that raises alerts: one outbox row per alert
 * just inserted (CTE `inserted`) and per active webhook of the company or project whose level it
 * reaches; ON CONFLICT keeps it once per alert and webhook. `alertLevel` is what a webhook's
 * minimum_level is compared with.
 */
export function webhookOutboxCte(at: SQL, newId: SQL, alertLevel: SQL): SQL {
  return sql`deliveries as (
  insert into webhook_deliveries (id, tenant_id, alert_id, webhook_id, body, status, attempts, next_attempt_at)
  select ${newId}, i.tenant_id, i.id, w.id,
    jsonb_build_object('kind', i.kind, 'target', i.target, 'level', i.level, 'dueAt', i.due_at, 'at', ${at},
      'number', b.number, 'type', b.type, 'title', b.title, 'projectName', coalesce(pr.name, ''), 'location', b.location),
    'pending', 0, ${at}
  from inserted i
  join tickets b on b.tenant_id = i.tenant_id and b.id = i.ticket_id
  left join projects pr on pr.tenant_id = b.tenant_id and pr.id = b.project_id
  join webhooks w on w.tenant_id = i.tenant_id and w.active
    and (w.project_id is null or w.project_id = i.project_id)
    and ${alertLevel} >= w.minimum_level
  order by i.id, w.id
  on conflict do nothing
  returning 1
)`;
}
