import { CRASH_CAUSES, VEHICLE_TYPES } from '../crashes/codes.ts';
import { classifyByCounts } from '../crashes/severity-rules.ts';
import { isValidOn } from '../directory/admin-units.ts';
import { clampToProvince, haversineKm, pointAtKm } from './province.ts';
import { Rng } from './rng.ts';
import type { AdminUnitSeed, CrashSeed, DemoProvince, RoadSeed } from './types.ts';

export { CRASH_CAUSES, VEHICLE_TYPES };

export interface CrashOptions {
  seed?: number;
  from?: string; // first local date (Asia/Ho_Chi_Minh), inclusive
  to?: string; // last local date, inclusive
}

const PER_DAY = 4.0; // ≈ 1,500 a year
// Tết (late Jan–Feb) and the rainy season (Jul–Sep) are worse; March–April quieter.
const MONTH_FACTOR = [1.15, 1.3, 0.8, 0.8, 0.95, 1.0, 1.1, 1.15, 1.1, 0.95, 0.9, 1.05];
// Sunday … Saturday
const WEEKDAY_FACTOR = [1.3, 0.85, 0.85, 0.85, 0.9, 1.05, 1.25];
// Year-on-year trend: the province is slowly getting safer (2026 a few % below 2025).
const YEAR_FACTOR: Record<number, number> = { 2023: 1.04, 2024: 1.02, 2025: 0.99, 2026: 0.95 };
// Share of crashes by hour of day: morning and late-afternoon/evening peaks, quiet small hours.
const HOUR_WEIGHT = [
  1.2, 0.8, 0.5, 0.4, 0.6, 1.5, 3.5, 4.5, 3.8, 3.0, 3.0, 3.6, 3.4, 2.8, 3.0, 3.6, 4.6, 5.6, 6.2, 5.8, 4.6,
  3.6, 2.6, 1.8,
];
const HOURS = HOUR_WEIGHT.map((w, h) => [h, w] as const);

const CAUSE_WEIGHT: Record<string, number> = {
  speed: 22,
  alcohol: 14,
  wrong_lane: 20,
  overtaking: 9,
  turning: 10,
  no_licence: 6,
  fatigue: 3,
  road_condition: 5,
  vehicle_defect: 3,
  pedestrian: 4,
  other: 4,
};
// The vehicle at fault; the other party may also be a pedestrian.
const VEHICLE_WEIGHT: [string, number][] = [
  ['motorbike', 72],
  ['car', 9],
  ['truck', 8],
  ['container', 2],
  ['bus', 2],
  ['bicycle', 2],
  ['tractor', 3],
];
const OTHER_PARTY_WEIGHT: [string, number][] = [...VEHICLE_WEIGHT, ['pedestrian', 6]];
const WATERWAY_CAUSES: [string, number][] = [
  ['road_condition', 4], // nước lớn, thời tiết
  ['vehicle_defect', 3],
  ['alcohol', 1],
  ['other', 2],
];
/** Boats on the hydropower lakes; not a road vehicle type. */
const BOAT = 'boat';

const VEHICLE_LABEL = new Map<string, string>(
  VEHICLE_TYPES.map((v) => [v.code, v.label.split(',')[0]!.toLowerCase()]),
);
const ROAD_TRAFFIC: Record<string, number> = {
  QL4D: 3,
  QL12: 2.4,
  QL32: 2.4,
  QL279: 1.2,
  QL4H: 0.9,
  QL100: 0.8,
};
const PROVINCIAL_TRAFFIC = 0.5;

/**
 * Hazardous stretches (điểm đen, điểm tiềm ẩn TNGT) where crashes cluster: the road, the km (as a share of
 * the road's length, so the list survives changes of geometry) and how spread out the crashes are.
 */
const BLACK_SPOTS: { road: string; at: number; spreadKm: number; weight: number }[] = [
  { road: 'QL4D', at: 0.3, spreadKm: 0.6, weight: 3 }, // entering thành phố Lai Châu from Phong Thổ
  { road: 'QL4D', at: 0.93, spreadKm: 1.2, weight: 3 }, // đèo Ô Quy Hồ
  { road: 'QL12', at: 0.26, spreadKm: 0.8, weight: 2 }, // Pa So, Phong Thổ
  { road: 'QL12', at: 0.45, spreadKm: 0.5, weight: 2 }, // thành phố Lai Châu
  { road: 'QL32', at: 0.44, spreadKm: 0.8, weight: 2 }, // Tân Uyên
  { road: 'QL32', at: 0.9, spreadKm: 1.0, weight: 2 }, // Than Uyên toward Khau Phạ
  { road: 'QL4H', at: 0.43, spreadKm: 1.0, weight: 1 }, // Mường Tè
];
const BLACK_SPOT_SHARE = 0.15;

/** Old and new communes by the hydropower lakes of Lai Châu, Sơn La and Huổi Quảng (Đà river, Nậm Na). */
const LAKE_COMMUNES = new Set([
  'Nậm Hàng',
  'Nậm Nhùn',
  'Nậm Manh',
  'Mường Mô',
  'Nậm Chà',
  'Lê Lợi',
  'Pú Đao',
  'Mường Tè',
  'Bum Nưa',
  'Kan Hồ',
]);
const WATERWAY_SHARE = 0.1; // of off-road crashes in those communes

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The severity class of a crash from its deaths and injured (the demo's simplified rule). */
export function severityOf(deaths: number, injured: number): string {
  if (deaths >= 3) return 'dac_biet_nghiem_trong';
  if (deaths === 2) return 'rat_nghiem_trong';
  if (deaths === 1) return 'nghiem_trong';
  if (injured >= 1) return 'it_nghiem_trong';
  return 'va_cham';
}

/** 'Km 12+300' for 12300 m. */
export const kmLabel = (m: number) => `Km ${Math.floor(m / 1000)}+${String(m % 1000).padStart(3, '0')}`;

const pad2 = (n: number) => String(n).padStart(2, '0');

function nearestUnit(units: readonly AdminUnitSeed[], lat: number, lon: number): AdminUnitSeed {
  let nearest = units[0]!;
  let best = Number.POSITIVE_INFINITY;
  for (const u of units) {
    const d = haversineKm(lat, lon, u.lat, u.lon);
    if (d < best) {
      best = d;
      nearest = u;
    }
  }
  return nearest;
}

function describeCrash(
  vehicles: string[],
  waterway: boolean,
  place: string,
  deaths: number,
  injured: number,
) {
  const label = (code: string) => VEHICLE_LABEL.get(code) ?? code;
  const [a, b] = vehicles;
  let what: string;
  if (waterway) what = 'Lật thuyền trên lòng hồ thủy điện';
  else if (b === undefined) what = `Tai nạn ${label(a!)} tự gây`;
  else if (a === b) what = `Va chạm giữa hai ${label(a)}`;
  else if (a === 'pedestrian') what = `${label(b)} va chạm với người đi bộ`;
  else what = `Va chạm giữa ${label(a!)} và ${label(b)}`;
  what = what.charAt(0).toUpperCase() + what.slice(1);
  const harm = [deaths > 0 ? `${deaths} người chết` : '', injured > 0 ? `${injured} người bị thương` : '']
    .filter(Boolean)
    .join(', ');
  return `${what} tại ${place}${harm ? `, làm ${harm}` : ''}`;
}

/**
 * The local date of every crash in the period, in order. Each month gets its expected number of crashes
 * (season × weekday × year trend) give or take ~3 %, spread over its days by weekday weight: daily counts
 * vary as in real data while monthly and yearly totals keep the trend, so same-period comparisons show it.
 */
function crashDates(from: string, to: string, rng: Rng): string[] {
  const months = new Map<string, { date: string; weight: number }[]>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const d = new Date(`${date}T00:00:00Z`);
    const weight =
      PER_DAY *
      MONTH_FACTOR[d.getUTCMonth()]! *
      WEEKDAY_FACTOR[d.getUTCDay()]! *
      (YEAR_FACTOR[d.getUTCFullYear()] ?? 1);
    const month = date.slice(0, 7);
    const days = months.get(month) ?? [];
    days.push({ date, weight });
    months.set(month, days);
  }
  const dates: string[] = [];
  for (const days of months.values()) {
    const expected = days.reduce((s, x) => s + x.weight, 0) * (1 + rng.gauss() * 0.05);
    const count = Math.floor(expected + rng.next()); // rounds up with probability of the fraction
    const picks = days.map((x) => [x.date, x.weight] as const);
    const chosen: string[] = [];
    for (let i = 0; i < count; i++) chosen.push(rng.weighted(picks));
    dates.push(...chosen.sort());
  }
  return dates;
}

/**
 * Generates plausible crashes over the period (about 1,500 a year), deterministic for a seed, sorted by time.
 * Each crash sits on the commune valid on its local date: old communes before 1/7/2025, new ones from then.
 */
export function generateCrashes(p: DemoProvince, opts: CrashOptions = {}): CrashSeed[] {
  const seed = opts.seed ?? 20251;
  const rng = new Rng(seed ^ 0x5bd1e995); // crash details; the dates draw from their own stream
  const from = opts.from ?? '2023-11-15';
  const to = opts.to ?? '2026-11-14';
  const communes = p.adminUnits.filter((u) => u.level === 'commune');
  let valid: AdminUnitSeed[] = [];
  let validKey = '';
  const roads = new Map(p.roads.map((r) => [r.code, r]));
  const roadPicks = p.roads.map(
    (r) =>
      [r, r.lengthKm * (ROAD_TRAFFIC[r.code] ?? (r.kind === 'provincial' ? PROVINCIAL_TRAFFIC : 1))] as const,
  );
  const spots = BLACK_SPOTS.flatMap((s) => {
    const road = roads.get(s.road);
    return road ? [[{ ...s, road }, s.weight] as const] : [];
  });
  const causes = Object.entries(CAUSE_WEIGHT);
  const crashes: CrashSeed[] = [];

  let day = '';
  let weekend = false;
  for (const date of crashDates(from, to, new Rng(seed))) {
    if (date !== day) {
      day = date;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      weekend = weekday === 0 || weekday === 6;
      // The communes valid on the date (old ones before 1/7/2025, new ones from then).
      const today = communes.filter((c) => isValidOn(c, date));
      const key = today.map((c) => c.id).join();
      if (key !== validKey) [valid, validKey] = [today, key];
      if (valid.length === 0) throw new Error(`The demo province has no commune valid on ${date}`);
    }
    const hour = rng.weighted(HOURS);
    const minute = rng.int(0, 59);
    const evening = hour >= 18 || hour <= 1;
    // Drink-driving crashes: evenings and weekends.
    let cause = rng.weighted(
      causes.map(
        ([c, w]) => [c, c === 'alcohol' ? w * (evening ? 2.6 : 0.45) * (weekend ? 1.5 : 1) : w] as const,
      ),
    );

    let road: RoadSeed | null = null;
    let kmM: number | null = null;
    let lat: number;
    let lon: number;
    if (rng.next() < 0.75) {
      if (spots.length > 0 && rng.next() < BLACK_SPOT_SHARE) {
        const spot = rng.weighted(spots);
        road = spot.road;
        const km = spot.at * road.lengthKm + rng.gauss() * spot.spreadKm;
        kmM = Math.round(Math.min(road.lengthKm, Math.max(0, km)) * 1000);
      } else {
        road = rng.weighted(roadPicks);
        kmM = Math.round(rng.next() * road.lengthKm * 1000);
      }
      const at = pointAtKm(road, kmM / 1000);
      lat = at.lat + rng.gauss() * 0.0008;
      lon = at.lon + rng.gauss() * 0.0008;
    } else {
      const c = rng.pick(valid);
      lat = c.lat + rng.gauss() * 0.015;
      lon = c.lon + rng.gauss() * 0.015;
    }
    ({ lat, lon } = clampToProvince(lat, lon));
    const unit = nearestUnit(valid, lat, lon);
    const waterway = road === null && LAKE_COMMUNES.has(unit.name) && rng.next() < WATERWAY_SHARE;
    if (waterway) cause = rng.weighted(WATERWAY_CAUSES);

    const fatalP = cause === 'alcohol' || cause === 'speed' ? 0.15 : 0.08;
    const deaths =
      rng.next() < fatalP
        ? rng.weighted([
            [1, 88],
            [2, 10],
            [3, 2],
          ] as const)
        : 0;
    const injured = rng.weighted([
      [0, deaths > 0 ? 45 : 12],
      [1, 55],
      [2, 20],
      [3, 8],
      [4, 3],
    ] as const);

    let vehicles: string[];
    if (waterway) vehicles = [BOAT];
    else if (cause === 'pedestrian') vehicles = ['pedestrian', rng.weighted(VEHICLE_WEIGHT)];
    else {
      const first = rng.weighted(VEHICLE_WEIGHT);
      vehicles = rng.next() < 0.65 ? [first, rng.weighted(OTHER_PARTY_WEIGHT)] : [first];
    }
    const place = road && kmM !== null ? `${kmLabel(kmM)} ${road.code}` : `${unit.kind} ${unit.name}`;

    crashes.push({
      occurredAt: `${date}T${pad2(hour)}:${pad2(minute)}:00+07:00`,
      adminUnitId: unit.id,
      roadCode: road?.code ?? null,
      kmM,
      lat: Math.round(lat * 1e5) / 1e5,
      lon: Math.round(lon * 1e5) / 1e5,
      mode: waterway ? 'waterway' : 'road',
      deaths,
      injured,
      cause,
      vehicles,
      alcohol: cause === 'alcohol' || rng.next() < 0.03,
      severity: classifyByCounts(date, deaths, injured).code,
      source: rng.weighted([
        ['police', 88],
        ['health', 8],
        ['citizen', 4],
      ] as const),
      verified: rng.next() < 0.95,
      description: describeCrash(vehicles, waterway, place, deaths, injured),
    });
  }
  return crashes.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
}
