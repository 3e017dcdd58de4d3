import type { CaseContent } from '@manyi/core';
import type { casePatch, caseQuery, caseRecord } from '@manyi/contracts/cases';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { can, inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import { findCaseRow, listCaseRows, updateCaseRow } from './repository';

type CaseRecord = z.output<typeof caseRecord>;

function present(row: Awaited<ReturnType<typeof findCaseRow>> & object): CaseRecord {
  const { record, projectName, ticketNumber, categoryZh, categoryEn } = row;
  return {
    id: record.id,
    projectId: record.projectId,
    projectName,
    ticketId: record.ticketId,
    ticketNumber,
    status: record.status as CaseRecord['status'],
    title: record.title,
    categoryCode: record.categoryCode,
    categoryName: categoryZh !== null && categoryEn !== null ? { 'zh-CN': categoryZh, 'en-US': categoryEn } : null,
    discStyle: record.discStyle as CaseRecord['discStyle'],
    redLines: record.redLines as CaseRecord['redLines'],
    outcome: record.outcome as CaseRecord['outcome'],
    content: record.content as CaseContent,
    publishedAt: record.publishedAt,
    meetingFlaggedAt: record.meetingFlaggedAt,
    drillKey: record.status === 'published' ? `case-${record.id}` : null,
    createdAt: record.createdAt,
  };
}

/** Published cases for everyone in scope; drafts too for those who edit cases. */
export async function listCases(context: Context, query: z.output<typeof caseQuery>): Promise<{ items: CaseRecord[] }> {
  const editor = editsCases(context);
  if (query.status === 'draft' && !editor) return { items: [] };
  const rows = await listCaseRows(context.db, context.principal.tenantId, {
    ...query,
    status: editor ? query.status : 'published',
    projectIds: scopedProjectIds(context.principal, query.projectId),
  });
  return { items: rows.map(present) };
}

const editsCases = (context: Context) => can(context.principal, 'case.edit');

async function requireCase(context: Context, id: string) {
  const row = await findCaseRow(context.db, context.principal.tenantId, id);
  if (!row || !inScope(context.principal, row.record.projectId) || (row.record.status === 'draft' && !editsCases(context))) throw notFound();
  return row;
}

export async function getCase(context: Context, id: string): Promise<CaseRecord> {
  return present(await requireCase(context, id));
}

const published = () => new HttpProblem(409, 'case_published', { 'zh-CN': '已发布的案例不能再修改', 'en-US': 'A published case can no longer change' });

export async function editCase(context: Context, id: string, input: z.output<typeof casePatch>): Promise<CaseRecord> {
  requirePermission(context.principal, 'case.edit');
  const before = await requireCase(context, id);
  if (before.record.status === 'published') throw published();
  await context.db.transaction(async (tx) => {
    const after = await updateCaseRow(tx, before.record.tenantId, id, { ...input, updatedAt: context.clock.now() });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'case',
      entityId: id,
      summary: `编辑案例「${before.record.title}」`,
      before: before.record,
      after,
    });
  });
  return getCase(context, id);
}

/**
 * A case is flagged for the project's weekly meeting (周例会, issue 18 §7: new cases on the agenda) or unflagged;
 * the meeting pack reads cases.meeting_flagged_at. A published case or a draft may be flagged.
 */
export async function flagForMeeting(context: Context, id: string, flagged: boolean): Promise<CaseRecord> {
  requirePermission(context.principal, 'case.edit');
  const before = await requireCase(context, id);
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    await updateCaseRow(tx, before.record.tenantId, id, {
      meetingFlaggedAt: flagged ? (before.record.meetingFlaggedAt ?? now) : null,
      meetingFlaggedById: flagged ? (before.record.meetingFlaggedById ?? context.principal.staffId) : null,
      updatedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'case',
      entityId: id,
      summary: flagged ? `案例「${before.record.title}」列入周例会` : `案例「${before.record.title}」移出周例会`,
    });
  });
  return getCase(context, id);
}

/** Publishing needs the parts a reader learns from: the cause and the lesson. */
export async function publishCase(context: Context, id: string): Promise<CaseRecord> {
  requirePermission(context.principal, 'case.edit');
  const before = await requireCase(context, id);
  if (before.record.status === 'published') throw published();
  const content = before.record.content as CaseContent;
  const missing = (['cause', 'lesson'] as const).filter((field) => !content[field].trim());
  if (missing.length > 0) {
    throw new HttpProblem(
      422,
      'validation',
      { 'zh-CN': '发布前请写明原因和经验教训', 'en-US': 'Write the cause and the lesson before publishing' },
      missing.map((field) => ({ field: `content.${field}`, messages: { 'zh-CN': '发布前必填', 'en-US': 'Required before publishing' } })),
    );
  }
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    await updateCaseRow(tx, before.record.tenantId, id, { status: 'published', publishedAt: now, publishedById: context.principal.staffId, updatedAt: now });
    await recordAudit(tx, context, { action: 'update', entityType: 'case', entityId: id, summary: `发布案例「${before.record.title}」` });
  });
  return getCase(context, id);
}
