// Benchmark: load CRASHES (default 1,000,000) generated crashes, then time the three criteria by commune
// for a year against the same period of the previous year (GET /api/v1/crash-stats?by=commune) — on
// PGlite and on PostgreSQL in the same run. Prints the machine, the data size and p50/p95/max.
// PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/atgt_bench; skipped if unreachable).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Rng } from '../src/domain/demo/rng.ts';
import { loadDemoProvince } from '../src/server/demo/load.ts';
import { type Db, openDb, wrapPglite } from '../src/server/platform/db.ts';
import { migrate } from '../src/server/platform/migrate.ts';
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

const CAUSES = ['speed', 'alcohol', 'wrong_lane', 'overtaking', 'turning', 'no_licence', 'other'];
const VEHICLES = ['motorbike', 'car', 'truck', 'bus', 'bicycle', 'pedestrian'];

/** Generates and inserts the crashes in chunks, each crash in a commune valid on its date. */
async function load(db: Db): Promise<number> {
  const communes = await db.query<{ id: string; validFrom: string; validTo: string | null }>(
    `SELECT id, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM admin_units WHERE level = 'commune'`,
  );
  const before = communes.filter((c) => c.validTo !== null);
  const after = communes.filter((c) => c.validTo === null);
  const rng = new Rng(42);
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const span = Date.UTC(LAST_YEAR + 1, 0, 1) - start;
  const CHUNK = 20_000;
  const t0 = performance.now();
  for (let done = 0; done < CRASHES; done += CHUNK) {
    const rows = [];
    for (let i = 0; i < Math.min(CHUNK, CRASHES - done); i++) {
      const at = new Date(start + Math.floor(rng.next() * span));
      const day = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const pool = day < '2025-07-01' ? before : after;
      const deaths = rng.next() < 0.3 ? rng.int(1, 2) : 0;
      const injured = rng.int(0, 3);
      rows.push({
        occurredAt: at.toISOString(),
        adminUnitId: rng.pick(pool).id,
        mode: 'road',
        deaths,
        injured,
        cause: rng.pick(CAUSES),
        vehicles: [rng.pick(VEHICLES)],
        alcohol: rng.next() < 0.15,
        severity:
          deaths >= 2
            ? 'rat_nghiem_trong'
            : deaths === 1
              ? 'nghiem_trong'
              : injured
                ? 'it_nghiem_trong'
                : 'va_cham',
        source: 'police',
        verified: rng.next() < 0.95,
      });
    }
    await db.query(
      `INSERT INTO crashes (occurred_at, admin_unit_id, mode, deaths, injured, cause, causes, vehicles, alcohol, severity, source, verified)
       SELECT "occurredAt", "adminUnitId", mode, deaths, injured, cause, ARRAY[cause], vehicles, alcohol, severity, source, verified
         FROM jsonb_to_recordset($1::jsonb) AS x("occurredAt" timestamptz, "adminUnitId" text, mode text, deaths int,
              injured int, cause text, vehicles text[], alcohol boolean, severity text, source text, verified boolean)`,
      [JSON.stringify(rows)],
    );
  }
  return performance.now() - t0;
}

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
