import { checkInspectionItems, checklistForPost, indicatorTemplate, inspectionScore, meanInspectionScore, type IndicatorTreeNode } from '@manyi/core';
import type {
  inspectionCreate,
  inspectionItemPatch,
  inspectionQuery,
  inspectionRecord,
  inspectionScores,
  inspectionStart,
  inspectionSubmit,
  inspectionSummary,
  reInspection,
  rectificationFix,
  rectificationQuery,
  rectificationRecord,
  scoreQuery,
} from '@manyi/contracts/inspections';
import type { MultipartFile } from '@fastify/multipart';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission, requireProjectScope, scopedProjectIds } from '../policy/policy';
import { storeChecked } from '../tickets/attachments';
import {
  appendItemPhoto,
  findActiveStaff,
  findIndicatorTree,
  findItem,
  findProjectName,
  findRectification,
  findRound,
  insertRectifications,
  insertRound,
  itemsOf,
  listRectifications,
  listRounds,
  servesProject,
  submittedScores,
  updateItem,
  updateRectification,
  updateRound,
  type ItemRow,
  type RectificationWithNames,
  type RoundWithNames,
} from './repository';

type Summary = z.output<typeof inspectionSummary>;
type Record = z.output<typeof inspectionRecord>;
type Rectification = z.output<typeof rectificationRecord>;

const dayMs = 86_400_000;
const maxPhotosPerItem = 6;

const ownProject = () =>
  new HttpProblem(403, 'inspection_own_project', {
    'zh-CN': '不能巡检自己服务的项目，请安排其他项目的人员检查',
    'en-US': 'You cannot inspect a project you serve; ask someone from another project',
  });
const wrongStatus = (zh: string, en: string) => new HttpProblem(409, 'inspection_status', { 'zh-CN': zh, 'en-US': en });

function presentSummary({ round, projectName, inspectorName }: RoundWithNames): Summary {
  return {
    id: round.id,
    projectId: round.projectId,
    projectName,
    post: round.post as Summary['post'],
    kind: round.kind as Summary['kind'],
    status: round.status as Summary['status'],
    scheduledFor: round.scheduledFor,
    inspectorId: round.inspectorId,
    inspectorName,
    location: round.location,
    score: round.score,
    submittedAt: round.submittedAt,
    createdAt: round.createdAt,
  };
}

function presentItem(item: ItemRow): Record['items'][number] {
  return {
    id: item.id,
    position: item.position,
    indicatorCode: item.indicatorCode,
    dimensionCode: item.dimensionCode,
    name: { 'zh-CN': item.nameZh, 'en-US': item.nameEn },
    dimensionName: { 'zh-CN': item.dimensionZh, 'en-US': item.dimensionEn },
    points: item.points,
    result: item.result as 'pass' | 'deduct' | null,
    deduction: item.deduction,
    bonus: item.bonus,
    note: item.note,
    responsibleStaffId: item.responsibleStaffId,
    photoCount: item.photoKeys.length,
  };
}

function presentRectification(row: RectificationWithNames, now: Date): Rectification {
  const { record } = row;
  return {
    id: record.id,
    projectId: record.projectId,
    projectName: row.projectName,
    post: record.post as Rectification['post'],
    roundId: record.roundId,
    itemId: record.itemId,
    itemName: row.itemName,
    inspectionNote: row.inspectionNote,
    deduction: row.deduction,
    status: record.status as Rectification['status'],
    dueAt: record.dueAt,
    overdue: record.status !== 'closed' && record.dueAt.getTime() < now.getTime(),
    fixNote: record.fixNote,
    fixedAt: record.fixedAt,
    reInspectionCount: record.reInspectionCount,
    reInspectedAt: record.reInspectedAt,
    reInspectionNote: record.reInspectionNote,
    closedAt: record.closedAt,
  };
}

/** An inspector inspects projects they do not serve (no assignment to it): 交叉检查, never one's own project. */
async function requireNotOwnProject(context: Context, staffId: string, projectId: string) {
  if (await servesProject(context.db, context.principal.tenantId, staffId, projectId)) throw ownProject();
}

async function requireRound(context: Context, id: string, lock = false) {
  const row = await findRound(context.db, context.principal.tenantId, id, lock);
  if (!row || !inScope(context.principal, row.round.projectId)) throw notFound();
  return row;
}

/** Plans a scheduled round or opens an ad-hoc one, with the post's checklist from the indicator system. */
export async function createInspection(context: Context, input: z.output<typeof inspectionCreate>): Promise<Record> {
  requirePermission(context.principal, 'inspection.conduct');
  const { tenantId } = context.principal;
  requireProjectScope(context.principal, input.projectId);
  if (!(await findProjectName(context.db, tenantId, input.projectId))) throw notFound();
  const inspectorId = input.inspectorId ?? context.principal.staffId;
  const inspector = await findActiveStaff(context.db, tenantId, inspectorId);
  if (!inspector) throw fieldProblem('inspectorId', { 'zh-CN': '巡检人不存在或已停用', 'en-US': 'No such active staff member' });
  await requireNotOwnProject(context, inspectorId, input.projectId);
  if (input.kind === 'scheduled' && !input.scheduledFor)
    throw fieldProblem('scheduledFor', { 'zh-CN': '计划巡检请填写日期', 'en-US': 'A scheduled round needs its day' });
  const source = await findIndicatorTree(context.db, tenantId, input.indicatorSystemId);
  if (input.indicatorSystemId && !source) throw fieldProblem('indicatorSystemId', { 'zh-CN': '指标体系不存在', 'en-US': 'No such indicator system' });
  const tree = (source?.tree as IndicatorTreeNode[] | undefined) ?? indicatorTemplate('servqual-property')?.roots ?? [];
  const checklist = checklistForPost(tree, input.post);
  if (checklist.length === 0)
    throw fieldProblem('post', { 'zh-CN': '该岗位在指标体系中没有指标，无法生成检查表', 'en-US': 'The indicator system has no indicators for this post' });
  const now = context.clock.now();
  const id = uuidv7();
  const adHoc = input.kind === 'ad_hoc';
  await context.db.transaction(async (tx) => {
    const round = await insertRound(
      tx,
      {
        id,
        tenantId,
        projectId: input.projectId,
        post: input.post,
        kind: input.kind,
        status: adHoc ? 'in_progress' : 'planned',
        scheduledFor: input.scheduledFor ?? null,
        inspectorId,
        indicatorSystemId: source?.systemId ?? null,
        indicatorVersion: source?.version ?? null,
        startedAt: adHoc ? now : null,
        createdById: context.principal.staffId,
        createdAt: now,
        updatedAt: now,
      },
      checklist.map((item, position) => ({
        tenantId,
        roundId: id,
        projectId: input.projectId,
        position,
        indicatorCode: item.indicatorCode,
        dimensionCode: item.dimensionCode,
        nameZh: item.name['zh-CN'],
        nameEn: item.name['en-US'] ?? '',
        dimensionZh: item.dimensionName['zh-CN'],
        dimensionEn: item.dimensionName['en-US'] ?? '',
        points: item.points,
        updatedAt: now,
      })),
    );
    await recordAudit(tx, context, { action: 'create', entityType: 'inspection', entityId: id, summary: `品质巡检（${input.post}）`, after: round });
  });
  return getInspection(context, id);
}

export async function listInspections(context: Context, query: z.output<typeof inspectionQuery>): Promise<{ items: Summary[] }> {
  const rows = await listRounds(context.db, context.principal.tenantId, {
    projectIds: scopedProjectIds(context.principal, query.projectId),
    status: query.status,
    inspectorId: query.mine ? context.principal.staffId : undefined,
  });
  return { items: rows.map(presentSummary) };
}

export async function getInspection(context: Context, id: string): Promise<Record> {
  const row = await requireRound(context, id);
  const items = await itemsOf(context.db, context.principal.tenantId, id);
  return { ...presentSummary(row), latitude: row.round.latitude, longitude: row.round.longitude, items: items.map(presentItem) };
}

/** Only the round's inspector works on it, and only while it is open. */
async function requireOwnOpenRound(context: Context, id: string, lock = false) {
  requirePermission(context.principal, 'inspection.conduct');
  const row = await requireRound(context, id, lock);
  if (row.round.inspectorId !== context.principal.staffId)
    throw new HttpProblem(403, 'inspection_not_inspector', { 'zh-CN': '只有本轮巡检人可以操作', 'en-US': 'Only the round’s inspector may do this' });
  if (row.round.status === 'submitted') throw wrongStatus('本轮巡检已提交，不能再修改', 'The round is submitted and can no longer change');
  return row;
}

/** The inspector arrives: where the round takes place (a place name, and the phone's position when allowed). */
export async function startInspection(context: Context, id: string, input: z.output<typeof inspectionStart>): Promise<Record> {
  const row = await requireOwnOpenRound(context, id);
  await requireNotOwnProject(context, context.principal.staffId, row.round.projectId);
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    await updateRound(tx, row.round.tenantId, id, {
      status: 'in_progress',
      location: input.location,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      startedAt: row.round.startedAt ?? now,
      updatedAt: now,
    });
    await recordAudit(tx, context, { action: 'update', entityType: 'inspection', entityId: id, summary: `开始巡检：${input.location}` });
  });
  return getInspection(context, id);
}

/** Pass or deduct one item (扣分 within its points, with a note saying what was found). */
export async function checkItem(context: Context, id: string, itemId: string, input: z.output<typeof inspectionItemPatch>): Promise<Record> {
  const row = await requireOwnOpenRound(context, id);
  const item = await findItem(context.db, row.round.tenantId, id, itemId);
  if (!item) throw notFound();
  const deduction = input.result === 'pass' ? 0 : input.deduction;
  const [problem] = checkInspectionItems([{ points: item.points, result: input.result, deduction }]);
  if (problem)
    throw fieldProblem('deduction', {
      'zh-CN': `扣分须大于 0 且不超过本项分值 ${item.points}`,
      'en-US': `A deduction is more than 0 and at most the item’s ${item.points} points`,
    });
  if (input.result === 'deduct' && !input.note) throw fieldProblem('note', { 'zh-CN': '扣分项请写明发现的问题', 'en-US': 'Say what was found when deducting' });
  if (input.responsibleStaffId && !(await findActiveStaff(context.db, row.round.tenantId, input.responsibleStaffId)))
    throw fieldProblem('responsibleStaffId', { 'zh-CN': '责任人不存在', 'en-US': 'No such staff member' });
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const after = await updateItem(tx, row.round.tenantId, itemId, {
      result: input.result,
      deduction,
      bonus: input.bonus,
      note: input.note,
      responsibleStaffId: input.responsibleStaffId ?? null,
      updatedAt: now,
    });
    if (row.round.status === 'planned') await updateRound(tx, row.round.tenantId, id, { status: 'in_progress', startedAt: now, updatedAt: now });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'inspection_item',
      entityId: itemId,
      summary: `巡检项「${item.nameZh}」`,
      before: item,
      after,
    });
  });
  return getInspection(context, id);
}

const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);

/** Photo evidence for an item (JPG/PNG/WebP/HEIC, checked by content). */
export async function addItemPhoto(context: Context, id: string, itemId: string, file: MultipartFile | undefined): Promise<Record> {
  const row = await requireOwnOpenRound(context, id);
  const item = await findItem(context.db, row.round.tenantId, id, itemId);
  if (!item) throw notFound();
  if (!file) throw new HttpProblem(400, 'file_missing');
  if (item.photoKeys.length >= maxPhotosPerItem) {
    file.file.resume();
    throw new HttpProblem(409, 'too_many_photos', { 'zh-CN': `每项最多 ${maxPhotosPerItem} 张照片`, 'en-US': `At most ${maxPhotosPerItem} photos per item` });
  }
  const key = `inspections/${row.round.tenantId}/${id}/${itemId}/${uuidv7()}`;
  const { contentType } = await storeChecked(context.storage, key, file.file);
  if (!photoTypes.has(contentType)) {
    await context.storage.remove(key);
    throw new HttpProblem(415, 'file_type', { 'zh-CN': '请上传照片（JPG、PNG、WebP、HEIC）', 'en-US': 'Upload a photo (JPG, PNG, WebP, HEIC)' });
  }
  await context.db.transaction(async (tx) => {
    await appendItemPhoto(tx, row.round.tenantId, itemId, key);
    await recordAudit(tx, context, { action: 'update', entityType: 'inspection_item', entityId: itemId, summary: `巡检照片「${item.nameZh}」` });
  });
  return getInspection(context, id);
}

export async function itemPhotoKey(context: Context, id: string, itemId: string, index: number): Promise<string> {
  const row = await requireRound(context, id);
  const item = await findItem(context.db, row.round.tenantId, id, itemId);
  const key = item?.photoKeys[index];
  if (!key) throw notFound();
  return key;
}

/** Submits the round: every item checked; its score (core inspectionScore); each 扣分 item opens a rectification with its deadline. */
export async function submitInspection(context: Context, id: string, input: z.output<typeof inspectionSubmit>): Promise<Record> {
  const row = await requireOwnOpenRound(context, id);
  await requireNotOwnProject(context, context.principal.staffId, row.round.projectId);
  const items = await itemsOf(context.db, row.round.tenantId, id);
  const scored = items.map((item) => ({ points: item.points, result: item.result as 'pass' | 'deduct' | null, deduction: item.deduction }));
  const problems = checkInspectionItems(scored);
  if (problems.length > 0) {
    throw new HttpProblem(
      422,
      'validation',
      { 'zh-CN': '还有检查项未填写结果', 'en-US': 'Some items have no result yet' },
      problems.map((problem) => ({
        field: `items.${problem.index}`,
        messages: { 'zh-CN': `「${items[problem.index]!.nameZh}」未检查`, 'en-US': `“${items[problem.index]!.nameEn}” not checked` },
      })),
    );
  }
  const now = context.clock.now();
  const score = inspectionScore(scored);
  const dueAt = new Date(now.getTime() + input.rectifyWithinDays * dayMs);
  await context.db.transaction(async (tx) => {
    const locked = await findRound(tx, row.round.tenantId, id, true);
    if (locked?.round.status === 'submitted') throw wrongStatus('本轮巡检已提交', 'The round is already submitted');
    await updateRound(tx, row.round.tenantId, id, { status: 'submitted', score, submittedAt: now, updatedAt: now });
    await insertRectifications(
      tx,
      items
        .filter((item) => item.result === 'deduct')
        .map((item) => ({
          tenantId: row.round.tenantId,
          projectId: row.round.projectId,
          post: row.round.post,
          roundId: id,
          itemId: item.id,
          status: 'open',
          dueAt,
          createdAt: now,
          updatedAt: now,
        })),
    );
    await recordAudit(tx, context, { action: 'update', entityType: 'inspection', entityId: id, summary: `提交巡检，得分 ${score}` });
  });
  return getInspection(context, id);
}

export async function listRectificationsOf(context: Context, query: z.output<typeof rectificationQuery>): Promise<{ items: Rectification[] }> {
  const rows = await listRectifications(context.db, context.principal.tenantId, {
    projectIds: scopedProjectIds(context.principal, query.projectId),
    status: query.status,
  });
  const now = context.clock.now();
  return { items: rows.map((row) => presentRectification(row, now)) };
}

async function requireRectification(context: Context, id: string) {
  const row = await findRectification(context.db, context.principal.tenantId, id);
  if (!row || !inScope(context.principal, row.record.projectId)) throw notFound();
  return row;
}

/** The project reports the fix (整改完成); it then waits for 复查. */
export async function fixRectification(context: Context, id: string, input: z.output<typeof rectificationFix>): Promise<Rectification> {
  requirePermission(context.principal, 'inspection.rectify');
  const row = await requireRectification(context, id);
  if (row.record.status !== 'open') throw wrongStatus('只有整改中的事项可以提交整改', 'Only an open rectification can be reported fixed');
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    await updateRectification(tx, row.record.tenantId, id, {
      status: 'fixed',
      fixNote: input.note,
      fixedAt: now,
      fixedById: context.principal.staffId,
      updatedAt: now,
    });
    await recordAudit(tx, context, { action: 'update', entityType: 'rectification', entityId: id, summary: `整改完成：${input.note}` });
  });
  return presentRectification((await findRectification(context.db, row.record.tenantId, id))!, now);
}

/** 复查 by an inspector who does not serve the project: passed closes it, failed reopens it with a new deadline. */
export async function reInspect(context: Context, id: string, input: z.output<typeof reInspection>): Promise<Rectification> {
  requirePermission(context.principal, 'inspection.conduct');
  const row = await requireRectification(context, id);
  await requireNotOwnProject(context, context.principal.staffId, row.record.projectId);
  if (row.record.status !== 'fixed') throw wrongStatus('整改完成后才能复查', 'Re-inspect once the fix is reported');
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    await updateRectification(tx, row.record.tenantId, id, {
      status: input.passed ? 'closed' : 'open',
      reInspectionCount: row.record.reInspectionCount + 1,
      reInspectedAt: now,
      reInspectedById: context.principal.staffId,
      reInspectionNote: input.note,
      closedAt: input.passed ? now : null,
      dueAt: input.passed ? row.record.dueAt : new Date(now.getTime() + input.rectifyWithinDays * dayMs),
      updatedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'rectification',
      entityId: id,
      summary: input.passed ? '复查通过' : `复查未通过：${input.note}`,
    });
  });
  return presentRectification((await findRectification(context.db, row.record.tenantId, id))!, now);
}

/** Scores per project, post and team (project × post): the mean of submitted rounds' scores (core meanInspectionScore). */
export async function inspectionScoresOf(context: Context, query: z.output<typeof scoreQuery>): Promise<z.output<typeof inspectionScores>> {
  const rows = await submittedScores(context.db, context.principal.tenantId, {
    projectIds: scopedProjectIds(context.principal, query.projectId),
    from: query.from,
    to: query.to,
  });
  const group = <K extends string>(keyOf: (row: (typeof rows)[number]) => K) => {
    const groups = new Map<K, typeof rows>();
    for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
    return [...groups.values()].map((members) => ({
      first: members[0]!,
      rounds: members.length,
      score: meanInspectionScore(members.map((member) => member.score ?? 0)),
      deductions: Math.round(members.reduce((sum, member) => sum + Number(member.deductions), 0) * 10) / 10,
    }));
  };
  type Post = z.output<typeof inspectionScores>['posts'][number]['post'];
  return {
    projects: group((row) => row.projectId).map(({ first, ...rest }) => ({ projectId: first.projectId, projectName: first.projectName, ...rest })),
    posts: group((row) => row.post).map(({ first, ...rest }) => ({ post: first.post as Post, ...rest })),
    teams: group((row) => `${row.projectId}:${row.post}`).map(({ first, ...rest }) => ({
      projectId: first.projectId,
      projectName: first.projectName,
      post: first.post as Post,
      ...rest,
    })),
  };
}
