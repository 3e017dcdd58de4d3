/**
 * Where points come from (issue 18 §4). A ScoreSource turns one kind of record into scorecard events, one row per
 * point: (kind, record_id, staff_id, project_id, occurred_at, amount, ticket_id, ticket_number, title). The
 * rollup (rollup.ts) counts these rows per month, person, project and kind; the drill-down lists the same rows for
 * one person, so a total and the records behind it are counted by one definition. A new source plugs in as one
 * more entry of `scoreSources`.
 *
 * Attribution: a ticket's points (SLA outcome, return-visit confirmation or rejection, the owner's rating) go to
 * its handler (assignee) in its project; a red-line finding and a reviewed text to the text's author; a 感动点 to the
 * staff member who delighted the owner; a learning record to the learner, in the first project they serve.
 */
import { sql, type SQL } from 'drizzle-orm';

export type EventScope = {
  tenantId: string;
  /** One person (drill-down); all people when absent (rollup). */
  staffId?: string | undefined;
  /** One record (an objection's point). */
  recordId?: string | undefined;
  from: Date;
  to?: Date | undefined;
};

export type ScoreSource = {
  name: string;
  /** SELECT of the event rows in the scope, in the column order of eventColumns. */
  events(scope: EventScope): SQL;
};

export const eventColumns = 'kind, record_id, staff_id, project_id, occurred_at, amount, ticket_id, ticket_number, title';

const range = (column: SQL, scope: EventScope) => sql`${column} >= ${scope.from} ${scope.to ? sql`and ${column} < ${scope.to}` : sql``}`;
const person = (column: SQL, scope: EventScope) => (scope.staffId ? sql`and ${column} = ${scope.staffId}` : sql``);
const record = (column: SQL, scope: EventScope) => (scope.recordId ? sql`and ${column} = ${scope.recordId}` : sql``);
/** The first project a person serves: where their training points count. */
const firstProject = (staff: SQL, tenant: SQL) =>
  sql`(select sp.project_id from staff_projects sp where sp.tenant_id = ${tenant} and sp.staff_id = ${staff} order by sp.project_id limit 1)`;

/** Tickets resolved by their handler, within or past the resolution deadline (tickets.resolution_met). */
const slaSource: ScoreSource = {
  name: 'sla',
  events: (scope) => sql`
    select case when t.resolution_met then 'sla_met' else 'sla_missed' end, t.id, t.assignee_id, t.project_id, t.resolved_at, 1, t.id, t.number, t.title
    from tickets t
    where t.tenant_id = ${scope.tenantId} and t.assignee_id is not null and t.resolution_met is not null
      ${person(sql`t.assignee_id`, scope)} ${record(sql`t.id`, scope)} and ${range(sql`t.resolved_at`, scope)}`,
};

/** Return visits (回访) of a handler's tickets: the owner's confirmation or rejection, and a 5 or a 1–2 rating. */
const visitSource: ScoreSource = {
  name: 'visits',
  events: (scope) => sql`
    select e.kind, v.id, t.assignee_id, t.project_id, v.at, 1, t.id, t.number, t.title
    from return_visits v
    join tickets t on t.tenant_id = v.tenant_id and t.id = v.ticket_id
    cross join lateral (values
      (case v.outcome when 'confirmed' then 'visit_confirmed' when 'rejected' then 'visit_rejected' end),
      (case when v.csat = 5 then 'rating_high' when v.csat <= 2 then 'rating_low' end)) e(kind)
    where v.tenant_id = ${scope.tenantId} and t.assignee_id is not null and e.kind is not null
      ${person(sql`t.assignee_id`, scope)} ${record(sql`v.id`, scope)} and ${range(sql`v.at`, scope)}`,
};

/** Red lines found in a text an owner saw (text-qa), unless the quality department rejected the finding. */
const redLineSource: ScoreSource = {
  name: 'red_lines',
  events: (scope) => sql`
    select 'red_line', f.id, q.author_id, coalesce(q.project_id, ${firstProject(sql`q.author_id`, sql`q.tenant_id`)}), f.created_at, 1, q.ticket_id, tk.number, f.excerpt
    from qa_findings f
    join qa_texts q on q.tenant_id = f.tenant_id and q.id = f.text_id
    left join tickets tk on tk.tenant_id = q.tenant_id and tk.id = q.ticket_id
    where f.tenant_id = ${scope.tenantId} and q.author_id is not null and f.status <> 'rejected'
      ${person(sql`q.author_id`, scope)} ${record(sql`f.id`, scope)} and ${range(sql`f.created_at`, scope)}`,
};

/** A reviewer's rubric score of a sampled text (text-qa review queue): ≥ 90 a bonus, < 60 a deduction. */
const reviewSource: ScoreSource = {
  name: 'qa_reviews',
  events: (scope) => sql`
    select case when r.total >= 90 then 'qa_excellent' else 'qa_poor' end, r.id, q.author_id,
      coalesce(q.project_id, ${firstProject(sql`q.author_id`, sql`q.tenant_id`)}), r.created_at, 1, q.ticket_id, tk.number, left(q.body, 60)
    from qa_reviews r
    join qa_texts q on q.tenant_id = r.tenant_id and q.id = r.text_id
    left join tickets tk on tk.tenant_id = q.tenant_id and tk.id = q.ticket_id
    where r.tenant_id = ${scope.tenantId} and q.author_id is not null and (r.total >= 90 or r.total < 60)
      ${person(sql`q.author_id`, scope)} ${record(sql`r.id`, scope)} and ${range(sql`r.created_at`, scope)}`,
};

/** 感动点 rewarded by a manager (delight-moments): the rewarded points, as of the reward. */
const delightSource: ScoreSource = {
  name: 'delight',
  events: (scope) => sql`
    select 'delight', m.id, m.staff_id, m.project_id, m.rewarded_at, m.reward_points, m.ticket_id, tk.number, left(m.description, 60)
    from delight_moments m
    left join tickets tk on tk.tenant_id = m.tenant_id and tk.id = m.ticket_id
    where m.tenant_id = ${scope.tenantId} and m.rewarded_at is not null
      ${person(sql`m.staff_id`, scope)} ${record(sql`m.id`, scope)} and ${range(sql`m.rewarded_at`, scope)}`,
};

/** Learning records (training): a lesson completed, a quiz or case drill passed. */
const learningSource: ScoreSource = {
  name: 'training',
  events: (scope) => sql`
    select case when l.kind = 'lesson' then 'training_lesson' else 'training_passed' end, l.id, l.staff_id, p.project_id, l.created_at, 1,
      null::uuid, null::text, l.subject_key || coalesce(' · ' || l.item_key, '')
    from learning_records l
    cross join lateral (select ${firstProject(sql`l.staff_id`, sql`l.tenant_id`)} as project_id) p
    where l.tenant_id = ${scope.tenantId} and p.project_id is not null and (l.kind = 'lesson' or l.passed)
      ${person(sql`l.staff_id`, scope)} ${record(sql`l.id`, scope)} and ${range(sql`l.created_at`, scope)}`,
};

/**
 * Quality inspections (品质巡检, issue 18 §1): an item of a submitted round charged to a person
 * (inspection_items.responsible_staff_id) gives its deducted points (扣分) and its bonus points (加分, seed 002),
 * dated by the round's submission. Items charged to the post's team as a whole (no person) count for nobody's card.
 */
const inspectionSource: ScoreSource = {
  name: 'inspections',
  events: (scope) => sql`
    select e.kind, i.id, i.responsible_staff_id, i.project_id, r.submitted_at, e.amount, null::uuid, null::text, i.name_zh
    from inspection_items i
    join inspection_rounds r on r.tenant_id = i.tenant_id and r.id = i.round_id
    cross join lateral (values ('inspection_deduction', i.deduction), ('inspection_bonus', i.bonus)) as e(kind, amount)
    where i.tenant_id = ${scope.tenantId} and r.status = 'submitted' and i.responsible_staff_id is not null and e.amount > 0
      ${person(sql`i.responsible_staff_id`, scope)} ${record(sql`i.id`, scope)} and ${range(sql`r.submitted_at`, scope)}`,
};

export const scoreSources: readonly ScoreSource[] = [slaSource, visitSource, redLineSource, reviewSource, delightSource, learningSource, inspectionSource];

/** Every event of the scope from the given sources, as one relation with eventColumns. */
export function eventsOf(sources: readonly ScoreSource[], scope: EventScope): SQL {
  return sql`(${sql.join(
    sources.map((source) => source.events(scope)),
    sql` union all `,
  )}) as e(${sql.raw(eventColumns)})`;
}
