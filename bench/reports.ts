// Benchmark: the year-end review report (tổng kết năm) for a province with 3 years of data — the demo province
// (crashes from 15/11/2023, the 2026 plan, the 2026 reporting regime), completed to the end of the reporting
// year 2026 (14/12/2026) with generated crashes, and a yearly schedule for 25 units whose year-end reports are
// all submitted. Timed through app.inject as the office, RUNS times (default 5):
//   GET /api/v1/report-consolidation (the year), POST /api/v1/review-reports (the draft written from the data),
//   GET /api/v1/review-reports/:id/document?format=docx, and the three together.
// Embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
import { PGlite } from '@electric-sql/pglite';
import { generateCrashes } from '../src/domain/demo/crashes.ts';
import { buildDemoProvince } from '../src/domain/demo/province.ts';
import { DEMO_REPORT_AGENCIES, DEMO_REPORT_COMMUNES, demoReport } from '../src/domain/demo/reports.ts';
import { Rng } from '../src/domain/demo/rng.ts';
import { periodOf } from '../src/domain/reports/schedule.ts';
import { loadDemoProvince } from '../src/server/demo/load.ts';
import type { SessionUser } from '../src/server/platform/auth/roles.ts';
import { type Db, openDb, wrapPglite } from '../src/server/platform/db.ts';
import { migrate } from '../src/server/platform/migrate.ts';
import * as reports from '../src/server/reports/service.ts';
import { benchApp, formatPercentiles, machineLine, percentiles, session } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const YEAR = 2026;
/** The reporting year 2026 runs 15/12/2025 – 14/12/2026; with the two years before it, from 15/12/2023. */
const FIRST_DAY = '2023-12-15';
const LAST_DAY = '2026-12-14';

const stats = (ms: number[]) => formatPercentiles(percentiles(ms));

async function openBenchDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = await openDb({ databaseUrl: url });
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    return db;
  }
  return wrapPglite(await PGlite.create());
}

const db = await openBenchDb();
await migrate(db);
let t = performance.now();
const demo = await loadDemoProvince(db);
const demoMs = performance.now() - t;

// ── 3 years of crashes: add generated ones (the demo generator, its own seed) for the days the demo lacks,
// through the multi-row insert bench/blackspots.ts uses.
const localDay = `((occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date`;
const [span] = await db.query<{ first: string; last: string }>(
  `SELECT min(${localDay})::text AS first, max(${localDay})::text AS last FROM crashes`,
);
const gaps: { from: string; to: string }[] = [];
const dayBefore = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
if (!span?.first || span.first > FIRST_DAY)
  gaps.push({ from: FIRST_DAY, to: span?.first ? dayBefore(span.first) : LAST_DAY });
if (span?.last && span.last < LAST_DAY) gaps.push({ from: dayAfter(span.last), to: LAST_DAY });
const province = buildDemoProvince();
const roadIds = new Map(
  (await db.query<{ id: number; code: string }>('SELECT id, code FROM roads')).map((r) => [r.code, r.id]),
);
let added = 0;
t = performance.now();
for (const [i, gap] of gaps.entries()) {
  const crashes = generateCrashes(province, { seed: 7_000 + i, from: gap.from, to: gap.to });
  for (let k = 0; k < crashes.length; k += 5_000) {
    const rows = crashes.slice(k, k + 5_000).map((c) => ({
      occurredAt: c.occurredAt,
      adminUnitId: c.adminUnitId,
      roadId: c.roadCode ? (roadIds.get(c.roadCode) ?? null) : null,
      kmM: c.kmM,
      lat: c.lat,
      lon: c.lon,
      deaths: c.deaths,
      injured: c.injured,
      cause: c.cause,
      verified: c.verified,
    }));
    await db.query(
      `INSERT INTO crashes (occurred_at, admin_unit_id, road_id, km_m, lat, lon, deaths, injured, cause, causes, verified)
       SELECT "occurredAt", "adminUnitId", "roadId", "kmM", lat, lon, deaths, injured, cause, ARRAY[cause], verified
         FROM jsonb_to_recordset($1::jsonb) AS x("occurredAt" timestamptz, "adminUnitId" text, "roadId" int, "kmM" int,
              lat float8, lon float8, deaths int, injured int, cause text, verified boolean)`,
      [JSON.stringify(rows)],
    );
  }
  added += crashes.length;
}
const addMs = performance.now() - t;

// ── The yearly schedule for the 25 units of the demo's quarterly schedule, their year-end reports sent and
// accepted (set up through the service: not timed).
const [officeRow] = await db.query<SessionUser>(
  `SELECT id, username, display_name AS "displayName", role, org_unit_id AS "orgUnitId", NULL AS "orgUnitName",
          admin_unit_id AS "adminUnitId", NULL AS "adminUnitName" FROM users WHERE username = 'vanphong'`,
);
const office = officeRow!;
const actor = { userId: office.id, username: office.username, ip: null };
const [form] = await db.query<{ id: number }>(`SELECT id FROM report_forms WHERE code = 'atgt_periodic'`);
if (!form) throw new Error('the demo has no atgt_periodic form');
const units = await db.query<{ id: number; name: string; code: string; place: string | null }>(
  `SELECT o.id, o.name, o.code, a.name AS place FROM report_schedule_units u
     JOIN report_schedules s ON s.id = u.schedule_id AND s.frequency = 'quarter' AND s.year = $1
     JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN admin_units a ON a.id = o.admin_unit_id ORDER BY o.id`,
  [YEAR],
);
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
t = performance.now();
const schedule = await reports.createSchedule(db, actor, {
  formId: form.id,
  title: `Báo cáo tổng kết năm ${YEAR}`,
  kind: 'periodic',
  frequency: 'year',
  year: YEAR,
  cutoffDay: 14,
  dueOffsetDays: 0,
  unitIds: units.map((u) => u.id),
});
const period = periodOf(schedule, `${YEAR}-Y`)!;
const rng = new Rng(2_026_12);
for (const u of units) {
  const spec = [...DEMO_REPORT_AGENCIES, ...DEMO_REPORT_COMMUNES].find((d) =>
    d.kind === 'agency' ? d.key === u.code : d.key === u.place,
  );
  if (!spec) throw new Error(`no demo profile for ${u.name}`);
  const values = demoReport(spec, u.name, period, rng);
  const sub = await reports.saveDraft(
    db,
    actor,
    office,
    { scheduleId: schedule.id, periodKey: period.key, unitId: u.id, values },
    today,
  );
  await reports.submit(db, actor, office, sub.id, undefined, today);
  await reports.accept(db, actor, office, sub.id, today);
}
const setupMs = performance.now() - t;

const [data] = await db.query<{
  crashes: number;
  first: string;
  last: string;
  inYear: number;
  submissions: number;
}>(
  `SELECT count(*)::int AS crashes, min(${localDay})::text AS first, max(${localDay})::text AS last,
          count(*) FILTER (WHERE ${localDay} BETWEEN $1 AND $2)::int AS "inYear",
          (SELECT count(*)::int FROM report_submissions) AS submissions
     FROM crashes`,
  [period.from, period.to],
);

// ── Timed: as the office, through HTTP routing, session, validation and serialization (app.inject).
const app = await benchApp(db);
const http = await session(app, 'vanphong');
const consolidation: number[] = [];
const draft: number[] = [];
const docx: number[] = [];
const total: number[] = [];
let bytes = 0;
let paragraphs = 0;
let tables = 0;
for (let run = 0; run < RUNS; run++) {
  const a = performance.now();
  const c = await http.get(`/api/v1/report-consolidation?scheduleId=${schedule.id}&period=${period.key}`);
  const b = performance.now();
  if (c.statusCode !== 200) throw new Error(`consolidation ${c.statusCode} ${c.body.slice(0, 300)}`);
  const r = await http.post('/api/v1/review-reports', { scheduleId: schedule.id, periodKey: period.key });
  const d = performance.now();
  if (r.statusCode !== 201) throw new Error(`review ${r.statusCode} ${r.body.slice(0, 300)}`);
  const review = r.json() as {
    id: number;
    content: { sections: { paragraphs: string[]; tables?: unknown[] }[]; annexes: unknown[] };
  };
  const doc = await http.get(`/api/v1/review-reports/${review.id}/document?format=docx`);
  const e = performance.now();
  if (doc.statusCode !== 200) throw new Error(`docx ${doc.statusCode} ${doc.body.slice(0, 300)}`);
  consolidation.push(b - a);
  draft.push(d - b);
  docx.push(e - d);
  total.push(e - a);
  bytes = doc.rawPayload.length;
  paragraphs = review.content.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  tables =
    review.content.sections.reduce((n, s) => n + (s.tables?.length ?? 0), 0) + review.content.annexes.length;
}
await app.close();
await db.close();

console.log(`${machineLine()}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
console.log(
  `data: demo province loaded in ${(demoMs / 1000).toFixed(1)} s (${demo.crashes.toLocaleString('en')} crashes, ` +
    `${demo.planTasks} plan tasks, ${demo.reportSubmissions} demo report submissions); ` +
    `${added.toLocaleString('en')} generated crashes added for ${gaps.map((g) => `${g.from} … ${g.to}`).join(', ') || 'no gap'} ` +
    `in ${(addMs / 1000).toFixed(1)} s`,
);
console.log(
  `  ${data?.crashes.toLocaleString('en')} crashes from ${data?.first} to ${data?.last}; ` +
    `${data?.inYear.toLocaleString('en')} in the reporting year ${period.from} … ${period.to}`,
);
console.log(
  `  yearly schedule: ${units.length} units, ${units.length} year-end reports sent and accepted ` +
    `(${data?.submissions} submissions in all), set up in ${(setupMs / 1000).toFixed(1)} s`,
);
console.log(`year-end review ${period.key}, ${RUNS} runs:`);
console.log(`  GET  /report-consolidation          ${stats(consolidation)}`);
console.log(`  POST /review-reports (draft)        ${stats(draft)}`);
console.log(`  GET  /review-reports/:id/document   ${stats(docx)}`);
console.log(`  total                               ${stats(total)}`);
console.log(
  `  DOCX: ${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en')} bytes); draft: ${paragraphs} paragraphs, ${tables} tables and annexes`,
);
