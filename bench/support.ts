// What the benchmarks share: percentiles, the machine line, an in-process app and a signed-in session.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/domain/demo/province.ts';
import { buildApp } from '../src/server/platform/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { type Db, openDb } from '../src/server/platform/db.ts';
import type { App } from '../src/server/platform/http.ts';
import { spawnServer } from '../src/server/platform/testing/spawn.ts';

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export function percentiles(ms: number[]): Percentiles {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1)! };
}

export const formatPercentiles = (x: Percentiles, digits = 1) =>
  `p50 ${x.p50.toFixed(digits)} ms, p95 ${x.p95.toFixed(digits)} ms, max ${x.max.toFixed(digits)} ms`;

export const machineLine = () =>
  `machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

/** The real app over a database, without a socket, with the rate limit out of the way. */
export async function benchApp(db: Db): Promise<App> {
  const app = await buildApp({
    db,
    config: { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' },
    rateLimitPerMinute: 1_000_000,
  });
  await app.ready();
  return app;
}

/** A signed-in client over app.inject (cookies + CSRF), as a browser would be. */
export async function session(app: App, username: string) {
  const jar = new Map<string, string>();
  const keep = (res: { cookies: { name: string; value: string }[] }) => {
    for (const c of res.cookies) jar.set(c.name, c.value);
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
  keep(csrf);
  const token = (csrf.json() as { token: string }).token;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
    headers: { cookie: cookie(), 'x-csrf-token': token },
  });
  if (login.statusCode !== 200) throw new Error(`login ${login.statusCode}`);
  keep(login);
  const cookies = cookie();
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies } }),
    post: (url: string, payload: unknown) =>
      app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: { cookie: cookies, 'x-csrf-token': token },
      }),
  };
}

/**
 * The server as its own process (`atgt serve`, demo province loaded) on a fresh database: a new PGlite data
 * folder, or the PostgreSQL database at DATABASE_URL emptied first. After `stop()`, `openDatabase()` reads
 * what it stored; `cleanup()` removes the folder.
 */
export async function spawnBenchServer(
  env: Record<string, string> = {},
  /** the PostgreSQL database to use (emptied first); null: PGlite whatever DATABASE_URL says */
  databaseUrl: string | null | undefined = process.env.DATABASE_URL,
) {
  console.log(machineLine());
  console.log(`database: ${databaseUrl ? 'PostgreSQL' : 'PGlite (embedded)'}`);
  if (databaseUrl) {
    const db = await openDb({ databaseUrl });
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await db.close();
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atgt-bench-'));
  const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', ...env });
  return {
    url: server.url,
    stop: () => server.stop(),
    openDatabase: () => openDb({ databaseUrl: databaseUrl ?? undefined, dataDir }),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
