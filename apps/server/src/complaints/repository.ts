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

/** Insert or merge: only the fields given change, so the handler can save one CLEAR step at a time. */
export async function saveClearRecord(
  db: Executor,
  tenantId: string,
  ticketId: string,
  fields: Partial<ClearRow>,
  staffId: string,
  now: Date,
): Promise<ClearRow> {
  const values = { ...fields, updatedById: staffId, updatedAt: now };
  const [row] = await db
    .insert(clearRecords)
    .values({ tenantId, ticketId, ...values })
    .onConflictDoUpdate({ target: [clearRecords.tenantId, clearRecords.ticketId], set: values })
    .returning();
  return row!;
}

export async function saveRecoveryRecord(
  db: Executor,
  tenantId: string,
  ticketId: string,
  fields: Partial<RecoveryRow>,
  staffId: string,
  now: Date,
): Promise<RecoveryRow> {
  const values = { ...fields, updatedById: staffId, updatedAt: now };
  const [row] = await db
    .insert(recoveryRecords)
    .values({ tenantId, ticketId, ...values })
    .onConflictDoUpdate({ target: [recoveryRecords.tenantId, recoveryRecords.ticketId], set: values })
    .returning();
  return row!;
}
