import { categoryMatchesPrefix, type IncidentStatus } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { findHouseholdRow } from '../households/repository';
import { inScope, requirePermission, requireProjectScope, scopedProjectIds } from '../policy/policy';
import { findProjectRow } from '../projects/repository';
import { recordTicketEvent } from '../tickets/events';
import { findTicketListRow } from '../tickets/repository';
import { presentRows } from '../tickets/service';
import { companyCategories } from '../categories/repository';
import { coversBuilding, isActive, isUpcoming } from './active';
import { presentIncidentEvent, presentIncidents } from './presenter';
import {
  buildingsOfProject,
  deliverNotice,
  findIncidentRow,
  incidentEventsOf,
  insertIncident,
  linkedTicketIds,
  listIncidentRows,
  liveIncidentRows,
  markGroupComplaints,
  recordIncidentEvent,
  updateIncidentRow,
  type IncidentActor,
  type IncidentListRow,
  type IncidentRow,
} from './repository';
import type { IncidentDetail, IncidentFilter, IncidentInput, IncidentPatch, IncidentSummary } from '@manyi/contracts/incidents';
import { readDetectionSettings } from './settings';
import { fillTemplate, findTemplate, unknownPlaceholders } from './templates';
import { formatShanghai } from './time';
import { incidentMessages } from './vocabulary';
import { recordStaffText } from '../text-qa/record';

type Row = IncidentRow;

const actorOf = (context: Context): IncidentActor => ({ kind: 'staff', id: context.principal.staffId, name: context.principal.name });
const stale = () => new HttpProblem(409, 'incident_stale', incidentMessages.incident_stale);
const badTransition = () => new HttpProblem(409, 'incident_transition', incidentMessages.incident_transition);

async function incidentInScope(context: Context, id: string): Promise<Row> {
  const incident = await findIncidentRow(context.db, context.principal.tenantId, id);
  if (!incident || !inScope(context.principal, incident.projectId)) throw notFound();
  return incident;
}

async function summaryOf(context: Context, incident: Row): Promise<IncidentSummary> {
  const project = await findProjectRow(context.db, incident.tenantId, incident.projectId);
  const [summary] = await presentIncidents(context.db, incident.tenantId, [{ incident, projectName: project?.name ?? '' }], context.clock.now());
  return summary!;
}

export async function listIncidents(context: Context, filter: IncidentFilter): Promise<{ items: IncidentSummary[] }> {
  const projectIds = scopedProjectIds(context.principal, filter.projectId);
  if (projectIds?.length === 0) return { items: [] };
  const rows = await listIncidentRows(context.db, context.principal.tenantId, projectIds, filter);
  return { items: await presentIncidents(context.db, context.principal.tenantId, rows, context.clock.now()) };
}

export async function getIncident(context: Context, id: string): Promise<IncidentDetail> {
  const incident = await incidentInScope(context, id);
  const tenantId = incident.tenantId;
  const [summary, ticketIds, events] = await Promise.all([
    summaryOf(context, incident),
    linkedTicketIds(context.db, tenantId, id),
    incidentEventsOf(context.db, tenantId, id),
  ]);
  const rows = (await Promise.all(ticketIds.map((ticketId) => findTicketListRow(context.db, tenantId, ticketId)))).filter((row) => row !== undefined);
  return { ...summary, tickets: await presentRows(context.db, tenantId, rows, context.clock.now()), events: events.map(presentIncidentEvent) };
}

/**
 * What the console's create form shows while an agent takes a call: incidents in effect (or
 * announced and about to start) for the project, the caller's building and the category, each with
 * its call script. No building or category given: every such incident of the project. Tenant and
 * project must come from the caller's scope.
 */
export async function activeIncidentsFor(
  db: Executor,
  tenantId: string,
  projectId: string,
  buildingId?: string | null,
  categoryCode?: string | null,
  now: Date = new Date(),
): Promise<IncidentListRow[]> {
  const { windowHours } = await readDetectionSettings(db, tenantId);
  return (await liveIncidentRows(db, tenantId, projectId)).filter(
    ({ incident }) =>
      (isActive(incident, now, windowHours) || isUpcoming(incident, now)) &&
      (!buildingId || coversBuilding(incident, buildingId)) &&
      (!categoryCode || incident.categoryCode === null || categoryMatchesPrefix(categoryCode, incident.categoryCode)),
  );
}

export async function activeIncidents(
  context: Context,
  query: { projectId: string; householdId?: string | undefined; buildingId?: string | undefined; categoryCode?: string | undefined },
) {
  requireProjectScope(context.principal, query.projectId);
  let buildingId = query.buildingId;
  if (query.householdId) {
    const household = await findHouseholdRow(context.db, context.principal.tenantId, query.householdId);
    if (!household || household.projectId !== query.projectId) throw notFound();
    buildingId = household.buildingId;
  }
  const now = context.clock.now();
  const rows = await activeIncidentsFor(context.db, context.principal.tenantId, query.projectId, buildingId, query.categoryCode, now);
  return { items: await presentIncidents(context.db, context.principal.tenantId, rows, now) };
}

async function checkCategory(context: Context, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const category = (await companyCategories(context.db, context.principal.tenantId)).get(code);
  if (!category?.active) throw fieldProblem('categoryCode', incidentMessages.unknown_category);
}

async function checkBuildings(context: Context, projectId: string, ids: string[]) {
  const found = await buildingsOfProject(context.db, context.principal.tenantId, projectId, ids);
  if (found.length !== new Set(ids).size) throw fieldProblem('buildingIds', incidentMessages.unknown_building);
  return found;
}

function checkTimes(startsAt: Date | null, endsAt: Date | null | undefined): void {
  if (startsAt && endsAt && endsAt < startsAt) throw fieldProblem('endsAt', incidentMessages.ends_before_start);
}

/** Publishing: the notice goes to the affected buildings (提前告知), and the incident starts linking tickets. */
async function sendNotice(context: Context, tx: Executor, incident: Row, now: Date): Promise<void> {
  const delivered = await deliverNotice(tx, incident, context.principal.name, now);
  await recordIncidentEvent(tx, incident, actorOf(context), { kind: 'notice_published', note: `通知已发送给 ${delivered} 位住户`, data: { delivered } }, now);
}

/** A planned or emergency incident (停水, 停电, 电梯停运 …), from a template or written by hand. */
/** The notice owners read and the script stewards speak from are checked against the red lines (issue 17) when new or changed. */
async function checkOwnerTexts(tx: Executor, context: Context, incident: Row, before?: Row): Promise<void> {
  if (incident.noticeText.trim() && incident.noticeText !== before?.noticeText)
    await recordStaffText(tx, context, { sourceType: 'notice', sourceId: incident.id, text: incident.noticeText, projectId: incident.projectId });
  if (incident.callScript.trim() && incident.callScript !== before?.callScript)
    await recordStaffText(tx, context, { sourceType: 'script', sourceId: incident.id, text: incident.callScript, projectId: incident.projectId });
}

export async function createIncident(context: Context, input: IncidentInput): Promise<IncidentDetail> {
  requirePermission(context.principal, 'incident.manage');
  const tenantId = context.principal.tenantId;
  requireProjectScope(context.principal, input.projectId);
  const project = await findProjectRow(context.db, tenantId, input.projectId);
  if (!project) throw notFound();
  const template = input.templateCode ? findTemplate(input.templateCode) : undefined;
  if (input.templateCode && !template) throw fieldProblem('templateCode', incidentMessages.unknown_template);
  const categoryCode = input.categoryCode !== undefined ? input.categoryCode : (template?.categoryCode ?? null);
  await checkCategory(context, categoryCode);
  const affected = await checkBuildings(context, input.projectId, input.buildingIds);
  checkTimes(input.startsAt, input.endsAt);
  const values = {
    项目: project.name,
    楼栋: affected.length > 0 ? affected.map((building) => `${building.name}栋`).join('、') : '全小区',
    开始时间: formatShanghai(input.startsAt),
    ...(input.endsAt && { 结束时间: formatShanghai(input.endsAt) }),
    ...(input.reason && { 原因: input.reason }),
    ...(project.hotline && { 服务热线: project.hotline }),
  };
  // The author's own text is filled like a template's, and one naming a placeholder nothing fills is
  // refused here rather than reaching owners in braces (issue 15 §1).
  for (const field of ['title', 'callScript', 'noticeText'] as const) {
    if (unknownPlaceholders(input[field] ?? '').length > 0) throw fieldProblem(field, incidentMessages.unknown_placeholder);
  }
  const fill = (own: string | undefined, fromTemplate: string | undefined) => {
    const text = own ?? fromTemplate;
    return text ? fillTemplate(text, values) : '';
  };
  const title = fill(input.title, template?.title);
  if (!title) throw fieldProblem('title', { 'zh-CN': '请填写标题或选择模板', 'en-US': 'Give a title or choose a template' });
  const now = context.clock.now();
  const id = await context.db.transaction(async (tx) => {
    const created = await insertIncident(tx, {
      tenantId,
      projectId: input.projectId,
      kind: input.kind,
      status: input.publish ? 'published' : 'draft',
      publishedAt: input.publish ? now : null,
      title,
      categoryCode,
      callScript: fill(input.callScript, template?.callScript),
      noticeText: fill(input.noticeText, template?.noticeText),
      buildingIds: affected.map((building) => building.id),
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      createdById: context.principal.staffId,
      createdAt: now,
      updatedAt: now,
    });
    await recordIncidentEvent(tx, created, actorOf(context), { kind: 'created', data: { templateCode: input.templateCode ?? null } }, now);
    if (input.publish) await sendNotice(context, tx, created, now);
    await recordAudit(tx, context, { action: 'create', entityType: 'incident', entityId: created.id, summary: `登记事件 ${title}`, after: created });
    await checkOwnerTexts(tx, context, created);
    return created.id;
  });
  return getIncident(context, id);
}

/** Guards and writes one status change with its event and audit row. */
async function changeStatus(
  context: Context,
  id: string,
  allowed: { kinds: string[]; from: IncidentStatus[] },
  to: IncidentStatus,
  event: { kind: string; note?: string },
  after?: (tx: Executor, incident: Row, now: Date) => Promise<void>,
): Promise<IncidentDetail> {
  requirePermission(context.principal, 'incident.manage');
  const before = await incidentInScope(context, id);
  if (!allowed.kinds.includes(before.kind) || !allowed.from.includes(before.status as IncidentStatus)) throw badTransition();
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const set: Partial<Row> = { status: to };
    if (to === 'published') set.publishedAt = now;
    if (to === 'closed') Object.assign(set, { closedAt: now, ...(before.kind !== 'group' && !before.endsAt && { endsAt: now }) });
    const incident = await updateIncidentRow(tx, before, set, now);
    if (!incident) throw stale();
    await recordIncidentEvent(tx, incident, actorOf(context), { kind: event.kind, note: event.note ?? '' }, now);
    if (after) await after(tx, incident, now);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'incident',
      entityId: id,
      summary: `事件 ${before.title}:${before.status} → ${to}`,
      before: { status: before.status },
      after: set,
    });
  });
  return getIncident(context, id);
}

/** The project manager agrees it is a group complaint: its complaints become 群体投诉 and escalate on the urgent ladder. */
export const confirmIncident = (context: Context, id: string, note: string) =>
  changeStatus(context, id, { kinds: ['group'], from: ['proposed'] }, 'confirmed', { kind: 'confirmed', note }, async (tx, incident, now) => {
    const changed = await markGroupComplaints(tx, incident.tenantId, incident.id, now);
    for (const ticket of changed) {
      await recordTicketEvent(
        tx,
        ticket,
        { kind: 'staff', id: context.principal.staffId, name: context.principal.name },
        {
          kind: 'complaint_scope_group',
          note: `已确认为群体投诉(${incident.title})`,
          data: { incidentId: incident.id },
        },
        now,
      );
    }
  });

/** Not a group complaint after all; the tickets stay linked so the same reports are not proposed again. */
export const dismissIncident = (context: Context, id: string, note: string) =>
  changeStatus(context, id, { kinds: ['group'], from: ['proposed'] }, 'dismissed', { kind: 'dismissed', note });

export const publishIncident = (context: Context, id: string) =>
  changeStatus(context, id, { kinds: ['planned', 'emergency'], from: ['draft'] }, 'published', { kind: 'published' }, (tx, incident, now) =>
    sendNotice(context, tx, incident, now),
  );

export const closeIncident = (context: Context, id: string, note: string) =>
  changeStatus(context, id, { kinds: ['group', 'planned', 'emergency'], from: ['confirmed', 'draft', 'published'] }, 'closed', { kind: 'closed', note });

const finished: readonly IncidentStatus[] = ['closed', 'dismissed'];

/**
 * Corrections while the incident is live: wording, times, category, buildings. A published outage
 * that gains buildings sends its notice to the newly covered people (receipts are once per person).
 */
export async function updateIncident(context: Context, id: string, input: IncidentPatch): Promise<IncidentDetail> {
  requirePermission(context.principal, 'incident.manage');
  const before = await incidentInScope(context, id);
  if (finished.includes(before.status as IncidentStatus)) throw new HttpProblem(409, 'incident_finished', incidentMessages.incident_finished);
  if (input.version !== undefined && input.version !== before.version) throw stale();
  const { version: _version, buildingIds, ...fields } = input;
  if (fields.categoryCode !== undefined) await checkCategory(context, fields.categoryCode);
  for (const field of ['title', 'callScript', 'noticeText'] as const) {
    if (unknownPlaceholders(fields[field] ?? '').length > 0) throw fieldProblem(field, incidentMessages.unknown_placeholder);
  }
  const set: Partial<Row> = { ...fields };
  if (buildingIds !== undefined) {
    if (before.kind === 'group') throw fieldProblem('buildingIds', incidentMessages.incident_transition);
    set.buildingIds = (await checkBuildings(context, before.projectId, buildingIds)).map((building) => building.id);
  }
  checkTimes(set.startsAt ?? before.startsAt, set.endsAt === undefined ? before.endsAt : set.endsAt);
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const after = await updateIncidentRow(tx, before, set, now);
    if (!after) throw stale();
    await recordIncidentEvent(tx, after, actorOf(context), { kind: 'edited', data: { fields: Object.keys(input).filter((key) => key !== 'version') } }, now);
    if (after.status === 'published' && buildingIds !== undefined) await sendNotice(context, tx, after, now);
    await recordAudit(tx, context, { action: 'update', entityType: 'incident', entityId: id, summary: `修改事件 ${before.title}`, before, after });
    await checkOwnerTexts(tx, context, after, before);
  });
  return getIncident(context, id);
}
