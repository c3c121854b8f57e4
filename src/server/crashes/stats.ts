/**
 * The three criteria (crashes, deaths, injured) for a period against the same period last year, by a
 * breakdown; the year against the plan's targets; the same as an Excel workbook.
 *
 * Totals, communes and modes come from `crash_daily` (kept exact by a trigger); the other breakdowns
 * read `crashes` over the two periods. Merged duplicates never count; only verified records count
 * unless asked.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { CRASH_CAUSES, crashCauseLabel, severityLabel, VEHICLE_TYPES } from '../../domain/crashes/codes.ts';
import { compare, comparisonSentence, projectYear, targetStatus } from '../../domain/crashes/comparison.ts';
import {
  formatDateVi,
  type Period,
  parsePeriodSpec,
  samePeriodLastYear,
  shiftYears,
} from '../../domain/crashes/periods.ts';
import { monthSegments } from '../../domain/crashes/rollup.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';
import type * as s from './schemas.ts';
import { crashScope, dayStart, occurredWithin } from './service.ts';

type Criteria = { crashes: number; deaths: number; injured: number };
type StatsRow = z.infer<typeof s.statsRow>;
export type StatsResult = z.infer<typeof s.statsResult>;

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const MODE_LABELS: Record<string, string> = {
  road: 'Đường bộ',
  rail: 'Đường sắt',
  waterway: 'Đường thủy nội địa',
};
const vehicleLabels = new Map<string, string>(VEHICLE_TYPES.map((v) => [v.code, v.label]));
const causeOrder = new Map<string, number>(CRASH_CAUSES.map((c, i) => [c.code, i]));

/** key and label SQL for breakdowns read from `crashes c` (joined to the roll-up r and roads rd). */
const CRASH_KEYS: Record<string, { key: string; join?: string }> = {
  route: { key: `COALESCE(rd.code, '')`, join: 'LEFT JOIN roads rd ON rd.id = c.road_id' },
  cause: { key: `COALESCE(c.cause, '')` },
  vehicle: { key: 'v.vehicle', join: 'CROSS JOIN LATERAL unnest(c.vehicles) AS v(vehicle)' },
  hour_weekday: {
    key: `extract(isodow FROM (c.occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::int % 7 || '-' ||
          extract(hour FROM (c.occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::int`,
  },
  alcohol: { key: `CASE WHEN c.alcohol THEN 'yes' ELSE 'no' END` },
  commercial: { key: `CASE WHEN c.commercial THEN 'yes' ELSE 'no' END` },
  student: { key: `CASE WHEN c.students > 0 THEN 'yes' ELSE 'no' END` },
  severity: { key: `COALESCE(c.severity, '')` },
};

function zero(): Criteria {
  return { crashes: 0, deaths: 0, injured: 0 };
}

function rowOf(key: string, label: string, current: Criteria, previous: Criteria): StatsRow {
  const ch = (k: keyof Criteria) => {
    const c = compare(current[k], previous[k]);
    return { change: c.change, percent: c.percent };
  };
  return {
    key,
    label,
    current,
    previous,
    change: { crashes: ch('crashes'), deaths: ch('deaths'), injured: ch('injured') },
  };
}

/**
 * The period asked for and the same period of the previous year. A period still under way is cut at
 * `today`, and its comparison at the same day a year earlier, so that a year in progress is not
 * compared with the whole of last year.
 */
export function resolvePeriod(spec: string, today?: string): { period: Period; previous: Period } {
  const parsed = parsePeriodSpec(spec);
  if (!parsed.ok) throw badRequest('Dữ liệu không hợp lệ.', [{ path: 'period', message: parsed.error }]);
  const p = parsed.period;
  const previous = samePeriodLastYear(p);
  if (today && p.from <= today && today < p.to) {
    return {
      period: { ...p, to: today, label: `${p.label} (đến ngày ${formatDateVi(today)})` },
      previous: {
        ...previous,
        to: shiftYears(today, -1),
        label: `${previous.label} (đến ngày ${formatDateVi(shiftYears(today, -1))})`,
      },
    };
  }
  return { period: p, previous };
}

export async function crashStats(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.statsQuery>,
  /** cuts a period still under way (see resolvePeriod); none for fixed ranges */
  today?: string,
): Promise<StatsResult> {
  const { period, previous } = resolvePeriod(q.period, today);
  const verifiedOnly = q.verified === 'true';
  const scope = crashScope(user);
  // Each query numbers its own parameters (an unused one is an error on PGlite).
  let values: unknown[] = [];
  const scopeOf = () => (scope === null ? '' : `AND r.current_id = $${values.push(scope)}`);
  const cur = (col: string) => `COALESCE(sum(${col}) FILTER (WHERE cur), 0)::int`;
  const prev = (col: string) => `COALESCE(sum(${col}) FILTER (WHERE NOT cur), 0)::int`;
  type Raw = { key: string; cc: number; cd: number; ci: number; pc: number; pd: number; pi: number };
  let raw: Raw[];
  if (q.by === 'none' || q.by === 'commune' || q.by === 'mode') {
    // Whole months from crash_monthly, the days around them from crash_daily; summed per unit before
    // the roll-up to today's units is joined.
    const key = q.by === 'commune' ? 'r.current_id' : q.by === 'mode' ? 'u.mode' : `''`;
    values = [];
    const scopeSql = scopeOf();
    const parts: string[] = [];
    const verified = verifiedOnly ? 'AND verified' : '';
    for (const [range, cur] of [
      [period, true],
      [previous, false],
    ] as const) {
      const seg = monthSegments(range.from, range.to);
      if (seg.months)
        parts.push(
          `SELECT admin_unit_id, mode, ${cur} AS cur, crashes, deaths, injured FROM crash_monthly
            WHERE month BETWEEN $${values.push(seg.months.from)} AND $${values.push(seg.months.to)} ${verified}`,
        );
      for (const d of seg.days)
        parts.push(
          `SELECT admin_unit_id, mode, ${cur} AS cur, crashes, deaths, injured FROM crash_daily
            WHERE day BETWEEN $${values.push(d.from)} AND $${values.push(d.to)} ${verified}`,
        );
    }
    raw = await db.query<Raw>(
      `WITH u AS (SELECT admin_unit_id, mode, cur, sum(crashes) AS crashes, sum(deaths) AS deaths, sum(injured) AS injured
                    FROM (${parts.join(' UNION ALL ')}) x GROUP BY 1, 2, 3)
       SELECT ${key} AS key, ${cur('u.crashes')} AS cc, ${cur('u.deaths')} AS cd, ${cur('u.injured')} AS ci,
              ${prev('u.crashes')} AS pc, ${prev('u.deaths')} AS pd, ${prev('u.injured')} AS pi
         FROM u JOIN admin_unit_rollup r ON r.id = u.admin_unit_id
        WHERE TRUE ${scopeSql}
        GROUP BY 1`,
      values,
    );
  } else {
    values = [period.from, period.to, previous.from, previous.to];
    const scopeSql = scopeOf();
    const k = CRASH_KEYS[q.by]!;
    raw = await db.query<Raw>(
      `SELECT key, count(*) FILTER (WHERE cur)::int AS cc, ${cur('deaths')} AS cd, ${cur('injured')} AS ci,
              count(*) FILTER (WHERE NOT cur)::int AS pc, ${prev('deaths')} AS pd, ${prev('injured')} AS pi
         FROM (SELECT ${k.key} AS key, c.occurred_at >= ${dayStart('$1')} AS cur,
                      c.deaths, c.injured
                 FROM crashes c JOIN admin_unit_rollup r ON r.id = c.admin_unit_id ${k.join ?? ''}
                WHERE c.merged_into IS NULL ${verifiedOnly ? 'AND c.verified' : ''} ${scopeSql}
                  AND ((${occurredWithin('$1', '$2')}) OR (${occurredWithin('$3', '$4')}))) x
        GROUP BY key`,
      values,
    );
  }
  const labels = await labelsFor(
    db,
    q.by,
    raw.map((r) => r.key),
  );
  // The roll-up keeps rows whose crashes were all deleted or moved: nothing to show for them.
  const rows = raw
    .filter((r) => r.cc || r.cd || r.ci || r.pc || r.pd || r.pi)
    .map((r) =>
      rowOf(
        r.key,
        labels(r.key),
        { crashes: r.cc, deaths: r.cd, injured: r.ci },
        { crashes: r.pc, deaths: r.pd, injured: r.pi },
      ),
    )
    .sort(orderFor(q.by));
  const totalCurrent = zero();
  const totalPrevious = zero();
  // Vehicles count a crash once per vehicle type: the total comes from the crashes themselves.
  const totalRows =
    q.by === 'vehicle'
      ? await crashStats(db, user, { ...q, by: 'none' }, today).then((t) => [t.total])
      : rows;
  for (const r of totalRows) {
    for (const k of ['crashes', 'deaths', 'injured'] as const) {
      totalCurrent[k] += r.current[k];
      totalPrevious[k] += r.previous[k];
    }
  }
  // The commune's own name ("xã Bình Lư"), whatever the breakdown.
  const scopeLabel =
    scope === null ? '' : (q.by === 'commune' ? labels : await labelsFor(db, 'commune', [scope]))(scope);
  const place =
    scope === null ? 'toàn tỉnh' : `trên địa bàn ${scopeLabel.replace(/^./, (c) => c.toLowerCase()) || 'xã'}`;
  return {
    period: { from: period.from, to: period.to, label: period.label },
    previous: { from: previous.from, to: previous.to, label: previous.label },
    by: q.by,
    verifiedOnly,
    total: rowOf('total', 'Tổng cộng', totalCurrent, totalPrevious),
    rows: q.by === 'none' ? [] : rows,
    sentence: comparisonSentence(
      period,
      Number(previous.to.slice(0, 4)),
      {
        crashes: { current: totalCurrent.crashes, previous: totalPrevious.crashes },
        deaths: { current: totalCurrent.deaths, previous: totalPrevious.deaths },
        injured: { current: totalCurrent.injured, previous: totalPrevious.injured },
      },
      place,
    ),
  };
}

async function labelsFor(db: Db, by: string, keys: string[]): Promise<(key: string) => string> {
  if (by === 'commune') {
    const rows = await db.query<{ id: string; name: string; kind: string }>(
      'SELECT id, name, kind FROM admin_units WHERE id = ANY($1::text[])',
      [keys],
    );
    const names = new Map(
      rows.map((r) => [r.id, `${r.kind.charAt(0).toUpperCase()}${r.kind.slice(1)} ${r.name}`]),
    );
    return (k) => names.get(k) ?? k;
  }
  if (by === 'route') {
    const rows = await db.query<{ code: string; name: string }>('SELECT code, name FROM roads');
    const names = new Map(rows.map((r) => [r.code, `${r.code} (${r.name})`]));
    return (k) => (k === '' ? 'Ngoài các tuyến quốc lộ, đường tỉnh' : (names.get(k) ?? k));
  }
  if (by === 'cause') return (k) => (k === '' ? 'Chưa xác định' : crashCauseLabel(k));
  if (by === 'vehicle') return (k) => vehicleLabels.get(k) ?? k;
  if (by === 'severity') return (k) => (k === '' ? 'Chưa phân loại' : severityLabel(k));
  if (by === 'mode') return (k) => MODE_LABELS[k] ?? k;
  if (by === 'hour_weekday')
    return (k) => {
      const [d, h] = k.split('-');
      return `${WEEKDAYS[Number(d)] ?? d}, ${h} giờ`;
    };
  if (by === 'alcohol') return (k) => (k === 'yes' ? 'Có vi phạm nồng độ cồn' : 'Không');
  if (by === 'commercial') return (k) => (k === 'yes' ? 'Có xe kinh doanh vận tải' : 'Không');
  if (by === 'student') return (k) => (k === 'yes' ? 'Có học sinh, sinh viên bị nạn' : 'Không');
  return () => 'Toàn tỉnh';
}

function orderFor(by: string): (a: StatsRow, b: StatsRow) => number {
  if (by === 'hour_weekday')
    return (a, b) => {
      const [ad, ah] = a.key.split('-').map(Number);
      const [bd, bh] = b.key.split('-').map(Number);
      return (((ad ?? 0) + 6) % 7) - (((bd ?? 0) + 6) % 7) || (ah ?? 0) - (bh ?? 0);
    };
  if (by === 'cause') return (a, b) => (causeOrder.get(a.key) ?? 99) - (causeOrder.get(b.key) ?? 99);
  return (a, b) =>
    b.current.crashes - a.current.crashes ||
    b.current.deaths - a.current.deaths ||
    a.label.localeCompare(b.label, 'vi');
}

/** The year to date against the previous year and the plan's targets, with a projection. */
export async function crashTargets(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.targetsQuery>,
  today: string,
) {
  const asOf = q.asOf ?? (today.startsWith(String(q.year)) ? today : `${q.year}-12-31`);
  const prevAsOf =
    `${q.year - 1}${asOf.slice(4)}` === `${q.year - 1}-02-29`
      ? `${q.year - 1}-02-28`
      : `${q.year - 1}${asOf.slice(4)}`;
  const sum = async (from: string, to: string) =>
    (await crashStats(db, user, { period: `range:${from}..${to}`, by: 'none', verified: 'true' })).total
      .current;
  const ytd = await sum(`${q.year}-01-01`, asOf);
  const previousYtd = await sum(`${q.year - 1}-01-01`, prevAsOf);
  const previousYear = await sum(`${q.year - 1}-01-01`, `${q.year - 1}-12-31`);
  const [plan] = await db.query<{ id: number; number: string }>(
    `SELECT p.id, p.number FROM plans p
      WHERE extract(year FROM p.issued_on) = $1 AND p.parent_id IS NULL AND p.status <> 'draft'
        AND EXISTS (SELECT 1 FROM plan_targets t WHERE t.plan_id = p.id)
      ORDER BY p.issued_on DESC LIMIT 1`,
    [q.year],
  );
  const targets = plan
    ? await db.query<{
        indicator: string;
        direction: 'decrease' | 'increase';
        minPercent: number | null;
        maxPercent: number | null;
        description: string;
      }>(
        `SELECT indicator, direction, min_percent AS "minPercent", max_percent AS "maxPercent", description
           FROM plan_targets WHERE plan_id = $1`,
        [plan.id],
      )
    : [];
  const indicators = (['crashes', 'deaths', 'injured'] as const).map((indicator) => {
    const projected = projectYear({
      ytd: ytd[indicator],
      previousYtd: previousYtd[indicator],
      previousYear: previousYear[indicator],
      asOf,
      year: q.year,
    });
    const t = targets.find((x) => x.indicator === indicator);
    const status = t
      ? targetStatus({
          projected,
          previousYear: previousYear[indicator],
          minPercent: t.minPercent ?? 0,
          maxPercent: t.maxPercent ?? t.minPercent ?? 0,
          direction: t.direction,
        })
      : null;
    return {
      indicator,
      ytd: ytd[indicator],
      previousYtd: previousYtd[indicator],
      previousYear: previousYear[indicator],
      projected,
      target: t && status ? { description: t.description, ...status } : null,
    };
  });
  return { year: q.year, asOf, plan: plan ?? null, indicators };
}

/** The statistics table as an Excel workbook (Times New Roman, Vietnamese headings). */
export async function statsWorkbook(result: StatsResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thống kê TNGT', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.addRow([
    `Tình hình TNGT ${result.period.label} (${dmyRange(result.period)}) so với cùng kỳ ${result.previous.label}`,
  ]);
  ws.addRow([result.sentence]);
  ws.addRow([result.verifiedOnly ? 'Chỉ tính các vụ đã xác minh' : 'Tính cả các vụ chưa xác minh']);
  ws.addRow([]);
  const header = ws.addRow([
    'Nội dung',
    'Số vụ',
    'Cùng kỳ',
    'Tăng/giảm',
    'Tỷ lệ (%)',
    'Số người chết',
    'Cùng kỳ',
    'Tăng/giảm',
    'Tỷ lệ (%)',
    'Số người bị thương',
    'Cùng kỳ',
    'Tăng/giảm',
    'Tỷ lệ (%)',
  ]);
  header.font = { bold: true, name: 'Times New Roman' };
  for (const r of [...result.rows, result.total]) {
    const row = ws.addRow([
      r.label,
      ...(['crashes', 'deaths', 'injured'] as const).flatMap((k) => [
        r.current[k],
        r.previous[k],
        r.change[k].change,
        r.change[k].percent,
      ]),
    ]);
    if (r.key === 'total') row.font = { bold: true, name: 'Times New Roman' };
  }
  ws.getColumn(1).width = 40;
  for (let i = 2; i <= 13; i++) ws.getColumn(i).width = 12;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const dmyRange = (p: { from: string; to: string }) =>
  `${p.from.split('-').reverse().join('/')} – ${p.to.split('-').reverse().join('/')}`;

/** The three criteria of one month; `partial` when the month is cut at `asOf`. */
export interface MonthFigures {
  month: number;
  current: Criteria | null;
  previous: Criteria;
  partial: boolean;
}

/**
 * The three criteria by month of `year` and of the year before (verified records, read from `crash_monthly`), in
 * the user's scope. Months of `year` after `asOf` are null; the month holding `asOf` is marked partial (last
 * year's months are always whole).
 */
export async function monthlyTrend(
  db: Db,
  user: SessionUser,
  year: number,
  asOf: string,
): Promise<MonthFigures[]> {
  const scope = crashScope(user);
  const values: unknown[] = [`${year - 1}-01-01`, `${year}-12-01`];
  const scopeSql =
    scope === null
      ? ''
      : `AND m.admin_unit_id IN (SELECT id FROM admin_unit_rollup WHERE current_id = $${values.push(scope)})`;
  const rows = await db.query<Criteria & { month: string }>(
    `SELECT m.month::text AS month, COALESCE(sum(m.crashes), 0)::int AS crashes,
            COALESCE(sum(m.deaths), 0)::int AS deaths, COALESCE(sum(m.injured), 0)::int AS injured
       FROM crash_monthly m
      WHERE m.verified AND m.month BETWEEN $1::date AND $2::date ${scopeSql}
      GROUP BY 1`,
    values,
  );
  const byMonth = new Map(rows.map((r) => [r.month.slice(0, 7), r]));
  const figures = (key: string): Criteria => {
    const r = byMonth.get(key);
    return r ? { crashes: r.crashes, deaths: r.deaths, injured: r.injured } : zero();
  };
  const last = asOf < `${year}-01-01` ? 0 : asOf > `${year}-12-31` ? 12 : Number(asOf.slice(5, 7));
  const out: MonthFigures[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    out.push({
      month: m,
      current: m <= last ? figures(`${year}-${mm}`) : null,
      previous: figures(`${year - 1}-${mm}`),
      partial: m === last && last < 12 && asOf.slice(0, 7) === `${year}-${mm}` && !isMonthEnd(asOf),
    });
  }
  return out;
}

const isMonthEnd = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
};

/** Local hours that count as night: 18:00 to 05:59. */
export const NIGHT_HOURS = { from: 18, to: 6 } as const;

/**
 * What the verified crashes on one road over local days [from, to] have in common: the vehicle type most often
 * involved (a crash counts once per type) and how many happened at night (18:00–05:59), in the user's scope.
 */
export async function roadProfile(db: Db, user: SessionUser, roadId: number, from: string, to: string) {
  const scope = crashScope(user);
  const values: unknown[] = [roadId, from, to];
  const scopeSql =
    scope === null
      ? ''
      : `AND c.admin_unit_id IN (SELECT id FROM admin_unit_rollup WHERE current_id = $${values.push(scope)})`;
  const hour = `extract(hour FROM (c.occurred_at AT TIME ZONE 'UTC') + interval '7 hours')`;
  const where = `c.road_id = $1 AND c.merged_into IS NULL AND c.verified AND ${occurredWithin('$2', '$3')} ${scopeSql}`;
  const [totals] = await db.query<{ crashes: number; night: number }>(
    `SELECT count(*)::int AS crashes,
            (count(*) FILTER (WHERE ${hour} >= ${NIGHT_HOURS.from} OR ${hour} < ${NIGHT_HOURS.to}))::int AS night
       FROM crashes c WHERE ${where}`,
    values,
  );
  // A crash counts once per vehicle type, however many vehicles of that type it involved.
  const [top] = await db.query<{ vehicle: string; crashes: number }>(
    `SELECT x.vehicle, count(*)::int AS crashes
       FROM (SELECT DISTINCT c.id, t.vehicle FROM crashes c CROSS JOIN LATERAL unnest(c.vehicles) AS t(vehicle)
              WHERE ${where}) x
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    values,
  );
  return {
    crashes: totals?.crashes ?? 0,
    night: totals?.night ?? 0,
    topVehicle: top
      ? { code: top.vehicle, label: vehicleLabels.get(top.vehicle) ?? top.vehicle, crashes: top.crashes }
      : null,
  };
}

/** The roads' ids by code (a route's key in the statistics is its code). */
export async function roadIdsByCode(db: Db): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; code: string }>('SELECT id, code FROM roads');
  return new Map(rows.map((r) => [r.code, r.id]));
}
