import type { TicketType } from '@manyi/core';
import { cannedReplies } from '@manyi/db';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { ensureServiceDeskDefaults } from '../categories/repository';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';
import type { cannedReplyBody, cannedReplyPatch } from '@manyi/contracts/canned-replies';

type Row = typeof cannedReplies.$inferSelect;
const present = (row: Row) => ({ id: row.id, ticketType: row.ticketType as TicketType | null, title: row.title, body: row.body, createdAt: row.createdAt });

/** Replies for a ticket type include the general ones (no type). */
export async function listCannedReplies(context: Context, ticketType?: TicketType) {
  const tenantId = context.principal.tenantId;
  await ensureServiceDeskDefaults(context.db, tenantId);
  const rows = await context.db.select().from(cannedReplies)
    .where(and(eq(cannedReplies.tenantId, tenantId), ticketType ? or(eq(cannedReplies.ticketType, ticketType), isNull(cannedReplies.ticketType)) : undefined))
    .orderBy(asc(cannedReplies.ticketType), asc(cannedReplies.id));
  return { items: rows.map(present) };
}

async function findReply(context: Context, id: string): Promise<Row> {
  const [row] = await context.db.select().from(cannedReplies).where(and(eq(cannedReplies.tenantId, context.principal.tenantId), eq(cannedReplies.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function createCannedReply(context: Context, input: z.infer<typeof cannedReplyBody>) {
  requirePermission(context.principal, 'canned_reply.manage');
  const tenantId = context.principal.tenantId;
  await ensureServiceDeskDefaults(context.db, tenantId);
  const row = await context.db.transaction(async (tx) => {
    const [created] = await tx.insert(cannedReplies).values({ tenantId, ticketType: input.ticketType ?? null, title: input.title, body: input.body }).returning();
    await recordAudit(tx, context, { action: 'create', entityType: 'canned_reply', entityId: created!.id, summary: `新建常用回复「${input.title}」`, after: created });
    return created!;
  });
  return present(row);
}

export async function updateCannedReply(context: Context, id: string, input: z.infer<typeof cannedReplyPatch>) {
  requirePermission(context.principal, 'canned_reply.manage');
  const before = await findReply(context, id);
  const row = await context.db.transaction(async (tx) => {
    const [after] = await tx.update(cannedReplies).set(input).where(and(eq(cannedReplies.tenantId, before.tenantId), eq(cannedReplies.id, id))).returning();
    await recordAudit(tx, context, { action: 'update', entityType: 'canned_reply', entityId: id, summary: `修改常用回复「${before.title}」`, before, after });
    return after!;
  });
  return present(row);
}

export async function deleteCannedReply(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'canned_reply.manage');
  const before = await findReply(context, id);
  await context.db.transaction(async (tx) => {
    await tx.delete(cannedReplies).where(and(eq(cannedReplies.tenantId, before.tenantId), eq(cannedReplies.id, id)));
    await recordAudit(tx, context, { action: 'delete', entityType: 'canned_reply', entityId: id, summary: `删除常用回复「${before.title}」`, before });
  });
}
