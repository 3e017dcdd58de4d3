/**
 * The notices centre (提前告知, issue 19 §4; seed 001: announce before owners notice): planned works, fee notices
 * and seasonal reminders written by staff (red-line QA like every owner-visible text), sent to chosen buildings or
 * households of a project, with read receipts and one reminder to the unread. Incident notices (incidents/) are
 * the other kind; the owner's list (owner.ts) shows both.
 */
import type { noticeBody, noticeDetail, noticePatch, noticeQuery, noticeSummary } from '@manyi/contracts/notices';
import type { Executor } from '@manyi/db';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context, Dependencies } from '../http/context';
import { messageFor } from '../http/messages';
import { HttpProblem, fieldProblem, notFound, type FieldProblem } from '../http/problem';
import { inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import { recordStaffText } from '../text-qa/record';
import {
  claimReminders,
  countBuildingsInProject,
  countHouseholdsInProject,
  deliverNotice,
  findNoticeRow,
  insertNotice,
  listNoticeRows,
  receiptsOf,
  updateNotice,
  type NoticeRow,
  type Reminder,
} from './repository';
import { unfilledBlanks } from './templates';

type Summary = z.output<typeof noticeSummary>;
type Listed = Awaited<ReturnType<typeof listNoticeRows>>[number];

function present({ notice, projectName, createdByName, delivered, read, reminded }: Listed): Summary {
  return {
    id: notice.id,
    projectId: notice.projectId,
    projectName,
    kind: notice.kind as Summary['kind'],
    templateKey: notice.templateKey,
    title: notice.title,
    body: notice.body,
    audience: notice.audience as Summary['audience'],
    buildingIds: notice.buildingIds,
    householdIds: notice.householdIds,
    startsAt: notice.startsAt,
    endsAt: notice.endsAt,
    status: notice.status as Summary['status'],
    remindAfterHours: notice.remindAfterHours,
    createdByName,
    publishedAt: notice.publishedAt,
    delivered,
    read,
    reminded,
    createdAt: notice.createdAt,
  };
}

export async function listNotices(context: Context, query: z.output<typeof noticeQuery>): Promise<{ items: Summary[] }> {
  requirePermission(context.principal, 'notice.manage');
  const rows = await listNoticeRows(context.db, context.principal.tenantId, {
    projectIds: scopedProjectIds(context.principal, query.projectId),
    status: query.status,
  });
  return { items: rows.map(present) };
}

async function requireNotice(context: Context, id: string) {
  requirePermission(context.principal, 'notice.manage');
  const row = await findNoticeRow(context.db, context.principal.tenantId, id);
  if (!row || !inScope(context.principal, row.notice.projectId)) throw notFound();
  return row;
}

export async function getNotice(context: Context, id: string): Promise<z.output<typeof noticeDetail>> {
  const row = await requireNotice(context, id);
  const receipts = await receiptsOf(context.db, context.principal.tenantId, id);
  return {
    ...present(row),
    receipts: receipts.map((receipt) => ({
      personId: receipt.personId,
      personName: receipt.personName,
      householdLabel: `${receipt.buildingName} ${receipt.room}`,
      deliveredAt: receipt.deliveredAt,
      readAt: receipt.readAt,
      remindedAt: receipt.remindedAt,
    })),
  };
}

type Draft = Pick<NoticeRow, 'projectId' | 'title' | 'body' | 'audience' | 'buildingIds' | 'householdIds' | 'startsAt' | 'endsAt'>;

const required = { 'zh-CN': '请至少选择一个', 'en-US': 'Choose at least one' };

/** The checks a notice passes before it is kept: an audience of the project's own, times in order, no blank left. */
async function checkDraft(context: Context, draft: Draft, publishing: boolean): Promise<void> {
  const tenantId = context.principal.tenantId;
  const problems: FieldProblem[] = [];
  if (draft.audience === 'buildings') {
    if (draft.buildingIds.length === 0) problems.push({ field: 'buildingIds', messages: required });
    else if ((await countBuildingsInProject(context.db, tenantId, draft.projectId, draft.buildingIds)) !== new Set(draft.buildingIds).size)
      problems.push({ field: 'buildingIds', messages: messageFor('not_found') });
  } else if (draft.householdIds.length === 0) problems.push({ field: 'householdIds', messages: required });
  else if ((await countHouseholdsInProject(context.db, tenantId, draft.projectId, draft.householdIds)) !== new Set(draft.householdIds).size)
    problems.push({ field: 'householdIds', messages: messageFor('not_found') });
  if (draft.startsAt && draft.endsAt && draft.endsAt <= draft.startsAt)
    problems.push({ field: 'endsAt', messages: { 'zh-CN': '结束时间须晚于开始时间', 'en-US': 'Must be after the start' } });
  if (publishing) {
    for (const field of ['title', 'body'] as const) {
      const blanks = unfilledBlanks(draft[field]);
      if (blanks.length > 0) problems.push({ field, messages: { 'zh-CN': `请先填写 ${blanks.join('、')}`, 'en-US': `Fill in ${blanks.join(', ')} first` } });
    }
  }
  if (problems.length > 0) throw new HttpProblem(422, 'validation', undefined, problems);
}

async function publishIn(context: Context, tx: Executor, notice: NoticeRow, now: Date): Promise<number> {
  const published = await updateNotice(tx, notice.tenantId, notice.id, {
    status: 'published',
    publishedAt: now,
    publishedById: context.principal.staffId,
    updatedAt: now,
  });
  const delivered = await deliverNotice(tx, published!, context.principal.name, now);
  await recordAudit(tx, context, {
    action: 'update',
    entityType: 'notice',
    entityId: notice.id,
    summary: `发布通知「${notice.title}」，送达 ${delivered} 位住户`,
  });
  return delivered;
}

export async function createNotice(context: Context, input: z.output<typeof noticeBody>): Promise<z.output<typeof noticeDetail>> {
  requirePermission(context.principal, 'notice.manage');
  if (!inScope(context.principal, input.projectId)) throw fieldProblem('projectId', messageFor('not_found'));
  const draft: Draft = {
    projectId: input.projectId,
    title: input.title,
    body: input.body,
    audience: input.audience,
    buildingIds: input.audience === 'buildings' ? [...new Set(input.buildingIds)] : [],
    householdIds: input.audience === 'households' ? [...new Set(input.householdIds)] : [],
    startsAt: input.startsAt,
    endsAt: input.endsAt,
  };
  await checkDraft(context, draft, input.publish);
  const now = context.clock.now();
  const created = await context.db.transaction(async (tx) => {
    const row = await insertNotice(tx, {
      ...draft,
      tenantId: context.principal.tenantId,
      kind: input.kind,
      templateKey: input.templateKey,
      status: 'draft',
      remindAfterHours: input.remindAfterHours,
      createdById: context.principal.staffId,
      createdAt: now,
      updatedAt: now,
    });
    await recordStaffText(tx, context, { sourceType: 'notice', sourceId: row.id, text: `${row.title}\n${row.body}`, projectId: row.projectId });
    await recordAudit(tx, context, { action: 'create', entityType: 'notice', entityId: row.id, summary: `新建通知「${row.title}」`, after: row });
    if (input.publish) await publishIn(context, tx, row, now);
    return row;
  });
  return getNotice(context, created.id);
}

const frozen = () =>
  new HttpProblem(409, 'notice_published', {
    'zh-CN': '已发布的通知不能再修改，请另发一条更正通知',
    'en-US': 'A published notice cannot change; send a correction',
  });

export async function editNotice(context: Context, id: string, input: z.output<typeof noticePatch>): Promise<z.output<typeof noticeDetail>> {
  const { notice: before } = await requireNotice(context, id);
  if (before.status === 'published') throw frozen();
  const audience = input.audience ?? before.audience;
  const draft: Draft = {
    projectId: before.projectId,
    title: input.title ?? before.title,
    body: input.body ?? before.body,
    audience,
    buildingIds: audience === 'buildings' ? [...new Set(input.buildingIds ?? before.buildingIds)] : [],
    householdIds: audience === 'households' ? [...new Set(input.householdIds ?? before.householdIds)] : [],
    startsAt: input.startsAt !== undefined ? input.startsAt : before.startsAt,
    endsAt: input.endsAt !== undefined ? input.endsAt : before.endsAt,
  };
  await checkDraft(context, draft, false);
  await context.db.transaction(async (tx) => {
    const after = await updateNotice(tx, before.tenantId, id, {
      ...draft,
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.templateKey !== undefined ? { templateKey: input.templateKey } : {}),
      ...(input.remindAfterHours ? { remindAfterHours: input.remindAfterHours } : {}),
      updatedAt: context.clock.now(),
    });
    if (after!.title !== before.title || after!.body !== before.body)
      await recordStaffText(tx, context, { sourceType: 'notice', sourceId: id, text: `${after!.title}\n${after!.body}`, projectId: after!.projectId });
    await recordAudit(tx, context, { action: 'update', entityType: 'notice', entityId: id, summary: `编辑通知「${after!.title}」`, before, after });
  });
  return getNotice(context, id);
}

export async function publishNotice(context: Context, id: string): Promise<z.output<typeof noticeDetail>> {
  const { notice } = await requireNotice(context, id);
  if (notice.status === 'published') throw frozen();
  await checkDraft(context, notice, true);
  const now = context.clock.now();
  await context.db.transaction((tx) => publishIn(context, tx, notice, now));
  return getNotice(context, id);
}

async function sendReminders(deps: Pick<Dependencies, 'sms'>, reminders: Reminder[]): Promise<void> {
  for (const reminder of reminders) {
    if (!reminder.phone) continue;
    await deps.sms.send({ phone: reminder.phone, purpose: 'notice', text: `【物业通知】您有一条未读通知「${reminder.title}」，请在业主服务页查看。` });
  }
}

/** A manager's button: remind the notice's unread now (each person once; the pass will not remind them again). */
export async function remindUnread(context: Context, id: string): Promise<{ reminded: number }> {
  const { notice } = await requireNotice(context, id);
  if (notice.status !== 'published') throw new HttpProblem(409, 'notice_draft', { 'zh-CN': '通知还未发布', 'en-US': 'The notice is not published yet' });
  const reminders = await context.db.transaction(async (tx) => {
    const claimed = await claimReminders(tx, context.clock.now(), { tenantId: notice.tenantId, noticeId: id });
    await recordAudit(tx, context, { action: 'update', entityType: 'notice', entityId: id, summary: `提醒未读住户 ${claimed.length} 位` });
    return claimed;
  });
  await sendReminders(context, reminders);
  return { reminded: reminders.length };
}

/**
 * The reminder pass (notices/timer.ts): every unread delivery whose notice has been out remind_after_hours gets
 * one SMS reminder. Idempotent: a delivery is claimed (reminded_at set) before its message goes, at most once.
 */
export async function runReminderPass(deps: Pick<Dependencies, 'db' | 'sms'>, now: Date): Promise<number> {
  const reminders = await deps.db.transaction((tx) => claimReminders(tx, now));
  await sendReminders(deps, reminders);
  return reminders.length;
}
