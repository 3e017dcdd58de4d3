/**
 * The four tiles of the service-desk console (issue 3 §11): open, overdue, due today and SLA
 * compliance this month, for the caller's projects (company-wide for admin and quality), or one of
 * them. Days and months are Shanghai's.
 *
 * - open: new, accepted, assigned, in progress, on hold or reopened (not resolved, visited, closed,
 *   cancelled or merged).
 * - overdue: a running clock is past its deadline: response, arrival, resolution or the owner
 *   update on a running open ticket, or the return visit of a resolved one that owes a visit. Held
 *   tickets have their clocks paused and are not counted (the sweep ignores them too).
 * - dueToday: a running resolution or on-site deadline between now and the end of today; ones
 *   already missed are in overdue.
 *   Both conditions live in conditions.ts and are the queue's `overdue` and `dueToday` filters too.
 * - slaComplianceThisMonth: tickets resolved since the 1st whose resolution and, where the policy
 *   sets one, on-site arrival were within their deadlines (tickets.resolution_met / arrival_met,
 *   recorded at resolution by sla/deadlines.ts). Tickets without an SLA outcome (no policy
 *   targets, or resolved before the outcome was recorded) are not counted; a reopened ticket leaves
 *   the month until it resolves again. Open tickets already overdue (the overdue tile without the
 *   resolved ones awaiting their visit) are added as missed: a promise broken does not wait for the
 *   ticket to close before it lowers the rate (issue 15 §8). rate is null when there is nothing to count.
 */
import { shanghaiDate, shanghaiMidnight } from '@manyi/core';
import type { TicketStats } from '@manyi/contracts/tickets';
import type { Context } from '../http/context';
import { scopedProjectIds } from '../policy/policy';
import { slaOutcomeCounts, tileCounts } from './repository';

export async function ticketStatsFor(context: Context, projectId: string | undefined): Promise<TicketStats> {
  const now = context.clock.now();
  const today = shanghaiDate(now);
  const month = today.slice(0, 7);
  const empty = { open: 0, overdue: 0, dueToday: 0, slaComplianceThisMonth: { met: 0, total: 0, resolved: 0, overdueOpen: 0, rate: null }, month, asOf: now };
  const projectIds = scopedProjectIds(context.principal, projectId);
  if (projectIds?.length === 0) return empty;
  const tenantId = context.principal.tenantId;
  const monthStart = shanghaiMidnight(`${month}-01`);
  const tiles = await tileCounts(context.db, tenantId, projectIds, now);
  const compliance = await slaOutcomeCounts(context.db, tenantId, projectIds, monthStart, now);
  const resolved = compliance?.total ?? 0;
  const overdueOpen = tiles?.overdueOpen ?? 0;
  const total = resolved + overdueOpen;
  const met = compliance?.met ?? 0;
  return {
    open: tiles?.open ?? 0,
    overdue: tiles?.overdue ?? 0,
    dueToday: tiles?.dueToday ?? 0,
    slaComplianceThisMonth: { met, total, resolved, overdueOpen, rate: total === 0 ? null : met / total },
    month,
    asOf: now,
  };
}
