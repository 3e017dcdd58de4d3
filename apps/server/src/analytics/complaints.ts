/**
 * Complaint analytics (issue 16 §3), by indexed queries over the complaints received in a period
 * (tickets_tenant_reported_idx): category × building (or × project) heat map, weekday × hour,
 * ageing of the open ones, the households and places that complain again and again, 12345
 * referrals, group incidents and the causes over time. Cancelled and merged tickets are left out,
 * as in the rollups.
 */
import { addLocalDays, householdLabel, shanghaiDate, shanghaiMidnight } from '@manyi/core';
import type { complaintAnalyticsView } from '@manyi/contracts/analytics';
import type { z } from 'zod';
import type { Context } from '../http/context';
import { requirePermission, requireProjectScope } from '../policy/policy';
import { complaintFacts, type ComplaintScope } from './repository';

type View = z.infer<typeof complaintAnalyticsView>;

const ageBuckets: [string, string, number][] = [
  ['lt1d', '1 天内', 1],
  ['1to3d', '1–3 天', 3],
  ['3to7d', '3–7 天', 7],
  ['7to30d', '7–30 天', 30],
  ['gt30d', '30 天以上', Number.POSITIVE_INFINITY],
];

export async function complaintAnalytics(
  context: Context,
  query: { projectId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<View> {
  requirePermission(context.principal, 'analytics.read');
  if (query.projectId) requireProjectScope(context.principal, query.projectId);
  const today = shanghaiDate(context.clock.now());
  const to = query.to ?? today;
  const from = query.from ?? addLocalDays(to, -89);
  const scope: ComplaintScope = {
    tenantId: context.principal.tenantId,
    projectIds: query.projectId ? [query.projectId] : context.principal.projectIds,
    from: shanghaiMidnight(from),
    until: shanghaiMidnight(addLocalDays(to, 1)),
  };
  const placeLevel = query.projectId ? 'building' : 'project';
  const facts = await complaintFacts(context.db, scope, placeLevel, context.clock.now());

  const categories = facts.byCategory.slice(0, 12);
  const places = facts.byPlace.slice(0, 20);
  const cells: [number, number, number][] = [];
  for (const cell of facts.heat) {
    const x = places.findIndex((place) => place.key === cell.place);
    const y = categories.findIndex((category) => category.key === cell.category);
    if (x >= 0 && y >= 0) cells.push([x, y, cell.count]);
  }
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addLocalDays(`${month}-28`, 5).slice(0, 7)) months.push(month);
  const top = facts.byCategory.slice(0, 6);
  return {
    from,
    to,
    total: facts.total,
    placeLevel,
    heat: { categories, places, cells },
    weekdayHour: facts.weekdayHour.map((row) => [row.weekday, row.hour, row.count]),
    ageing: ageBuckets.map(([key, label, days], index) => ({
      key,
      label,
      count: facts.openAges.filter((age) => age < days && (index === 0 || age >= ageBuckets[index - 1]![2])).length,
    })),
    repeatedHouseholds: facts.households.map((row) => ({ key: row.id, label: householdLabel(row.building, row.unit, row.room), count: row.count })),
    repeatedPlaces: facts.locations.map((row) => ({ key: row.location, label: row.location, count: row.count })),
    referrals: {
      count: facts.referralMonths.reduce((sum, row) => sum + row.count, 0),
      byMonth: facts.referralMonths.map((row) => ({ key: row.month, label: row.month, count: row.count })),
    },
    groupIncidents: { count: facts.incidents.length, items: facts.incidents.slice(0, 10) },
    causes: {
      months,
      series: top.map((category) => ({
        key: category.key,
        label: category.label,
        counts: months.map((month) => facts.categoryMonths.find((row) => row.category === category.key && row.month === month)?.count ?? 0),
      })),
    },
  };
}
