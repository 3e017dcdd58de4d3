import type { ReturnVisitRow } from './repository';

export function presentVisit(row: ReturnVisitRow, visitorName: string) {
  return {
    id: row.id,
    method: row.method as 'phone' | 'visit' | 'h5',
    outcome: row.outcome as 'confirmed' | 'rejected' | 'no_answer',
    csat: row.csat,
    peakMoment: row.peakMoment,
    endMoment: row.endMoment,
    peakRating: row.peakRating,
    endRating: row.endRating,
    comment: row.comment,
    visitorKind: row.visitorKind as 'staff' | 'owner',
    visitorName,
    at: row.at,
  };
}
