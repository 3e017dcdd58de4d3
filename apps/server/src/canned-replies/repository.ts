import type { TicketType } from '@manyi/core';
import { cannedReplies, type Executor } from '@manyi/db';
import { and, asc, eq, isNull, or } from 'drizzle-orm';

export type CannedReplyRow = typeof cannedReplies.$inferSelect;

/** Replies for a ticket type include the general ones (no type). */
export async function listCannedReplyRows(db: Executor, tenantId: string, ticketType?: TicketType): Promise<CannedReplyRow[]> {
  return db
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.tenantId, tenantId), ticketType ? or(eq(cannedReplies.ticketType, ticketType), isNull(cannedReplies.ticketType)) : undefined))
    .orderBy(asc(cannedReplies.ticketType), asc(cannedReplies.id));
}

export async function findCannedReply(db: Executor, tenantId: string, id: string): Promise<CannedReplyRow | undefined> {
  const [row] = await db
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)));
  return row;
}

export async function insertCannedReply(db: Executor, row: typeof cannedReplies.$inferInsert): Promise<CannedReplyRow> {
  const [created] = await db.insert(cannedReplies).values(row).returning();
  return created!;
}

export async function updateCannedReplyRow(
  db: Executor,
  tenantId: string,
  id: string,
  set: Partial<typeof cannedReplies.$inferInsert>,
): Promise<CannedReplyRow> {
  const [after] = await db
    .update(cannedReplies)
    .set(set)
    .where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)))
    .returning();
  return after!;
}

export async function deleteCannedReplyRow(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(cannedReplies).where(and(eq(cannedReplies.tenantId, tenantId), eq(cannedReplies.id, id)));
}
