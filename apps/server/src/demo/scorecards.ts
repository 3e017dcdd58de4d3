/**
 * Scorecards in the demo (issue 18 §4): the year of history tickets (analytics.ts) was received without a
 * handler; here each resolved one is given to a steward or technician of its project (repairs to engineering,
 * the rest to stewards, spread evenly by a hash of the ticket's number, which the seeded history makes the same on every run), so the points of SLA outcomes, return visits and
 * ratings fall on real people. Red-line findings, 感动点 and learning records already name theirs.
 */
import { type Executor } from '@manyi/db';
import { sql } from 'drizzle-orm';

export async function seedScoreHandlers(tx: Executor, tenantId: string): Promise<void> {
  await tx.execute(sql`
    with people as (
      select sp.project_id, s.id, s.post,
        row_number() over (partition by sp.project_id, s.post order by s.id) - 1 as k,
        count(*) over (partition by sp.project_id, s.post) as c
      from staff_projects sp
      join staff_users s on s.tenant_id = sp.tenant_id and s.id = sp.staff_id
      where sp.tenant_id = ${tenantId} and s.post in ('steward', 'engineering') and s.active
    ), open_history as (
      select t.id, t.project_id, case when t.type = 'repair' then 'engineering' else 'steward' end as post,
        ('x' || substr(md5(t.number), 1, 8))::bit(32)::int as h
      from tickets t
      where t.tenant_id = ${tenantId} and t.assignee_id is null and t.resolved_at is not null
    )
    update tickets set assignee_id = p.id, assigned_post = p.post
    from open_history o
    join people p on p.project_id = o.project_id and p.post = o.post and p.k = abs(o.h) % p.c
    where tickets.tenant_id = ${tenantId} and tickets.id = o.id`);
}
