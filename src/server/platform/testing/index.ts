import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../../domain/demo/province.ts';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { type Db, openDb, wrapPglite } from '../db.ts';
import type { App } from '../http.ts';
import { createScratchDatabase } from './global-setup.ts';

export { DEMO_PASSWORD };

/** A fresh database for one test file: a copy of the run's template (migrated, demo province loaded). */
export async function createTestDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url, 'atgt_t', inject('templateDatabase'));
    const db = await openDb({ databaseUrl: scratch.url });
    const close = db.close.bind(db);
    db.close = async () => {
      await close();
      await scratch.drop();
    };
    return db;
  }
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject('templateDump'))]) });
  return wrapPglite(pglite);
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', ...overrides };
}

export interface TestContext {
  db: Db;
  app: App;
  close: () => Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const db = await createTestDb();
  const app = await buildApp({
    db,
    config: testConfig({ publicReportsPerMinute: 100_000, ...overrides }),
    rateLimitPerMinute: 100_000,
  });
  await app.ready();
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Talks to the app like a browser: keeps cookies, fetches a CSRF token before writes. */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  constructor(private readonly app: App) {}

  static async loggedIn(app: App, username: string, password = DEMO_PASSWORD): Promise<TestClient> {
    const client = new TestClient(app);
    const res = await client.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }

  /** The Cookie header of this client's session (for requests made outside inject, e.g. a live stream). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    options: { csrf?: boolean; rawBody?: string; contentType?: string } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = {};
    if (method !== 'GET' && options.csrf !== false) {
      if (!this.csrf) {
        const res = await this.request<{ token: string }>('GET', '/api/v1/auth/csrf');
        this.csrf = res.body.token;
      }
      headers['x-csrf-token'] = this.csrf;
    }
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let payload: string | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const res = await this.app.inject({ method, url, headers, payload });
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('application/json')) parsed = res.json();
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  /** A GET whose body is a file: the bytes and the headers. */
  async download(url: string): Promise<{ status: number; bytes: Buffer; headers: Response['headers'] }> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers };
  }
  /** A multipart/form-data POST (file uploads), encoded as a browser would. */
  async multipart<T = unknown>(url: string, form: FormData): Promise<Response<T>> {
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const headers: Record<string, string> = { 'content-type': encoded.headers.get('content-type') ?? '' };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers,
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    const json = String(res.headers['content-type'] ?? '').includes('application/json');
    return { status: res.statusCode, body: (json ? res.json() : res.body) as T, headers: res.headers };
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body);
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
