import { sql, type SQL } from 'drizzle-orm';

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
