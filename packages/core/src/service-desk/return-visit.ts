/**
 * Which resolved tickets owe a return visit (回访, issue 3 §8): every complaint, and a share of
 * repairs and of the other types that the company chooses. The choice is a pure function of the
 * ticket id, so the same ticket always gets the same answer (a re-resolved ticket, a recomputed
 * deadline, a test) and the sample is spread evenly over time without any stored counter.
 */
import { type TicketType } from './vocabulary';

/** Shares between 0 (never) and 1 (always) of resolved tickets that owe a return visit. */
export type ReturnVisitPolicy = {
  /** Always 1: every complaint gets a return visit (seed 001 第三讲; DESIGN §1). */
  complaintShare: number;
  repairShare: number;
  /** Inquiries, suggestions, praise and common-area reports. */
  otherShare: number;
};

/**
 * Until a company chooses otherwise, every resolved ticket owes a visit, as before the policy was
 * configurable; the common standard for repairs is a 100% 回访率 and a company lowers it knowingly.
 */
export const defaultReturnVisitPolicy: ReturnVisitPolicy = { complaintShare: 1, repairShare: 1, otherShare: 1 };

/**
 * 32-bit FNV-1a of a string's UTF-16 code units (ids are ASCII, so the same as of its bytes).
 * Published test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Where the ticket falls in [0, 1): the sample takes the tickets below the share. */
export function sampleFraction(ticketId: string): number {
  return fnv1a32(ticketId) / 2 ** 32;
}

export type ReturnVisitCandidate = { id: string; type: TicketType; reopenCount: number };

/**
 * Whether a ticket that is being resolved owes a return visit. Complaints always do, whatever is
 * stored. So does a ticket that has been reopened: the owner already said once that the work was
 * not done, and only a visit tells whether it is now (seed 001 案例一).
 */
export function requiresReturnVisit(ticket: ReturnVisitCandidate, policy: ReturnVisitPolicy): boolean {
  if (ticket.type === 'complaint' || ticket.reopenCount > 0) return true;
  const share = ticket.type === 'repair' ? policy.repairShare : policy.otherShare;
  return sampleFraction(ticket.id) < share;
}
