import { timelineEvents, type Executor } from '@manyi/db';
import { and, desc, eq, isNull, or } from 'drizzle-orm';

export type TimelineEvent = {
  tenantId: string;
  personId?: string | null;
  householdId?: string | null;
  kind: string;
  title: string;
  detail?: unknown;
  actorName?: string;
  occurredAt: Date;
};

/** Later capabilities (tickets, surveys, visits) add their events here; the owner profile reads them in order. */
export function timelineRow(event: TimelineEvent): typeof timelineEvents.$inferInsert {
  return { ...event, detail: event.detail ?? null, actorName: event.actorName ?? '' };
}

export async function addTimelineEvent(db: Executor, event: TimelineEvent): Promise<void> {
  await db.insert(timelineEvents).values(timelineRow(event));
}

/** The person's own events and those of their household, newest first. */
export async function timelineOf(db: Executor, tenantId: string, personId: string, householdId: string, limit = 200) {
  return db
    .select({
      id: timelineEvents.id,
      kind: timelineEvents.kind,
      title: timelineEvents.title,
      occurredAt: timelineEvents.occurredAt,
      actorName: timelineEvents.actorName,
      detail: timelineEvents.detail,
    })
    .from(timelineEvents)
    .where(
      and(
        eq(timelineEvents.tenantId, tenantId),
        or(eq(timelineEvents.personId, personId), and(eq(timelineEvents.householdId, householdId), isNull(timelineEvents.personId))),
      ),
    )
    .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.id))
    .limit(limit);
}
