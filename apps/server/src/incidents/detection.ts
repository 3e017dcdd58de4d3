/**
 * Group-complaint detection (issue 3 §9; seed 000/001 群体投诉): ≥ K distinct households of one
 * project reporting the same category within T hours propose ONE group incident for the project
 * manager, linking their tickets; later reports in the same window join it.
 *
 * Safe with several server instances (DESIGN §2): each company's pass runs in one transaction
 * under a transaction-level advisory lock on the company, so two runs take turns and the second
 * sees what the first linked; underneath, the incident's detection_key (project, category, window
 * start) is unique and inserted with ON CONFLICT DO NOTHING, and tickets are claimed only while
 * their incident_id is still null.
 */
import { findGroupComplaints, type GroupComplaintCluster, type TicketStatus, type TicketType } from '@manyi/core';
import type { Database, Executor } from '@manyi/db';
import { recordTicketEvent, type Actor } from '../tickets/events';
import {
  allTenantIds,
  categoryName,
  claimTickets,
  extendIncidentEnd,
  findIncidentByDetectionKey,
  insertProposal,
  lockDetection,
  markJoiningComplaints,
  openGroupIncidents,
  recordIncidentEvent,
  systemActor,
  unlinkedTickets,
  type DetectionCandidate as Candidate,
  type IncidentRow,
} from './repository';
import type { DetectionSettings } from '@manyi/contracts/incidents';
import { readDetectionSettings } from './settings';

export type DetectionOptions = Partial<DetectionSettings> & {
  /** Only these companies (tests); default every company. */
  tenantIds?: readonly string[];
};

export type DetectionResult = { proposed: number; linked: number };

const hourMs = 60 * 60 * 1000;
const system: Actor = { kind: 'system', id: null, name: '系统' };

/**
 * How far back a pass reads unlinked tickets: two windows, and at least two days, so a pass after
 * downtime still sees a cluster whose K-th report came in while no server was running.
 */
const lookbackMs = (windowHours: number) => Math.max(2 * windowHours, 48) * hourMs;

/** Links tickets to the incident and says so on both sides; returns how many it really claimed. */
async function attach(tx: Executor, incident: IncidentRow, ticketIds: string[], now: Date): Promise<number> {
  const claimed = await claimTickets(tx, incident.tenantId, incident.id, ticketIds);
  if (claimed.length === 0) return 0;
  for (const ticket of claimed) {
    await recordTicketEvent(
      tx,
      ticket,
      system,
      { kind: 'incident_linked', note: `已关联群体事件:${incident.title}`, data: { incidentId: incident.id, incidentKind: 'group' } },
      now,
    );
  }
  const latest = new Date(Math.max(...claimed.map((ticket) => ticket.reportedAt.getTime())));
  await extendIncidentEnd(tx, incident, latest, now);
  // A confirmed group incident makes its complaints 群体投诉 as they join.
  if (incident.status === 'confirmed') {
    await markJoiningComplaints(
      tx,
      incident.tenantId,
      claimed.map((ticket) => ticket.id),
    );
  }
  await recordIncidentEvent(
    tx,
    incident,
    systemActor,
    {
      kind: 'ticket_linked',
      note: `${claimed.length} 张工单已关联`,
      data: { ticketIds: claimed.map((ticket) => ticket.id), numbers: claimed.map((ticket) => ticket.number) },
    },
    now,
  );
  return claimed.length;
}

/** Proposes the incident of one cluster, or finds the one an earlier pass proposed for it. */
async function propose(
  tx: Executor,
  tenantId: string,
  cluster: GroupComplaintCluster,
  settings: DetectionSettings,
  now: Date,
): Promise<{ incident: IncidentRow; created: boolean }> {
  const detectionKey = `group:${cluster.projectId}:${cluster.categoryCode}:${cluster.from.toISOString()}`;
  const name = await categoryName(tx, tenantId, cluster.categoryCode);
  const created = await insertProposal(tx, {
    tenantId,
    projectId: cluster.projectId,
    kind: 'group',
    status: 'proposed',
    categoryCode: cluster.categoryCode,
    detectionKey,
    title: `疑似群体投诉:${name}(${cluster.householdIds.length} 户 ${settings.windowHours} 小时内反映)`,
    startsAt: cluster.from,
    endsAt: cluster.to,
    createdAt: now,
    updatedAt: now,
  });
  if (created) {
    // The project manager's alert: the console lists proposed incidents and this event names who it is for.
    await recordIncidentEvent(
      tx,
      created,
      systemActor,
      {
        kind: 'proposed',
        recipientRole: 'manager',
        note: `${cluster.householdIds.length} 户在 ${settings.windowHours} 小时内反映同类问题(${name}),请项目经理确认是否按群体投诉处理`,
        data: {
          households: cluster.householdIds.length,
          tickets: cluster.ticketIds.length,
          minimumHouseholds: settings.minimumHouseholds,
          windowHours: settings.windowHours,
        },
      },
      now,
    );
    return { incident: created, created: true };
  }
  const existing = await findIncidentByDetectionKey(tx, tenantId, detectionKey);
  return { incident: existing!, created: false };
}

async function detectForTenant(tx: Executor, tenantId: string, now: Date, settings: DetectionSettings): Promise<DetectionResult> {
  await lockDetection(tx, tenantId);
  const windowMs = settings.windowHours * hourMs;
  const since = new Date(now.getTime() - lookbackMs(settings.windowHours));
  const candidates = await unlinkedTickets(tx, tenantId, since);
  if (candidates.length === 0) return { proposed: 0, linked: 0 };
  const result: DetectionResult = { proposed: 0, linked: 0 };

  // Later reports join a group incident already open for their project and category and window.
  const open = await openGroupIncidents(tx, tenantId, new Date(since.getTime() - windowMs));
  const rest: Candidate[] = [];
  const lastReport = new Map(open.map((item) => [item.id, (item.endsAt ?? item.startsAt ?? item.createdAt).getTime()]));
  const joining = new Map<string, { incident: IncidentRow; ids: string[] }>();
  for (const ticket of candidates) {
    const time = ticket.reportedAt.getTime();
    const incident = open.find(
      (item) =>
        item.projectId === ticket.projectId &&
        item.categoryCode === ticket.categoryCode &&
        time >= (item.startsAt ?? item.createdAt).getTime() - windowMs &&
        time <= lastReport.get(item.id)! + windowMs,
    );
    if (!incident) {
      rest.push(ticket);
      continue;
    }
    lastReport.set(incident.id, Math.max(lastReport.get(incident.id)!, time));
    const entry = joining.get(incident.id) ?? { incident, ids: [] };
    entry.ids.push(ticket.id);
    joining.set(incident.id, entry);
  }
  for (const { incident, ids } of joining.values()) result.linked += await attach(tx, incident, ids, now);

  const clusters = findGroupComplaints(
    rest.map((ticket) => ({
      ...ticket,
      type: ticket.type as TicketType,
      status: ticket.status as TicketStatus,
      unitId: ticket.householdId,
    })),
    { minimumHouseholds: settings.minimumHouseholds, windowHours: settings.windowHours },
  );
  for (const cluster of clusters) {
    const { incident, created } = await propose(tx, tenantId, cluster, settings, now);
    if (created) result.proposed += 1;
    result.linked += await attach(tx, incident, cluster.ticketIds, now);
  }
  return result;
}

/**
 * One pass over every company (or those named): K and T from each company's settings unless the
 * options fix them. Called by the SLA timer after the sweep; idempotent, so any instance may run it.
 */
export async function detectGroupIncidents(db: Database, now: Date, options: DetectionOptions = {}): Promise<DetectionResult> {
  const tenantIds = options.tenantIds ?? (await allTenantIds(db));
  const total: DetectionResult = { proposed: 0, linked: 0 };
  for (const tenantId of tenantIds) {
    const stored = await readDetectionSettings(db, tenantId);
    const settings: DetectionSettings = {
      minimumHouseholds: options.minimumHouseholds ?? stored.minimumHouseholds,
      windowHours: options.windowHours ?? stored.windowHours,
    };
    const result = await db.transaction((tx) => detectForTenant(tx, tenantId, now, settings));
    total.proposed += result.proposed;
    total.linked += result.linked;
  }
  return total;
}
