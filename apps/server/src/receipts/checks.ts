/**
 * What a receipt finds out about a new report before it is written, from what it read (pure):
 * - a repeat issue: the same household reporting the same category within 30 days (seed 001 案例一:
 *   the garage leak reported for months). Core detection reads `unitId` as "the same place"; a
 *   ticket's place is its household (户): two neighbours in one stairwell reporting leaks are two
 *   issues, one flat reporting a leak twice is a repeat;
 * - the live incident it belongs to (a published outage, or a group complaint still being
 *   confirmed or handled) for its project, building and category — outages before group incidents,
 *   so the agent sees the outage's call script and the incident counts the report.
 * And the rows that record what was found, written with the ticket.
 */
import { detectRepeatIssue, type DetectionTicket, type TicketStatus, type TicketType } from '@manyi/core';
import type { incidentEvents } from '@manyi/db';
import { coversBuilding, coversCategory, isActive } from '../incidents/active';
import { incidentEventRow, systemActor, type IncidentRow } from '../incidents/repository';
import { ticketEventRows, type Actor, type TicketEventRows } from '../tickets/events';
import type { TicketRow } from '../tickets/repository';

export const repeatWindowDays = 30;
const dayMs = 24 * 60 * 60 * 1000;
const system: Actor = { kind: 'system', id: null, name: '系统' };

/** The start of the repeat window of a receipt at `reportedAt`. */
export const repeatWindowStart = (reportedAt: Date) => new Date(reportedAt.getTime() - repeatWindowDays * dayMs);

/** The household's reports of the same category in the window: what repeat detection compares with. */
export type EarlierReport = Pick<TicketRow, 'id' | 'number' | 'type' | 'status' | 'projectId' | 'householdId' | 'categoryCode' | 'reportedAt' | 'reopenCount'>;

/** The new report as the checks see it, before it has an id. */
export type ReportDraft = Pick<TicketRow, 'type' | 'projectId' | 'householdId' | 'categoryCode'> & { reportedAt: Date; buildingId: string | null };

function detectionTicket(row: EarlierReport): DetectionTicket {
  return {
    id: row.id,
    type: row.type as TicketType,
    status: row.status as TicketStatus,
    projectId: row.projectId,
    unitId: row.householdId,
    householdId: row.householdId,
    categoryCode: row.categoryCode,
    reportedAt: row.reportedAt,
    reopenCount: row.reopenCount,
  };
}

/** The live incident of the project the report belongs to: an affected building, the incident's category; outages first. */
function incidentFor(draft: ReportDraft, liveIncidents: readonly IncidentRow[], windowHours: number): IncidentRow | undefined {
  if (!draft.categoryCode) return undefined;
  const matching = liveIncidents.filter(
    (incident) =>
      incident.projectId === draft.projectId &&
      isActive(incident, draft.reportedAt, windowHours) &&
      coversBuilding(incident, draft.buildingId) &&
      coversCategory(incident, draft.categoryCode),
  );
  return matching.find((incident) => incident.kind !== 'group') ?? matching.find((incident) => incident.kind === 'group' && draft.householdId !== null);
}

export type ReceiptFindings = {
  /** Columns the insert writes: the repeat flag, the incident link, a complaint in a confirmed group incident becoming a group complaint. */
  set: Pick<Partial<TicketRow>, 'isRepeat' | 'incidentId' | 'complaintScope'>;
  repeat: { reasons: string[]; earlierTicketIds: string[]; earlierNumbers: string[] } | null;
  incident: IncidentRow | null;
};

/**
 * Repeat and incident checks of a new report. Two identical reports at the same instant miss each
 * other (READ COMMITTED), as a person at two phones would. Reopened tickets are flagged by the
 * state machine itself.
 */
export function receiptFindings(
  draft: ReportDraft,
  earlier: readonly EarlierReport[],
  liveIncidents: readonly IncidentRow[],
  windowHours: number,
): ReceiptFindings {
  const candidate = detectionTicket({ ...draft, id: '', number: '', status: 'new', reopenCount: 0 });
  const repeat = detectRepeatIssue(candidate, earlier.map(detectionTicket), repeatWindowDays);
  const incident = incidentFor(draft, liveIncidents, windowHours);
  const set: ReceiptFindings['set'] = {};
  if (repeat.isRepeat) set.isRepeat = true;
  if (incident) {
    set.incidentId = incident.id;
    if (incident.kind === 'group' && incident.status === 'confirmed' && draft.type === 'complaint') set.complaintScope = 'group';
  }
  const earlierNumbers = earlier
    .filter((row) => repeat.earlierTicketIds.includes(row.id))
    .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime())
    .map((row) => row.number);
  return {
    set,
    repeat: repeat.isRepeat ? { reasons: repeat.reasons, earlierTicketIds: repeat.earlierTicketIds, earlierNumbers } : null,
    incident: incident ?? null,
  };
}

/** The ticket and incident events that record the findings. */
export function findingRows(
  ticket: TicketRow,
  findings: ReceiptFindings,
  now: Date,
): { events: TicketEventRows[]; incidentEvents: (typeof incidentEvents.$inferInsert)[] } {
  const events: TicketEventRows[] = [];
  if (findings.repeat) {
    events.push(
      ticketEventRows(
        ticket,
        system,
        {
          kind: 'repeat_detected',
          note: `重复报事:同一房屋 ${repeatWindowDays} 天内已报同类问题(${findings.repeat.earlierNumbers.join('、')})`,
          data: { reasons: findings.repeat.reasons, earlierTicketIds: findings.repeat.earlierTicketIds, earlierNumbers: findings.repeat.earlierNumbers },
        },
        now,
      ),
    );
  }
  const incident = findings.incident;
  if (!incident) return { events, incidentEvents: [] };
  events.push(
    ticketEventRows(
      ticket,
      system,
      {
        kind: 'incident_linked',
        note: `已关联事件:${incident.title}`,
        data: { incidentId: incident.id, incidentKind: incident.kind },
      },
      now,
    ),
  );
  return {
    events,
    incidentEvents: [
      incidentEventRow(
        incident,
        systemActor,
        { kind: 'ticket_linked', note: `新工单 ${ticket.number} 已关联`, data: { ticketIds: [ticket.id], numbers: [ticket.number] } },
        now,
      ),
    ],
  };
}
