import { queryRows, type Executor } from '@manyi/db';
import { sql } from 'drizzle-orm';

/**
 * What owners see of their steward on the phone (issue 15 §5): each steward's working hours, and each
 * building looked after by one of its project's stewards, taken in turn (a steward typically keeps a
 * few buildings).
 */
export async function seedStewardCards(db: Executor, tenantId: string): Promise<number> {
  await db.execute(sql`
    update staff_users set working_hours = '周一至周日 8:30–18:00（午间 12:00–13:30 轮值）'
    where tenant_id = ${tenantId} and post = 'steward'`);
  const assigned = await queryRows<{ id: string }>(
    db,
    sql`
    with stewards as (
      select sp.project_id, s.id, row_number() over (partition by sp.project_id order by s.login) - 1 as position,
             count(*) over (partition by sp.project_id) as total
      from staff_users s
      join staff_projects sp on sp.tenant_id = s.tenant_id and sp.staff_id = s.id
      where s.tenant_id = ${tenantId} and s.post = 'steward' and s.active
    ),
    numbered as (
      select b.id, b.project_id, row_number() over (partition by b.project_id order by b.name) - 1 as position
      from buildings b where b.tenant_id = ${tenantId}
    )
    update buildings b set steward_id = s.id
    from numbered n join stewards s on s.project_id = n.project_id and s.position = n.position % s.total
    where b.tenant_id = ${tenantId} and b.id = n.id
    returning b.id`,
  );
  return assigned.length;
}
