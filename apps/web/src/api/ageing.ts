import type { ageingReportView } from '@manyi/contracts/incidents';
import type { Received } from '@manyi/contracts/wire';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** GET /tickets/ageing (apps/server/src/incidents/ageing.ts): open tickets by days since the owner reported them. */
export type AgeingReport = Received<typeof ageingReportView>;

/** Under the tickets key, so any ticket change (a resolve, a new ticket) refreshes the report too. */
export function useTicketAgeing(filters: { projectId: string | undefined; categoryCode: string | undefined; oldest: number }) {
  return useQuery({
    queryKey: ['tickets', 'ageing', filters],
    queryFn: ({ signal }) => api.get<AgeingReport>('/tickets/ageing', filters, signal),
  });
}
