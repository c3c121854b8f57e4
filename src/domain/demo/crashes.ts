import { CRASH_CAUSES, VEHICLE_TYPES } from '../crashes/codes.ts';
import { isValidOn } from '../directory/admin-units.ts';
import { haversineKm, pointAtKm } from './province.ts';
import { Rng } from './rng.ts';
import type { AdminUnitSeed, CrashSeed, DemoProvince, RoadSeed } from './types.ts';

export { CRASH_CAUSES, VEHICLE_TYPES };

export interface CrashOptions {
  seed?: number;
  from?: string; // first local date, inclusive
  to?: string; // last local date, inclusive
}

const PER_DAY = 4.1; // ≈ 1,500 a year
// Tết (late Jan–Feb) and the rainy season (Jul–Sep) are worse; March–April quieter.
const MONTH_FACTOR = [1.15, 1.3, 0.8, 0.8, 0.95, 1.0, 1.1, 1.15, 1.1, 0.95, 0.9, 1.05];
// Sunday … Saturday
const WEEKDAY_FACTOR = [1.3, 0.85, 0.85, 0.85, 0.9, 1.05, 1.25];
// Year-on-year trend: the province is slowly getting safer.
const YEAR_FACTOR: Record<number, number> = { 2023: 1.04, 2024: 1.0, 2025: 0.97, 2026: 0.93 };
// Share of crashes by hour of day: morning and late-afternoon/evening peaks.
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
const VEHICLE_WEIGHT: Record<string, number> = {
  motorbike: 70,
  car: 9,
  truck: 8,
  container: 2,
  bus: 2,
  bicycle: 2,
  pedestrian: 4,
  tractor: 3,
};
const VEHICLE_LABEL = new Map<string, string>(
  VEHICLE_TYPES.map((v) => [v.code, v.label.split(',')[0]!.toLowerCase()]),
);
const ROAD_TRAFFIC: Record<string, number> = {
  QL4D: 3,
  QL12: 2.6,
  QL32: 2.4,
  QL279: 1.2,
  QL4H: 1,
  QL100: 0.8,
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function severityOf(deaths: number, injured: number): string {
  if (deaths >= 3) return 'dac_biet_nghiem_trong';
  if (deaths === 2) return 'rat_nghiem_trong';
  if (deaths === 1) return 'nghiem_trong';
  if (injured >= 1) return 'it_nghiem_trong';
  return 'va_cham';
}

const kmLabel = (m: number) => `Km ${Math.floor(m / 1000)}+${String(m % 1000).padStart(3, '0')}`;

/** Generates about 1,500 plausible crashes a year over the period (deterministic). */
export function generateCrashes(p: DemoProvince, opts: CrashOptions = {}): CrashSeed[] {
  const rng = new Rng(opts.seed ?? 20251);
  const from = opts.from ?? '2023-11-15';
  const to = opts.to ?? '2026-11-14';
  const communes = p.adminUnits.filter((u) => u.level === 'commune');
  const roadPicks = p.roads.map((r) => [r, r.lengthKm * (ROAD_TRAFFIC[r.code] ?? 0.5)] as const);
  const causes = Object.entries(CAUSE_WEIGHT);
  const vehicles = Object.entries(VEHICLE_WEIGHT);
  const validCache = new Map<string, AdminUnitSeed[]>();
  const crashes: CrashSeed[] = [];

  for (let date = from; date <= to; date = addDays(date, 1)) {
    const d = new Date(`${date}T00:00:00Z`);
    const month = d.getUTCMonth();
    const weekday = d.getUTCDay();
    const lambda =
      (PER_DAY * MONTH_FACTOR[month]! * WEEKDAY_FACTOR[weekday]! * (YEAR_FACTOR[d.getUTCFullYear()] ?? 1)) /
      1.0;
    const count = rng.poisson(lambda);
    const valid =
      validCache.get(date < '2025-07-01' ? 'old' : 'new') ?? communes.filter((c) => isValidOn(c, date));
    validCache.set(date < '2025-07-01' ? 'old' : 'new', valid);
    for (let i = 0; i < count; i++) {
      const hour = rng.weighted(HOURS);
      const evening = hour >= 18 || hour <= 1;
      const weekend = weekday === 0 || weekday === 6;
      const cause = rng.weighted(
        causes.map(
          ([c, w]) => [c, c === 'alcohol' ? w * (evening ? 2.6 : 0.45) * (weekend ? 1.5 : 1) : w] as const,
        ),
      );
      let road: RoadSeed | null = null;
      let kmM: number | null = null;
      let lat: number;
      let lon: number;
      if (rng.next() < 0.75) {
        road = rng.weighted(roadPicks);
        kmM = Math.round(rng.next() * road.lengthKm * 1000);
        const at = pointAtKm(road, kmM / 1000);
        lat = at.lat + rng.gauss() * 0.0008;
        lon = at.lon + rng.gauss() * 0.0008;
      } else {
        const c = rng.pick(valid);
        lat = c.lat + rng.gauss() * 0.015;
        lon = c.lon + rng.gauss() * 0.015;
      }
      let nearest = valid[0]!;
      let best = Number.POSITIVE_INFINITY;
      for (const c of valid) {
        const dist = haversineKm(lat, lon, c.lat, c.lon);
        if (dist < best) {
          best = dist;
          nearest = c;
        }
      }
      const fatalP = cause === 'alcohol' || cause === 'speed' ? 0.15 : 0.08;
      const deaths =
        rng.next() < fatalP
          ? rng.weighted([
              [1, 85],
              [2, 12],
              [3, 3],
            ] as const)
          : 0;
      const injured = rng.weighted([
        [0, deaths > 0 ? 45 : 12],
        [1, 55],
        [2, 20],
        [3, 8],
        [4, 3],
      ] as const);
      const first = cause === 'pedestrian' ? 'pedestrian' : rng.weighted(vehicles);
      const vs = rng.next() < 0.65 ? [first, rng.weighted(vehicles)] : [first];
      const waterway =
        !road &&
        (nearest.name === 'Nậm Hàng' || nearest.name === 'Mường Tè' || nearest.name === 'Nậm Nhùn') &&
        rng.next() < 0.06;
      const mm = rng.int(0, 59);
      const place = road && kmM != null ? `${kmLabel(kmM)} ${road.code}` : `${nearest.kind} ${nearest.name}`;
      const what = waterway
        ? 'Lật thuyền trên lòng hồ thủy điện'
        : vs.length === 2
          ? `Va chạm giữa ${VEHICLE_LABEL.get(vs[0]!)} và ${VEHICLE_LABEL.get(vs[1]!)}`
          : `Tai nạn ${VEHICLE_LABEL.get(vs[0]!)} tự gây`;
      crashes.push({
        occurredAt: `${date}T${String(hour).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+07:00`,
        adminUnitId: nearest.id,
        roadCode: waterway ? null : (road?.code ?? null),
        kmM: waterway ? null : kmM,
        lat: Math.round(lat * 1e5) / 1e5,
        lon: Math.round(lon * 1e5) / 1e5,
        mode: waterway ? 'waterway' : 'road',
        deaths,
        injured,
        cause,
        vehicles: waterway ? ['boat'] : vs,
        alcohol: cause === 'alcohol' || rng.next() < 0.03,
        severity: severityOf(deaths, injured),
        source: rng.weighted([
          ['police', 88],
          ['health', 8],
          ['citizen', 4],
        ] as const),
        verified: rng.next() < 0.95,
        description: `${what} tại ${place}`,
      });
    }
  }
  return crashes.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
}
