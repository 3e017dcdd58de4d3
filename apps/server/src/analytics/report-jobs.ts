/**
 * Reports generated in the background (issue 16 §6): the weekly report of every project and the
 * monthly report of every company on a schedule, and any of them on demand, with progress the
 * console shows, files kept in storage, downloadable from the report list, and announced with a
 * link through the company's WeCom/DingTalk group bots (the SLA webhook outbox).
 *
 * - Schedule: each pass queues the last whole week's weekly report of every project and the last
 *   whole month's monthly report of every company; the unique (company, kind, project, period)
 *   makes that idempotent, so a period is generated once however many passes or instances run.
 * - Worker: takes one queued report at a time under a lease (a stopped worker's report is taken
 *   again after it), writes progress as it goes (figures → tables → PDF → xlsx → announce).
 * - On demand: POST /analytics/reports queues (or requeues) the report and starts the worker in
 *   this process at once; the timer would take it within a few seconds anyway.
 */
import { Readable } from 'node:stream';
import type { ReportRequestBody, reportJob } from '@manyi/contracts/analytics';
import type { Database } from '@manyi/db';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { startBackgroundTimer, type BackgroundTimer } from '../background-timer';
import type { Context, Dependencies } from '../http/context';
import type { StaffPrincipal } from '../http/principal';
import { HttpProblem, notFound } from '../http/problem';
import { requirePermission, requireProjectScope } from '../policy/policy';
import type { ReportFacts } from '../sla/webhook-format';
import { noPlace } from './repository';
import {
  announceReport,
  claimReport,
  failReport,
  findReport,
  finishReport,
  listReports,
  queueReport,
  queueScheduled,
  reportProgress,
  requeueReport,
  type ReportListRow,
  type ReportRow,
} from './report-repository';
import { htmlToPdf, lastWholeMonth, lastWholeWeek, mondayOf, monthlyReport, reportHtml, reportXlsx, weeklyReport } from './reports';

type ReportJob = z.infer<typeof reportJob>;

const periodText = (row: Pick<ReportRow, 'kind' | 'period'>) => (row.kind === 'monthly' ? String(row.period).slice(0, 7) : String(row.period).slice(0, 10));

export function presentReport(row: ReportListRow): ReportJob {
  return {
    id: row.id,
    kind: row.kind as ReportJob['kind'],
    projectId: row.projectId === noPlace ? null : row.projectId,
    projectName: row.projectName,
    period: periodText(row),
    status: row.status as ReportJob['status'],
    progress: row.progress,
    step: row.step,
    title: row.title,
    empty: row.empty,
    pdfBytes: row.pdfBytes,
    xlsxBytes: row.xlsxBytes,
    failure: row.failure,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

/** Who may see a report: a weekly one within the reader's projects, a monthly one company-wide readers only. */
function requireReportScope(principal: StaffPrincipal, row: Pick<ReportRow, 'kind' | 'projectId'>) {
  if (row.kind === 'monthly' ? principal.projectIds !== null : !(principal.projectIds === null || principal.projectIds.includes(row.projectId)))
    throw notFound();
}

export async function requestReport(context: Context, body: ReportRequestBody): Promise<ReportJob> {
  requirePermission(context.principal, 'analytics.read');
  const now = context.clock.now();
  if (body.kind === 'weekly') requireProjectScope(context.principal, body.projectId!);
  else if (context.principal.projectIds !== null) throw new HttpProblem(403, 'forbidden');
  const period = body.kind === 'weekly' ? mondayOf(body.period ?? lastWholeWeek(now)) : `${body.period ?? lastWholeMonth(now)}-01`;
  const tenantId = context.principal.tenantId;
  const report = await context.db.transaction(async (tx) => {
    const queued = await queueReport(tx, { tenantId, kind: body.kind, projectId: body.projectId ?? null, period, requestedBy: context.principal.staffId });
    // Asked again: a failed report, or a finished one whose figures may have moved since, is made again.
    const row = queued.created ? queued.report : ((await requeueReport(tx, tenantId, queued.report.id, context.principal.staffId)) ?? queued.report);
    await recordAudit(tx, context, { action: 'create', entityType: 'analytics_report', entityId: row.id, summary: `生成报告 ${body.kind} ${periodText(row)}` });
    return row;
  });
  void runReportJobs(context, context.log, { tenantIds: [tenantId] }).catch((error: unknown) => context.log.error({ err: error }, 'report generation failed'));
  return presentReport((await findReport(context.db, tenantId, report.id))!);
}

export async function reportList(
  context: Context,
  query: { kind?: 'weekly' | 'monthly' | undefined; projectId?: string | undefined },
): Promise<{ items: ReportJob[] }> {
  requirePermission(context.principal, 'analytics.read');
  if (query.projectId) requireProjectScope(context.principal, query.projectId);
  const rows = await listReports(context.db, { tenantId: context.principal.tenantId, projectIds: context.principal.projectIds, ...query }, 200);
  return { items: rows.map(presentReport) };
}

export async function reportOf(context: Context, id: string): Promise<ReportJob> {
  requirePermission(context.principal, 'analytics.read');
  const row = await findReport(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  requireReportScope(context.principal, row);
  return presentReport(row);
}

const fileKey = (row: Pick<ReportRow, 'tenantId' | 'id'>, format: 'pdf' | 'xlsx') => `reports/${row.tenantId}/${row.id}.${format}`;

/** A finished report's file, for the download route; audited (figures leave the system as a file). */
export async function reportFile(context: Context, id: string, format: 'pdf' | 'xlsx'): Promise<{ path: string; fileName: string }> {
  const row = await findReport(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  requirePermission(context.principal, 'analytics.read');
  requireReportScope(context.principal, row);
  if (row.status !== 'done') throw new HttpProblem(409, 'conflict', { 'zh-CN': '报告尚未生成完成', 'en-US': 'The report is not ready yet' });
  await recordAudit(context.db, context, { action: 'export', entityType: 'analytics_report', entityId: row.id, summary: `下载报告 ${row.title}.${format}` });
  return { path: context.storage.pathOf(fileKey(row, format)), fileName: `${row.title || 'report'}.${format}` };
}

/** The company's own reader for background work: every project, read-only. */
function systemContext(deps: Dependencies, log: FastifyBaseLogger, row: ReportRow): Context {
  return {
    ...deps,
    log,
    requestId: `report-${row.id}`,
    ip: '',
    principal: { kind: 'staff', tenantId: row.tenantId, staffId: row.requestedBy ?? noPlace, name: '系统', roles: ['admin'], projectIds: null },
  };
}

async function generate(deps: Dependencies, log: FastifyBaseLogger, row: ReportRow): Promise<void> {
  const context = systemContext(deps, log, row);
  const report =
    row.kind === 'weekly' ? await weeklyReport(context, row.projectId, String(row.period).slice(0, 10)) : await monthlyReport(context, periodText(row));
  await reportProgress(deps.db, row, 40, 'pdf');
  const pdf = await htmlToPdf(reportHtml(report, deps.clock.now()));
  await reportProgress(deps.db, row, 75, 'xlsx');
  const xlsx = await reportXlsx(report);
  await deps.storage.write(fileKey(row, 'pdf'), Readable.from(pdf));
  await deps.storage.write(fileKey(row, 'xlsx'), Readable.from(xlsx));
  await reportProgress(deps.db, row, 95, 'announce');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await finishReport(tx, row, { title: report.fileName, empty: report.empty, pdfBytes: pdf.length, xlsxBytes: xlsx.length }, now);
    const facts: ReportFacts = {
      kind: 'report',
      title: report.title,
      period: report.subtitle.split('（')[0] ?? periodText(row),
      link: `${deps.config.publicUrl}/analytics?tab=reports&report=${row.id}`,
      empty: report.empty,
      at: now.toISOString(),
    };
    await announceReport(tx, row, facts, now);
  });
}

const leaseMs = 10 * 60_000;
let running: Promise<number> | null = null;

/**
 * Generates queued reports one after another until none is left; one run per process at a time.
 * How many were made. `tenantIds`: only these companies' (tests on a shared database).
 */
export function runReportJobs(deps: Dependencies, log: FastifyBaseLogger, options: { limit?: number; tenantIds?: readonly string[] } = {}): Promise<number> {
  const limit = options.limit ?? 50;
  running ??= (async () => {
    let made = 0;
    try {
      for (; made < limit; made += 1) {
        const row = await claimReport(deps.db, deps.clock.now(), leaseMs, options.tenantIds ?? null);
        if (!row) break;
        try {
          await generate(deps, log, row);
        } catch (error) {
          log.error({ err: error, report: row.id }, 'report failed');
          await failReport(deps.db, row, error instanceof Error ? error.message : String(error), deps.clock.now());
        }
      }
    } finally {
      running = null;
    }
    return made;
  })();
  return running;
}

/** Queues the scheduled reports of the last whole week and month (idempotent per period); how many were new. */
export function scheduleReports(db: Database, now: Date, tenantIds: readonly string[] | null = null): Promise<number> {
  return queueScheduled(db, now, lastWholeWeek(now), lastWholeMonth(now), tenantIds);
}

/** The schedule and the worker on one timer (every minute): queue what is due, then make what is queued. */
export function startReportTimer(deps: Dependencies, log: FastifyBaseLogger, everyMs = 60_000): BackgroundTimer {
  return startBackgroundTimer('analytics reports', everyMs, log, async () => {
    await scheduleReports(deps.db, deps.clock.now());
    await runReportJobs(deps, log);
  });
}
