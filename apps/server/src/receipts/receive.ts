/**
 * One receipt for every way a ticket is born: the console hotline (console.ts), the owner's H5
 * page (owner.ts), survey follow-ups (survey-followups/pass.ts), and any later channel.
 * Read it top to bottom: check what needs no database, read the place and check it, detect
 * repeats and incidents, take the number, then in one transaction set the SLA clocks and write the
 * ticket with its events, the owner's timeline entry and the audit row. A refusal leaves nothing
 * and takes no number; a failure while writing leaves no row (only a gap in the day's numbers).
 */
import { formatTicketNumber, shanghaiDate, type TicketType } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { auditRowBy } from '../audit/record';
import { companyCategories } from '../categories/repository';
import type { Clock } from '../clock';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { companyDetectionSettings } from '../incidents/settings';
import type { Principal } from '../http/principal';
import { actorOf, ticketEventRows, timelineTitle, type Actor } from '../tickets/events';
import { placementFrom } from '../tickets/placement';
import type { TicketRow } from '../tickets/repository';
import type { TicketInput } from '@manyi/contracts/tickets';
import { receiptDeadlines, slaInputsOf } from '../tickets/sla-port';
import { timelineRow } from '../timeline/repository';
import { findingRows, receiptFindings, repeatWindowStart } from './checks';
import { earlierReports, extendGroupWindow, findPlace, insertReceiptRecords, insertTicketRow, liveIncidentsOfProject, nextSequence } from './repository';

/**
 * Who hands a report in: a staff member at the console (who becomes its first receiver, 首问负责),
 * an owner on the H5 page, or the system (a survey answer that asks for service recovery). The
 * settings version is the one the session read, when there is a session.
 */
export type ReceiptCall = {
  db: Executor;
  clock: Clock;
  tenantId: string;
  receiver: Actor;
  settingsVersion?: number | undefined;
  requestId: string;
  ip: string;
};

/** The call of a signed-in staff member or owner. */
export function receiptCallOf(context: Context<Principal>): ReceiptCall {
  return {
    db: context.db,
    clock: context.clock,
    tenantId: context.principal.tenantId,
    receiver: actorOf(context),
    settingsVersion: context.principal.settingsVersion,
    requestId: context.requestId,
    ip: context.ip,
  };
}

export type Received = {
  ticket: TicketRow;
  /** Names read with the place, for presenting the ticket without reading it again. */
  place: { projectName: string; buildingName: string | null; unitName: string | null; room: string | null };
};

export async function receiveTicket(call: ReceiptCall, input: TicketInput): Promise<Received> {
  const { tenantId, receiver } = call;
  const now = call.clock.now();
  // Company configuration comes from memory while its version stands (company-version/cache.ts).
  const categories = await companyCategories(call.db, tenantId, call.settingsVersion);
  const sla = await slaInputsOf(call.db, tenantId, call.settingsVersion);
  const detection = await companyDetectionSettings(call.db, tenantId, call.settingsVersion);
  // Category and complaint scope need no database: refuse them before anything is read or locked.
  placementFrom(input.projectId, input.type, { categoryCode: input.categoryCode, complaintScope: input.complaintScope }, categories, undefined, undefined);

  // The reads: where the report belongs, the household's earlier reports, the project's live incidents.
  const place = await findPlace(call.db, tenantId, input.projectId, input.reporterPersonId ?? null, input.householdId ?? null);
  if (!place) throw notFound();
  const placement = placementFrom(input.projectId, input.type, input, categories, place.person, place.household);
  const householdId = placement.householdId ?? null;
  const categoryCode = placement.categoryCode ?? null;
  // The place read follows the household named, else the reporter's: the ticket's household.
  const household = place.household?.id === householdId ? place.household : undefined;
  const draft = { type: input.type, projectId: input.projectId, householdId, categoryCode, reportedAt: now, buildingId: household?.buildingId ?? null };
  const earlier = householdId && categoryCode ? await earlierReports(call.db, tenantId, householdId, categoryCode, repeatWindowStart(now), now) : [];
  const liveIncidents = categoryCode ? await liveIncidentsOfProject(call.db, tenantId, input.projectId) : [];
  const findings = receiptFindings(draft, earlier, liveIncidents, detection.windowHours);

  // The number, in its own short statement once every check has passed: the day's counter row is
  // locked for one upsert, not for a whole receipt, so calls to one project do not queue behind
  // each other's writes. A receipt that fails after this leaves a gap in the day's numbers, as at
  // any numbering desk; a refusal above takes none.
  const sequence = await nextSequence(call.db, tenantId, input.projectId, shanghaiDate(now));

  return call.db.transaction(async (tx) => {
    const fields = {
      tenantId,
      projectId: input.projectId,
      type: input.type,
      channel: input.channel,
      priority: input.priority,
      categoryCode,
      reportedAt: now,
    };
    // 首问负责 (seed 003): the staff member who takes the call owns it until someone accepts a handover;
    // a report from an owner or the system waits for the first staff member who accepts it.
    const staffReceiver = receiver.kind === 'staff' ? receiver.id : null;
    const ticket = await insertTicketRow(tx, {
      ...fields,
      ...placement,
      ...findings.set,
      ...receiptDeadlines(fields, sla),
      number: formatTicketNumber(input.type as TicketType, now, sequence),
      status: 'new',
      complaintScope: findings.set.complaintScope ?? (input.type === 'complaint' ? (input.complaintScope ?? 'individual') : null),
      title: input.title,
      description: input.description,
      location: input.location ?? '',
      firstReceiverId: staffReceiver,
      accountableId: staffReceiver,
      createdAt: now,
      updatedAt: now,
    });

    const created = ticketEventRows(
      ticket,
      receiver,
      {
        kind: 'created',
        toStatus: 'new',
        visibleToOwner: true,
        timeline: timelineTitle(ticket, '已登记'),
        data: { channel: ticket.channel },
      },
      now,
    );
    const found = findingRows(ticket, findings, now);
    const events = [created, ...found.events];
    await insertReceiptRecords(tx, {
      events: events.map((rows) => rows.event),
      timeline: events.flatMap((rows) => (rows.timeline ? [timelineRow(rows.timeline)] : [])),
      audit: auditRowBy(
        tenantId,
        receiver,
        { action: 'create', entityType: 'ticket', entityId: ticket.id, summary: `登记工单 ${ticket.number} ${ticket.title}`, after: ticket },
        now,
        { requestId: call.requestId, ip: call.ip },
      ),
      incidentEvents: found.incidentEvents,
    });
    if (findings.incident?.kind === 'group') await extendGroupWindow(tx, findings.incident, now, now);

    return {
      ticket,
      place: {
        projectName: place.project.name,
        buildingName: household?.buildingName ?? null,
        unitName: household?.unitName ?? null,
        room: household?.room ?? null,
      },
    };
  });
}
