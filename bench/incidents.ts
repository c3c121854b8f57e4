// Benchmark: crash quick reports (issue 7).
// 1. A burst of RATE public reports per second for SECONDS seconds (default 200/s × 30 s) over loopback HTTP to
//    the real server, started as its own process (`atgt serve`, demo province, info logging as in production),
//    multipart as the phone sends them, every 10th with a 1280 × 960 photo. Then, with the server stopped: were
//    all received exactly once (rows = distinct client ids = answers 201)? Latency p50/p95/max of the answers.
//    The burst stands for many phones; they share one loopback address here, so the per-address limit
//    (PUBLIC_REPORTS_PER_MINUTE, 60 by default) is lifted for the run.
// 2. The first-load JavaScript of the report page (/bao-tin) from dist/web, gzip: what bao-tin.html loads at once
//    (its module script and modulepreloads). Run `npm run build` first.
// Embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { WEB_DIST } from '../src/server/platform/app.ts';
import type { Db } from '../src/server/platform/db.ts';
import { formatPercentiles, percentiles, spawnBenchServer } from './support.ts';

const RATE = Number(process.env.RATE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 30);
const PHOTO_EVERY = Number(process.env.PHOTO_EVERY ?? 10);

const server = await spawnBenchServer({ PUBLIC_REPORTS_PER_MINUTE: '1000000' });
const address = server.url;

// A camera photo the phone has already shrunk: 1280 × 960 JPEG.
const pixels = Buffer.alloc(1280 * 960 * 3);
for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + (i >> 9)) % 251;
const photo = await sharp(pixels, { raw: { width: 1280, height: 960, channels: 3 } })
  .jpeg({ quality: 80 })
  .toBuffer();

const vn = (d: Date) => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
let made = 0;
const sentIds = new Set<string>();
async function body(): Promise<{ payload: Buffer; type: string }> {
  made++;
  const clientId = randomUUID();
  sentIds.add(clientId);
  const now = new Date();
  const form = new FormData();
  form.append(
    'report',
    JSON.stringify({
      clientId,
      occurredAt: vn(now),
      createdAt: vn(now),
      // Spread over the province, so that most reports open their own incident.
      location: {
        lat: 21.9 + Math.random() * 0.8,
        lon: 102.5 + Math.random() * 1.3,
        accuracyM: 15,
        source: 'gps',
      },
      victims: 1 + (made % 3),
      trapped: made % 7 === 0 ? 1 : 0,
      vehicles: ['motorbike'],
      description: 'Tin báo thử tải',
    }),
  );
  if (made % PHOTO_EVERY === 0)
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'anh.jpg');
  const encoded = new Request('http://x/', { method: 'POST', body: form });
  return { payload: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
}
// Bodies are prepared before the run, so that the client's own work does not slow the burst.
const total = RATE * SECONDS;
const bodies = await Promise.all(Array.from({ length: total }, body));
let next = 0;

const latencies: number[] = [];
const statuses = new Map<number, number>();
const options: autocannon.Options = {
  url: `${address}/api/v1/public/incident-reports`,
  method: 'POST',
  connections: 100,
  overallRate: RATE,
  amount: total,
  timeout: 30,
  requests: [
    {
      setupRequest: (req) => {
        const b = bodies[next++ % bodies.length]!;
        return { ...req, body: b.payload, headers: { 'content-type': b.type } };
      },
    },
  ],
};
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
});

await server.stop();
const db: Db = await server.openDatabase();
// Only this run's reports (the demo province has its own history).
const [rows] = await db.query<{ reports: number; distinct: number; photos: number; incidents: number }>(
  `SELECT count(*)::int AS reports, count(DISTINCT r.client_id)::int AS distinct,
          (SELECT count(*)::int FROM incident_photos p JOIN incident_reports x ON x.id = p.report_id
            WHERE x.description = 'Tin báo thử tải') AS photos,
          count(DISTINCT r.incident_id)::int AS incidents
     FROM incident_reports r WHERE r.description = 'Tin báo thử tải'`,
);
const stored = await db.query<{ client_id: string }>('SELECT client_id::text FROM incident_reports');
const lost = [...sentIds].filter((id) => !stored.some((r) => r.client_id === id)).length;
console.log(
  `burst: ${RATE}/s for ${SECONDS} s = ${total} reports (every ${PHOTO_EVERY}th with a ${(photo.length / 1024).toFixed(0)} KiB photo), 100 connections`,
);
console.log(
  `answers: ${[...statuses].map(([s, n]) => `${s} × ${n}`).join(', ')}; errors ${result.errors}, timeouts ${result.timeouts}`,
);
console.log(
  `stored: ${rows!.reports} reports (${rows!.distinct} distinct client ids), ${rows!.photos} photos, ${rows!.incidents} incidents; lost: ${lost}`,
);
console.log(
  `report latency: ${formatPercentiles(percentiles(latencies))}; achieved ${(result.requests.total / result.duration).toFixed(0)} req/s over ${result.duration.toFixed(1)} s`,
);
await db.close();
server.cleanup();

// ── first-load JavaScript of the report page
const html = path.join(WEB_DIST, 'bao-tin.html');
if (!existsSync(html)) console.log('report page: dist/web/bao-tin.html missing — run `npm run build` first');
else {
  const page = readFileSync(html, 'utf8');
  const scripts = [
    ...page.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => (m[1] ?? m[2])!);
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const bytes = readFileSync(path.join(WEB_DIST, src.replace(/^\//, '')));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(
    `report page first-load JS: ${scripts.length} file(s), ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzip (goal ≤ 150 kB gzip)`,
  );
}
