import { shanghaiDate, shanghaiMidnight, type Label, type TicketStatus } from '@manyi/core';
import { tickets, type Executor } from '@manyi/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import type { OwnerPrincipal } from '../policy/principal';
import { presentVisit, visitsOf } from '../visits/repository';
import { recordVisit } from '../visits/service';
import type { ownerConfirmBody, ownerRejectBody } from '@manyi/contracts/visits';
import { attachmentsOf } from './attachments';
import { ticketMessages } from './messages';
import { countOwnerTicketsSince, ownerResidents } from './owner-repository';
import type { ownerTicketBody, ownerTicketDetail, ownerTicketSummary } from '@manyi/contracts/owner-tickets';
import { presentSummary } from './presenter';
import { findTicketListRow, findTicketRow, listTickets, ticketEventsOf, type TicketListRow, type TicketRow } from './repository';
import { deskSettings } from './desk-settings';
import { categoryMap, insertTicket, prepareReceipt } from './service';

type OwnerContext = Context<OwnerPrincipal>;

/** Abuse limit of the H5 page: tickets per owner per Shanghai day. Ten is far above what a household really files. */
export const ownerDailyTicketLimit = 10;

const dailyLimitReached: Label = {
  'zh-CN': `您今天已提交 ${ownerDailyTicketLimit} 条报事,已达每日上限。如有紧急情况,请直接拨打物业服务中心电话。`,
  'en-US': `You have submitted ${ownerDailyTicketLimit} reports today, the daily limit. For an emergency, please call the service centre.`,
};

/** One of the owner's own tickets, or 404. */
export async function ownerTicket(context: OwnerContext, id: string, db: Executor = context.db): Promise<{ ticket: TicketRow; reporterId: string }> {
  const residents = await ownerResidents(db, context.principal);
  const ticket = await findTicketRow(db, context.principal.tenantId, id);
  if (!ticket?.reporterPersonId || !residents.some((person) => person.id === ticket.reporterPersonId)) throw notFound();
  return { ticket, reporterId: ticket.reporterPersonId };
}

async function presentOwnerSummaries(context: OwnerContext, rows: TicketListRow[]): Promise<z.infer<typeof ownerTicketSummary>[]> {
  const categories = await categoryMap(context.db, context.principal.tenantId, context.principal.settingsVersion);
  const now = context.clock.now();
  return rows.map((row) => {
    const summary = presentSummary(row, new Map(), categories, now);
    return {
      id: summary.id, number: summary.number, type: summary.type, status: summary.status, title: summary.title, categoryName: summary.categoryName,
      householdLabel: summary.householdLabel, reportedAt: summary.reportedAt, updatedAt: summary.updatedAt,
    };
  });
}

export async function reportIssue(context: OwnerContext, input: z.infer<typeof ownerTicketBody>) {
  const tenantId = context.principal.tenantId;
  const residents = await ownerResidents(context.db, context.principal);
  const reporter = residents.find((person) => person.householdId === input.householdId);
  if (!reporter) throw fieldProblem('householdId', ticketMessages.unknown_household);
  const settings = await deskSettings(context.db, tenantId, context.principal.settingsVersion);
  const category = input.categoryCode ? settings.categories.get(input.categoryCode) : undefined;
  if (input.categoryCode && !category?.active) throw fieldProblem('categoryCode', ticketMessages.unknown_category);
  const now = context.clock.now();
  const today = shanghaiMidnight(shanghaiDate(now));
  const underDailyLimit = async (db: Executor) => {
    if (await countOwnerTicketsSince(db, tenantId, residents.map((person) => person.id), today) >= ownerDailyTicketLimit) {
      throw new HttpProblem(429, 'owner_ticket_limit', dailyLimitReached);
    }
  };
  // Checked before a number is taken (no number wasted on a refusal) and again inside the transaction (two requests at once).
  await underDailyLimit(context.db);
  const receipt = await prepareReceipt(context.db, {
    tenantId, type: input.type, projectId: reporter.projectId, householdId: reporter.householdId, categoryCode: input.categoryCode ?? null, reopenCount: 0, reportedAt: now,
  }, now, { settings });
  const ticket = await context.db.transaction(async (tx) => {
    await underDailyLimit(tx);
    return insertTicket(tx, context, {
      tenantId, projectId: reporter.projectId, type: input.type, channel: 'owner_h5', priority: 'normal',
      categoryCode: input.categoryCode ?? null, complaintScope: input.type === 'complaint' ? 'individual' : null,
      title: input.title ?? category?.nameZh ?? input.description.slice(0, 30), description: input.description, location: input.location ?? '',
      householdId: reporter.householdId, reporterPersonId: reporter.id, reporterName: reporter.name, reporterPhone: reporter.phone,
      // Nobody has taken it yet: the first staff member who accepts it becomes its first receiver.
      firstReceiverId: null, accountableId: null,
    }, now, receipt);
  });
  return getOwnerTicket(context, ticket.id);
}

export async function listOwnerTickets(context: OwnerContext, query: { cursor?: string | undefined; limit: number }) {
  const residents = await ownerResidents(context.db, context.principal);
  if (residents.length === 0) return { items: [], nextCursor: null };
  const [after] = decodeCursor(query.cursor, 1) ?? [];
  const conditions = and(eq(tickets.tenantId, context.principal.tenantId), inArray(tickets.reporterPersonId, residents.map((person) => person.id)));
  const rows = await listTickets(context.db, conditions, after === undefined ? null : String(after), query.limit);
  const page = toPage(rows, query.limit, (row) => [row.ticket.id]);
  return { items: await presentOwnerSummaries(context, page.items), nextCursor: page.nextCursor };
}

export async function getOwnerTicket(context: OwnerContext, id: string): Promise<z.infer<typeof ownerTicketDetail>> {
  const { ticket } = await ownerTicket(context, id);
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
    description: ticket.description, location: ticket.location, holdReason: ticket.holdReason, holdUntil: ticket.holdUntil,
    resolvedAt: ticket.resolvedAt, closedAt: ticket.closedAt,
    events: events.map((event) => ({
      id: event.id, kind: event.kind, toStatus: event.toStatus as TicketStatus | null, note: event.note,
      // Staff appear by role and name (客服管家 王丽), the way the owner meets them.
      actorName: event.actorKind === 'staff' ? `物业 ${event.actorName}` : event.actorName, at: event.at,
    })),
    attachments,
    canConfirm: ticket.status === 'resolved',
    rating: rating ? { csat: presentVisit(rating, '').csat!, comment: rating.comment, at: rating.at } : null,
  };
}

/** 回访 on the phone: the owner confirms with a rating (→ visited) or rejects with a reason (→ reopened). */
export async function answerResolution(context: OwnerContext, id: string, answer: { confirm: z.infer<typeof ownerConfirmBody> } | { reject: z.infer<typeof ownerRejectBody> }) {
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const { ticket, reporterId } = await ownerTicket(context, id, tx);
    const actor = { kind: 'owner' as const, personId: reporterId };
    const visit = 'confirm' in answer
      ? { method: 'h5' as const, outcome: 'confirmed' as const, ...answer.confirm }
      : { method: 'h5' as const, outcome: 'rejected' as const, comment: answer.reject.comment };
    await recordVisit(tx, context, ticket, actor, visit, now);
  });
  return getOwnerTicket(context, id);
}

