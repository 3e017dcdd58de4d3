import type { AgeingBucket, Label } from '@manyi/core';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { TicketSummary } from './ticket-types';

/** GET /tickets/ageing (apps/server/src/incidents/ageing.ts): open tickets by days since the owner reported them. */
export type AgeingReport = {
  total: number;
  buckets: { bucket: AgeingBucket; label: Label; count: number; oldest: TicketSummary[] }[];
};

/** Under the tickets key, so any ticket change (a resolve, a new ticket) refreshes the report too. */
export function useTicketAgeing(filters: { projectId: string | undefined; categoryCode: string | undefined; oldest: number }) {
  return useQuery({
    queryKey: ['tickets', 'ageing', filters],
    queryFn: ({ signal }) => api.get<AgeingReport>('/tickets/ageing', filters, signal),
  });
}
