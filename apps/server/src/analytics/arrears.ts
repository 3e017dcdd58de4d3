/**
 * Households in arrears (issue 16 §4): the .xlsx import (one row per household; an import replaces
 * the listed projects' rows) and the view that sets each household in arrears against its open
 * complaints and tickets and its return-visit ratings, beside the households that pay, with each
 * recorded reason's share of the amount owed (施工遗留问题占拖欠费的比率, seed 002). Rules in
 * @manyi/core arrears.ts.
 */
import { arrearsReasons, arrearsShares, checkArrearsRows, type ArrearsProblemCode, type ArrearsReason, type ArrearsRowInput } from '@manyi/core';
import type { ArrearsEntryBody, arrearsEntry, arrearsView, feeImportResult } from '@manyi/contracts/analytics';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { receiveFile, type UploadSource } from '../imports/service';
import { requirePermission, requireProjectScope } from '../policy/policy';
import { arrearsHouseholds, householdKeys, payingHouseholds, projectKeys, projectsOf, replaceArrears } from './repository';
import { arrearsHouseholdPlace, deleteArrears, findArrears, upsertArrears, type ArrearsRow } from './arrears-repository';
import { readHeaderedSheet } from './sheet';

const problemTexts: Record<ArrearsProblemCode, { 'zh-CN': string; 'en-US': string }> = {
  missing: { 'zh-CN': '必填项为空', 'en-US': 'Required value is empty' },
  unknown_project: { 'zh-CN': '项目编码或名称不存在', 'en-US': 'No project has this code or name' },
  unknown_household: { 'zh-CN': '该项目下没有这个楼栋、单元和房号的住户', 'en-US': 'No household of the project has this building, unit and room' },
  not_a_number: { 'zh-CN': '不是数字', 'en-US': 'Not a number' },
  negative: { 'zh-CN': '不能为负数', 'en-US': 'Cannot be negative' },
  not_whole: { 'zh-CN': '欠费月数应为整数', 'en-US': 'Months owed must be a whole number' },
  bad_reason: {
    'zh-CN': '欠费原因应为：施工遗留、服务不满、经济困难、其他或留空',
    'en-US': 'Reason must be one of 施工遗留, 服务不满, 经济困难, 其他, or empty',
  },
  duplicate_household: { 'zh-CN': '同一住户在文件中重复', 'en-US': 'The same household appears twice in the file' },
};

const headers: Record<keyof Omit<ArrearsRowInput, 'row'>, string[]> = {
  project: ['项目编码', '项目', '项目名称', 'project'],
  building: ['楼栋', '楼号', 'building'],
  unit: ['单元', 'unit'],
  room: ['房号', '房间号', 'room'],
  amount: ['欠费金额', '欠费', 'amount'],
  months: ['欠费月数', '月数', 'months'],
  reason: ['欠费原因', '原因', 'reason'],
};

type ImportResult = z.infer<typeof feeImportResult>;

export async function importArrears(context: Context, source: UploadSource): Promise<ImportResult> {
  requirePermission(context.principal, 'analytics.manage');
  const file = await receiveFile(source);
  const rows = await readHeaderedSheet<keyof typeof headers>(file, headers, ['project', 'building', 'room', 'amount'], 200_000);
  const tenantId = context.principal.tenantId;
  const [projects, households] = await Promise.all([projectKeys(context.db, tenantId), householdKeys(context.db, tenantId)]);
  const { valid, problems } = checkArrearsRows(rows, projects, households);
  const projectIds = [...new Set(valid.map((row) => row.projectId))];
  for (const projectId of projectIds) requireProjectScope(context.principal, projectId);
  const replaced = await context.db.transaction(async (tx) => {
    const removed = await replaceArrears(tx, tenantId, projectIds, valid, context.clock.now());
    await recordAudit(tx, context, {
      action: 'import',
      entityType: 'household_arrears',
      entityId: null,
      summary: `导入欠费住户 ${file.filename}：${valid.length} 行有效，${rows.length - valid.length} 行有误`,
    });
    return removed;
  });
  return {
    rows: rows.length,
    inserted: valid.length,
    updated: Math.min(replaced, valid.length),
    errors: problems.map((problem) => ({ ...problem, messages: problemTexts[problem.code] })),
  };
}

type Entry = z.infer<typeof arrearsEntry>;

/** The household, in the caller's projects; a household of another company or project is not there (404). */
async function placeOf(context: Context, householdId: string) {
  const place = await arrearsHouseholdPlace(context.db, context.principal.tenantId, householdId);
  if (!place) throw notFound();
  requireProjectScope(context.principal, place.projectId);
  return place;
}

const entryOf = (row: ArrearsRow, label: string): Entry => ({
  householdId: row.householdId,
  projectId: row.projectId,
  label,
  amount: Number(row.amount),
  months: row.months,
  reason: row.reason as ArrearsReason,
});

/**
 * One household's arrears entered in the console (a collector's news between two imports): the same household
 * row the sheet writes, replacing an earlier one; amount, months and reason are checked by the contract (more than
 * 0 yuan, whole months, a listed reason). The next import of the project replaces it, as it replaces every row.
 */
export async function enterArrears(context: Context, householdId: string, body: ArrearsEntryBody): Promise<Entry> {
  requirePermission(context.principal, 'analytics.manage');
  const place = await placeOf(context, householdId);
  const tenantId = context.principal.tenantId;
  return context.db.transaction(async (tx) => {
    const before = await findArrears(tx, tenantId, householdId);
    const saved = await upsertArrears(tx, {
      tenantId,
      householdId,
      projectId: place.projectId,
      amount: Math.round(body.amount * 100) / 100,
      months: body.months,
      reason: body.reason,
      updatedAt: context.clock.now(),
    });
    const entry = entryOf(saved, place.label);
    await recordAudit(tx, context, {
      action: before ? 'update' : 'create',
      entityType: 'household_arrears',
      entityId: householdId,
      summary: `录入欠费住户 ${place.label}：${entry.amount} 元，${entry.months} 个月`,
      before: before ? entryOf(before, place.label) : undefined,
      after: entry,
    });
    return entry;
  });
}

/** The household has paid: it leaves the list of households in arrears. */
export async function clearArrears(context: Context, householdId: string): Promise<void> {
  requirePermission(context.principal, 'analytics.manage');
  const place = await placeOf(context, householdId);
  await context.db.transaction(async (tx) => {
    const removed = await deleteArrears(tx, context.principal.tenantId, householdId);
    if (!removed) throw notFound();
    await recordAudit(tx, context, {
      action: 'delete',
      entityType: 'household_arrears',
      entityId: householdId,
      summary: `欠费住户已缴清 ${place.label}`,
      before: entryOf(removed, place.label),
    });
  });
}

const mean = (count: number, sum: number) => (count === 0 ? null : sum / count);

export async function arrearsReport(context: Context, query: { projectId?: string | undefined }): Promise<z.infer<typeof arrearsView>> {
  requirePermission(context.principal, 'analytics.read');
  if (query.projectId) {
    requireProjectScope(context.principal, query.projectId);
    if ((await projectsOf(context.db, context.principal.tenantId, [query.projectId])).length === 0) throw notFound();
  }
  const projectIds = query.projectId ? [query.projectId] : context.principal.projectIds;
  const tenantId = context.principal.tenantId;
  const [rows, paying] = await Promise.all([arrearsHouseholds(context.db, tenantId, projectIds), payingHouseholds(context.db, tenantId, projectIds)]);
  const shares = arrearsShares(rows.map((row) => ({ amount: row.amount, reason: row.reason as ArrearsReason })));
  const ratings = rows.reduce((sum, row) => sum + row.ratings, 0);
  const ratingSum = rows.reduce((sum, row) => sum + row.ratingSum, 0);
  return {
    summary: {
      households: rows.length,
      amount: rows.reduce((sum, row) => sum + row.amount, 0),
      shares: arrearsReasons.map((reason) => ({ reason, ...shares[reason] })),
      withOpenComplaint: {
        arrears: rows.length === 0 ? null : rows.filter((row) => row.openComplaints > 0).length / rows.length,
        paying: paying.households === 0 ? null : paying.withComplaint / paying.households,
      },
      meanRating: { arrears: mean(ratings, ratingSum), paying: mean(paying.ratings, paying.ratingSum) },
    },
    households: rows.map((row) => ({
      householdId: row.householdId,
      projectId: row.projectId,
      label: row.label,
      amount: row.amount,
      months: row.months,
      reason: row.reason as ArrearsReason,
      openComplaints: row.openComplaints,
      openTickets: row.openTickets,
      openCategories: row.openCategories ?? [],
      ratings: row.ratings,
      meanRating: mean(row.ratings, row.ratingSum),
    })),
  };
}
