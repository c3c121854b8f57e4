import { describe, expect, it } from 'vitest';
import { currentSuccessor, isValidOn } from '../directory/admin-units.ts';
import { generateCrashes } from './crashes.ts';
import { buildDemoProvince, DEMO_PASSWORD } from './province.ts';

const province = buildDemoProvince();
const crashes = generateCrashes(province);
const localDate = (iso: string) => iso.slice(0, 10); // occurredAt carries the +07:00 offset
const localHour = (iso: string) => Number(iso.slice(11, 13));

describe('demo province', () => {
  it('is deterministic', () => {
    expect(buildDemoProvince()).toEqual(province);
    expect(generateCrashes(buildDemoProvince())).toEqual(crashes);
  });

  it('has 8 districts ending on 30/6/2025, and ~40 current communes that absorbed ~100 old ones', () => {
    const districts = province.adminUnits.filter((u) => u.level === 'district');
    expect(districts).toHaveLength(8);
    expect(districts.every((d) => d.validTo === '2025-06-30')).toBe(true);
    const current = province.adminUnits.filter((u) => u.level === 'commune' && u.validTo === null);
    const old = province.adminUnits.filter((u) => u.level === 'commune' && u.validTo !== null);
    expect(current.length).toBeGreaterThanOrEqual(35);
    expect(current.length).toBeLessThanOrEqual(45);
    expect(old.length).toBeGreaterThanOrEqual(90);
    const ids = province.adminUnits.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps every old commune to exactly one current commune, and every current one has predecessors', () => {
    const old = province.adminUnits.filter((u) => u.level === 'commune' && u.validTo !== null);
    const current = new Map(province.adminUnits.filter((u) => u.validTo === null).map((u) => [u.id, u]));
    for (const u of old) {
      expect(
        province.successions.filter((s) => s.oldId === u.id),
        u.name,
      ).toHaveLength(1);
      const now = currentSuccessor(u.id, province.successions, '2026-01-01');
      expect(current.get(now)?.level, u.name).toBe('commune');
    }
    for (const c of current.values()) {
      if (c.level === 'commune')
        expect(
          province.successions.some((s) => s.newId === c.id),
          c.name,
        ).toBe(true);
    }
  });

  it('keeps every place inside the province and road markers in increasing km', () => {
    for (const u of province.adminUnits) {
      expect(u.lat).toBeGreaterThan(21.6);
      expect(u.lat).toBeLessThan(22.9);
      expect(u.lon).toBeGreaterThan(102.2);
      expect(u.lon).toBeLessThan(104.1);
    }
    for (const r of province.roads) {
      expect(r.markers.length, r.code).toBeGreaterThan(3);
      for (let i = 1; i < r.markers.length; i++)
        expect(r.markers[i]!.km, r.code).toBeGreaterThan(r.markers[i - 1]!.km);
      expect(r.markers.at(-1)!.km).toBeCloseTo(r.lengthKm, 0);
    }
    expect(province.roads.map((r) => r.code)).toEqual(
      expect.arrayContaining(['QL4D', 'QL12', 'QL32', 'QL279']),
    );
  });

  it('has the member agencies with former names and one user per role, unique usernames', () => {
    const sxd = province.orgUnits.find((o) => o.code === 'SXD')!;
    expect(sxd.aliases.map((a) => a.alias)).toContain('Sở GTVT');
    const codes = new Set(province.orgUnits.map((o) => o.code));
    expect(codes.size).toBe(province.orgUnits.length);
    for (const o of province.orgUnits) if (o.parentCode) expect(codes.has(o.parentCode), o.code).toBe(true);
    expect(province.orgUnits.filter((o) => o.kind === 'agency' && o.isMember).length).toBeGreaterThanOrEqual(
      18,
    );
    const roles = new Set(province.users.map((u) => u.role));
    expect([...roles].sort()).toEqual(['admin', 'agency', 'commune', 'leader', 'office']);
    expect(new Set(province.users.map((u) => u.username)).size).toBe(province.users.length);
    for (const u of province.users) expect(u.password).toBe(DEMO_PASSWORD);
    for (const u of province.users.filter((x) => x.role === 'commune')) {
      const unit = province.adminUnits.find((a) => a.id === u.adminUnitId)!;
      expect(isValidOn(unit, '2026-11-23')).toBe(true);
    }
  });
});

describe('demo crashes', () => {
  it('number about 1,500 a year, a little fewer in 2026 than in 2025 over the same months', () => {
    for (const year of ['2024', '2025']) {
      const n = crashes.filter((c) => c.occurredAt.startsWith(year)).length;
      expect(n, year).toBeGreaterThan(1275);
      expect(n, year).toBeLessThan(1725);
    }
    const jan2oct = (y: string) =>
      crashes.filter((c) => c.occurredAt.startsWith(y) && c.occurredAt.slice(5, 7) <= '10').length;
    expect(jan2oct('2026')).toBeLessThan(jan2oct('2025'));
  });

  it('sit on communes valid on the crash date: old communes before the reform, new ones after', () => {
    const units = new Map(province.adminUnits.map((u) => [u.id, u]));
    for (const c of crashes)
      expect(isValidOn(units.get(c.adminUnitId)!, localDate(c.occurredAt)), c.occurredAt).toBe(true);
    expect(crashes.some((c) => localDate(c.occurredAt) < '2025-07-01')).toBe(true);
    expect(crashes.some((c) => localDate(c.occurredAt) >= '2025-07-01')).toBe(true);
  });

  it('peak in the morning and evening, with drink-driving crashes mostly in the evening', () => {
    const byHour = new Array(24).fill(0);
    for (const c of crashes) byHour[localHour(c.occurredAt)]++;
    expect(byHour[18]).toBeGreaterThan(4 * byHour[3]);
    expect(byHour[7]).toBeGreaterThan(3 * byHour[3]);
    const alcohol = crashes.filter((c) => c.cause === 'alcohol');
    const eveningShare =
      alcohol.filter((c) => localHour(c.occurredAt) >= 18 || localHour(c.occurredAt) <= 1).length /
      alcohol.length;
    expect(eveningShare).toBeGreaterThan(0.5);
  });

  it('have consistent severity, km markers only on roads, and 8–15 % fatal crashes', () => {
    for (const c of crashes) {
      if (c.deaths >= 3) expect(c.severity).toBe('dac_biet_nghiem_trong');
      else if (c.deaths > 0) expect(c.severity).toMatch(/nghiem_trong/);
      else if (c.injured > 0) expect(c.severity).toBe('it_nghiem_trong');
      else expect(c.severity).toBe('va_cham');
      if (c.kmM !== null) expect(c.roadCode).not.toBeNull();
    }
    const fatal = crashes.filter((c) => c.deaths > 0).length / crashes.length;
    expect(fatal).toBeGreaterThan(0.08);
    expect(fatal).toBeLessThan(0.15);
    expect(crashes.filter((c) => c.roadCode).length / crashes.length).toBeGreaterThan(0.65);
  });
});
