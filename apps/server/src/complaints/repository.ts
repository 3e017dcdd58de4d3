import { clearRecords, recoveryRecords, type Executor } from '@manyi/db';
import type { ClearRow, RecoveryRow } from '../tickets/complaint-records';

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
