import type { HomeFigures } from '../../api/analytics';

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
/**
 * Answers below which a survey rate (满意率, NPS) is shown with 样本不足 instead of a margin or band: the normal
 * approximation behind them needs about 30 (issue 15 §6; the results page uses the same rule).
 */
export const minimumSample = 30;
export const tooFewAnswers = (count: number) => count > 0 && count < minimumSample;

export const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '—' : value.toFixed(digits));

/** The nil UUID: tickets and regions without a building or region are grouped under it by the server. */
export const noPlace = '00000000-0000-0000-0000-000000000000';

/** Every status but cancelled and merged: the tickets a month's figures count (analytics/repository.ts). */
export const countedStatuses = 'new,accepted,assigned,in_progress,on_hold,reopened,resolved,visited,closed';

/** Where a figure stands: its project, building and month (a month's figures link to the tickets reported in it). */
export type FigurePlace = {
  projectId?: string | null | undefined;
  buildingId?: string | undefined;
  buildingName?: string | undefined;
  month?: string | undefined;
};

/**
 * The ticket list behind a figure (the service desk reads these from its address). A month's
 * counts (received, complaints, repeats, 12345) link with the month and the counted statuses;
 * the live ones (overdue, due today) with neither.
 */
export function ticketsLink(
  place: FigurePlace | string | null | undefined,
  filter: {
    overdue?: boolean;
    type?: string;
    group?: string;
    dueToday?: boolean;
    repeat?: boolean;
    channel?: string;
    ofMonth?: boolean;
    /** The tickets whose return visit was rated in the month (the visit-rating figure counts visits by their own month). */
    ratedInMonth?: boolean;
  },
): string {
  const where: FigurePlace = typeof place === 'object' && place !== null ? place : { projectId: place };
  const params = new URLSearchParams();
  if (where.projectId) params.set('projectId', where.projectId);
  if (where.buildingId) {
    params.set('buildingId', where.buildingId);
    if (where.buildingName) params.set('buildingName', where.buildingName);
  }
  if (filter.ofMonth && where.month) {
    params.set('month', where.month);
    params.set('status', countedStatuses);
    params.set('group', 'all');
  } else if (filter.ratedInMonth && where.month) {
    params.set('ratedMonth', where.month);
    params.set('group', 'all');
  } else if (filter.group) params.set('group', filter.group);
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.dueToday) params.set('dueToday', 'true');
  if (filter.type) params.set('type', filter.type);
  if (filter.repeat) params.set('repeat', 'true');
  if (filter.channel) params.set('channel', filter.channel);
  return `/service-desk?${params.toString()}`;
}

export const slaRate = (figures: HomeFigures) => figures.sla.rate;
