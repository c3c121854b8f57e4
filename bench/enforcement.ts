import { parseNdjson } from '../src/domain/enforcement/camera-events.ts';
import { csvField } from '../src/server/enforcement/ingest.ts';
import type { Db } from '../src/server/platform/db.ts';
import { HttpSession } from '../src/server/platform/testing/spawn.ts';
import { benchApp, formatPercentiles, percentiles, session, spawnBenchServer } from './support.ts';

const EVENTS = Number(process.env.EVENTS ?? 200_000);
const BATCH = Number(process.env.BATCH ?? 10_000);
const LOOKUP_ROWS = Number(process.env.LOOKUP_ROWS ?? 10_000_000);
const LOOKUPS = Number(process.env.LOOKUPS ?? 300);
const DATABASE_URL = process.env.DATABASE_URL;
const LETTERS = 'ABCDEFGHKLMNPSTUVXYZ';

const server = await spawnBenchServer();
const police = new HttpSession(server.url);
await police.login('congan', 'ATGT@demo2025');

/** Camera i of 40, plate from the event number: cars and motorbikes of provinces 11–99. */
function line(i: number): string {
  const province = 11 + (i % 89);
  const letter = LETTERS[Math.floor(i / 89) % LETTERS.length];
  const n = String(Math.floor(i / 1780) % 100_000).padStart(5, '0');
  const plate =
    i % 3
      ? `${province}${letter}-${n.slice(0, 3)}.${n.slice(3)}`
      : `${province}-${letter}1 ${n.slice(0, 3)}.${n.slice(3)}`;
  const at = new Date(Date.parse('2026-10-01T00:00:00Z') + i * 1_000).toISOString();
  return JSON.stringify({
    cameraId: `CAM-${String(i % 40).padStart(2, '0')}`,
    eventId: `EV-${i}`,
    occurredAt: at,
    violation: ['speed_10_20', 'speed_20_35', 'red_light', 'no_helmet', 'phone'][i % 5],
    plate,
    vehicleType: i % 3 ? 'car' : 'motorbike',
    speedKmh: 70 + (i % 30),
    speedLimitKmh: 60,
    lat: 22 + (i % 1000) / 2000,
    lon: 103 + (i % 997) / 2000,
    imageSha256: (i % 16).toString(16).repeat(64),
  });
}
const batches: string[] = [];
for (let start = 0; start < EVENTS; start += BATCH) {
  const lines: string[] = [];
  for (let i = start; i < Math.min(EVENTS, start + BATCH); i++) lines.push(line(i));
  batches.push(lines.join('\n'));
}
const MB = batches.reduce((a, b) => a + b.length, 0) / 2 ** 20;

// 1. Ingestion through the API, two batches in flight.
const latencies: number[] = [];
let created = 0;
const t0 = performance.now();
let next = 0;
async function worker() {
  while (next < batches.length) {
    const body = batches[next++]!;
    const t = performance.now();
    const res = await police.post('/api/v1/camera-events/batch', body, 'application/x-ndjson');
    if (res.status !== 200)
      throw new Error(`batch refused: ${res.status} ${(await res.text()).slice(0, 500)}`);
    created += ((await res.json()) as { created: number }).created;
    latencies.push(performance.now() - t);
  }
}
await Promise.all([worker(), worker()]);
const ingestS = (performance.now() - t0) / 1000;
const replay = (await (
  await police.post('/api/v1/camera-events/batch', batches[0]!, 'application/x-ndjson')
).json()) as {
  created: number;
  duplicates: number;
};
await server.stop();
const ingestRate = EVENTS / ingestS;
console.log(
  `ingestion: ${EVENTS.toLocaleString('en')} events (${MB.toFixed(1)} MiB NDJSON) in ${batches.length} batches of ${BATCH.toLocaleString('en')}, 2 in flight: ${ingestS.toFixed(1)} s = ${Math.round(ingestRate).toLocaleString('en')} events/s; created ${created}; batch ${formatPercentiles(percentiles(latencies), 0)}`,
);
console.log(`replay of one batch: created ${replay.created}, duplicates ${replay.duplicates}`);

// 2. Raw COPY of the same rows (as ingestion stores them) into the emptied table.
const db: Db = await server.openDatabase();
const [{ n: stored }] = (await db.query<{ n: number }>(
  `SELECT count(*)::int AS n FROM violations WHERE camera_event_id LIKE 'EV-%'`,
)) as [{ n: number }];
await db.exec('TRUNCATE violations');
const events = batches.flatMap((b) => parseNdjson(b).events);
const csv = events
  .map((e) =>
    [
      'camera',
      e.cameraId,
      e.eventId,
      e.violation,
      e.ruleSet,
      e.occurredAt,
      e.lat,
      e.lon,
      e.place,
      e.plate,
      e.plateDisplay,
      e.vehicleType,
      e.speedKmh,
      e.speedLimitKmh,
      e.fineMin,
      e.fineMax,
      e.points,
      JSON.stringify(e.imageSha256 ? [{ sha256: e.imageSha256 }] : []),
    ]
      .map(csvField)
      .join(','),
  )
  .join('\n');
const t1 = performance.now();
await db.transaction((tx) =>
  tx.copyCsv(
    `COPY violations (source, camera_id, camera_event_id, type_code, rule_set, occurred_at, lat, lon, place, plate,
                      plate_display, vehicle_type, speed_kmh, speed_limit_kmh, fine_min, fine_max, points, evidence)
     FROM STDIN WITH (FORMAT csv)`,
    csv,
  ),
);
const copyS = (performance.now() - t1) / 1000;
const [{ n: copied }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM violations')) as [
  { n: number },
];
const copyRate = copied / copyS;
console.log(
  `raw COPY of the same ${copied.toLocaleString('en')} rows: ${copyS.toFixed(1)} s = ${Math.round(copyRate).toLocaleString('en')} rows/s; ingestion / COPY = ${(ingestRate / copyRate).toFixed(2)} (stored by ingestion: ${stored})`,
);

// 3. Look-up by plate at LOOKUP_ROWS violations (PostgreSQL).
if (DATABASE_URL && LOOKUP_ROWS > 0) {
  const t2 = performance.now();
  const step = 1_000_000;
  for (let start = copied; start < LOOKUP_ROWS; start += step) {
    await db.query(
      `INSERT INTO violations (source, camera_id, camera_event_id, type_code, rule_set, occurred_at, plate, plate_display,
                               vehicle_type, fine_min, fine_max, points)
       SELECT 'camera', 'CAM-' || (i % 40), 'GEN-' || i, (ARRAY['speed_10_20','red_light','no_helmet','phone'])[1 + i % 4], 'ND168-2024',
              timestamptz '2025-01-01' + make_interval(secs => i * 3),
              (11 + i % 89)::text || substr($3::text, (1 + (i / 89) % 20)::int, 1) || lpad(((i / 1780) % 100000)::text, 5, '0'),
              (11 + i % 89)::text || substr($3::text, (1 + (i / 89) % 20)::int, 1) || '-' || lpad(((i / 1780) % 100000)::text, 5, '0'),
              'car', 4000000, 6000000, 2
         FROM generate_series($1::bigint, $2::bigint) AS i`,
      [start, Math.min(LOOKUP_ROWS, start + step) - 1, LETTERS],
    );
  }
  await db.exec('ANALYZE violations');
  const [{ n: total }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM violations')) as [
    { n: number },
  ];
  console.log(
    `filled to ${total.toLocaleString('en')} violations in ${((performance.now() - t2) / 1000).toFixed(0)} s`,
  );
  const app = await benchApp(db);
  const office = await session(app, 'vanphong');
  const times: number[] = [];
  let found = 0;
  for (let k = 0; k < LOOKUPS; k++) {
    const i = Math.floor(Math.random() * LOOKUP_ROWS);
    const plate = `${11 + (i % 89)}${LETTERS[Math.floor(i / 89) % 20]}-${String(
      Math.floor(i / 1780) % 100_000,
    )
      .padStart(5, '0')
      .replace(/(\d{3})(\d{2})/, '$1.$2')}`;
    const t = performance.now();
    const res = await office.get(`/api/v1/violations?plate=${encodeURIComponent(plate)}&pageSize=20`);
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`lookup ${res.statusCode} ${res.body}`);
    found += (res.json() as { total: number }).total;
  }
  console.log(
    `look-up by plate at ${total.toLocaleString('en')} violations: ${LOOKUPS} plates, ${(found / LOOKUPS).toFixed(1)} violations each on average; ${formatPercentiles(percentiles(times))}`,
  );
  await app.close();
}
await db.close();
server.cleanup();
