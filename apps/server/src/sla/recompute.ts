/**
 * After a company changes its SLA policies or its calendar, the stored deadlines of its tickets
 * are stale (they are derived, never the truth: deadlines.ts). Choice: recompute them eagerly,
 * right after the change commits, in batches of tickets that are not yet settled, rather than
 * lazily "on next touch": the sweep and the queue read the stored columns, so a lazy scheme would
 * warn and escalate against the old targets for as long as nobody touched a ticket. Each write
 * also resets sla_check_at to null, so the next sweep evaluates the ticket against its new deadlines.
 *
 * Each batch is its own short transaction and writes a ticket only if its version is unchanged
 * since the batch read it; a ticket changed meanwhile was recomputed by that change, which already
 * saw the committed policies. The version is not raised (nothing a person edited changed), so a
 * colleague's open edit form does not go stale. Resolved tickets keep their recorded SLA outcome
 * (deadlines.ts outcomeColumns). If the process dies midway, the remaining tickets keep their old
 * deadlines until their next change or the next policy save.
 */
import type { Executor } from '@manyi/db';
import { deadlineColumns, loadSlaInputs } from './deadlines';
import { holdEventsOf, pausesFrom } from './pauses';
import { unsettledTicketBatch, writeDeadlinesIfUnchanged } from './repository';

const batchSize = 500;
const settledStatuses = ['closed', 'cancelled', 'merged'];

export async function recomputeTenantDeadlines(db: Executor, tenantId: string, now: Date): Promise<number> {
  const inputs = await loadSlaInputs(db, tenantId);
  let after: string | null = null;
  let written = 0;
  for (;;) {
    const rows = await unsettledTicketBatch(db, tenantId, settledStatuses, after, batchSize);
    if (rows.length === 0) break;
    const events = await holdEventsOf(
      db,
      tenantId,
      rows.map((row) => row.id),
    );
    written += await db.transaction(async (tx) => {
      let count = 0;
      for (const row of rows) {
        const columns = deadlineColumns(row, inputs, pausesFrom(events.get(row.id) ?? [], row, now));
        if (await writeDeadlinesIfUnchanged(tx, row, columns)) count += 1;
      }
      return count;
    });
    after = rows.at(-1)!.id;
    if (rows.length < batchSize) break;
  }
  return written;
}
