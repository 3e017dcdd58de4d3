import { categoryMatchesPrefix, type IncidentKind } from '@manyi/core';
import type { IncidentRow } from './repository';
import { afterEndGraceMs } from './vocabulary';

const hourMs = 60 * 60 * 1000;

/**
 * In effect now: a published outage between its start and its end (plus a grace for the calls
 * that follow); a group incident still being confirmed or handled while households keep reporting
 * within T hours of the latest report (endsAt holds that latest report).
 */
export function isActive(incident: IncidentRow, now: Date, windowHours: number): boolean {
  const time = now.getTime();
  if ((incident.kind as IncidentKind) === 'group') {
    if (incident.status !== 'proposed' && incident.status !== 'confirmed') return false;
    const last = (incident.endsAt ?? incident.startsAt ?? incident.createdAt).getTime();
    return time <= last + windowHours * hourMs;
  }
  if (incident.status !== 'published') return false;
  if (incident.startsAt && time < incident.startsAt.getTime()) return false;
  return !incident.endsAt || time <= incident.endsAt.getTime() + afterEndGraceMs;
}

/** Announced but not started: staff answering calls about it should already see its script. */
export function isUpcoming(incident: IncidentRow, now: Date): boolean {
  return incident.kind !== 'group' && incident.status === 'published' && incident.startsAt !== null && now < incident.startsAt;
}

export function coversBuilding(incident: IncidentRow, buildingId: string | null): boolean {
  return incident.buildingIds.length === 0 || (buildingId !== null && incident.buildingIds.includes(buildingId));
}

/** A category on the incident covers its whole branch (电梯 covers 电梯故障); no category covers nothing for linking. */
export function coversCategory(incident: IncidentRow, categoryCode: string | null): boolean {
  return incident.categoryCode !== null && categoryCode !== null && categoryMatchesPrefix(categoryCode, incident.categoryCode);
}
