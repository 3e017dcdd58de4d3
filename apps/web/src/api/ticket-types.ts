import type { cannedReply } from '@manyi/contracts/canned-replies';
import type { categoryNode } from '@manyi/contracts/categories';
import type { clearBody, recoveryBody } from '@manyi/contracts/complaints';
import type { workload } from '@manyi/contracts/dispatch';
import type { ownerTicketDetail, ownerTicketSummary } from '@manyi/contracts/owner-tickets';
import type { attachment, clearView, recoveryView, returnVisit, slaTarget, ticketDetail, ticketEvent, ticketSummary } from '@manyi/contracts/tickets';
import type { Received, Sent } from '@manyi/contracts/wire';

/** Service-desk shapes of the /api/v1 contract (packages/contracts/src/tickets.ts), as the console receives them. */

export type TicketSummary = Received<typeof ticketSummary>;
export type StaffReference = TicketSummary['assignee'];
export type SlaClock = Received<typeof slaTarget>;
export type TicketEvent = Received<typeof ticketEvent>;
export type Attachment = Received<typeof attachment>;
export type ReturnVisit = Received<typeof returnVisit>;
export type VisitMethod = ReturnVisit['method'];
export type VisitOutcome = ReturnVisit['outcome'];
export type ClearRecordView = Received<typeof clearView>;
export type ClearStepState = ClearRecordView['steps']['control'];
export type ClearFields = Sent<typeof clearBody>;
export type RecoveryRecordView = Received<typeof recoveryView>;
export type RecoveryFields = Sent<typeof recoveryBody>;
export type TicketDetail = Received<typeof ticketDetail>;
export type CategoryNode = Received<typeof categoryNode>;
export type CannedReply = Received<typeof cannedReply>;
export type Workload = Received<typeof workload>['items'][number];

/** The owner's view: no internal notes, no staff names beyond the actor. */
export type OwnerTicketSummary = Received<typeof ownerTicketSummary>;
export type OwnerTicketDetail = Received<typeof ownerTicketDetail>;
