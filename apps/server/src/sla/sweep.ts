/**
 * The SLA sweep (issue 3 §5, §6): finds clocks past their warning share or overdue and writes
 * ticket_alerts rows, webhook outbox rows and raised escalation levels, all in one set-based
 * statement per batch of tickets (keyset by id within a tenant).
 *
 * Idempotent and safe with several server instances at once (DESIGN §2): every alert is inserted
 * with ON CONFLICT DO NOTHING against UNIQUE(tenant, ticket, kind, target, level), outbox rows are
 * made only from the alerts this statement really inserted (RETURNING) and are themselves unique
 * per (alert, webhook), and escalation_level only ever rises (greatest(current, reached)).
 *
 * Work list: tickets.sla_check_at holds the next instant a ticket needs looking at (its next
 * warning, due or escalation instant; 'infinity' when none is left). applySlaDeadlines resets it
 * to null whenever the deadlines change, so a sweep reads only the running tickets that are new,
 * changed or have crossed a threshold, through a partial index, instead of every open ticket.
 *
 * Approximations, chosen so that 1,000,000 open tickets sweep in seconds (bench/sla-sweep.ts):
 * - The warning instant is start + warnShare × (due − start) in wall time. For a 24x7 target this
 *   is exact; for a working-hours target it is the same linear share of the wall time between the
 *   start and the (exact, business-time) due instant, so a target spanning a weekend warns a
 *   little earlier or later than the business-minute share of core slaState would.
 * - Breach age for the ladder is wall time since the due instant (core breachAgeMinutes counts
 *   business minutes); a working-hours ticket overdue on Friday evening therefore reaches the
 *   quality department on Saturday evening rather than Monday afternoon. Erring early is the
 *   safe side for an escalation.
 *
 * Alert rows: warning (level 0) and breach (level 0) go to the steward; escalation levels 1–3 go
 * to the project manager, the quality department and the company; update_reminder (seed 001
 * 提前告知、全程跟进) fires when a progress update is overdue, once per missed update, its level
 * counting the missed updates (1, 2, …). A still-missing update one interval later escalates on
 * target 'update' along the same ladder, shifted by that interval.
 */
import { queryRows, uuidv7Sql, type Executor } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { ladders, urgentPolicyCodes } from './escalation-ladder';
import { webhookOutboxCte } from './webhook-outbox';

export type SweepOptions = {
  /** Tickets per statement; larger batches are faster, smaller ones hold locks for less time. */
  batchSize?: number;
  /** Sweep only these companies (tests, benchmarks); default every company. */
  tenantIds?: readonly string[];
};

export type SweepResult = { scanned: number; alerts: number; deliveries: number; escalated: number; batches: number };

/** Statuses whose clocks run; resolved tickets only for the return visit. on_hold pauses everything. */
const runningStatuses = ['new', 'accepted', 'assigned', 'in_progress', 'reopened', 'resolved'];

const deadlockCodes = new Set(['40P01', '40001']);

function causeCode(error: unknown): string | undefined {
  for (let current: unknown = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

type BatchRow = { last_id: string | null; scanned: number; alerts: number; deliveries: number; escalated: number };

function batchStatement(tenantId: string, after: string | null, limit: number, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [n1, n2, n3] = ladders.normal;
  const [u1, u2, u3] = ladders.urgent;
  const statuses = sql.join(
    runningStatuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const urgentCodes = sql.join(
    urgentPolicyCodes.map((code) => sql`${code}`),
    sql`, `,
  );
  const newId = sql.raw(uuidv7Sql);
  const columns = sql`t.id, t.tenant_id, t.project_id, t.number, t.type, t.title, t.location, t.status, t.complaint_scope, t.sla_policy_code,
    t.reported_at, t.last_owner_update_at, t.resolved_at, t.escalation_level,
    t.response_due_at, t.arrival_due_at, t.resolution_due_at, t.next_update_due_at, t.visit_due_at`;
  const afterId = after ? sql`and t.id > ${after}::uuid` : sql``;
  return sql`
with batch as (
  -- Two arms, not "sla_check_at is null or sla_check_at <= now": each arm is a plain range on the
  -- partial index (tenant, sla_check_at, id), where the OR forced a scan of every running ticket.
  -- Each arm keeps its first n ids by id, so the first n of their union are exactly the batch.
  select * from (
    (select ${columns} from tickets t
      where t.tenant_id = ${tenantId}::uuid and t.status in (${statuses}) and t.sla_check_at is null ${afterId}
      order by t.id limit ${limit})
    union all
    (select ${columns} from tickets t
      where t.tenant_id = ${tenantId}::uuid and t.status in (${statuses}) and t.sla_check_at <= ${at} ${afterId}
      order by t.id limit ${limit})
  ) due
  order by id
  limit ${limit}
),
clocks as (
  select b.id as ticket_id, b.tenant_id, b.project_id, c.target, c.due_at,
    case when c.target = 'update' or c.start_at is null then c.due_at
         else c.start_at + (c.due_at - c.start_at) * coalesce(p.warn_share, 0.8) end as warn_at,
    case when c.target = 'update' then coalesce((p.targets -> 'owner_update' ->> 'minutes')::int, 1440) else 0 end
      * interval '1 minute' as grace,
    case when b.sla_policy_code in (${urgentCodes}) or b.complaint_scope = 'group'
      then array[${u1}::int, ${u2}::int, ${u3}::int] else array[${n1}::int, ${n2}::int, ${n3}::int] end as ladder
  from batch b
  left join sla_policies p on p.tenant_id = b.tenant_id and p.code = b.sla_policy_code
  cross join lateral (values
    ('response', b.reported_at, case when b.status <> 'resolved' then b.response_due_at end),
    ('arrival', b.reported_at, case when b.status <> 'resolved' then b.arrival_due_at end),
    ('resolution', b.reported_at, case when b.status <> 'resolved' then b.resolution_due_at end),
    ('update', coalesce(b.last_owner_update_at, b.reported_at), case when b.status <> 'resolved' then b.next_update_due_at end),
    ('visit', b.resolved_at, case when b.status = 'resolved' then b.visit_due_at end)
  ) as c(target, start_at, due_at)
  where c.due_at is not null
),
rungs as (
  select clocks.*,
    case
      when ${at} >= due_at + grace + ladder[3] * interval '1 minute' then 3
      when ${at} >= due_at + grace + ladder[2] * interval '1 minute' then 2
      when ${at} >= due_at + grace + ladder[1] * interval '1 minute' then 1
      else 0
    end as rung,
    -- The next instant this clock needs the sweep again: its warning, due or next rung.
    case
      when ${at} < warn_at then warn_at
      when ${at} < due_at then due_at
      when ${at} < due_at + grace + ladder[1] * interval '1 minute' then due_at + grace + ladder[1] * interval '1 minute'
      when ${at} < due_at + grace + ladder[2] * interval '1 minute' then due_at + grace + ladder[2] * interval '1 minute'
      when ${at} < due_at + grace + ladder[3] * interval '1 minute' then due_at + grace + ladder[3] * interval '1 minute'
    end as next_at
  from clocks
),
reached as (
  select * from rungs where ${at} >= warn_at
),
candidates as (
  select ticket_id, tenant_id, project_id, 'warning' as kind, target, 0 as level, due_at, 'steward' as recipient
    from reached where target <> 'update' and ${at} < due_at
  union all
  select ticket_id, tenant_id, project_id, 'breach', target, 0, due_at, 'steward'
    from reached where target <> 'update' and ${at} >= due_at
  union all
  select ticket_id, tenant_id, project_id, 'update_reminder', 'update',
      1 + coalesce((select max(a.level) from ticket_alerts a
        where a.tenant_id = reached.tenant_id and a.ticket_id = reached.ticket_id and a.kind = 'update_reminder' and a.target = 'update'), 0),
      due_at, 'steward'
    from reached where target = 'update'
      and not exists (select 1 from ticket_alerts a where a.tenant_id = reached.tenant_id and a.ticket_id = reached.ticket_id
        and a.kind = 'update_reminder' and a.target = 'update' and a.due_at = reached.due_at)
  union all
  select ticket_id, tenant_id, project_id, 'escalation', target, g.level, due_at,
      (array['manager', 'quality', 'admin'])[g.level]
    from reached join (values (1), (2), (3)) as g(level) on g.level <= reached.rung
),
inserted as (
  insert into ticket_alerts (id, tenant_id, ticket_id, project_id, kind, target, level, due_at, recipient_role, created_at)
  select ${newId}, tenant_id, ticket_id, project_id, kind, target, level, due_at, recipient, ${at}
  from candidates
  order by ticket_id, kind, target, level
  on conflict do nothing
  returning id, tenant_id, ticket_id, project_id, kind, target, level, due_at
),
${webhookOutboxCte(at, newId, sql`(case when i.kind = 'escalation' then i.level else 0 end)`)},
-- Per ticket, without joining one CTE to another (their row estimates are guesses, and a nested
-- loop over two 50,000-row CTEs is quadratic): one group-by over the batch row and its clocks.
outcome as (
  select id, max(old_level) as old_level, max(status) as status, max(last_owner_update_at) as last_owner_update_at,
    max(response_due_at) as response_due_at, max(arrival_due_at) as arrival_due_at, max(resolution_due_at) as resolution_due_at,
    max(next_update_due_at) as next_update_due_at, max(visit_due_at) as visit_due_at,
    greatest(max(old_level), max(rung)) as new_level,
    coalesce(min(next_at), 'infinity'::timestamptz) as check_at
  from (
    select b.id, b.escalation_level as old_level, b.status, b.last_owner_update_at, b.response_due_at, b.arrival_due_at,
      b.resolution_due_at, b.next_update_due_at, b.visit_due_at, 0 as rung, null::timestamptz as next_at
    from batch b
    union all
    select r.ticket_id, null, null, null, null, null, null, null, null, r.rung, r.next_at from rungs r
  ) u
  group by id
),
updated as (
  update tickets t set escalation_level = greatest(t.escalation_level, o.new_level), sla_check_at = o.check_at
  from outcome o
  where t.tenant_id = ${tenantId}::uuid and t.id = o.id
    -- A ticket whose deadlines changed since the batch read it keeps its null check time.
    and (t.status, t.last_owner_update_at, t.response_due_at, t.arrival_due_at, t.resolution_due_at, t.next_update_due_at, t.visit_due_at)
      is not distinct from (o.status, o.last_owner_update_at, o.response_due_at, o.arrival_due_at, o.resolution_due_at, o.next_update_due_at, o.visit_due_at)
  returning (o.new_level > o.old_level) as raised
)
select (select max(id::text) from batch) as last_id,
  (select count(*) from batch)::int as scanned,
  (select count(*) from inserted)::int as alerts,
  (select count(*) from deliveries)::int as deliveries,
  (select count(*) from updated where raised)::int as escalated`;
}

async function sweepBatch(db: Executor, tenantId: string, after: string | null, limit: number, now: Date): Promise<BatchRow> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(async (tx) => {
        // The statement's cost estimate is high enough to trigger JIT compilation, which costs
        // more than the whole execution (about 1.3 s of a 1.4 s steady-state batch on PostgreSQL 15).
        await tx.execute(sql`set local jit = off`);
        const [row] = await queryRows<BatchRow>(tx, batchStatement(tenantId, after, limit, now));
        return row!;
      });
    } catch (error) {
      // Two instances sweeping the same tickets may deadlock on escalation_level; the batch is idempotent, so run it again.
      if (attempt >= 5 || !deadlockCodes.has(causeCode(error) ?? '')) throw error;
    }
  }
}

/** One pass over every company's running tickets at `now`. */
export async function runSlaSweep(db: Executor, now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const batchSize = options.batchSize ?? 50_000;
  const tenantIds = options.tenantIds ?? (await queryRows<{ id: string }>(db, sql`select id from tenants order by id`)).map((row) => row.id);
  const total: SweepResult = { scanned: 0, alerts: 0, deliveries: 0, escalated: 0, batches: 0 };
  for (const tenantId of tenantIds) {
    let after: string | null = null;
    for (;;) {
      const row = await sweepBatch(db, tenantId, after, batchSize, now);
      total.batches += 1;
      total.scanned += row.scanned;
      total.alerts += row.alerts;
      total.deliveries += row.deliveries;
      total.escalated += row.escalated;
      if (row.scanned < batchSize || !row.last_id) break;
      after = row.last_id;
    }
  }
  return total;
}
