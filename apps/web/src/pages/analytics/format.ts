import type { HomeFigures } from '../../api/analytics';

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
export const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '—' : value.toFixed(digits));

/** The nil UUID: tickets and regions without a building or region are grouped under it by the server. */
export const noPlace = '00000000-0000-0000-0000-000000000000';

/** The ticket list behind a figure (the service desk reads these from its address). */
export function ticketsLink(projectId: string | null | undefined, filter: { overdue?: boolean; type?: string; group?: string; dueToday?: boolean }): string {
  const params = new URLSearchParams();
  if (projectId) params.set('projectId', projectId);
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.dueToday) params.set('dueToday', 'true');
  if (filter.type) params.set('type', filter.type);
  if (filter.group) params.set('group', filter.group);
  return `/service-desk?${params.toString()}`;
}

export const slaRate = (figures: HomeFigures) => figures.sla.rate;
