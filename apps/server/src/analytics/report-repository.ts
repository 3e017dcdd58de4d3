/**
 * Statements of the generated reports (analytics_reports): the schedule's inserts (once per
 * report and period), the worker's claim (a lease, FOR UPDATE SKIP LOCKED), progress and the
 * outcome, the list and the announcement in the webhook outbox.
 */
import { analyticsReports, queryRows, uuidv7Sql, type Executor } from '@manyi/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { noPlace } from '../results/cells';

export type ReportRow = typeof analyticsReports.$inferSelect;

/** Queues a report of a period unless one exists; the row (new or existing) and whether it was new. */
export async function queueReport(
  db: Executor,
  row: { tenantId: string; kind: 'weekly' | 'monthly'; projectId: string | null; period: string; requestedBy: string | null },
): Promise<{ report: ReportRow; created: boolean }> {
  const [created] = await db
    .insert(analyticsReports)
    .values({ tenantId: row.tenantId, kind: row.kind, projectId: row.projectId ?? noPlace, period: row.period, requestedBy: row.requestedBy })
    .onConflictDoNothing()
    .returning();
  if (created) return { report: created, created: true };
  const [existing] = await db
    .select()
    .from(analyticsReports)
    .where(
      and(
        eq(analyticsReports.tenantId, row.tenantId),
        eq(analyticsReports.kind, row.kind),
        eq(analyticsReports.projectId, row.projectId ?? noPlace),
        eq(analyticsReports.period, row.period),
      ),
    );
  return { report: existing!, created: false };
}

/** Asks again for a report that exists (a failed one, or fresh figures of a finished one): back to the queue. */
export async function requeueReport(db: Executor, tenantId: string, id: string, requestedBy: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(analyticsReports)
    .set({ status: 'queued', progress: 0, step: '', failure: null, requestedBy, leaseUntil: null, finishedAt: null })
    .where(and(eq(analyticsReports.tenantId, tenantId), eq(analyticsReports.id, id), inArray(analyticsReports.status, ['done', 'failed'])))
    .returning();
  return row;
}

/** The schedule's reports of a period: every project's weekly report (or the company's monthly one), skipping those that exist. */
export async function queueScheduled(db: Executor, now: Date, week: string, month: string, tenantIds: readonly string[] | null): Promise<number> {
  const only = (column: string) => (tenantIds === null ? sql`true` : sql`${sql.raw(column)} in ${tenantIds.length ? tenantIds : [noPlace]}`);
  const rows = await queryRows<{ count: number }>(
    db,
    sql`with wanted as (
        select p.tenant_id, 'weekly' as kind, p.id as project_id, ${week}::date as period from projects p where ${only('p.tenant_id')}
        union all
        select t.id, 'monthly', ${noPlace}::uuid, ${`${month}-01`}::date from tenants t where ${only('t.id')}
      ), inserted as (
        insert into analytics_reports (id, tenant_id, kind, project_id, period, created_at)
        select ${sql.raw(uuidv7Sql)}, tenant_id, kind, project_id, period, ${now} from wanted
        on conflict do nothing
        returning 1
      )
      select count(*)::int as count from inserted`,
  );
  return rows[0]?.count ?? 0;
}

/** Takes the oldest queued report (or one whose worker's lease ran out) for `leaseMs`. */
export async function claimReport(db: Executor, now: Date, leaseMs: number, tenantIds: readonly string[] | null): Promise<ReportRow | undefined> {
  const rows = await queryRows<{ tenant_id: string; id: string }>(
    db,
    sql`update analytics_reports r set status = 'running', progress = 5, step = 'figures', lease_until = ${new Date(now.getTime() + leaseMs)}
      where (r.tenant_id, r.id) = (
        select tenant_id, id from analytics_reports
        where (status = 'queued' or (status = 'running' and lease_until < ${now}))
          and ${tenantIds === null ? sql`true` : sql`tenant_id in ${tenantIds.length ? tenantIds : [noPlace]}`}
        order by created_at, id limit 1 for update skip locked)
      returning r.tenant_id, r.id`,
  );
  const claimed = rows[0];
  if (!claimed) return undefined;
  const [row] = await db
    .select()
    .from(analyticsReports)
    .where(and(eq(analyticsReports.tenantId, claimed.tenant_id), eq(analyticsReports.id, claimed.id)));
  return row;
}

export async function reportProgress(db: Executor, report: ReportRow, progress: number, step: string): Promise<void> {
  await db
    .update(analyticsReports)
    .set({ progress, step })
    .where(and(eq(analyticsReports.tenantId, report.tenantId), eq(analyticsReports.id, report.id)));
}

export async function finishReport(
  db: Executor,
  report: ReportRow,
  outcome: { title: string; empty: boolean; pdfBytes: number; xlsxBytes: number },
  now: Date,
): Promise<void> {
  await db
    .update(analyticsReports)
    .set({ ...outcome, status: 'done', progress: 100, step: 'done', finishedAt: now, leaseUntil: null })
    .where(and(eq(analyticsReports.tenantId, report.tenantId), eq(analyticsReports.id, report.id)));
}

export async function failReport(db: Executor, report: ReportRow, failure: string, now: Date): Promise<void> {
  await db
    .update(analyticsReports)
    .set({ status: 'failed', step: 'failed', failure: failure.slice(0, 500), finishedAt: now, leaseUntil: null })
    .where(and(eq(analyticsReports.tenantId, report.tenantId), eq(analyticsReports.id, report.id)));
}

export type ReportListRow = ReportRow & { projectName: string | null };

/** The company's reports in the caller's projects (monthly ones only to company-wide readers), newest period first. */
export async function listReports(
  db: Executor,
  filter: { tenantId: string; projectIds: string[] | null; kind?: 'weekly' | 'monthly' | undefined; projectId?: string | undefined },
  limit: number,
): Promise<ReportListRow[]> {
  const rows = await db
    .select({
      report: analyticsReports,
      projectName: sql<string | null>`(select name from projects p where p.tenant_id = ${analyticsReports.tenantId} and p.id = ${analyticsReports.projectId})`,
    })
    .from(analyticsReports)
    .where(
      and(
        eq(analyticsReports.tenantId, filter.tenantId),
        filter.kind ? eq(analyticsReports.kind, filter.kind) : undefined,
        filter.projectId ? eq(analyticsReports.projectId, filter.projectId) : undefined,
        filter.projectIds === null ? undefined : inArray(analyticsReports.projectId, filter.projectIds.length ? filter.projectIds : [noPlace]),
        filter.projectIds === null ? undefined : eq(analyticsReports.kind, 'weekly'),
      ),
    )
    .orderBy(desc(analyticsReports.period), desc(analyticsReports.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row.report, projectName: row.projectName }));
}

export async function findReport(db: Executor, tenantId: string, id: string): Promise<ReportListRow | undefined> {
  const [row] = await listReportsById(db, tenantId, id);
  return row;
}

async function listReportsById(db: Executor, tenantId: string, id: string): Promise<ReportListRow[]> {
  const rows = await db
    .select({
      report: analyticsReports,
      projectName: sql<string | null>`(select name from projects p where p.tenant_id = ${analyticsReports.tenantId} and p.id = ${analyticsReports.projectId})`,
    })
    .from(analyticsReports)
    .where(and(eq(analyticsReports.tenantId, tenantId), eq(analyticsReports.id, id)));
  return rows.map((row) => ({ ...row.report, projectName: row.projectName }));
}

/**
 * Announces a finished report in the company's group bots through the SLA webhook outbox
 * (sla/delivery.ts sends it): every active webhook of the company, and of the project for a
 * weekly report. Keyed by the report's id, so a regenerated report is not announced twice.
 */
export async function announceReport(db: Executor, report: ReportRow, body: Record<string, unknown>, now: Date): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`with inserted as (
        insert into webhook_deliveries (id, tenant_id, alert_id, webhook_id, body, status, attempts, next_attempt_at)
        select ${sql.raw(uuidv7Sql)}, w.tenant_id, ${report.id}::uuid, w.id, ${JSON.stringify(body)}::jsonb, 'pending', 0, ${now}
        from webhooks w
        where w.tenant_id = ${report.tenantId} and w.active and (w.project_id is null or w.project_id = ${report.projectId})
        on conflict do nothing
        returning 1)
      select count(*)::int as count from inserted`,
  );
  return rows[0]?.count ?? 0;
}
