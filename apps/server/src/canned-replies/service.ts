import type { TicketType } from '@manyi/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { ensureServiceDeskDefaults } from '../categories/repository';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';
import type { cannedReplyBody, cannedReplyPatch } from '@manyi/contracts/canned-replies';
import { presentCannedReply } from './presenter';
import { deleteCannedReplyRow, findCannedReply, insertCannedReply, listCannedReplyRows, updateCannedReplyRow, type CannedReplyRow } from './repository';
import { recordStaffText } from '../text-qa/record';

/** Replies for a ticket type include the general ones (no type). */
export async function listCannedReplies(context: Context, ticketType?: TicketType) {
  const tenantId = context.principal.tenantId;
  await ensureServiceDeskDefaults(context.db, tenantId);
  const rows = await listCannedReplyRows(context.db, tenantId, ticketType);
  return { items: rows.map(presentCannedReply) };
}

async function findReply(context: Context, id: string): Promise<CannedReplyRow> {
  const row = await findCannedReply(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  return row;
}

export async function createCannedReply(context: Context, input: z.infer<typeof cannedReplyBody>) {
  requirePermission(context.principal, 'canned_reply.manage');
  const tenantId = context.principal.tenantId;
  await ensureServiceDeskDefaults(context.db, tenantId);
  const row = await context.db.transaction(async (tx) => {
    const created = await insertCannedReply(tx, { tenantId, ticketType: input.ticketType ?? null, title: input.title, body: input.body });
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'canned_reply',
      entityId: created.id,
      summary: `新建常用回复「${input.title}」`,
      after: created,
    });
    await recordStaffText(tx, context, { sourceType: 'canned_reply', sourceId: created.id, text: created.body });
    return created;
  });
  return presentCannedReply(row);
}

export async function updateCannedReply(context: Context, id: string, input: z.infer<typeof cannedReplyPatch>) {
  requirePermission(context.principal, 'canned_reply.manage');
  const before = await findReply(context, id);
  const row = await context.db.transaction(async (tx) => {
    const after = await updateCannedReplyRow(tx, before.tenantId, id, input);
    await recordAudit(tx, context, { action: 'update', entityType: 'canned_reply', entityId: id, summary: `修改常用回复「${before.title}」`, before, after });
    if (after && after.body !== before.body) await recordStaffText(tx, context, { sourceType: 'canned_reply', sourceId: id, text: after.body });
    return after;
  });
  return presentCannedReply(row);
}

export async function deleteCannedReply(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'canned_reply.manage');
  const before = await findReply(context, id);
  await context.db.transaction(async (tx) => {
    await deleteCannedReplyRow(tx, before.tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'canned_reply', entityId: id, summary: `删除常用回复「${before.title}」`, before });
  });
}
