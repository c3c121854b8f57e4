// Benchmark: the leader's dashboard, all tiles (GET /api/v1/dashboard/leader), over HTTP against the real
// server (`atgt serve` as its own process): the first call after start (cold) and RUNS more (p50/p95/max).
//   1. PGlite, demo province;
//   2. PostgreSQL at DATABASE_URL (emptied first), demo province;
//   3. the same PostgreSQL database with CRASHES (default 1,000,000) more crashes from 1/1/2017 to now
//      (60 % on the demo's roads), the server restarted.
// Goal: < 1 s. The agency's and the commune's dashboards are timed alongside for information.
// DATABASE_URL unset: PostgreSQL is skipped. CRASHES, RUNS override the defaults.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/domain/demo/province.ts';
import { openDb } from '../src/server/platform/db.ts';
import { HttpSession, spawnServer } from '../src/server/platform/testing/spawn.ts';
import { insertGeneratedCrashes } from './crash-data.ts';
import { formatPercentiles, percentiles, spawnBenchServer } from './support.ts';

const CRASHES = Number(process.env.CRASHES ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 20);
const DATABASE_URL = process.env.DATABASE_URL;

interface Figures {
  cold: number;
  runs: ReturnType<typeof percentiles>;
}

async function time(url: string, username: string, urlPath: string): Promise<Figures> {
  const s = new HttpSession(url);
  await s.login(username, DEMO_PASSWORD);
  const once = async () => {
    const t = performance.now();
    const res = await s.fetch('GET', urlPath);
    const body = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${body.slice(0, 300)}`);
    return ms;
  };
  const cold = await once();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push(await once());
  return { cold, runs: percentiles(ms) };
}

async function measure(label: string, url: string) {
  const leader = await time(url, 'lanhdao', '/api/v1/dashboard/leader');
  const met = leader.runs.p95 < 1000 && leader.cold < 1000;
  console.log(
    `${label}: GET /api/v1/dashboard/leader — cold ${leader.cold.toFixed(0)} ms; ${RUNS} calls ` +
      `${formatPercentiles(leader.runs, 0)} — goal < 1000 ms: ${met ? 'met' : 'NOT met'}`,
  );
  for (const [who, urlPath] of [
    ['congan', '/api/v1/dashboard/unit'],
    ['xa.binhlu', '/api/v1/dashboard/commune'],
  ] as const) {
    const f = await time(url, who, urlPath);
    console.log(`  ${urlPath} as ${who}: cold ${f.cold.toFixed(0)} ms; ${formatPercentiles(f.runs, 0)}`);
  }
  return leader;
}

/** What the database holds, for the report. */
async function dataSize(open: () => ReturnType<typeof openDb>) {
  const db = await open();
  const [row] = await db.query<{ crashes: number; ytd: number; daily: number; monthly: number }>(
    `SELECT (SELECT count(*)::int FROM crashes) AS crashes,
            (SELECT count(*)::int FROM crashes WHERE occurred_at >= date_trunc('year', now())) AS ytd,
            (SELECT count(*)::int FROM crash_daily) AS daily, (SELECT count(*)::int FROM crash_monthly) AS monthly`,
  );
  await db.close();
  const n = (x: number) => x.toLocaleString('en');
  return `${n(row!.crashes)} crashes (${n(row!.ytd)} this year), crash_daily ${n(row!.daily)} rows, crash_monthly ${n(row!.monthly)}`;
}

// ── 1. PGlite, demo ──────────────────────────────────────────────────────────────────────────────
{
  const server = await spawnBenchServer({}, null);
  await measure('PGlite, demo', server.url);
  await server.stop();
  console.log(`  data: demo province, ${await dataSize(server.openDatabase)}`);
  server.cleanup();
}

// ── 2 and 3. PostgreSQL, demo; then 1,000,000 more crashes ──────────────────────────────────────
if (!DATABASE_URL) console.log('PostgreSQL skipped (DATABASE_URL is not set)');
else {
  const server = await spawnBenchServer({}, DATABASE_URL);
  await measure('PostgreSQL, demo', server.url);
  console.log(`  data: demo province, ${await dataSize(server.openDatabase)}`);
  await server.stop();
  server.cleanup();

  const db = await openDb({ databaseUrl: DATABASE_URL });
  const roads = (await db.query<{ id: number }>('SELECT id FROM roads ORDER BY id')).map((r) => r.id);
  const loadMs = await insertGeneratedCrashes(db, {
    count: CRASHES,
    startMs: Date.UTC(2017, 0, 1) - 7 * 3600_000,
    endMs: Date.now() - 3600_000,
    seed: 2026,
    roads: { ids: roads, share: 0.6 },
  });
  const t = performance.now();
  await db.exec('ANALYZE');
  console.log(
    `loaded ${CRASHES.toLocaleString('en')} crashes in ${(loadMs / 1000).toFixed(1)} s, ` +
      `ANALYZE ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  await db.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'atgt-bench-'));
  const again = await spawnServer({ DATA_DIR: dir, DATABASE_URL });
  await measure(`PostgreSQL, demo + ${CRASHES.toLocaleString('en')} crashes`, again.url);
  console.log(`  data: ${await dataSize(() => openDb({ databaseUrl: DATABASE_URL }))}`);
  await again.stop();
  rmSync(dir, { recursive: true, force: true });
}
