import { ApiError, readProblem } from './problem';

export const apiBase = '/api/v1';

type Locale = 'zh-CN' | 'en-US';
export type UnauthorizedAudience = 'staff' | 'owner';
type UnauthorizedListener = (audience: UnauthorizedAudience) => void;

let currentLocale: Locale = 'zh-CN';
let unauthorizedListener: UnauthorizedListener = () => undefined;

/** Set by the locale provider so every request asks for messages in the language on screen. */
export function setRequestLocale(locale: Locale): void {
  currentLocale = locale;
}

/** Set by the app shell: a 401 anywhere means the session ended, so the sign-in page takes over. */
export function onUnauthorized(listener: UnauthorizedListener): void {
  unauthorizedListener = listener;
}

// A 401 from these is a wrong password or code, not an expired session.
const signInPaths = ['/auth/login', '/auth/me', '/owner-auth/', '/owner/me'];

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Query string with empty values left out, so an unset filter is simply absent. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function apiUrl(path: string, params?: QueryParams): string {
  return `${apiBase}${path}${toQueryString(params)}`;
}

export function requestHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Accept: 'application/json, application/problem+json', 'Accept-Language': currentLocale, ...extra };
}

export async function throwForResponse(path: string, response: Response): Promise<never> {
  const problem = await readProblem(response);
  if (response.status === 401 && !signInPaths.some((prefix) => path.startsWith(prefix))) {
    unauthorizedListener(path.startsWith('/owner') ? 'owner' : 'staff');
  }
  throw new ApiError(response.status, problem, response.statusText || `HTTP ${response.status}`);
}

type RequestOptions = { params?: QueryParams; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> };

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  const response = await fetch(apiUrl(path, options.params), {
    method,
    credentials: 'same-origin',
    headers: requestHeaders({ ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...options.headers }),
    body: hasBody ? JSON.stringify(options.body) : null,
    signal: options.signal ?? null,
  });
  if (!response.ok) return throwForResponse(path, response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** One file as multipart field `file`; small photos and PDFs need no progress bar, so plain fetch. */
async function upload<T>(path: string, file: File, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(apiUrl(path), { method, credentials: 'same-origin', headers: requestHeaders(), body: form });
  if (!response.ok) return throwForResponse(path, response);
  // A replaced file (PUT) answers 204 with no body.
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { params, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  /** A submission a retry must not repeat: the key comes from useSubmissionKey. */
  submit: <T>(path: string, body: unknown, idempotencyKey: string) => request<T>('POST', path, { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
  upload,
};
