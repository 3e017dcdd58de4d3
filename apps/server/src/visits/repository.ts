import { returnVisits, type Executor } from '@manyi/db';
import { and, asc, eq } from 'drizzle-orm';

export type ReturnVisitRow = typeof returnVisits.$inferSelect;

export async function visitsOf(db: Executor, tenantId: string, ticketId: string): Promise<ReturnVisitRow[]> {
  return db.select().from(returnVisits).where(and(eq(returnVisits.tenantId, tenantId), eq(returnVisits.ticketId, ticketId))).orderBy(asc(returnVisits.at), asc(returnVisits.id));
}

export function presentVisit(row: ReturnVisitRow, visitorName: string) {
  return {
    id: row.id, method: row.method as 'phone' | 'visit' | 'h5', outcome: row.outcome as 'confirmed' | 'rejected' | 'no_answer', csat: row.csat,
    peakMoment: row.peakMoment, endMoment: row.endMoment, comment: row.comment, visitorKind: row.visitorKind as 'staff' | 'owner', visitorName, at: row.at,
  };
}
