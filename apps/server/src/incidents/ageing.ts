import { ageingBuckets, ageingReport, type TicketStatus, type TicketType } from '@manyi/core';
import type { Context } from '../http/context';
import { scopedProjectIds } from '../policy/policy';
import { findTicketListRow, openTicketFacts } from '../tickets/repository';
import { presentRows } from '../tickets/service';

/**
 * Long-unresolved tickets by age (seed 001 案例一: "反映好几个月了还没有解决"): counts of the open
 * tickets in each bucket of core's ageingReport (>3, >7, >15, >30 days since the owner reported it)
 * and the oldest few of each, so a manager starts with the ones owners have waited longest for.
 */
export async function ticketAgeing(context: Context, query: { projectId?: string | undefined; categoryCode?: string | undefined; oldest: number }) {
  const tenantId = context.principal.tenantId;
  const now = context.clock.now();
  const projectIds = scopedProjectIds(context.principal, query.projectId);
  const open = projectIds?.length === 0 ? [] : await openTicketFacts(context.db, tenantId, projectIds);
  const report = ageingReport(
    open.map((row) => ({ ...row, type: row.type as TicketType, status: row.status as TicketStatus, unitId: row.householdId })),
    now,
    query.categoryCode,
  );
  // ids come out in report order, which is oldest first because the rows were read that way.
  const buckets = await Promise.all(
    ageingBuckets.values.map(async (bucket) => {
      const ids = report[bucket].slice(0, query.oldest);
      const rows = (await Promise.all(ids.map((id) => findTicketListRow(context.db, tenantId, id)))).filter((row) => row !== undefined);
      return { bucket, label: ageingBuckets.labels[bucket], count: report[bucket].length, oldest: await presentRows(context.db, tenantId, rows, now) };
    }),
  );
  return { total: buckets.reduce((sum, bucket) => sum + bucket.count, 0), buckets };
}
