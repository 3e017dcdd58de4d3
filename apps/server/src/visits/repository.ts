import { returnVisits, type Executor } from '@manyi/db';
import { and, asc, eq } from 'drizzle-orm';

export type ReturnVisitRow = typeof returnVisits.$inferSelect;

export async function visitsOf(db: Executor, tenantId: string, ticketId: string): Promise<ReturnVisitRow[]> {
  return db
    .select()
    .from(returnVisits)
    .where(and(eq(returnVisits.tenantId, tenantId), eq(returnVisits.ticketId, ticketId)))
    .orderBy(asc(returnVisits.at), asc(returnVisits.id));
}

export async function insertVisit(db: Executor, row: typeof returnVisits.$inferInsert): Promise<void> {
  await db.insert(returnVisits).values(row);
}
