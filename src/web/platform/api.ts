/**
 * The one way the web app talks to the server.
 * - same-origin cookies (the session cookie is httpOnly);
 * - a CSRF token from GET /api/v1/auth/csrf, sent as `x-csrf-token` on every unsafe request,
 *   fetched again once (and the request retried) when the server answers CSRF_INVALID;
 * - errors of shape `{ error: { code, message, details } }` become an {@link ApiError};
 * - a 401 from anything but /auth/me and /auth/login calls the handler set with {@link onUnauthorized}.
 */
import i18n from './i18n/index.ts';

export const API_BASE = '/api/v1';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages by top-level field name (the first segment of `path`). */
  fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const d of this.details) {
      const field = d.path.split('.')[0] ?? '';
      if (!field) continue;
      const list = out[field] ?? [];
      list.push(d.message);
      out[field] = list;
    }
    return out;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Query values; undefined, null and '' are left out of the URL. */
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);
const NO_REDIRECT_ON_401 = ['/auth/me', '/auth/login'];

let csrfToken: string | null = null;
let csrfPending: Promise<string> | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** What to do when the session has ended (the app shell sends the user to /login). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Forget the CSRF token (e.g. after logout); the next unsafe request fetches a new one. */
export function resetCsrf(): void {
  csrfToken = null;
  csrfPending = null;
}

async function getCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  if (!csrfPending) {
    csrfPending = request<{ token: string }>('GET', '/auth/csrf')
      .then((res) => {
        csrfToken = res.token;
        return res.token;
      })
      .finally(() => {
        csrfPending = null;
      });
  }
  return csrfPending;
}

export function buildUrl(path: string, query?: Query): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function send(
  method: Method,
  path: string,
  options: RequestOptions,
  token: string | null,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-csrf-token'] = token;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy error page, an empty body)
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string') {
    const details = Array.isArray(err.details)
      ? err.details
          .filter((d): d is ErrorDetail => typeof d?.path === 'string' && typeof d?.message === 'string')
          .map((d) => ({ path: d.path, message: d.message }))
      : [];
    const message = typeof err.message === 'string' && err.message ? err.message : i18n.t('errors.generic');
    return new ApiError(res.status, err.code, message, details);
  }
  const fallback =
    res.status >= 500
      ? i18n.t('errors.server')
      : res.status === 404
        ? i18n.t('errors.notFound')
        : i18n.t('errors.generic');
  return new ApiError(res.status, `HTTP_${res.status}`, fallback);
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const unsafe = UNSAFE.has(method);
  let token = unsafe ? await getCsrfToken() : null;
  let res = await send(method, path, options, token);
  let error = res.ok ? null : await toApiError(res);

  if (unsafe && error?.code === 'CSRF_INVALID') {
    resetCsrf();
    token = await getCsrfToken();
    res = await send(method, path, options, token);
    error = res.ok ? null : await toApiError(res);
  }

  if (error) {
    if (error.status === 401 && !NO_REDIRECT_ON_401.some((p) => path.startsWith(p))) unauthorizedHandler?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
