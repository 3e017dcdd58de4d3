/**
 * Sends the webhook outbox (webhook_deliveries) to WeCom / DingTalk group bots. Rows are claimed
 * with UPDATE … SET status = 'sending' over a FOR UPDATE SKIP LOCKED selection, so two server
 * instances never send the same row; a claim is a lease, and a row left 'sending' by a crashed
 * instance is claimed again once the lease has expired. Failures retry with growing back-off.
 */
import { queryRows, type Executor } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { webhookBody, type WebhookFacts, type WebhookFormat } from './webhook-format';
import { WebhookTargetRefused, type FetchLike } from './webhook-target';

export type { FetchLike };

export type DeliveryOptions = { limit?: number; timeoutMs?: number };
export type DeliveryResult = { sent: number; retried: number; failed: number };

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last the row is given up as 'failed'. */
export const retryBackoffMinutes = [1, 5, 30, 120, 720];
const leaseMinutes = 5;

type Claimed = { id: string; tenant_id: string; body: WebhookFacts; attempts: number; url: string; format: WebhookFormat };

async function claim(db: Executor, now: Date, limit: number): Promise<Claimed[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return queryRows<Claimed>(
    db,
    sql`
    update webhook_deliveries d
    set status = 'sending', attempts = d.attempts + 1, next_attempt_at = ${at} + ${leaseMinutes} * interval '1 minute'
    from webhooks w
    where d.id in (
        select id from webhook_deliveries
        where status in ('pending', 'sending') and next_attempt_at <= ${at}
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked)
      and d.status in ('pending', 'sending') and d.next_attempt_at <= ${at}
      and w.tenant_id = d.tenant_id and w.id = d.webhook_id and w.active
    returning d.id, d.tenant_id, d.body, d.attempts, w.url, w.format`,
  );
}

/** WeCom and DingTalk answer 200 with {"errcode":0} on success and a non-zero errcode otherwise. */
async function failureOf(response: Awaited<ReturnType<FetchLike>>): Promise<string | null> {
  const text = await response.text();
  if (!response.ok) return `HTTP ${response.status}: ${text.slice(0, 200)}`;
  try {
    const parsed = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0) return `errcode ${parsed.errcode}: ${String(parsed.errmsg ?? '')}`;
  } catch {
    // A plain 200 without JSON counts as delivered.
  }
  return null;
}

async function settle(db: Executor, row: Claimed, error: string | null, now: Date): Promise<'sent' | 'retried' | 'failed'> {
  const at = sql`${now.toISOString()}::timestamptz`;
  if (error === null) {
    await db.execute(sql`update webhook_deliveries set status = 'sent', sent_at = ${at}, last_error = null
      where tenant_id = ${row.tenant_id}::uuid and id = ${row.id}::uuid and status = 'sending'`);
    return 'sent';
  }
  const backoff = retryBackoffMinutes[row.attempts - 1];
  const outcome = backoff === undefined ? 'failed' : 'pending';
  await db.execute(sql`update webhook_deliveries set status = ${outcome}, last_error = ${error.slice(0, 500)},
      next_attempt_at = ${at} + ${backoff ?? 0} * interval '1 minute'
    where tenant_id = ${row.tenant_id}::uuid and id = ${row.id}::uuid and status = 'sending'`);
  return outcome === 'failed' ? 'failed' : 'retried';
}

/** Posts every due delivery once; call it on a timer. fetchImpl is injected so tests post to 127.0.0.1 only. */
export async function deliverWebhooks(db: Executor, fetchImpl: FetchLike, now: Date, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  const rows = await claim(db, now, options.limit ?? 100);
  await Promise.all(
    rows.map(async (row) => {
      const failure = await postWebhook(fetchImpl, row.url, row.format, row.body, options.timeoutMs ?? 10_000);
      result[await settle(db, row, failure?.detail ?? null, now)] += 1;
    }),
  );
  return result;
}

/** refused: the address was not allowed (webhook-target.ts) and nothing was sent; detail is for the operator's log and the outbox row only. */
export type DeliveryFailure = { refused: boolean; detail: string };

/**
 * Posts one message to a group bot and says what went wrong, or null when it was delivered. The
 * outbox and the console's "send a test message" both go through here. Redirects are refused: a
 * bot address that answers with one is misconfigured, and following it could reach anywhere.
 */
export async function postWebhook(
  fetchImpl: FetchLike,
  url: string,
  format: WebhookFormat,
  facts: WebhookFacts,
  timeoutMs: number,
): Promise<DeliveryFailure | null> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(webhookBody(format, facts)),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const failure = await failureOf(response);
    return failure === null ? null : { refused: false, detail: failure };
  } catch (cause) {
    if (!(cause instanceof Error)) return { refused: false, detail: String(cause) };
    // undici says only "fetch failed"; the reason (refused, DNS, TLS) is in its cause.
    const detail = cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message;
    return { refused: cause instanceof WebhookTargetRefused || cause.cause instanceof WebhookTargetRefused, detail };
  }
}
