/** Tenant-scoped queries for the console bell (ticket_alerts), the group-bot webhooks and the deadline recomputation. */
import { projects, ticketAlerts, tickets, webhookDeliveries, webhooks, type Executor } from '@manyi/db';
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';

export type AlertScope = { tenantId: string; projectIds: string[] | null; unread?: boolean };

function alertConditions(scope: AlertScope): SQL | undefined {
  return and(
    eq(ticketAlerts.tenantId, scope.tenantId),
    scope.projectIds ? inArray(ticketAlerts.projectId, scope.projectIds) : undefined,
    scope.unread ? isNull(ticketAlerts.readAt) : undefined,
  );
}

function selectAlerts(db: Executor) {
  return db
    .select({ alert: ticketAlerts, ticketNumber: tickets.number, ticketTitle: tickets.title, projectName: projects.name })
    .from(ticketAlerts)
    .innerJoin(tickets, and(eq(tickets.tenantId, ticketAlerts.tenantId), eq(tickets.id, ticketAlerts.ticketId)))
    .innerJoin(projects, and(eq(projects.tenantId, ticketAlerts.tenantId), eq(projects.id, ticketAlerts.projectId)));
}

export type AlertListRow = Awaited<ReturnType<ReturnType<typeof selectAlerts>['where']>>[number];

/** Newest first, keyset on (created_at, id). */
export async function listAlertRows(db: Executor, scope: AlertScope, after: { createdAt: Date; id: string } | null, limit: number): Promise<AlertListRow[]> {
  const keyset = after
    ? or(lt(ticketAlerts.createdAt, after.createdAt), and(eq(ticketAlerts.createdAt, after.createdAt), lt(ticketAlerts.id, after.id)))
    : undefined;
  return selectAlerts(db)
    .where(and(alertConditions(scope), keyset))
    .orderBy(desc(ticketAlerts.createdAt), desc(ticketAlerts.id))
    .limit(limit + 1);
}

export async function countUnreadAlerts(db: Executor, scope: AlertScope): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(ticketAlerts)
    .where(alertConditions({ ...scope, unread: true }));
  return row?.total ?? 0;
}

export async function findAlertRow(db: Executor, tenantId: string, id: string): Promise<AlertListRow | undefined> {
  const [row] = await selectAlerts(db).where(and(eq(ticketAlerts.tenantId, tenantId), eq(ticketAlerts.id, id)));
  return row;
}

export async function markAlertRead(db: Executor, tenantId: string, id: string, now: Date): Promise<void> {
  await db
    .update(ticketAlerts)
    .set({ readAt: now })
    .where(and(eq(ticketAlerts.tenantId, tenantId), eq(ticketAlerts.id, id), isNull(ticketAlerts.readAt)));
}

export async function markAlertsRead(db: Executor, scope: AlertScope, now: Date): Promise<number> {
  const rows = await db
    .update(ticketAlerts)
    .set({ readAt: now })
    .where(alertConditions({ ...scope, unread: true }))
    .returning({ id: ticketAlerts.id });
  return rows.length;
}

export type WebhookRow = typeof webhooks.$inferSelect;

function selectWebhooks(db: Executor) {
  return db
    .select({ webhook: webhooks, projectName: projects.name })
    .from(webhooks)
    .leftJoin(projects, and(eq(projects.tenantId, webhooks.tenantId), eq(projects.id, webhooks.projectId)));
}
export type WebhookListRow = Awaited<ReturnType<ReturnType<typeof selectWebhooks>['where']>>[number];

export async function listWebhookRows(db: Executor, tenantId: string): Promise<WebhookListRow[]> {
  return selectWebhooks(db).where(eq(webhooks.tenantId, tenantId)).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
}

export async function findWebhookRow(db: Executor, tenantId: string, id: string): Promise<WebhookListRow | undefined> {
  const [row] = await selectWebhooks(db).where(and(eq(webhooks.tenantId, tenantId), eq(webhooks.id, id)));
  return row;
}

export async function projectExists(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
  return row !== undefined;
}

/** One batch of the company's tickets that are not yet settled, by id after `after`. */
export async function unsettledTicketBatch(db: Executor, tenantId: string, settledStatuses: string[], after: string | null, limit: number) {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), notInArray(tickets.status, settledStatuses), after ? gt(tickets.id, after) : undefined))
    .orderBy(asc(tickets.id))
    .limit(limit);
}

/** Writes recomputed deadlines only if the ticket's version is still the one read (the version is not raised); false if it moved on. */
export async function writeDeadlinesIfUnchanged(
  tx: Executor,
  ticket: { tenantId: string; id: string; version: number },
  columns: Partial<typeof tickets.$inferInsert>,
): Promise<boolean> {
  const updated = await tx
    .update(tickets)
    .set(columns)
    .where(and(eq(tickets.tenantId, ticket.tenantId), eq(tickets.id, ticket.id), eq(tickets.version, ticket.version)))
    .returning({ id: tickets.id });
  return updated.length > 0;
}

export async function insertWebhook(db: Executor, row: typeof webhooks.$inferInsert): Promise<WebhookRow | undefined> {
  const [created] = await db.insert(webhooks).values(row).returning();
  return created;
}

export async function updateWebhookRow(
  db: Executor,
  tenantId: string,
  id: string,
  set: Partial<typeof webhooks.$inferInsert>,
): Promise<WebhookRow | undefined> {
  const [after] = await db
    .update(webhooks)
    .set(set)
    .where(and(eq(webhooks.tenantId, tenantId), eq(webhooks.id, id)))
    .returning();
  return after;
}

/** Deletes the webhook with all its deliveries, sent or not (they only point at it). */
export async function deleteWebhookWithDeliveries(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.webhookId, id)));
  await db.delete(webhooks).where(and(eq(webhooks.tenantId, tenantId), eq(webhooks.id, id)));
}
