/**
 * Who may take each action on a ticket (DESIGN §3 staff roles). Declared once here and checked by
 * the state machine, so the server and the console cannot disagree (STYLE: authorisation is
 * declared, then checked everywhere).
 */
import { type StaffRole } from '../organisation/vocabulary';
import { type TicketAction, type TicketType } from './vocabulary';

export const actionRoles: Record<TicketAction, readonly StaffRole[]> = {
  // 受理 is the customer-service desk's act: it starts the first receiver's responsibility (seed 003 首问负责).
  accept: ['admin', 'quality', 'manager', 'steward'],
  assign: ['admin', 'quality', 'manager', 'steward'],
  start: ['admin', 'manager', 'steward', 'technician'],
  hold: ['admin', 'manager', 'steward', 'technician'],
  resume: ['admin', 'manager', 'steward', 'technician'],
  resolve: ['admin', 'manager', 'steward', 'technician'],
  // The person who did the work does not mark their own return visit; 回访 checks the work.
  visit: ['admin', 'quality', 'manager', 'steward'],
  close: ['admin', 'quality', 'manager', 'steward'],
  reopen: ['admin', 'quality', 'manager', 'steward'],
  cancel: ['admin', 'quality', 'manager', 'steward'],
  merge: ['admin', 'quality', 'manager', 'steward'],
};

/** Technicians act only on their own work orders, never on a colleague's. */
export const assigneeOnlyActions: readonly TicketAction[] = ['start', 'hold', 'resume', 'resolve'];

/**
 * The owner who reported the ticket confirms or rejects the result (DESIGN §1: closed only when
 * the owner confirms) and may report that the problem came back.
 */
export const ownerActions: readonly TicketAction[] = ['visit', 'reopen'];

/**
 * Cancelling a complaint makes it disappear from every statistic, which is exactly what a
 * steward under pressure might be tempted to do; only managers and above may.
 */
export const complaintCancelRoles: readonly StaffRole[] = ['admin', 'quality', 'manager'];

export function rolesFor(action: TicketAction, type: TicketType): readonly StaffRole[] {
  return action === 'cancel' && type === 'complaint' ? complaintCancelRoles : actionRoles[action];
}
