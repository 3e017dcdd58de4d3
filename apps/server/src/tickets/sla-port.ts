/**
 * The one place the service desk asks for SLA deadlines (contract with apps/server/src/sla):
 * `applySlaDeadlines(db, ticket, now)` returns the deadline columns to write for the ticket's
 * current state, from the company's policies and calendar, with hold pauses. The ticket services
 * call it inside their transaction on receipt and after every change, and write what it returns.
 * Receipt (receipts/receive.ts) writes the deadlines with the insert: `receiptDeadlines` of the
 * company's cached `slaInputsOf` (a new ticket has met nothing and has no holds).
 */
export { applySlaDeadlines, deadlineColumns, receiptDeadlines, slaInputsOf, type SlaInputs } from '../sla/deadlines';
