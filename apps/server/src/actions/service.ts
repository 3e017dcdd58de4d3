import type { MultipartFile } from '@fastify/multipart';
import { actionEffect, actionMoveProblem, actionState, shanghaiDate, type ActionStatus, type TargetMetric } from '@manyi/core';
import type { actionComplete, actionCreate, actionQuery, actionRecord } from '@manyi/contracts/actions';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import { targetOf } from '../targets/service';
import { storeChecked } from '../tickets/attachments';
import {
  actionNames,
  appendPhoto,
  projectExists,
  claimAction,
  findAction,
  insertAction,
  listActions,
  updateAction,
  type ActionFilter,
  type ActionRow,
} from './repository';

export type ActionRecord = z.output<typeof actionRecord>;
const maxPhotos = 6;
const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);

const refusals = {
  already_claimed: { status: 409, zh: '该行动已有人认领', en: 'Someone has already claimed this action' },
  already_done: { status: 409, zh: '该行动已完成', en: 'This action is already done' },
  no_owner: { status: 422, zh: '行动还没有负责人，请先认领再完成', en: 'The action has no owner: claim it before completing it' },
  not_owner: { status: 403, zh: '只有认领人可以完成该行动', en: 'Only the person who claimed the action can complete it' },
} as const;

/** Presents actions: names, the linked target's metric, the state with overdue, the effect on the metric. */
export async function presentActions(context: Context, rows: ActionRow[]): Promise<ActionRecord[]> {
  const known = await actionNames(context.db, context.principal.tenantId);
  const today = shanghaiDate(context.clock.now());
  const targets = new Map<string, Awaited<ReturnType<typeof targetOf>>>();
  for (const id of new Set(rows.map((row) => row.targetId).filter((value): value is string => value !== null))) targets.set(id, await targetOf(context, id));
  return rows.map((row) => {
    const target = row.targetId ? targets.get(row.targetId) : undefined;
    const metric = (target?.metric ?? null) as TargetMetric | null;
    return {
      id: row.id,
      projectId: row.projectId,
      projectName: known.projects.get(row.projectId) ?? '',
      post: row.post as ActionRecord['post'],
      title: row.title,
      description: row.description,
      gapKey: row.gapKey,
      targetId: row.targetId,
      targetLabel: target ? `${target.scopeName} · ${target.value}` : null,
      metric,
      status: row.status as ActionStatus,
      state: actionState(row.status as ActionStatus, row.dueOn, today),
      ownerId: row.ownerId,
      ownerName: row.ownerId ? (known.staff.get(row.ownerId) ?? null) : null,
      claimedAt: row.claimedAt,
      dueOn: row.dueOn,
      doneAt: row.doneAt,
      evidence: row.evidence,
      photoCount: row.photoKeys.length,
      metricBefore: row.metricBefore,
      metricAfter: row.metricAfter,
      effect: actionEffect(metric, row.metricBefore, row.metricAfter),
      createdAt: row.createdAt,
    };
  });
}

export async function actionsOf(context: Context, filter: ActionFilter): Promise<ActionRecord[]> {
  return presentActions(context, await listActions(context.db, context.principal.tenantId, filter));
}

export async function listActionsOf(context: Context, query: z.output<typeof actionQuery>): Promise<{ items: ActionRecord[] }> {
  const items = await actionsOf(context, {
    projectIds: scopedProjectIds(context.principal, query.projectId),
    ...(query.targetId && { targetId: query.targetId }),
    ...(query.mine && { ownerId: context.principal.staffId }),
  });
  return { items: query.state ? items.filter((item) => item.state === query.state) : items };
}

async function requireAction(context: Context, id: string, forUpdate = false, db = context.db) {
  const row = await findAction(db, context.principal.tenantId, id, forUpdate);
  if (!row || !inScope(context.principal, row.projectId)) throw notFound();
  return row;
}

async function presentOne(context: Context, id: string) {
  return (await presentActions(context, [await requireAction(context, id)]))[0]!;
}

/** 团队共创: a key action written down for a project or one of its teams, answering a gap or a target. */
export async function createAction(context: Context, input: z.output<typeof actionCreate>): Promise<ActionRecord> {
  requirePermission(context.principal, 'action.manage');
  // To company-wide roles every id is "in scope": the project must exist in this company.
  if (!inScope(context.principal, input.projectId) || !(await projectExists(context.db, context.principal.tenantId, input.projectId))) throw notFound();
  if (input.gapKey && !input.gapKey.startsWith(`${input.projectId}:`))
    throw fieldProblem('gapKey', { 'zh-CN': '差距须属于同一项目', 'en-US': 'The gap must belong to the same project' });
  let metricBefore: number | null = null;
  if (input.targetId) {
    const target = await targetOf(context, input.targetId);
    if (!target || (target.projectId !== null && target.projectId !== input.projectId))
      throw fieldProblem('targetId', { 'zh-CN': '请选择本项目的目标', 'en-US': 'Choose a target of this project' });
    metricBefore = target.actual;
  }
  if (input.dueOn < shanghaiDate(context.clock.now()))
    throw fieldProblem('dueOn', { 'zh-CN': '完成期限不能早于今天', 'en-US': 'The due date cannot be in the past' });
  const id = uuidv7();
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const row = await insertAction(tx, {
      id,
      tenantId: context.principal.tenantId,
      projectId: input.projectId,
      post: input.post ?? null,
      title: input.title,
      description: input.description ?? '',
      gapKey: input.gapKey ?? null,
      targetId: input.targetId ?? null,
      status: 'open',
      dueOn: input.dueOn,
      metricBefore,
      createdById: context.principal.staffId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'action_plan', entityId: id, summary: `关键行动「${input.title}」`, after: row });
  });
  return presentOne(context, id);
}

function refuse(code: keyof typeof refusals): never {
  const refusal = refusals[code];
  throw new HttpProblem(refusal.status, `action_${code}`, { 'zh-CN': refusal.zh, 'en-US': refusal.en });
}

/** 自发认领: a staff member of the project takes on an action nobody holds yet. */
export async function claim(context: Context, id: string): Promise<ActionRecord> {
  const row = await requireAction(context, id);
  const problem = actionMoveProblem('claim', { status: row.status as ActionStatus, ownerId: row.ownerId }, context.principal.staffId);
  if (problem) refuse(problem);
  await context.db.transaction(async (tx) => {
    if (!(await claimAction(tx, row.tenantId, id, context.principal.staffId, context.clock.now()))) refuse('already_claimed');
    await recordAudit(tx, context, { action: 'update', entityType: 'action_plan', entityId: id, summary: `认领关键行动「${row.title}」` });
  });
  return presentOne(context, id);
}

/** Done, by its owner, with the evidence; the linked target's value now is kept as the "after" of its effect. */
export async function complete(context: Context, id: string, input: z.output<typeof actionComplete>): Promise<ActionRecord> {
  const row = await requireAction(context, id);
  const target = row.targetId ? await targetOf(context, row.targetId) : undefined;
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const locked = await requireAction(context, id, true, tx);
    const problem = actionMoveProblem('complete', { status: locked.status as ActionStatus, ownerId: locked.ownerId }, context.principal.staffId);
    if (problem) refuse(problem);
    const set = { status: 'done', doneAt: now, evidence: input.evidence, metricAfter: target?.actual ?? null, updatedAt: now };
    await updateAction(tx, row.tenantId, id, set);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'action_plan',
      entityId: id,
      summary: `完成关键行动「${row.title}」`,
      before: locked,
      after: set,
    });
  });
  return presentOne(context, id);
}

/** Photo evidence of completion, added by the owner (JPG/PNG/WebP/HEIC, checked by content). */
export async function addPhoto(context: Context, id: string, file: MultipartFile | undefined): Promise<ActionRecord> {
  const row = await requireAction(context, id);
  if (!file) throw new HttpProblem(400, 'file_missing');
  if (row.ownerId !== context.principal.staffId) {
    file.file.resume();
    refuse(row.ownerId === null ? 'no_owner' : 'not_owner');
  }
  if (row.photoKeys.length >= maxPhotos) {
    file.file.resume();
    throw new HttpProblem(409, 'too_many_photos', { 'zh-CN': `最多 ${maxPhotos} 张照片`, 'en-US': `At most ${maxPhotos} photos` });
  }
  const key = `actions/${row.tenantId}/${id}/${uuidv7()}`;
  const { contentType } = await storeChecked(context.storage, key, file.file);
  if (!photoTypes.has(contentType)) {
    await context.storage.remove(key);
    throw new HttpProblem(415, 'file_type', { 'zh-CN': '请上传照片（JPG、PNG、WebP、HEIC）', 'en-US': 'Upload a photo (JPG, PNG, WebP, HEIC)' });
  }
  await context.db.transaction(async (tx) => {
    await appendPhoto(tx, row.tenantId, id, key);
    await recordAudit(tx, context, { action: 'update', entityType: 'action_plan', entityId: id, summary: `完成证据照片「${row.title}」` });
  });
  return presentOne(context, id);
}

export async function photoKey(context: Context, id: string, index: number): Promise<string> {
  const key = (await requireAction(context, id)).photoKeys[index];
  if (!key) throw notFound();
  return key;
}
