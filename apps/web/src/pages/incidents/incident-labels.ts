import type { IncidentKind, IncidentStatus } from '@manyi/core';

/** Tag colours per kind and status, the same in the list, the drawer and the ticket banner. */
export const incidentKindColours: Record<IncidentKind, string> = { group: 'volcano', planned: 'blue', emergency: 'red' };

export const incidentStatusColours: Record<IncidentStatus, string> = {
  proposed: 'orange',
  confirmed: 'red',
  dismissed: 'default',
  draft: 'default',
  published: 'processing',
  closed: 'green',
};
