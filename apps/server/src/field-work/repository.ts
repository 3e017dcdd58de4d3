import { households, persons, ticketCompletions, ticketConfirmationCodes, tickets, type Executor } from '@manyi/db';
import { and, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DispatchRuleRow } from '../dispatch/repository';

/** Statuses a technician still has work in: assigned to go, on site, back after a rejection, or paused. */
export const workingStatuses = ['assigned', 'in_progress', 'reopened', 'on_hold'] as const;

export function mineCondition(tenantId: string, staffId: string): SQL {
  return and(eq(tickets.tenantId, tenantId), eq(tickets.assigneeId, staffId), inArray(tickets.status, [...workingStatuses]))!;
}

/**
 * The grab pool (抢单池) of one technician: unassigned tickets waiting in a project and post whose
 * rule is grab and lists them, exactly the tickets POST /tickets/:id/grab would give them.
 */
export function poolCondition(tenantId: string, rules: DispatchRuleRow[]): SQL | undefined {
  if (rules.length === 0) return undefined;
  return and(
    eq(tickets.tenantId, tenantId),
    isNull(tickets.assigneeId),
    inArray(tickets.status, ['accepted', 'reopened']),
    or(...rules.map((rule) => and(eq(tickets.projectId, rule.projectId), eq(tickets.assignedPost, rule.post)))),
  );
}

export async function setAppointment(db: Executor, tenantId: string, ticketId: string, at: Date, note: string, now: Date) {
  const [row] = await db
    .update(tickets)
    .set({ appointmentAt: at, appointmentNote: note, updatedAt: now })
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)))
    .returning();
  return row;
}

/** The phone an owner confirms on: the reporter's, the number given on the call, or the household's owner's. */
export async function ownerPhoneOf(
  db: Executor,
  ticket: { tenantId: string; reporterPersonId: string | null; reporterPhone: string | null; householdId: string | null },
) {
  if (ticket.reporterPersonId) {
    const [reporter] = await db
      .select({ phone: persons.phone })
      .from(persons)
      .where(and(eq(persons.tenantId, ticket.tenantId), eq(persons.id, ticket.reporterPersonId)));
    if (reporter?.phone) return reporter.phone;
  }
  if (ticket.reporterPhone && /^1\d{10}$/.test(ticket.reporterPhone)) return ticket.reporterPhone;
  if (!ticket.householdId) return null;
  const residents = await db
    .select({ phone: persons.phone, role: persons.role })
    .from(persons)
    .innerJoin(households, and(eq(households.tenantId, persons.tenantId), eq(households.id, persons.householdId)))
    .where(and(eq(persons.tenantId, ticket.tenantId), eq(persons.householdId, ticket.householdId)));
  const withPhone = residents.filter((person) => person.phone);
  return (withPhone.find((person) => person.role === 'owner') ?? withPhone[0])?.phone ?? null;
}

export type ConfirmationCodeRow = typeof ticketConfirmationCodes.$inferSelect;

export async function insertConfirmationCode(db: Executor, row: typeof ticketConfirmationCodes.$inferInsert) {
  await db.insert(ticketConfirmationCodes).values(row);
}

/** The newest code of the ticket not yet used: a resend replaces the earlier one. */
export async function latestConfirmationCode(db: Executor, tenantId: string, ticketId: string): Promise<ConfirmationCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(ticketConfirmationCodes)
    .where(and(eq(ticketConfirmationCodes.tenantId, tenantId), eq(ticketConfirmationCodes.ticketId, ticketId)))
    .orderBy(desc(ticketConfirmationCodes.createdAt), desc(ticketConfirmationCodes.id))
    .limit(1);
  return row;
}

export async function countCodeAttempt(db: Executor, row: ConfirmationCodeRow) {
  await db
    .update(ticketConfirmationCodes)
    .set({ attempts: row.attempts + 1 })
    .where(and(eq(ticketConfirmationCodes.tenantId, row.tenantId), eq(ticketConfirmationCodes.id, row.id)));
}

/** Marks the code used only if nobody used it meanwhile; false when another completion won. */
export async function useConfirmationCode(db: Executor, row: ConfirmationCodeRow, now: Date): Promise<boolean> {
  const used = await db
    .update(ticketConfirmationCodes)
    .set({ usedAt: now })
    .where(and(eq(ticketConfirmationCodes.tenantId, row.tenantId), eq(ticketConfirmationCodes.id, row.id), isNull(ticketConfirmationCodes.usedAt)))
    .returning({ id: ticketConfirmationCodes.id });
  return used.length === 1;
}

export async function insertCompletion(db: Executor, row: typeof ticketCompletions.$inferInsert) {
  const [inserted] = await db.insert(ticketCompletions).values(row).returning();
  return inserted!;
}
