import { describe, expect, it } from 'vitest';
import { isValidOn } from '../directory/admin-units.ts';
import { CRASH_CAUSES, generateCrashes, kmLabel, severityOf, VEHICLE_TYPES } from './crashes.ts';
import { buildDemoProvince, haversineKm, PROVINCE_BBOX, pointAtKm } from './province.ts';
import type { CrashSeed } from './types.ts';

const province = buildDemoProvince();
const crashes = generateCrashes(province);
const units = new Map(province.adminUnits.map((u) => [u.id, u]));
const roads = new Map(province.roads.map((r) => [r.code, r]));

/** Local (UTC+7) date and hour, computed from the instant rather than read off the string. */
const local = (c: CrashSeed) => new Date(Date.parse(c.occurredAt) + 7 * 3600_000);
const localDate = (c: CrashSeed) => local(c).toISOString().slice(0, 10);
const localHour = (c: CrashSeed) => local(c).getUTCHours();
const isWeekend = (c: CrashSeed) => [0, 6].includes(local(c).getUTCDay());
const share = (xs: CrashSeed[], f: (c: CrashSeed) => boolean) => xs.filter(f).length / xs.length;
const inPeriod = (from: string, to: string) =>
  crashes.filter((c) => localDate(c) >= from && localDate(c) <= to);

describe('demo crashes: volume and time', () => {
  it('is deterministic for a seed and changes with it', () => {
    expect(generateCrashes(buildDemoProvince())).toEqual(crashes);
    const other = generateCrashes(province, { seed: 7, from: '2024-01-01', to: '2024-01-31' });
    const same = crashes.filter((c) => localDate(c) <= '2024-01-31' && localDate(c) >= '2024-01-01');
    expect(other).not.toEqual(same);
  });

  it('covers the default period 15/11/2023 – 14/11/2026, sorted, in local time', () => {
    for (const c of crashes) expect(c.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    for (let i = 1; i < crashes.length; i++)
      expect(Date.parse(crashes[i]!.occurredAt)).toBeGreaterThanOrEqual(
        Date.parse(crashes[i - 1]!.occurredAt),
      );
    expect(localDate(crashes[0]!) >= '2023-11-15').toBe(true);
    expect(localDate(crashes.at(-1)!) <= '2026-11-14').toBe(true);
    expect(localDate(crashes[0]!) <= '2023-11-17').toBe(true);
    expect(localDate(crashes.at(-1)!) >= '2026-11-12').toBe(true);
  });

  it('honours from/to as inclusive local dates', () => {
    const jan = generateCrashes(province, { from: '2025-01-01', to: '2025-01-31' });
    expect(jan.length).toBeGreaterThan(80);
    expect(jan.length).toBeLessThan(200);
    for (const c of jan) expect(localDate(c).slice(0, 7)).toBe('2025-01');
    const oneDay = generateCrashes(province, { from: '2025-02-01', to: '2025-02-01' });
    for (const c of oneDay) expect(localDate(c)).toBe('2025-02-01');
    expect(generateCrashes(province, { from: '2025-02-02', to: '2025-02-01' })).toEqual([]);
  });

  it('numbers about 1,500 a year (±15 %), a few % fewer in 2026 than in 2025 over the same months', () => {
    for (const year of ['2024', '2025']) {
      const n = inPeriod(`${year}-01-01`, `${year}-12-31`).length;
      expect(n, year).toBeGreaterThan(1275);
      expect(n, year).toBeLessThan(1725);
    }
    expect(crashes.length).toBeGreaterThan(4500 * 0.85);
    expect(crashes.length).toBeLessThan(4500 * 1.15);
    const y25 = inPeriod('2025-01-01', '2025-10-31').length;
    const y26 = inPeriod('2026-01-01', '2026-10-31').length;
    expect(y26 / y25).toBeGreaterThan(0.9);
    expect(y26 / y25).toBeLessThan(0.99);
  });

  it('peaks in the morning and evening, not in the small hours', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const c of crashes) byHour[localHour(c)]!++;
    const mean = (hours: number[]) => hours.reduce((s, h) => s + byHour[h]!, 0) / hours.length;
    const night = mean([2, 3, 4]);
    expect(mean([6, 7, 8])).toBeGreaterThan(3 * night);
    expect(mean([16, 17, 18, 19, 20, 21])).toBeGreaterThan(4 * night);
    expect(mean([17, 18, 19])).toBeGreaterThan(mean([10, 11, 12, 13, 14]));
  });

  it('is worse at Tết and in the rainy season than in March–April, and at weekends', () => {
    const perDay = (months: string[]) => {
      const xs = crashes.filter(
        (c) => months.includes(localDate(c).slice(5, 7)) && localDate(c) < '2026-11-01',
      );
      const days = new Set(
        Array.from({ length: 1096 }, (_, i) =>
          new Date(Date.UTC(2023, 10, 15 + i)).toISOString().slice(0, 10),
        ).filter((d) => months.includes(d.slice(5, 7)) && d < '2026-11-01'),
      ).size;
      return xs.length / days;
    };
    const spring = perDay(['03', '04']);
    expect(perDay(['01', '02'])).toBeGreaterThan(spring * 1.2);
    expect(perDay(['07', '08', '09'])).toBeGreaterThan(spring * 1.2);
    const weekendPerDay = crashes.filter(isWeekend).length / 2;
    const weekdayPerDay = crashes.filter((c) => !isWeekend(c)).length / 5;
    expect(weekendPerDay).toBeGreaterThan(weekdayPerDay * 1.2);
  });
});

describe('demo crashes: place', () => {
  it('sit on the commune valid on the crash date: old communes before 1/7/2025, new ones after', () => {
    for (const c of crashes) {
      const unit = units.get(c.adminUnitId);
      expect(unit?.level, c.occurredAt).toBe('commune');
      expect(isValidOn(unit!, localDate(c)), `${c.occurredAt} ${c.adminUnitId}`).toBe(true);
    }
    const before = inPeriod('2023-11-15', '2025-06-30');
    const after = inPeriod('2025-07-01', '2026-11-14');
    expect(before.every((c) => units.get(c.adminUnitId)!.validTo === '2025-06-30')).toBe(true);
    expect(after.every((c) => units.get(c.adminUnitId)!.validTo === null)).toBe(true);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
  });

  it('sit on the nearest commune of the day, inside the province', () => {
    for (const c of crashes) {
      expect(c.lat).toBeGreaterThanOrEqual(PROVINCE_BBOX.minLat);
      expect(c.lat).toBeLessThanOrEqual(PROVINCE_BBOX.maxLat);
      expect(c.lon).toBeGreaterThanOrEqual(PROVINCE_BBOX.minLon);
      expect(c.lon).toBeLessThanOrEqual(PROVINCE_BBOX.maxLon);
    }
    const dist = (c: CrashSeed, id: string) => {
      const u = units.get(id)!;
      return haversineKm(c.lat, c.lon, u.lat, u.lon);
    };
    for (const c of crashes.filter((_, i) => i % 5 === 0)) {
      const candidates = province.adminUnits.filter(
        (u) => u.level === 'commune' && isValidOn(u, localDate(c)),
      );
      const best = Math.min(...candidates.map((u) => dist(c, u.id)));
      // Coordinates are rounded to 5 decimals after the choice: allow a metre or two.
      expect(dist(c, c.adminUnitId) - best, c.occurredAt).toBeLessThan(0.005);
    }
  });

  it('puts ~75 % on named roads with a km marker that matches the position', () => {
    const onRoad = crashes.filter((c) => c.roadCode !== null);
    expect(onRoad.length / crashes.length).toBeGreaterThan(0.7);
    expect(onRoad.length / crashes.length).toBeLessThan(0.8);
    for (const c of onRoad) {
      const road = roads.get(c.roadCode!);
      expect(road, c.roadCode!).toBeDefined();
      expect(Number.isInteger(c.kmM)).toBe(true);
      expect(c.kmM!).toBeGreaterThanOrEqual(0);
      expect(c.kmM!).toBeLessThanOrEqual(road!.lengthKm * 1000);
      const at = pointAtKm(road!, c.kmM! / 1000);
      expect(haversineKm(at.lat, at.lon, c.lat, c.lon), c.occurredAt).toBeLessThan(0.6);
      expect(c.description).toContain(`${kmLabel(c.kmM!)} ${c.roadCode}`);
    }
    for (const c of crashes.filter((x) => x.roadCode === null)) {
      expect(c.kmM).toBeNull();
      expect(c.description).toContain(units.get(c.adminUnitId)!.name);
    }
    // The busy national roads carry most of the road crashes.
    const national = onRoad.filter((c) => roads.get(c.roadCode!)!.kind === 'national').length;
    expect(national / onRoad.length).toBeGreaterThan(0.8);
  });

  it('has no rail crashes and a few on the hydropower lakes', () => {
    expect(crashes.some((c) => c.mode === 'rail')).toBe(false);
    const water = crashes.filter((c) => c.mode === 'waterway');
    expect(water.length).toBeGreaterThan(0);
    expect(water.length / crashes.length).toBeLessThan(0.02);
    // Only in Nậm Nhùn and Mường Tè (or the new communes that took them over), off the road network.
    const lakeDistricts = new Set(['LC-NN', 'LC-MT']);
    const inLakeDistrict = (id: string) =>
      lakeDistricts.has(units.get(id)!.parentId!) ||
      province.successions.some((s) => s.newId === id && lakeDistricts.has(units.get(s.oldId)!.parentId!));
    for (const c of water) {
      expect(c.roadCode).toBeNull();
      expect(c.kmM).toBeNull();
      expect(inLakeDistrict(c.adminUnitId), c.adminUnitId).toBe(true);
    }
  });
});

describe('demo crashes: what happened', () => {
  it('uses the published cause and vehicle codes, motorbikes in most crashes', () => {
    expect(CRASH_CAUSES.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        'speed',
        'alcohol',
        'wrong_lane',
        'overtaking',
        'turning',
        'no_licence',
        'fatigue',
        'road_condition',
        'vehicle_defect',
        'pedestrian',
        'other',
      ]),
    );
    expect(CRASH_CAUSES.find((c) => c.code === 'alcohol')?.label).toMatch(/cồn/);
    const causes = new Set<string>(CRASH_CAUSES.map((c) => c.code));
    const vehicles = new Set<string>(VEHICLE_TYPES.map((v) => v.code));
    for (const c of crashes) {
      expect(causes.has(c.cause), c.cause).toBe(true);
      expect(c.vehicles.length).toBeGreaterThan(0);
      for (const v of c.vehicles)
        expect(c.mode === 'waterway' ? v === 'boat' : vehicles.has(v), v).toBe(true);
      if (c.cause === 'pedestrian') expect(c.vehicles).toContain('pedestrian');
    }
    const road = crashes.filter((c) => c.mode === 'road');
    const motorbike = share(road, (c) => c.vehicles.includes('motorbike'));
    expect(motorbike).toBeGreaterThan(0.65);
    expect(motorbike).toBeLessThan(0.95);
    const byCause = new Map<string, number>();
    for (const c of crashes) byCause.set(c.cause, (byCause.get(c.cause) ?? 0) + 1);
    // Speed and lane violations lead; alcohol is a large share; every cause occurs.
    expect(byCause.get('speed')!).toBeGreaterThan(byCause.get('fatigue')! * 3);
    expect(byCause.size).toBe(CRASH_CAUSES.length);
  });

  it('has drink-driving crashes marked as such, mostly in the evening and at weekends', () => {
    const alcohol = crashes.filter((c) => c.cause === 'alcohol');
    const others = crashes.filter((c) => c.cause !== 'alcohol');
    for (const c of alcohol) expect(c.alcohol).toBe(true);
    expect(share(others, (c) => c.alcohol)).toBeLessThan(0.06);
    expect(share(alcohol, (c) => localHour(c) >= 18)).toBeGreaterThan(0.5);
    expect(share(alcohol, (c) => localHour(c) >= 18)).toBeGreaterThan(
      2 * share(others, (c) => localHour(c) >= 18),
    );
    expect(share(alcohol, isWeekend)).toBeGreaterThan(share(others, isWeekend) * 1.15);
  });

  it('has deaths and injuries with the severity rule, 8–12 % fatal', () => {
    for (const c of crashes) {
      expect(c.severity).toBe(severityOf(c.deaths, c.injured));
      expect(c.deaths).toBeGreaterThanOrEqual(0);
      expect(c.deaths).toBeLessThanOrEqual(3);
      expect(c.injured).toBeGreaterThanOrEqual(0);
      expect(c.injured).toBeLessThanOrEqual(4);
    }
    expect(severityOf(3, 0)).toBe('dac_biet_nghiem_trong');
    expect(severityOf(2, 5)).toBe('rat_nghiem_trong');
    expect(severityOf(1, 0)).toBe('nghiem_trong');
    expect(severityOf(0, 1)).toBe('it_nghiem_trong');
    expect(severityOf(0, 0)).toBe('va_cham');
    const fatal = share(crashes, (c) => c.deaths > 0);
    expect(fatal).toBeGreaterThan(0.08);
    expect(fatal).toBeLessThan(0.12);
    expect(share(crashes, (c) => c.deaths >= 2)).toBeLessThan(0.03);
    const injured = new Map<number, number>();
    for (const c of crashes) injured.set(c.injured, (injured.get(c.injured) ?? 0) + 1);
    const mode = [...injured].sort((a, b) => b[1] - a[1])[0]![0];
    expect(mode).toBe(1);
  });

  it('comes mostly from the police and is mostly verified', () => {
    expect(share(crashes, (c) => c.source === 'police')).toBeGreaterThan(0.8);
    expect(crashes.some((c) => c.source === 'health')).toBe(true);
    expect(crashes.some((c) => c.source === 'citizen')).toBe(true);
    const verified = share(crashes, (c) => c.verified);
    expect(verified).toBeGreaterThan(0.92);
    expect(verified).toBeLessThan(0.98);
  });

  it('describes each crash in a short Vietnamese sentence', () => {
    for (const c of crashes) {
      expect(c.description.length).toBeLessThan(160);
      expect(c.description).toMatch(/^(Va chạm|Tai nạn|Lật thuyền|Xe|Ô tô)/);
      if (c.deaths > 0) expect(c.description).toContain(`${c.deaths} người chết`);
    }
    expect(crashes.some((c) => c.description.startsWith('Va chạm giữa xe mô tô và ô tô tải tại Km'))).toBe(
      true,
    );
  });
});
