/**
 * The console bell: alerts of the tickets in the caller's projects (company-wide roles see every
 * project). Read state is shared by the project's staff, as ticket_alerts has one read_at per
 * alert: whoever opens it first takes it off everyone's list, like a shared duty inbox.
 */
import type { Context } from '../http/context';
import { decodeCursor, encodeCursor } from '../http/pagination';
import { notFound } from '../http/problem';
import { inScope, scopedProjectIds } from '../policy/policy';
import type { AlertView } from '@manyi/contracts/sla';
import { presentAlert } from './presenter';
import { countUnreadAlerts, findAlertRow, listAlertRows, markAlertRead, markAlertsRead } from './repository';

type AlertQuery = { projectId?: string | undefined; unread?: 'true' | 'false' | undefined; cursor?: string | undefined; limit: number };

export async function listAlerts(context: Context, query: AlertQuery) {
  const projectIds = scopedProjectIds(context.principal, query.projectId);
  if (projectIds?.length === 0) return { items: [], nextCursor: null, unreadCount: 0 };
  const scope = { tenantId: context.principal.tenantId, projectIds, unread: query.unread === 'true' };
  const cursor = decodeCursor(query.cursor, 2);
  const after = cursor ? { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) } : null;
  if (after && Number.isNaN(after.createdAt.getTime())) return { items: [], nextCursor: null, unreadCount: 0 };
  const [rows, unreadCount] = await Promise.all([listAlertRows(context.db, scope, after, query.limit), countUnreadAlerts(context.db, scope)]);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.alert.createdAt.toISOString(), last.alert.id]) : null;
  return { items: items.map(presentAlert), nextCursor, unreadCount };
}

export async function readAlert(context: Context, id: string): Promise<AlertView> {
  const tenantId = context.principal.tenantId;
  const row = await findAlertRow(context.db, tenantId, id);
  if (!row || !inScope(context.principal, row.alert.projectId)) throw notFound();
  await markAlertRead(context.db, tenantId, id, context.clock.now());
  return presentAlert((await findAlertRow(context.db, tenantId, id))!);
}

export async function readAllAlerts(context: Context, projectId: string | undefined): Promise<{ updated: number }> {
  const projectIds = scopedProjectIds(context.principal, projectId);
  if (projectIds?.length === 0) return { updated: 0 };
  return { updated: await markAlertsRead(context.db, { tenantId: context.principal.tenantId, projectIds }, context.clock.now()) };
}
