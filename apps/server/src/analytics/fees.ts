/**
 * 收缴率 inputs (issue 16 §4): the .xlsx import per project and month and the console entry, and
 * the collection rate set against satisfaction across projects (scatter, Pearson's r with its
 * Fisher-z interval, n). The row rules are @manyi/core checkFeeRows; bad rows are reported one by
 * one with the reason in both languages and the valid rows are kept.
 */
import type { MultipartFile } from '@fastify/multipart';
import {
  checkFeeRows,
  correlationConfidenceInterval,
  pearsonCorrelation,
  shanghaiDate,
  addLocalDays,
  type FeeRowInput,
  type FeeRowProblemCode,
} from '@manyi/core';
import type { FeeEntryBody, feeCorrelationView, feeImportResult } from '@manyi/contracts/analytics';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { readHeaderedSheet } from './sheet';
import { receiveFile, type UploadSource } from '../imports/service';
import { requirePermission, requireProjectScope } from '../policy/policy';
import { feeProjectTotals, projectKeys, projectsOf, upsertFees, placeNow } from './repository';
import { rankings } from './service';

const problemTexts: Record<FeeRowProblemCode, { 'zh-CN': string; 'en-US': string }> = {
  missing: { 'zh-CN': '必填项为空', 'en-US': 'Required value is empty' },
  unknown_project: { 'zh-CN': '项目编码或名称不存在', 'en-US': 'No project has this code or name' },
  bad_month: { 'zh-CN': '月份格式应为 2026-10', 'en-US': 'Month must look like 2026-10' },
  future_month: { 'zh-CN': '月份在未来', 'en-US': 'The month is in the future' },
  not_a_number: { 'zh-CN': '不是数字', 'en-US': 'Not a number' },
  negative: { 'zh-CN': '金额不能为负数', 'en-US': 'Amounts cannot be negative' },
  received_over_receivable: { 'zh-CN': '实收大于应收', 'en-US': 'Received is more than receivable' },
  not_whole: { 'zh-CN': '欠费户数应为整数', 'en-US': 'Households in arrears must be a whole number' },
  duplicate_month: { 'zh-CN': '同一项目同一月份在文件中重复', 'en-US': 'The same project and month appear twice in the file' },
};

/** Headers the sheet may use for each column (the template's first). */
const headers: Record<keyof Omit<FeeRowInput, 'row'>, string[]> = {
  project: ['项目编码', '项目', '项目名称', 'project'],
  month: ['月份', '月', 'month'],
  receivable: ['应收', '应收金额', 'receivable'],
  received: ['实收', '实收金额', 'received'],
  householdsInArrears: ['欠费户数', '欠费户', 'households in arrears'],
};

const currentMonth = (context: Context) => shanghaiDate(context.clock.now()).slice(0, 7);
const maxRows = 50_000;

type ImportResult = z.infer<typeof feeImportResult>;

export async function importFees(context: Context, source: UploadSource): Promise<ImportResult> {
  requirePermission(context.principal, 'analytics.manage');
  const file: MultipartFile = await receiveFile(source);
  const rows: FeeRowInput[] = await readHeaderedSheet<keyof typeof headers>(file, headers, ['project', 'month', 'receivable', 'received'], maxRows);
  // Managers may not import: the quality department imports for every project of the company.
  const projects = await projectKeys(context.db, context.principal.tenantId);
  const { valid, problems } = checkFeeRows(rows, projects, currentMonth(context));
  const { inserted, updated } = await context.db.transaction(async (tx) => {
    const counts = await upsertFees(tx, context.principal.tenantId, valid, context.clock.now());
    await recordAudit(tx, context, {
      action: 'import',
      entityType: 'fee_collections',
      entityId: null,
      summary: `导入收费数据 ${file.filename}：${valid.length} 行有效，${rows.length - valid.length} 行有误`,
    });
    return counts;
  });
  return {
    rows: rows.length,
    inserted,
    updated,
    errors: problems.map((problem) => ({ ...problem, messages: problemTexts[problem.code] })),
  };
}

/** One project-month entered in the console; the same rules as a sheet row. */
export async function enterFees(context: Context, body: FeeEntryBody): Promise<ImportResult> {
  requirePermission(context.principal, 'analytics.manage');
  requireProjectScope(context.principal, body.projectId);
  const [project] = await projectsOf(context.db, context.principal.tenantId, [body.projectId]);
  if (!project) throw notFound();
  const { valid, problems } = checkFeeRows(
    [
      {
        row: 1,
        project: body.projectId,
        month: body.month,
        receivable: String(body.receivable),
        received: String(body.received),
        householdsInArrears: String(body.householdsInArrears),
      },
    ],
    new Map([[body.projectId, body.projectId]]),
    currentMonth(context),
  );
  if (problems.length > 0)
    throw new HttpProblem(
      422,
      'validation',
      undefined,
      problems.map((problem) => ({ field: problem.field, messages: problemTexts[problem.code] })),
    );
  const counts = await context.db.transaction(async (tx) => {
    const result = await upsertFees(tx, context.principal.tenantId, valid, context.clock.now());
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'fee_collections',
      entityId: body.projectId,
      summary: `录入收费数据 ${project.name} ${body.month}`,
      after: body,
    });
    return result;
  });
  return { rows: 1, ...counts, errors: [] };
}

/**
 * Collection rate (received ÷ receivable over the twelve months to `month`) against the wave's
 * 满意率 per project; projects without either are left out. The correlation is across projects,
 * so it says where collection and satisfaction go together, not that one causes the other.
 */
export async function feeCorrelation(
  context: Context,
  query: { month?: string | undefined; campaignId?: string | undefined },
): Promise<z.infer<typeof feeCorrelationView>> {
  requirePermission(context.principal, 'analytics.read');
  const to = query.month ?? currentMonth(context);
  let from = `${to}-01`;
  for (let step = 0; step < 11; step += 1) from = `${addLocalDays(from, -1).slice(0, 7)}-01`;
  const tenantId = context.principal.tenantId;
  const [satisfaction, fees, places] = await Promise.all([
    rankings(context, { metric: 'satisfaction', month: to, campaignId: query.campaignId }),
    feeProjectTotals(context.db, tenantId, context.principal.projectIds, from, `${to}-01`),
    placeNow(context.db, { tenantId, projectIds: context.principal.projectIds }, 'project'),
  ]);
  const points = satisfaction.rows.flatMap((row) => {
    const fee = row.projectId ? fees.get(row.projectId) : undefined;
    if (!row.projectId || !fee || fee.receivable <= 0 || row.value === null) return [];
    const place = places.find((entry) => entry.key === row.projectId);
    return [
      {
        projectId: row.projectId,
        name: row.name,
        collectionRate: fee.received / fee.receivable,
        satisfactionRate: row.value,
        n: row.n,
        householdsInArrears: fee.householdsInArrears,
        openComplaints: place?.openComplaints ?? 0,
      },
    ];
  });
  const { r } = pearsonCorrelation(
    points.map((point) => point.collectionRate),
    points.map((point) => point.satisfactionRate),
  );
  const interval = r === null ? null : correlationConfidenceInterval(r, points.length);
  return {
    from: from.slice(0, 7),
    to,
    campaign: satisfaction.campaign,
    points,
    correlation: { r, n: points.length, lower: interval?.lower ?? null, upper: interval?.upper ?? null },
  };
}
