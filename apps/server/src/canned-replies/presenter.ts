import type { TicketType } from '@manyi/core';
import type { CannedReplyRow } from './repository';

export const presentCannedReply = (row: CannedReplyRow) => ({
  id: row.id,
  ticketType: row.ticketType as TicketType | null,
  title: row.title,
  body: row.body,
  createdAt: row.createdAt,
});
