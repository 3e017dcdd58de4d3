/**
 * The one place the service desk asks for SLA deadlines (contract with apps/server/src/sla):
 * `applySlaDeadlines(db, ticket, now)` returns the deadline columns to write for the ticket's
 * current state, from the company's policies and calendar, with hold pauses. The ticket services
 * call it inside their transaction on receipt and after every change, and write what it returns.
 * Receipt uses its two halves, `loadSlaInputs` and `deadlineColumns` (a new ticket has no holds),
 * to write the deadlines with the insert.
 */
export { applySlaDeadlines, deadlineColumns, loadSlaInputs, type SlaInputs } from '../sla/deadlines';
