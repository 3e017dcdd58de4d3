/**
 * Outgoing group-bot webhooks (WeCom, DingTalk), company-wide or per project, managed by the
 * company admin. The bot address carries its secret in the query (key=… / access_token=…), so it is
 * masked in every response and in the audit trail; the full address is only ever sent to the bot.
 */
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { messageFor } from '../http/messages';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { postWebhook, type FetchLike } from './delivery';
import { targetRefusal, webhookFetch } from './webhook-target';
import {
  deleteWebhookWithDeliveries,
  findWebhookRow,
  insertWebhook,
  listWebhookRows,
  projectExists,
  updateWebhookRow,
  type WebhookListRow,
} from './repository';
import type { WebhookInput, WebhookPatch, WebhookView } from '@manyi/contracts/sla';
import type { WebhookFormat } from './webhook-format';

const secretParameters = ['key', 'access_token', 'token', 'secret', 'sign'];

/** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…e2f1 → …?key=****e2f1 */
export function maskWebhookUrl(value: string): string {
  try {
    const url = new URL(value);
    for (const name of secretParameters) {
      const secret = url.searchParams.get(name);
      if (secret) url.searchParams.set(name, secret.length > 8 ? `****${secret.slice(-4)}` : '****');
    }
    return url.toString();
  } catch {
    return '****';
  }
}

function presentWebhook(row: WebhookListRow): WebhookView {
  const { webhook } = row;
  return {
    id: webhook.id,
    format: webhook.format as WebhookFormat,
    url: maskWebhookUrl(webhook.url),
    projectId: webhook.projectId,
    projectName: row.projectName,
    minimumLevel: webhook.minimumLevel,
    active: webhook.active,
    createdAt: webhook.createdAt,
  };
}

async function requireProject(context: Context, projectId: string | null | undefined): Promise<void> {
  if (projectId && !(await projectExists(context.db, context.principal.tenantId, projectId))) {
    throw fieldProblem('projectId', messageFor('sla_project_unknown'));
  }
}

async function webhookOf(context: Context, id: string): Promise<WebhookListRow> {
  const row = await findWebhookRow(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  return row;
}

export async function listWebhooks(context: Context): Promise<{ items: WebhookView[] }> {
  requirePermission(context.principal, 'webhook.manage');
  return { items: (await listWebhookRows(context.db, context.principal.tenantId)).map(presentWebhook) };
}

/** The port and literal-address part of the rule, at once in the form; names are resolved and checked when a message is sent. */
function requireAllowedTarget(context: Context, url: string): void {
  const refusal = targetRefusal(context.config.webhookTargets, url);
  if (refusal) throw fieldProblem('url', messageFor(refusal === 'port' ? 'webhook_port' : 'webhook_internal'));
}

export async function createWebhook(context: Context, input: WebhookInput): Promise<WebhookView> {
  requirePermission(context.principal, 'webhook.manage');
  await requireProject(context, input.projectId);
  requireAllowedTarget(context, input.url);
  const tenantId = context.principal.tenantId;
  const id = await context.db.transaction(async (tx) => {
    const created = await insertWebhook(tx, { ...input, projectId: input.projectId ?? null, tenantId, createdAt: context.clock.now() });
    if (!created) throw new HttpProblem(500, 'internal');
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'webhook',
      entityId: created.id,
      summary: `新建群机器人(${created.format})`,
      after: { ...created, url: maskWebhookUrl(created.url) },
    });
    return created.id;
  });
  return presentWebhook(await webhookOf(context, id));
}

export async function updateWebhook(context: Context, id: string, input: WebhookPatch): Promise<WebhookView> {
  requirePermission(context.principal, 'webhook.manage');
  const before = (await webhookOf(context, id)).webhook;
  await requireProject(context, input.projectId);
  // The console shows the masked address; sending it back unchanged keeps the real one.
  const url = input.url === undefined || input.url === maskWebhookUrl(before.url) ? before.url : input.url;
  if (url !== before.url) requireAllowedTarget(context, url);
  await context.db.transaction(async (tx) => {
    const after = await updateWebhookRow(tx, before.tenantId, id, { ...input, url });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'webhook',
      entityId: id,
      summary: `修改群机器人(${before.format})`,
      before: { ...before, url: maskWebhookUrl(before.url) },
      after: after && { ...after, url: maskWebhookUrl(after.url) },
    });
  });
  return presentWebhook(await webhookOf(context, id));
}

/** Removes the webhook and its unsent messages; sent ones go too, as they only point at it. */
export async function deleteWebhook(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'webhook.manage');
  const before = (await webhookOf(context, id)).webhook;
  await context.db.transaction(async (tx) => {
    await deleteWebhookWithDeliveries(tx, before.tenantId, id);
    await recordAudit(tx, context, {
      action: 'delete',
      entityType: 'webhook',
      entityId: id,
      summary: `删除群机器人(${before.format})`,
      before: { ...before, url: maskWebhookUrl(before.url) },
    });
  });
}

export const testTimeoutMs = 5_000;

/**
 * Sends a test message through the delivery code, straight away and outside the outbox. The answer
 * is success, 'address_not_allowed' or 'delivery_failed' and nothing more: echoing the far side's
 * body or the connection error would make this button a probe of whatever the address reaches.
 * The details go to the server log, for the operator.
 */
export async function testWebhook(
  context: Context,
  id: string,
  fetchImpl: FetchLike = webhookFetch(context.config.webhookTargets),
): Promise<{ ok: boolean; error: 'address_not_allowed' | 'delivery_failed' | null }> {
  requirePermission(context.principal, 'webhook.manage');
  const row = await webhookOf(context, id);
  const now = context.clock.now().toISOString();
  const failure = await postWebhook(
    fetchImpl,
    row.webhook.url,
    row.webhook.format as WebhookFormat,
    {
      kind: 'test',
      target: 'response',
      level: 0,
      dueAt: null,
      at: now,
      number: '',
      type: '',
      title: '',
      projectName: row.projectName ?? '全公司',
      location: '',
    },
    testTimeoutMs,
  );
  if (failure === null) return { ok: true, error: null };
  context.log.warn({ webhookId: id, detail: failure.detail.replaceAll(row.webhook.url, maskWebhookUrl(row.webhook.url)) }, 'webhook test message failed');
  return { ok: false, error: failure.refused ? 'address_not_allowed' : 'delivery_failed' };
}
