import type { Context } from '../http/context';
import { requirePermission, requireProjectScope } from '../policy/policy';
import { presentSummary } from '../tickets/presenter';
import type { TicketInput, TicketSummary } from '@manyi/contracts/tickets';
import { companyCategories } from '../categories/repository';
import { receiptCallOf, receiveTicket } from './receive';

/** A ticket received at the console (hotline, walk-in, 12345 referral…): the caller becomes its first receiver. */
export async function createTicket(context: Context, input: TicketInput): Promise<TicketSummary> {
  requirePermission(context.principal, 'ticket.create');
  requireProjectScope(context.principal, input.projectId);
  const { ticket, place } = await receiveTicket(receiptCallOf(context), input);
  const categories = await companyCategories(context.db, context.principal.tenantId, context.principal.settingsVersion);
  // Presented from the inserted row and the names read with it: nothing here changed since.
  return presentSummary({ ticket, ...place }, new Map([[context.principal.staffId, context.principal.name]]), categories, context.clock.now());
}
