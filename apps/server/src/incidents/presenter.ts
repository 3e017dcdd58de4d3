import type { Executor } from '@manyi/db';
import { companyCategories } from '../categories/repository';
import { isActive } from './active';
import { buildingNames, incidentCounts, type IncidentEventRow, type IncidentListRow } from './repository';
import type { IncidentSummary } from '@manyi/contracts/incidents';
import { readDetectionSettings } from './settings';
import type { IncidentKind, IncidentStatus } from '@manyi/core';

/** Rows to API output in one place, with the counts and names the console shows beside each incident. */
export async function presentIncidents(db: Executor, tenantId: string, rows: IncidentListRow[], now: Date): Promise<IncidentSummary[]> {
  if (rows.length === 0) return [];
  const [categories, names, counts, settings] = await Promise.all([
    companyCategories(db, tenantId),
    buildingNames(
      db,
      tenantId,
      rows.flatMap((row) => row.incident.buildingIds),
    ),
    incidentCounts(
      db,
      tenantId,
      rows.map((row) => row.incident.id),
    ),
    readDetectionSettings(db, tenantId),
  ]);
  return rows.map(({ incident, projectName }) => {
    const category = incident.categoryCode ? categories.get(incident.categoryCode) : undefined;
    const count = counts.get(incident.id) ?? { tickets: 0, households: 0, notified: 0, read: 0 };
    return {
      id: incident.id,
      projectId: incident.projectId,
      projectName,
      kind: incident.kind as IncidentKind,
      status: incident.status as IncidentStatus,
      title: incident.title,
      categoryCode: incident.categoryCode,
      categoryName: category ? { 'zh-CN': category.nameZh, 'en-US': category.nameEn } : null,
      buildings: incident.buildingIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      startsAt: incident.startsAt,
      endsAt: incident.endsAt,
      callScript: incident.callScript,
      noticeText: incident.noticeText,
      detected: incident.detectionKey !== null,
      active: isActive(incident, now, settings.windowHours),
      ticketCount: count.tickets,
      householdCount: count.households,
      notice: { notified: count.notified, read: count.read, readRate: count.notified > 0 ? count.read / count.notified : null },
      publishedAt: incident.publishedAt,
      closedAt: incident.closedAt,
      createdAt: incident.createdAt,
      updatedAt: incident.updatedAt,
      version: incident.version,
    };
  });
}

export function presentIncidentEvent(event: IncidentEventRow) {
  return {
    id: event.id,
    kind: event.kind,
    actorKind: event.actorKind as 'staff' | 'system',
    actorName: event.actorName,
    note: event.note,
    recipientRole: event.recipientRole,
    data: event.data,
    at: event.at,
  };
}
