// Benchmark: 1,000,000 generated crashes over 2023–2025 (≈ 70 % on 10 roads with km markers, the rest with
// coordinates only, planted hotspots), then black-spot detection for the 12 months to 31/12/2025:
// linear (sliding window along each road) and spatial (grid-indexed haversine clusters). 5 runs, p50/p95.
// CRASHES and RUNS override the defaults.
import { criteriaInForce, windowEnding } from '../src/domain/blackspots/criteria.ts';
import { detectLinear } from '../src/domain/blackspots/linear.ts';
import { detectSpatial } from '../src/domain/blackspots/spatial.ts';
import { genLinear, genSpatial } from '../src/domain/blackspots/testing.ts';
import { formatPercentiles, machineLine, percentiles } from './support.ts';

const CRASHES = Number(process.env.CRASHES ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 5);

const t0 = performance.now();
const nLinear = Math.round(CRASHES * 0.7);
const linear = genLinear(nLinear, { seed: 2025, hotspots: 300 });
const spatial = genSpatial(CRASHES - nLinear, { seed: 2026, hotspots: 200 }, nLinear + 1);
const genMs = performance.now() - t0;

const criteria = criteriaInForce('2025-12-31');
if (!criteria) throw new Error('no criteria in force');
const window = windowEnding('2025-12-31', criteria);

const linMs: number[] = [];
const spaMs: number[] = [];
const totMs: number[] = [];
let lastLinear: ReturnType<typeof detectLinear> = [];
let lastSpatial: ReturnType<typeof detectSpatial> = [];
for (let run = 0; run < RUNS; run++) {
  const a = performance.now();
  lastLinear = detectLinear(linear, window, criteria);
  const b = performance.now();
  lastSpatial = detectSpatial(spatial, window, criteria);
  const c = performance.now();
  linMs.push(b - a);
  spaMs.push(c - b);
  totMs.push(c - a);
}

const count = (xs: { level: string }[], level: string) => xs.filter((x) => x.level === level).length;
console.log(machineLine());
console.log(
  `data: ${CRASHES.toLocaleString('en')} crashes (${nLinear.toLocaleString('en')} with km markers, ` +
    `${(CRASHES - nLinear).toLocaleString('en')} with coordinates), generated in ${genMs.toFixed(0)} ms`,
);
console.log(
  `criteria: ${criteria.id} (${criteria.citation}; verified: ${criteria.verified}), window ${window.from} … ${window.to}`,
);
console.log(
  `linear:  ${formatPercentiles(percentiles(linMs))} — ${lastLinear.length} candidates ` +
    `(${count(lastLinear, 'black_spot')} black spots, ${count(lastLinear, 'potential')} potential)`,
);
console.log(
  `spatial: ${formatPercentiles(percentiles(spaMs))} — ${lastSpatial.length} clusters ` +
    `(${count(lastSpatial, 'black_spot')} black spots, ${count(lastSpatial, 'potential')} potential)`,
);
const total = percentiles(totMs);
console.log(
  `total:   ${formatPercentiles(total)} — goal < 2000 ms: ${total.p95 < 2000 ? 'met' : 'NOT met'} (p95)`,
);

// ── End to end: the same crashes in the database (PGlite), detection through POST /api/v1/black-spots/detect
// (reading the window's crashes from the database, both detections, candidates with names), and the map data
// for a visible area (GET /api/v1/crashes/map with a bounding box). E2E=0 skips it.
if (process.env.E2E !== '0') {
  const { PGlite } = await import('@electric-sql/pglite');
  const { wrapPglite } = await import('../src/server/platform/db.ts');
  const { migrate } = await import('../src/server/platform/migrate.ts');
  const { loadDemoProvince } = await import('../src/server/demo/load.ts');
  const { benchApp, session } = await import('./support.ts');
  const db = wrapPglite(await PGlite.create());
  await migrate(db);
  await loadDemoProvince(db, { crashes: false });
  const roadIds = (await db.query<{ id: number }>('SELECT id FROM roads ORDER BY id')).map((r) => r.id);
  const units = await db.query<{ id: string; validTo: string | null }>(
    `SELECT id, valid_to::text AS "validTo" FROM admin_units WHERE level = 'commune'`,
  );
  const before = units.filter((u) => u.validTo !== null).map((u) => u.id);
  const after = units.filter((u) => u.validTo === null).map((u) => u.id);
  const t1 = performance.now();
  const all = [
    ...linear.map((c) => ({ ...c, lat: null, lon: null, roadId: roadIds[(c.roadId - 1) % roadIds.length] })),
    ...spatial.map((c) => ({ ...c, roadId: null, kmM: null })),
  ];
  for (let i = 0; i < all.length; i += 20_000) {
    const rows = all.slice(i, i + 20_000).map((c, k) => ({
      occurredAt: c.occurredAt.length === 10 ? `${c.occurredAt}T08:00:00+07:00` : c.occurredAt,
      adminUnitId: (c.occurredAt.slice(0, 10) < '2025-07-01' ? before : after)[
        (i + k) % (c.occurredAt.slice(0, 10) < '2025-07-01' ? before.length : after.length)
      ],
      roadId: c.roadId,
      kmM: c.kmM,
      lat: c.lat,
      lon: c.lon,
      deaths: c.deaths,
      injured: c.injured,
    }));
    await db.query(
      `INSERT INTO crashes (occurred_at, admin_unit_id, road_id, km_m, lat, lon, deaths, injured, verified)
       SELECT "occurredAt", "adminUnitId", "roadId", "kmM", lat, lon, deaths, injured, true
         FROM jsonb_to_recordset($1::jsonb) AS x("occurredAt" timestamptz, "adminUnitId" text, "roadId" int, "kmM" int,
              lat float8, lon float8, deaths int, injured int)`,
      [JSON.stringify(rows)],
    );
  }
  const loadMs = performance.now() - t1;
  const app = await benchApp(db);
  const office = await session(app, 'vanphong');
  const e2e: number[] = [];
  let considered = 0;
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const a = performance.now();
    const res = await office.post('/api/v1/black-spots/detect', { from: window.from, to: window.to });
    e2e.push(performance.now() - a);
    if (res.statusCode !== 200) throw new Error(`detect ${res.statusCode} ${res.body.slice(0, 200)}`);
    considered = (res.json() as { crashesConsidered: number }).crashesConsidered;
  }
  console.log(
    `end to end (PGlite, ${CRASHES.toLocaleString('en')} crashes loaded in ${(loadMs / 1000).toFixed(1)} s):`,
  );
  console.log(
    `  POST /black-spots/detect, ${considered.toLocaleString('en')} crashes in the window: ${formatPercentiles(percentiles(e2e))}`,
  );
  const map: number[] = [];
  for (let i = 0; i < 50; i++) {
    const lat = 20.8 + (i % 5) * 0.06;
    const lon = 105.6 + Math.floor(i / 5) * 0.03;
    const a = performance.now();
    const res = await office.get(
      `/api/v1/crashes/map?from=${window.from}&to=${window.to}&minLat=${lat}&maxLat=${lat + 0.1}&minLon=${lon}&maxLon=${lon + 0.12}`,
    );
    map.push(performance.now() - a);
    if (res.statusCode !== 200) throw new Error(`map ${res.statusCode}`);
  }
  console.log(
    `  GET /crashes/map for a visible area (~11 × 13 km), 50 requests: ${formatPercentiles(percentiles(map))}`,
  );
  await app.close();
  await db.close();
}
