import type { ownerMe } from '@manyi/contracts/owners';
import type { answerView, draftSaved, posterClaim, posterView, responseReceipt, submitBody } from '@manyi/contracts/responses';
import type { Received, Sent } from '@manyi/contracts/wire';
import type { Answers } from '@manyi/core/surveys/definition';

/**
 * The answering page's few calls; plain fetch, no client library (issue 4 §4 page budget): the
 * contract is imported for its types only, so no zod reaches this bundle.
 */
/** The saved answers travel as a JSON object in the contract; they are @manyi/core's Answers, checked by checkAnswers on every save. */
export type AnswerView = Omit<Received<typeof answerView>, 'answers'> & { answers: Answers };

export type Problem = { status: number; code: string; title?: string; errors?: { field: string; message: string }[] };

/** `network` when the request never got an answer (offline, timeout); the page then retries by itself. */
export type Result<T> = { ok: true; value: T } | { ok: false; network: true } | { ok: false; network: false; problem: Problem };

async function call<T>(method: string, url: string, locale: string, body?: unknown, headers: Record<string, string> = {}): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'accept-language': locale, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    return { ok: false, network: true };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: payload as T };
  // A proxy's 502/503/504 page means the server was not reached: treat like no network and retry.
  if (response.status >= 502 && response.status <= 504) return { ok: false, network: true };
  const problem = (payload ?? {}) as Partial<Problem>;
  return { ok: false, network: false, problem: { ...problem, status: response.status, code: problem.code ?? 'unknown' } };
}

const base = '/api/v1';
const answerUrl = (token: string) => `${base}/answer/${encodeURIComponent(token)}`;

export const fetchAnswerView = (token: string, locale: string) => call<AnswerView>('GET', answerUrl(token), locale);
export const saveDraftOnServer = (token: string, answers: Answers, locale: string) =>
  call<Received<typeof draftSaved>>('PUT', `${answerUrl(token)}/draft`, locale, { answers });
export const submitOnServer = (token: string, body: Sent<typeof submitBody>, idempotencyKey: string, locale: string) =>
  call<Received<typeof responseReceipt>>('POST', `${answerUrl(token)}/submit`, locale, body, { 'idempotency-key': idempotencyKey });

export const fetchPoster = (token: string, locale: string) =>
  call<Received<typeof posterView>>('GET', `${base}/survey-posters/${encodeURIComponent(token)}`, locale);
export const fetchOwnerMe = (locale: string) => call<Received<typeof ownerMe>>('GET', `${base}/owner/me`, locale);
export const claimPoster = (token: string, locale: string) =>
  call<Received<typeof posterClaim>>('POST', `${base}/owner/survey-posters/${encodeURIComponent(token)}/claim`, locale);

/** Field errors of a 422 by question key, as the server words them. */
export function fieldErrors(problem: Problem): Record<string, string> {
  return Object.fromEntries((problem.errors ?? []).map((error) => [error.field, error.message]));
}
