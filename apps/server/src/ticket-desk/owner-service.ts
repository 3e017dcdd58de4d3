import type { TicketStatus } from '@manyi/core';
import { tickets, type Executor } from '@manyi/db';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import type { OwnerPrincipal } from '../http/principal';
import { presentVisit } from '../visits/presenter';
import { visitsOf } from '../visits/repository';
import { recordVisit } from '../visits/service';
import type { ownerConfirmBody, ownerRejectBody } from '@manyi/contracts/visits';
import { attachmentsOf } from '../tickets/attachments';
import { ownerResidents } from '../tickets/owner-repository';
import type { ownerTicketDetail, ownerTicketSummary } from '@manyi/contracts/owner-tickets';
import { presentSummary } from '../tickets/presenter';
import { findTicketListRow, findTicketRow, listTickets, ticketEventsOf, type TicketListRow, type TicketRow } from '../tickets/repository';
import { companyCategories } from '../categories/repository';

type OwnerContext = Context<OwnerPrincipal>;

/**
 * One ticket of the owner's households, or 404. A household's tickets belong to all its members: the
 * hotline often logs a call without naming who rang (reporter null), and the family still follows it.
 * reporterId is the resident who reported it when that is the signed-in owner (only they confirm it).
 */
export async function ownerTicket(context: OwnerContext, id: string, db: Executor = context.db): Promise<{ ticket: TicketRow; reporterId: string | null }> {
  const residents = await ownerResidents(db, context.principal);
  const ticket = await findTicketRow(db, context.principal.tenantId, id);
  if (!ticket) throw notFound();
  const reporter = residents.find((person) => person.id === ticket.reporterPersonId);
  const household = residents.some((person) => person.householdId === ticket.householdId);
  if (!reporter && !household) throw notFound();
  return { ticket, reporterId: reporter?.id ?? null };
}

/** Whose tickets an owner sees: their own reports anywhere, and every ticket of the households they live in. */
function householdTickets(tenantId: string, residents: { id: string; householdId: string }[]) {
  return and(
    eq(tickets.tenantId, tenantId),
    or(
      inArray(
        tickets.reporterPersonId,
        residents.map((person) => person.id),
      ),
      inArray(tickets.householdId, [...new Set(residents.map((person) => person.householdId))]),
    ),
  );
}

async function presentOwnerSummaries(context: OwnerContext, rows: TicketListRow[]): Promise<z.infer<typeof ownerTicketSummary>[]> {
  const categories = await companyCategories(context.db, context.principal.tenantId, context.principal.settingsVersion);
  const now = context.clock.now();
  return rows.map((row) => {
    const summary = presentSummary(row, new Map(), categories, now);
    return {
      id: summary.id,
      number: summary.number,
      type: summary.type,
      status: summary.status,
      title: summary.title,
      categoryName: summary.categoryName,
      householdLabel: summary.householdLabel,
      reportedAt: summary.reportedAt,
      updatedAt: summary.updatedAt,
    };
  });
}

export async function listOwnerTickets(context: OwnerContext, query: { cursor?: string | undefined; limit: number }) {
  const residents = await ownerResidents(context.db, context.principal);
  if (residents.length === 0) return { items: [], nextCursor: null };
  const [after] = decodeCursor(query.cursor, 1) ?? [];
  const conditions = householdTickets(context.principal.tenantId, residents);
  const rows = await listTickets(context.db, conditions, after === undefined ? null : String(after), query.limit);
  const page = toPage(rows, query.limit, (row) => [row.ticket.id]);
  return { items: await presentOwnerSummaries(context, page.items), nextCursor: page.nextCursor };
}

export async function getOwnerTicket(context: OwnerContext, id: string): Promise<z.infer<typeof ownerTicketDetail>> {
  const { ticket, reporterId } = await ownerTicket(context, id);
  const [row, events, attachments, visits] = await Promise.all([
    findTicketListRow(context.db, ticket.tenantId, id),
    ticketEventsOf(context.db, ticket.tenantId, id, true),
    attachmentsOf(context.db, ticket),
    visitsOf(context.db, ticket.tenantId, id),
  ]);
  const [summary] = await presentOwnerSummaries(context, [row!]);
  const rating = visits.filter((visit) => visit.outcome === 'confirmed' && visit.csat !== null).at(-1);
  return {
    ...summary!,
    description: ticket.description,
    location: ticket.location,
    holdReason: ticket.holdReason,
    holdUntil: ticket.holdUntil,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    events: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      toStatus: event.toStatus as TicketStatus | null,
      note: event.note,
      // Staff appear by role and name (客服管家 王丽), the way the owner meets them.
      actorName: event.actorKind === 'staff' ? `物业 ${event.actorName}` : event.actorName,
      at: event.at,
    })),
    attachments,
    canConfirm: ticket.status === 'resolved' && reporterId !== null,
    rating: rating ? { csat: presentVisit(rating, '').csat!, comment: rating.comment, at: rating.at } : null,
  };
}

/** 回访 on the phone: the owner confirms with a rating (→ visited) or rejects with a reason (→ reopened). */
export async function answerResolution(
  context: OwnerContext,
  id: string,
  answer: { confirm: z.infer<typeof ownerConfirmBody> } | { reject: z.infer<typeof ownerRejectBody> },
) {
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const { ticket, reporterId } = await ownerTicket(context, id, tx);
    // Confirming speaks for the reporter (the state machine checks it); another member sees the ticket only.
    if (!reporterId) throw notFound();
    const actor = { kind: 'owner' as const, personId: reporterId };
    const visit =
      'confirm' in answer
        ? { method: 'h5' as const, outcome: 'confirmed' as const, ...answer.confirm }
        : { method: 'h5' as const, outcome: 'rejected' as const, comment: answer.reject.comment };
    await recordVisit(tx, context, ticket, actor, visit, now);
  });
  return getOwnerTicket(context, id);
}
