/**
 * Budget: one SLA sweep over 1,000,000 open tickets in ≤ 5 s on PostgreSQL (issue 3 §5).
 *
 *   npx tsx bench/sla-sweep.ts            # DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test
 *
 * It creates its own company (removed again at the end), bulk-inserts the tickets with
 * generate_series in SQL with a realistic mix (complaints, routine and urgent repairs, inquiries;
 * most already answered; some on hold, some resolved awaiting the return visit; reported over the
 * last three days), adds a company-wide WeCom webhook so the outbox is written too, then times
 * the first full sweep (the heavy one: every warning, breach and escalation is new) and a second
 * one (steady state: nothing new).
 */
import { connect, projects, slaPolicies, tenants, ticketAlerts, tickets, uuidv7Sql, webhookDeliveries, webhooks, type Database } from '@manyi/db';
import { eq, sql } from 'drizzle-orm';
import { seedDefaultPolicies } from '../apps/server/src/sla/policy-store';
import { runSlaSweep } from '../apps/server/src/sla/sweep';
import { createProject, createTenant } from '../apps/server/test/factories';

const ticketCount = Number(process.env.SLA_BENCH_TICKETS ?? 1_000_000);
const budgetSeconds = 5;
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function removeTenant(db: Database, tenantId: string): Promise<void> {
  for (const table of [webhookDeliveries, ticketAlerts, tickets, webhooks, slaPolicies, projects]) {
    await db.delete(table).where(eq(table.tenantId, tenantId));
  }
  await db.delete(tenants).where(eq(tenants.id, tenantId));
}

async function insertTickets(db: Database, tenantId: string, projectId: string, now: Date): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  // i % 10: 0–2 complaint, 3–7 routine repair, 8 urgent repair, 9 inquiry; reported up to 72 h ago. 2% not yet answered;
  // 5% on hold; 5% resolved and awaiting the return visit; most complaints updated within the last day.
  await db.execute(sql`
    insert into tickets (id, tenant_id, project_id, number, type, channel, priority, status, title, location, sla_policy_code,
      reported_at, first_response_at, last_owner_update_at, resolved_at,
      response_due_at, arrival_due_at, resolution_due_at, next_update_due_at, visit_due_at)
    select ${sql.raw(uuidv7Sql)}, ${tenantId}::uuid, ${projectId}::uuid, 'BENCH-' || i,
      case when k <= 2 then 'complaint' when k <= 8 then 'repair' else 'inquiry' end,
      'hotline', case when k = 8 then 'urgent' else 'normal' end,
      case when i % 20 = 0 then 'on_hold' when i % 20 = 1 then 'resolved' else 'in_progress' end,
      '压测工单', (i % 30 + 1) || '栋' || (i % 2000) || '室',
      case when k <= 2 then 'complaint' when k <= 7 then 'routine_repair' when k = 8 then 'urgent_repair' else 'inquiry' end,
      reported, case when i % 50 <> 0 then reported + interval '10 minutes' end, updated,
      case when i % 20 = 1 then reported + interval '6 hours' end,
      case when i % 50 = 0 then reported + interval '30 minutes' end,
      case when k = 8 and i % 50 = 0 then reported + interval '30 minutes' end,
      case when i % 20 <> 1 then reported + (2 + i % 5) * interval '1 day' end,
      case when k <= 2 and i % 20 <> 1 then updated + interval '24 hours' end,
      case when i % 20 = 1 then reported + interval '30 hours' end
    from (select i, k, reported,
            case when k <= 2 and i % 10 <> 3 then greatest(reported, ${at} - ((i::bigint * 31) % 1440) * interval '1 minute') end as updated
          from (select i, i % 10 as k, ${at} - ((i::bigint * 7919) % 4320) * interval '1 minute' as reported
                from generate_series(1, ${ticketCount}::int) as i) g) s`);
  await db.execute(sql`analyze tickets`);
}

async function main(): Promise<void> {
  const connection = await connect({ databaseUrl, poolSize: 2 });
  // Apply pending migrations (this benchmark needs tickets.sla_check_at) so it runs on a fresh checkout.
  await connection.migrate();
  const db = connection.db;
  const tenant = await createTenant(db, '压测物业-SLA');
  try {
    const project = await createProject(db, tenant.id, { name: '绿景苑' });
    await seedDefaultPolicies(db, tenant.id);
    await db
      .insert(webhooks)
      .values({ tenantId: tenant.id, format: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=bench', minimumLevel: 1 });
    const now = new Date();
    const insertStarted = performance.now();
    await insertTickets(db, tenant.id, project.id, now);
    console.log(`inserted ${ticketCount.toLocaleString('en-US')} tickets in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s`);

    // Cold start: every ticket is new to the sweep (sla_check_at null), as right after this migration.
    const coldStarted = performance.now();
    const cold = await runSlaSweep(db, new Date(now.getTime() - 10 * 60_000), { tenantIds: [tenant.id] });
    const coldSeconds = (performance.now() - coldStarted) / 1000;
    console.log(
      `cold sweep (all ${cold.scanned} running tickets evaluated): ${coldSeconds.toFixed(2)} s, alerts ${cold.alerts}, outbox ${cold.deliveries}, escalated ${cold.escalated}`,
    );

    // The timed sweep: ten minutes (twenty 30-second intervals) later, over the same million open tickets.
    const started = performance.now();
    const first = await runSlaSweep(db, now, { tenantIds: [tenant.id] });
    const seconds = (performance.now() - started) / 1000;
    const againStarted = performance.now();
    const second = await runSlaSweep(db, now, { tenantIds: [tenant.id] });
    const againSeconds = (performance.now() - againStarted) / 1000;

    console.log(
      `sweep 10 min later: ${first.scanned} tickets due for a look, alerts ${first.alerts}, outbox ${first.deliveries}, escalated ${first.escalated}, ${first.batches} batches`,
    );
    console.log(`repeat sweep at the same instant: ${againSeconds.toFixed(2)} s, alerts ${second.alerts}`);
    console.log(`sla sweep ${ticketCount.toLocaleString('en-US')} open tickets: ${seconds.toFixed(2)} s (budget ${budgetSeconds} s)`);
    if (seconds > budgetSeconds) process.exitCode = 1;
  } finally {
    if (process.env.SLA_BENCH_KEEP !== '1') await removeTenant(db, tenant.id);
    await connection.close();
  }
}

await main();
