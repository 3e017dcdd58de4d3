import type { SlaState, TicketStatus, TicketType } from '@manyi/core';

/** One colour per status and type, the same in the queue, the detail and the owner's phone. */
export const statusColours: Record<TicketStatus, string> = {
  new: 'blue',
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'processing',
  on_hold: 'warning',
  resolved: 'lime',
  visited: 'green',
  closed: 'default',
  reopened: 'volcano',
  cancelled: 'default',
  merged: 'default',
};

export const typeColours: Record<TicketType, string> = {
  repair: 'blue',
  complaint: 'red',
  inquiry: 'cyan',
  suggestion: 'purple',
  praise: 'gold',
  common_area: 'orange',
};

/** Risk colours of an SLA clock: green on track, orange due soon, red overdue. */
export const slaColours: Record<SlaState, string> = { ok: '#52c41a', warning: '#fa8c16', breached: '#f5222d' };
