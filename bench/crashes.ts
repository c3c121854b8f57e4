// Benchmark: load CRASHES (default 1,000,000) generated crashes, then time the three criteria by commune
// for a year against the same period of the previous year (GET /api/v1/crash-stats?by=commune) — on
// PGlite and on PostgreSQL in the same run. Prints the machine, the data size and p50/p95/max.
// PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/atgt_bench; skipped if unreachable).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadDemoProvince } from '../src/server/demo/load.ts';
import { type Db, openDb, wrapPglite } from '../src/server/platform/db.ts';
import { migrate } from '../src/server/platform/migrate.ts';
import { insertGeneratedCrashes } from './crash-data.ts';
import {
  benchApp,
  formatPercentiles,
  machineLine,
  type Percentiles,
  percentiles,
  session,
} from './support.ts';

const CRASHES = Number(process.env.CRASHES ?? 1_000_000);
const QUERIES = Number(process.env.QUERIES ?? 200);
const FIRST_YEAR = 2016;
const LAST_YEAR = 2025;
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/atgt_bench';

const stats = percentiles;
const fmt = (x: Percentiles) => formatPercentiles(x);

/** The crashes over FIRST_YEAR–LAST_YEAR (the shared generator of bench/crash-data.ts). */
const load = (db: Db) =>
  insertGeneratedCrashes(db, {
    count: CRASHES,
    startMs: Date.UTC(FIRST_YEAR, 0, 1),
    endMs: Date.UTC(LAST_YEAR + 1, 0, 1),
  });

async function measure(label: string, db: Db) {
  await migrate(db);
  await loadDemoProvince(db, { crashes: false });
  const loadMs = await load(db);
  const [count] = await db.query<{ crashes: number; daily: number }>(
    'SELECT (SELECT count(*)::int FROM crashes) AS crashes, (SELECT count(*)::int FROM crash_daily) AS daily',
  );
  const app = await benchApp(db);
  const office = await session(app, 'vanphong');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < QUERIES; i++) {
    const year = FIRST_YEAR + 1 + (i % (LAST_YEAR - FIRST_YEAR));
    const t = performance.now();
    const res = await office.get(`/api/v1/crash-stats?period=year:${year}&by=commune`);
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
    rows = (res.json() as { rows: unknown[] }).rows.length;
  }
  await app.close();
  await db.close();
  const s = stats(times);
  console.log(
    `${label}: loaded ${count?.crashes.toLocaleString('en')} crashes in ${(loadMs / 1000).toFixed(1)} s (${Math.round((CRASHES / loadMs) * 1000).toLocaleString('en')}/s), crash_daily ${count?.daily.toLocaleString('en')} rows`,
  );
  console.log(
    `  three criteria by commune for a year vs the previous year (${rows} communes), ${QUERIES} requests: ${fmt(s)}`,
  );
  return s;
}

console.log(machineLine());
console.log(
  `data: ${CRASHES.toLocaleString('en')} generated crashes over ${FIRST_YEAR}–${LAST_YEAR}, demo directory (106 old and 38 new communes)`,
);
const lite = await measure('PGlite', wrapPglite(await PGlite.create()));

let pgStats: Percentiles | null = null;
try {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  pgStats = await measure('PostgreSQL', await openDb({ databaseUrl: PG_URL }));
} catch (error) {
  console.log(`PostgreSQL skipped (${error instanceof Error ? error.message : String(error)})`);
}
if (pgStats) console.log(`ratio PGlite / PostgreSQL p95: ${(lite.p95 / pgStats.p95).toFixed(2)}×`);
