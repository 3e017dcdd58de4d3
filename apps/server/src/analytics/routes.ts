import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import {
  overviewQuery,
  overviewView,
  projectHomeQuery,
  projectHomeView,
  projectParams,
  rankingQuery,
  rankingView,
  stewardHomeView,
  targetBody,
  weeklyReportQuery,
  monthlyReportQuery,
  feeCorrelationQuery,
  feeCorrelationView,
  feeEntryBody,
  feeImportResult,
  complaintAnalyticsQuery,
  complaintAnalyticsView,
  gbtScoreQuery,
  gbtScoreView,
  reportRequestBody,
  reportJob,
  reportListQuery,
  reportListView,
  reportParams,
  reportFileQuery,
  arrearsQuery,
  arrearsView,
  arrearsParams,
  arrearsEntryBody,
  arrearsEntry,
} from '@manyi/contracts/analytics';
import { arrearsReport, clearArrears, enterArrears, importArrears } from './arrears';
import { createReadStream } from 'node:fs';
import { reportFile, reportList, reportOf, requestReport } from './report-jobs';
import { gbtScore } from './gbt';
import { complaintAnalytics } from './complaints';
import { enterFees, feeCorrelation, importFees } from './fees';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { attachment, xlsxMimeType } from '../imports/template';
import { htmlToPdf, monthlyReport, reportHtml, reportXlsx, weeklyReport, type Report } from './reports';
import { overview, projectHome, rankings, setTargets, stewardHome } from './service';

async function sendReport(context: Context, reply: FastifyReply, report: Report, format: 'pdf' | 'xlsx', entityId: string | null) {
  const body = format === 'pdf' ? await htmlToPdf(reportHtml(report, context.clock.now())) : await reportXlsx(report);
  // Figures of projects leave the system as a file: who took which report.
  await recordAudit(context.db, context, { action: 'export', entityType: 'analytics_report', entityId, summary: `导出报告 ${report.fileName}.${format}` });
  return reply
    .type(format === 'pdf' ? 'application/pdf' : xlsxMimeType)
    .header('content-disposition', attachment(`${report.fileName}.${format}`, `report.${format}`))
    .send(body);
}

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['analytics'];
  app.get(
    '/analytics/overview',
    {
      schema: {
        tags,
        summary: 'Company home and its drill-down (company → region → project → building): the scope, its children and trends, from the rollups',
        querystring: overviewQuery,
        response: { 200: overviewView },
      },
    },
    async (request) => overview(staffContext(request), request.query),
  );
  app.get(
    '/analytics/rankings',
    {
      schema: {
        tags,
        summary: 'Projects ranked by a metric with their sample size and whether the difference from the rest of the company is significant',
        querystring: rankingQuery,
        response: { 200: rankingView },
      },
    },
    async (request) => rankings(staffContext(request), request.query),
  );
  app.get(
    '/analytics/project-home',
    {
      schema: {
        tags,
        summary: "A project manager's home: the project against its targets, the company and its peers; today's tickets, follow-ups, notices",
        querystring: projectHomeQuery,
        response: { 200: projectHomeView },
      },
    },
    async (request) => projectHome(staffContext(request), request.query),
  );
  app.put(
    '/analytics/projects/:projectId/targets',
    {
      schema: {
        tags,
        summary: "Set a project's targets (rates 0–1, NPS in points; null clears one)",
        params: projectParams,
        body: targetBody,
        response: { 200: targetBody },
      },
    },
    async (request) => setTargets(staffContext(request), request.params.projectId, request.body),
  );
  app.get(
    '/analytics/reports/weekly',
    {
      schema: {
        tags,
        summary: "A project's weekly report (周例会) as PDF or .xlsx: the week's tickets and complaints, the month's figures, buildings, trend",
        querystring: weeklyReportQuery,
      },
    },
    async (request, reply) => {
      const context = staffContext(request);
      return sendReport(
        context,
        reply,
        await weeklyReport(context, request.query.projectId, request.query.week),
        request.query.format,
        request.query.projectId,
      );
    },
  );
  app.get(
    '/analytics/reports/monthly',
    {
      schema: {
        tags,
        summary: "The company's monthly report as PDF or .xlsx: headline, regions, ranking with significance, trend",
        querystring: monthlyReportQuery,
      },
    },
    async (request, reply) => {
      const context = staffContext(request);
      return sendReport(context, reply, await monthlyReport(context, request.query.month), request.query.format, null);
    },
  );
  app.post(
    '/analytics/reports',
    {
      schema: {
        tags,
        summary: 'Generate a weekly (project) or monthly (company) report in the background; its progress is in the report list',
        body: reportRequestBody,
        response: { 202: reportJob },
      },
    },
    async (request, reply) => reply.code(202).send(await requestReport(staffContext(request), request.body)),
  );
  app.get(
    '/analytics/reports',
    {
      schema: {
        tags,
        summary: 'Generated reports (scheduled and on demand) with their progress, newest period first',
        querystring: reportListQuery,
        response: { 200: reportListView },
      },
    },
    async (request) => reportList(staffContext(request), request.query),
  );
  app.get(
    '/analytics/reports/:id',
    { schema: { tags, summary: 'One generated report and its progress', params: reportParams, response: { 200: reportJob } } },
    async (request) => reportOf(staffContext(request), request.params.id),
  );
  app.get(
    '/analytics/reports/:id/file',
    { schema: { tags, summary: "A generated report's PDF or .xlsx", params: reportParams, querystring: reportFileQuery } },
    async (request, reply) => {
      const file = await reportFile(staffContext(request), request.params.id, request.query.format);
      return reply
        .type(request.query.format === 'pdf' ? 'application/pdf' : xlsxMimeType)
        .header('content-disposition', attachment(file.fileName, `report.${request.query.format}`))
        .send(createReadStream(file.path));
    },
  );
  app.post(
    '/analytics/fees/import',
    {
      schema: {
        tags,
        summary: '收缴率 figures from an .xlsx (项目编码 or 项目名称, 月份, 应收, 实收, 欠费户数): valid rows kept, each bad row reported',
        consumes: ['multipart/form-data'],
        response: { 200: feeImportResult },
      },
    },
    async (request) => importFees(staffContext(request), () => request.file({ limits: { fileSize: 5 * 1024 * 1024 } })),
  );
  app.post(
    '/analytics/fees',
    {
      schema: {
        tags,
        summary: "One project's fees of one month, entered in the console (replaces an earlier entry)",
        body: feeEntryBody,
        response: { 200: feeImportResult },
      },
    },
    async (request) => enterFees(staffContext(request), request.body),
  );
  app.post(
    '/analytics/arrears/import',
    {
      schema: {
        tags,
        summary:
          'Households in arrears from an .xlsx (项目, 楼栋, 单元, 房号, 欠费金额, 欠费月数, 欠费原因): replaces the listed projects’ households in arrears; each bad row reported',
        consumes: ['multipart/form-data'],
        response: { 200: feeImportResult },
      },
    },
    async (request) => importArrears(staffContext(request), () => request.file({ limits: { fileSize: 10 * 1024 * 1024 } })),
  );
  app.put(
    '/analytics/arrears/:householdId',
    {
      schema: {
        tags,
        summary: "One household's arrears entered in the console (amount owed, months, reason); replaces its earlier entry",
        params: arrearsParams,
        body: arrearsEntryBody,
        response: { 200: arrearsEntry },
      },
    },
    async (request) => enterArrears(staffContext(request), request.params.householdId, request.body),
  );
  app.delete(
    '/analytics/arrears/:householdId',
    { schema: { tags, summary: 'The household has paid: removed from the households in arrears', params: arrearsParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await clearArrears(staffContext(request), request.params.householdId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/analytics/arrears',
    {
      schema: {
        tags,
        summary: 'Households in arrears against their open complaints and ratings, with each reason’s share of the amount owed (施工遗留问题占拖欠费的比率)',
        querystring: arrearsQuery,
        response: { 200: arrearsView },
      },
    },
    async (request) => arrearsReport(staffContext(request), request.query),
  );
  app.get(
    '/analytics/fee-correlation',
    {
      schema: {
        tags,
        summary: 'Collection rate against 满意率 per project: points, Pearson r with its Fisher-z 95 % interval and n',
        querystring: feeCorrelationQuery,
        response: { 200: feeCorrelationView },
      },
    },
    async (request) => feeCorrelation(staffContext(request), request.query),
  );
  app.get(
    '/analytics/complaints',
    {
      schema: {
        tags,
        summary:
          'Complaint analytics of a period: category × building heat map, weekday × hour, ageing, repeated households and places, 12345 referrals, group incidents, causes over time',
        querystring: complaintAnalyticsQuery,
        response: { 200: complaintAnalyticsView },
      },
    },
    async (request) => complaintAnalytics(staffContext(request), request.query),
  );
  app.get(
    '/analytics/gbt-score',
    {
      schema: {
        tags,
        summary:
          'GB/T 45698-2025 score of the newest (or a named) wave of the GB/T questionnaire: per project, per first-level indicator, and the company by contract value',
        querystring: gbtScoreQuery,
        response: { 200: gbtScoreView },
      },
    },
    async (request) => gbtScore(staffContext(request), request.query.campaignId),
  );
  app.get(
    '/analytics/steward-home',
    { schema: { tags, summary: "The signed-in staff member's queue, ratings of the month and return visits due", response: { 200: stewardHomeView } } },
    async (request) => stewardHome(staffContext(request)),
  );
};
