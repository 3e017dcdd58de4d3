/**
 * The CLEAR and recovery records of a complaint ticket, read here because the ticket's state machine
 * checks them before a complaint may resolve (access.ts snapshotOf). complaints/ writes them.
 */
import { clearRecords, recoveryRecords, type Executor } from '@manyi/db';
import { and, eq } from 'drizzle-orm';

export type ClearRow = typeof clearRecords.$inferSelect;
export type RecoveryRow = typeof recoveryRecords.$inferSelect;

export async function findClearRecord(db: Executor, tenantId: string, ticketId: string): Promise<ClearRow | undefined> {
  const [row] = await db
    .select()
    .from(clearRecords)
    .where(and(eq(clearRecords.tenantId, tenantId), eq(clearRecords.ticketId, ticketId)));
  return row;
}

export async function findRecoveryRecord(db: Executor, tenantId: string, ticketId: string): Promise<RecoveryRow | undefined> {
  const [row] = await db
    .select()
    .from(recoveryRecords)
    .where(and(eq(recoveryRecords.tenantId, tenantId), eq(recoveryRecords.ticketId, ticketId)));
  return row;
}
