/** Tenant-scoped queries for the console bell (ticket_alerts) and the group-bot webhooks. */
import { projects, ticketAlerts, tickets, webhooks, type Executor } from '@manyi/db';
import { and, asc, count, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';

export type AlertScope = { tenantId: string; projectIds: string[] | null; unread?: boolean };

function alertConditions(scope: AlertScope): SQL | undefined {
  return and(
    eq(ticketAlerts.tenantId, scope.tenantId),
    scope.projectIds ? inArray(ticketAlerts.projectId, scope.projectIds) : undefined,
    scope.unread ? isNull(ticketAlerts.readAt) : undefined,
  );
}

function selectAlerts(db: Executor) {
  return db.select({ alert: ticketAlerts, ticketNumber: tickets.number, ticketTitle: tickets.title, projectName: projects.name })
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
  return selectAlerts(db).where(and(alertConditions(scope), keyset))
    .orderBy(desc(ticketAlerts.createdAt), desc(ticketAlerts.id)).limit(limit + 1);
}

export async function countUnreadAlerts(db: Executor, scope: AlertScope): Promise<number> {
  const [row] = await db.select({ total: count() }).from(ticketAlerts).where(alertConditions({ ...scope, unread: true }));
  return row?.total ?? 0;
}

export async function findAlertRow(db: Executor, tenantId: string, id: string): Promise<AlertListRow | undefined> {
  const [row] = await selectAlerts(db).where(and(eq(ticketAlerts.tenantId, tenantId), eq(ticketAlerts.id, id)));
  return row;
}

export async function markAlertRead(db: Executor, tenantId: string, id: string, now: Date): Promise<void> {
  await db.update(ticketAlerts).set({ readAt: now })
    .where(and(eq(ticketAlerts.tenantId, tenantId), eq(ticketAlerts.id, id), isNull(ticketAlerts.readAt)));
}

export async function markAlertsRead(db: Executor, scope: AlertScope, now: Date): Promise<number> {
  const rows = await db.update(ticketAlerts).set({ readAt: now }).where(alertConditions({ ...scope, unread: true })).returning({ id: ticketAlerts.id });
  return rows.length;
}

export type WebhookRow = typeof webhooks.$inferSelect;

function selectWebhooks(db: Executor) {
  return db.select({ webhook: webhooks, projectName: projects.name }).from(webhooks)
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
  const [row] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
  return row !== undefined;
}
