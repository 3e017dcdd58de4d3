import { persons, tickets, type Executor } from '@manyi/db';
import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { OwnerPrincipal } from '../http/principal';

/**
 * The resident records of the signed-in owner: the same phone may be registered in several
 * households of the company (owner of one flat, family member in another), as describeOwner shows.
 */
export async function ownerResidents(db: Executor, principal: OwnerPrincipal) {
  const [self] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, principal.tenantId), eq(persons.id, principal.personId)));
  if (!self) return [];
  if (!self.phone) return [self];
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, principal.tenantId), eq(persons.phone, self.phone)));
}

/** Tickets an owner filed from the phone since `from`; the advisory lock makes the daily cap hold under concurrent submissions. */
export async function countOwnerTicketsSince(db: Executor, tenantId: string, personIds: string[], from: Date): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`owner-tickets:${tenantId}:${[...personIds].sort().join(',')}`}))`);
  const [row] = await db
    .select({ count: count() })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.reporterPersonId, personIds), eq(tickets.channel, 'owner_h5'), gte(tickets.reportedAt, from)));
  return row?.count ?? 0;
}
