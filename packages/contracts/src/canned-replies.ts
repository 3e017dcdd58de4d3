import { ticketTypes } from '@manyi/core';
import { z } from 'zod';

export const cannedReplyBody = z.object({
  ticketType: z.enum(ticketTypes.values).nullable().optional(),
  title: z.string().trim().min(1).max(50),
  body: z.string().trim().min(1).max(1000),
});
export const cannedReplyPatch = cannedReplyBody.partial();
export const cannedReplyQuery = z.object({ ticketType: z.enum(ticketTypes.values).optional() });

export const cannedReply = z.object({
  id: z.uuid(),
  ticketType: z.enum(ticketTypes.values).nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.date(),
});
