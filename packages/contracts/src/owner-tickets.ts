import { ticketStatuses, ticketTypes } from '@manyi/core';
import { z } from 'zod';
import { pageQuery } from './pagination';
import { attachment } from './tickets';

/** What an owner reports from the phone; the project follows from the household. */
export const ownerTicketBody = z.object({
  householdId: z.uuid(),
  type: z.enum(ticketTypes.values),
  categoryCode: z.string().trim().min(1).max(100).nullable().optional(),
  title: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().min(1).max(2000),
  location: z.string().trim().max(200).optional(),
});

export const ownerTicketQuery = z.object({ ...pageQuery });

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const ownerTicketSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.enum(ticketTypes.values),
  status: z.enum(ticketStatuses.values),
  title: z.string(),
  categoryName: label.nullable(),
  householdLabel: z.string().nullable(),
  reportedAt: z.date(),
  updatedAt: z.date(),
});

export const ownerTicketDetail = ownerTicketSummary.extend({
  description: z.string(),
  location: z.string(),
  holdReason: z.string().nullable(),
  holdUntil: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  /** Only what the owner should see: status changes and progress updates, never internal notes. */
  events: z.array(
    z.object({ id: z.uuid(), kind: z.string(), toStatus: z.enum(ticketStatuses.values).nullable(), note: z.string(), actorName: z.string(), at: z.date() }),
  ),
  attachments: z.array(attachment),
  /** The owner may confirm (with a rating) or reject the result while the ticket is resolved. */
  canConfirm: z.boolean(),
  rating: z.object({ csat: z.number(), comment: z.string(), at: z.date() }).nullable(),
});
