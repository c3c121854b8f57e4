// Benchmark: (1) importing a 1,000-row appendix — read only, preview over HTTP, save over HTTP;
// (2) "my unit's tasks" for a unit with 5,000 assignments, over HTTP. Embedded PGlite by default,
// PostgreSQL when DATABASE_URL is set. Prints the machine, the data size and p50/p95/max.
import { PGlite } from '@electric-sql/pglite';
import { readAppendix, splitPastedTable } from '../src/domain/plans/appendix.ts';
import { loadDemoProvince } from '../src/server/demo/load.ts';
import { type Db, openDb, wrapPglite } from '../src/server/platform/db.ts';
import { migrate } from '../src/server/platform/migrate.ts';
import { benchApp, formatPercentiles, machineLine, percentiles, session } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const QUERIES = Number(process.env.QUERIES ?? 200);

const stats = (ms: number[]) => formatPercentiles(percentiles(ms));

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const TIMEFRAMES = [
  'Quý I/2026',
  'Hằng tháng',
  'Thường xuyên',
  'Khi có chỉ đạo',
  'Tháng 6/2026',
  'Hoàn thành trong Quý II/2026 và duy trì thường xuyên',
  'Hằng quý',
  'Các đợt cao điểm',
];
const LEADS = [
  'Công an tỉnh',
  'Sở Xây dựng',
  'Sở Y tế/Công an tỉnh',
  'Sở Giáo dục và Đào tạo',
  'Ban ATGT tỉnh (tham mưu)',
  'UBND các xã, phường',
  'Sở GTVT',
  'Tỉnh Đoàn',
];
const COORDINATORS = [
  'Công an tỉnh, Sở Tài chính',
  'UBND các xã, phường',
  'Các sở, ban, ngành',
  '',
  'Sở Khoa học và Công nghệ',
  '(ít nhất 02 buổi/năm học)',
];

/**
 * A realistic appendix of `rows` rows: 10 sections, items and sub-items, a repeated header every
 * 100 rows, a continuation row every 50. `lead` forces one lead unit (for the my-tasks data).
 */
function appendix(rows: number, lead?: string): string {
  const header = 'STT\tNội dung công tác\tThời gian thực hiện\tĐơn vị chủ trì\tĐơn vị phối hợp\tGhi chú';
  const out = ['Phụ lục: Phân công nhiệm vụ (bộ dữ liệu đo hiệu năng)', header];
  const perSection = Math.ceil(rows / ROMAN.length);
  let n = 0;
  for (const roman of ROMAN) {
    out.push(`${roman}\tNhóm nhiệm vụ ${roman}\t\t\t\t`);
    n++;
    let item = 0;
    let sub = 0;
    for (let k = 1; k < perSection && n < rows; k++, n++) {
      if (n % 100 === 0) out.push(header);
      const t = TIMEFRAMES[n % TIMEFRAMES.length]!;
      const l = lead ?? LEADS[n % LEADS.length]!;
      const c = COORDINATORS[n % COORDINATORS.length]!;
      if (k % 5 === 0 && item > 0) {
        sub++;
        out.push(`${item}.${sub}\tNội dung chi tiết số ${n} của mục ${item}\t${t}\t${l}\t${c}\t`);
      } else {
        item++;
        sub = 0;
        out.push(
          `${item}\tTriển khai nội dung công tác số ${n} bảo đảm trật tự, an toàn giao thông\t${t}\t${l}\t${c}\t`,
        );
      }
      if (n % 50 === 0) out.push('\tvà báo cáo kết quả về Ban ATGT tỉnh\t\t\t\t');
    }
  }
  return out.join('\n');
}

async function openBenchDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) return openDb({ databaseUrl: url });
  return wrapPglite(await PGlite.create());
}

const db = await openBenchDb();
if (process.env.DATABASE_URL) {
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}
await migrate(db);
await loadDemoProvince(db, { crashes: false });
const app = await benchApp(db);

console.log(`${machineLine()}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);

// (1) Import of a 1,000-row appendix.
const office = await session(app, 'vanphong');
const text = appendix(1000);
const grid = splitPastedTable(text);
const read: number[] = [];
const preview: number[] = [];
const save: number[] = [];
let tasks = 0;
let assignments = 0;
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  readAppendix(grid, { planYear: 2026, planDate: '2026-01-20' });
  read.push(performance.now() - t);
  t = performance.now();
  const p = await office.post('/api/v1/plans/import/preview', { source: { text }, planDate: '2026-01-20' });
  preview.push(performance.now() - t);
  if (p.statusCode !== 200) throw new Error(`preview ${p.statusCode} ${p.body.slice(0, 300)}`);
  t = performance.now();
  const s = await office.post('/api/v1/plans/import', {
    source: { text },
    plan: {
      number: `${900 + i}/KH-BENCH`,
      issuedOn: '2026-01-20',
      issuingBody: 'UBND tỉnh Lai Châu',
      title: `Kế hoạch đo hiệu năng ${i}`,
    },
  });
  save.push(performance.now() - t);
  if (s.statusCode !== 201) throw new Error(`save ${s.statusCode} ${s.body.slice(0, 300)}`);
  ({ tasks, assignments } = s.json() as { tasks: number; assignments: number });
}
console.log(
  `appendix: ${grid.length} rows (${tasks} tasks, ${assignments} assignments per save); ${RUNS} runs each`,
);
console.log(`  read only (domain, no database):   ${stats(read)}`);
console.log(`  preview over HTTP (read + resolve): ${stats(preview)}`);
console.log(`  save over HTTP (one transaction):   ${stats(save)}`);

// (2) "My unit's tasks" for a unit with 5,000 assignments.
for (let i = 0; i < 5; i++) {
  const s = await office.post('/api/v1/plans/import', {
    source: { text: appendix(1000, 'Công an tỉnh') },
    plan: {
      number: `${800 + i}/KH-CA-BENCH`,
      issuedOn: '2026-01-20',
      issuingBody: 'UBND tỉnh Lai Châu',
      title: `Kế hoạch Công an ${i}`,
    },
  });
  if (s.statusCode !== 201) throw new Error(`seed ${s.statusCode} ${s.body.slice(0, 300)}`);
}
const [count] = await db.query<{ leads: number; all: number; occurrences: number }>(
  `SELECT count(*) FILTER (WHERE a.role = 'lead')::int AS leads, count(*)::int AS "all",
          (SELECT count(*)::int FROM task_occurrences o JOIN task_assignments x ON x.id = o.assignment_id
            WHERE x.org_unit_id IN (SELECT id FROM org_unit_subtree((SELECT id FROM org_units WHERE code = 'CA')))) AS occurrences
     FROM task_assignments a WHERE a.org_unit_id IN (SELECT id FROM org_unit_subtree((SELECT id FROM org_units WHERE code = 'CA')))`,
);
const [total] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM task_assignments');
const police = await session(app, 'congan');
const urls = {
  'all, page 1': '/api/v1/assignments?mine=true&pageSize=20&asOf=2026-07-15',
  overdue: '/api/v1/assignments?mine=true&dueState=overdue&pageSize=20&asOf=2026-07-15',
  'due soon': '/api/v1/assignments?mine=true&dueState=due_soon&pageSize=20&asOf=2026-07-15',
  'search "báo cáo"': '/api/v1/assignments?mine=true&q=b%C3%A1o%20c%C3%A1o&pageSize=20&asOf=2026-07-15',
  'page 100': '/api/v1/assignments?mine=true&pageSize=20&page=100&asOf=2026-07-15',
};
console.log(
  `my tasks: Công an tỉnh has ${count?.leads} lead / ${count?.all} assignments with ${count?.occurrences} dues (${total?.n} assignments in all); ${QUERIES} requests each`,
);
for (const [label, url] of Object.entries(urls)) {
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    const res = await police.get(url);
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${url} ${res.statusCode}`);
  }
  console.log(`  ${label.padEnd(18)} ${stats(times)}`);
}
await app.close();
await db.close();
