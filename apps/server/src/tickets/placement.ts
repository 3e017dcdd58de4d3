import type { Executor } from '@manyi/db';
import { companyCategories, type CategoryRow } from '../categories/repository';
import { findHouseholdRow } from '../households/repository';
import { findPersonRow } from '../persons/repository';
import { fieldProblem } from '../http/problem';
import { ticketMessages } from './messages';
import type { TicketRow } from './repository';
import type { TicketInput } from '@manyi/contracts/tickets';

export type Placement = Pick<TicketInput, 'categoryCode' | 'householdId' | 'reporterPersonId' | 'reporterName' | 'reporterPhone' | 'complaintScope'>;
export type PlacePerson = { id: string; projectId: string; householdId: string | null; name: string; phone: string | null };
export type PlaceHousehold = { id: string; projectId: string };

/**
 * The rules of where a ticket belongs, for a receipt and for a correction alike: an active
 * category of the company, a complaint scope only on complaints, a reporter and a household of the
 * ticket's project. Given the rows the caller read (the person named as reporter and the household
 * named, each undefined when not found), returns the columns to write: a reporter brings their
 * name, phone and household unless a household is named; a name or phone typed in wins.
 */
export function placementFrom(
  projectId: string,
  type: string,
  input: Placement,
  categories: Map<string, CategoryRow> | null,
  person: PlacePerson | undefined,
  household: PlaceHousehold | undefined,
) {
  const resolved: Partial<TicketRow> = {};
  if (input.categoryCode !== undefined) {
    if (input.categoryCode !== null && !categories?.get(input.categoryCode)?.active) throw fieldProblem('categoryCode', ticketMessages.unknown_category);
    resolved.categoryCode = input.categoryCode;
  }
  if (input.complaintScope !== undefined) {
    if (input.complaintScope !== null && type !== 'complaint') throw fieldProblem('complaintScope', ticketMessages.complaint_scope_only);
    resolved.complaintScope = input.complaintScope;
  }
  if (input.reporterPersonId) {
    if (!person || person.projectId !== projectId) throw fieldProblem('reporterPersonId', ticketMessages.unknown_person);
    resolved.reporterPersonId = person.id;
    resolved.householdId = person.householdId;
    resolved.reporterName = person.name;
    resolved.reporterPhone = person.phone;
  } else if (input.reporterPersonId === null) {
    resolved.reporterPersonId = null;
  }
  if (input.householdId) {
    if (!household || household.projectId !== projectId) throw fieldProblem('householdId', ticketMessages.unknown_household);
    resolved.householdId = household.id;
  } else if (input.householdId === null) {
    resolved.householdId = null;
  }
  if (input.reporterName) resolved.reporterName = input.reporterName;
  if (input.reporterPhone !== undefined) resolved.reporterPhone = input.reporterPhone || null;
  return resolved;
}

/** placementFrom for a correction: reads the rows the input names. */
export async function resolvePlacement(db: Executor, tenantId: string, projectId: string, type: string, input: Placement) {
  const [categories, person, household] = [
    input.categoryCode ? await companyCategories(db, tenantId) : null,
    input.reporterPersonId ? await findPersonRow(db, tenantId, input.reporterPersonId) : undefined,
    input.householdId ? await findHouseholdRow(db, tenantId, input.householdId) : undefined,
  ];
  return placementFrom(projectId, type, input, categories, person, household);
}
