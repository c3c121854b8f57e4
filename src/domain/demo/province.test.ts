import { describe, expect, it } from 'vitest';
import { currentSuccessor, isValidOn } from '../directory/admin-units.ts';
import { generateCrashes } from './crashes.ts';
import { buildDemoProvince, DEMO_PASSWORD, haversineKm, PROVINCE_BBOX, pointAtKm } from './province.ts';
import type { AdminUnitSeed, OrgUnitSeed } from './types.ts';

const province = buildDemoProvince();
const units = new Map(province.adminUnits.map((u) => [u.id, u]));
const districts = province.adminUnits.filter((u) => u.level === 'district');
const oldCommunes = province.adminUnits.filter((u) => u.level === 'commune' && u.validTo !== null);
const newCommunes = province.adminUnits.filter((u) => u.level === 'commune' && u.validTo === null);
const orgUnits = new Map(province.orgUnits.map((o) => [o.code, o]));
const inBox = (p: { lat: number; lon: number }) =>
  p.lat >= PROVINCE_BBOX.minLat &&
  p.lat <= PROVINCE_BBOX.maxLat &&
  p.lon >= PROVINCE_BBOX.minLon &&
  p.lon <= PROVINCE_BBOX.maxLon;
const newCommune = (name: string, kind: AdminUnitSeed['kind']) =>
  newCommunes.find((u) => u.name === name && u.kind === kind);

describe('demo province: administrative units', () => {
  it('is deterministic and fast', () => {
    expect(buildDemoProvince()).toEqual(province);
    const start = performance.now();
    generateCrashes(buildDemoProvince());
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('has ids that are unique, and parents that exist at a higher level', () => {
    expect(new Set(units.keys()).size).toBe(province.adminUnits.length);
    const rank = { province: 0, district: 1, commune: 2 } as const;
    for (const u of province.adminUnits) {
      if (u.level === 'province') {
        expect(u.parentId).toBeNull();
        continue;
      }
      const parent = units.get(u.parentId ?? '');
      expect(parent, u.id).toBeDefined();
      expect(rank[parent!.level], u.id).toBeLessThan(rank[u.level]);
      // A unit lives within the life of its parent.
      expect(u.validFrom >= parent!.validFrom, u.id).toBe(true);
      if (parent!.validTo !== null)
        expect(u.validTo !== null && u.validTo <= parent!.validTo, u.id).toBe(true);
    }
  });

  it('is province LC from 2004 with the 8 districts abolished on 30/6/2025', () => {
    expect(province.provinceId).toBe('LC');
    expect(units.get('LC')).toMatchObject({ name: 'Lai Châu', level: 'province', validFrom: '2004-01-01' });
    expect(units.get('LC')!.validTo).toBeNull();
    expect(districts.map((d) => d.name).sort()).toEqual(
      [
        'Lai Châu',
        'Mường Tè',
        'Nậm Nhùn',
        'Phong Thổ',
        'Sìn Hồ',
        'Tam Đường',
        'Than Uyên',
        'Tân Uyên',
      ].sort(),
    );
    for (const d of districts) {
      expect(d.validTo).toBe('2025-06-30');
      expect(d.kind).toBe(d.name === 'Lai Châu' ? 'thành phố' : 'huyện');
    }
    const city = districts.find((d) => d.kind === 'thành phố')!;
    expect(haversineKm(city.lat, city.lon, 22.396, 103.458)).toBeLessThan(2);
  });

  it('has ~100 old communes under the districts and ~38 new ones directly under the province', () => {
    expect(oldCommunes.length).toBeGreaterThanOrEqual(90);
    expect(oldCommunes.length).toBeLessThanOrEqual(106);
    expect(newCommunes.length).toBeGreaterThanOrEqual(35);
    expect(newCommunes.length).toBeLessThanOrEqual(42);
    for (const u of oldCommunes) {
      expect(units.get(u.parentId!)?.level, u.name).toBe('district');
      expect(u.validTo).toBe('2025-06-30');
      expect(['xã', 'phường', 'thị trấn']).toContain(u.kind);
    }
    for (const u of newCommunes) {
      expect(u.parentId).toBe('LC');
      expect(u.validFrom).toBe('2025-07-01');
      expect(['xã', 'phường']).toContain(u.kind);
    }
    // Every district had communes, and kept at least one town or ward.
    for (const d of districts) {
      const own = oldCommunes.filter((u) => u.parentId === d.id);
      expect(own.length, d.name).toBeGreaterThanOrEqual(5);
      expect(
        own.some((u) => u.kind !== 'xã'),
        d.name,
      ).toBe(true);
    }
    for (const [name, kind] of [
      ['Tân Phong', 'phường'],
      ['Đoàn Kết', 'phường'],
      ['Bình Lư', 'xã'],
      ['Sìn Hồ', 'xã'],
      ['Mường Tè', 'xã'],
      ['Than Uyên', 'xã'],
      ['Tân Uyên', 'xã'],
      ['Nậm Hàng', 'xã'],
    ] as const)
      expect(newCommune(name, kind), name).toBeDefined();
    const oldNames = new Set(oldCommunes.map((u) => u.name));
    for (const name of [
      'Sơn Bình',
      'Bản Giang',
      'Nùng Nàng',
      'Hồ Thầu',
      'Ma Li Pho',
      'Ka Lăng',
      'Trung Đồng',
    ])
      expect(oldNames.has(name), name).toBe(true);
  });

  it('places every unit inside the province', () => {
    for (const u of province.adminUnits) expect(inBox(u), `${u.name} ${u.lat},${u.lon}`).toBe(true);
  });
});

describe('demo province: successions', () => {
  it('maps every old commune to exactly one new commune on 1/7/2025, and no district to anything', () => {
    for (const u of oldCommunes) {
      const out = province.successions.filter((s) => s.oldId === u.id);
      expect(out, u.name).toHaveLength(1);
      expect(out[0]!.effectiveDate).toBe('2025-07-01');
      expect(units.get(out[0]!.newId)?.validTo, u.name).toBeNull();
    }
    for (const d of districts) expect(province.successions.some((s) => s.oldId === d.id)).toBe(false);
    for (const c of newCommunes)
      expect(
        province.successions.some((s) => s.newId === c.id),
        c.name,
      ).toBe(true);
  });

  it('resolves each old commune to a unit valid after the reform, and to itself before it', () => {
    for (const u of oldCommunes) {
      const now = units.get(currentSuccessor(u.id, province.successions, '2026-01-01'))!;
      expect(now.level, u.name).toBe('commune');
      expect(isValidOn(now, '2026-01-01'), u.name).toBe(true);
      expect(currentSuccessor(u.id, province.successions, '2025-06-30')).toBe(u.id);
    }
    // A new unit that kept an old name sits where the old one was: the merger is geographic.
    for (const s of province.successions) {
      const a = units.get(s.oldId)!;
      const b = units.get(s.newId)!;
      expect(haversineKm(a.lat, a.lon, b.lat, b.lon), `${a.name} → ${b.name}`).toBeLessThan(15);
    }
    const binhLu = newCommune('Bình Lư', 'xã')!;
    const oldBinhLu = oldCommunes.find((u) => u.name === 'Bình Lư')!;
    expect(currentSuccessor(oldBinhLu.id, province.successions, '2025-07-01')).toBe(binhLu.id);
  });
});

describe('demo province: roads', () => {
  const byCode = new Map(province.roads.map((r) => [r.code, r]));
  const expectedKm: Record<string, number> = {
    QL4D: 100,
    QL12: 110,
    QL32: 90,
    QL279: 60,
    QL4H: 130,
    QL100: 40,
  };

  it('has the national and provincial roads at about their lengths', () => {
    for (const [code, km] of Object.entries(expectedKm)) {
      const r = byCode.get(code);
      expect(r?.kind, code).toBe('national');
      expect(Math.abs(r!.lengthKm - km), code).toBeLessThanOrEqual(km * 0.15);
    }
    for (const code of ['ĐT127', 'ĐT128', 'ĐT129', 'ĐT132']) {
      const r = byCode.get(code);
      expect(r?.kind, code).toBe('provincial');
      expect(r!.lengthKm).toBeGreaterThanOrEqual(20);
      expect(r!.lengthKm).toBeLessThanOrEqual(60);
    }
    expect(new Set(byCode.keys()).size).toBe(province.roads.length);
  });

  it('has markers from Km 0 to the end, every 2–5 km, inside the province', () => {
    for (const r of province.roads) {
      expect(r.markers[0]!.km, r.code).toBe(0);
      expect(r.markers.at(-1)!.km, r.code).toBeCloseTo(r.lengthKm, 1);
      for (let i = 1; i < r.markers.length; i++) {
        const gap = r.markers[i]!.km - r.markers[i - 1]!.km;
        expect(gap, `${r.code} Km ${r.markers[i]!.km}`).toBeGreaterThanOrEqual(2);
        expect(gap, `${r.code} Km ${r.markers[i]!.km}`).toBeLessThanOrEqual(5);
      }
      for (const m of r.markers) expect(inBox(m), `${r.code} Km ${m.km}`).toBe(true);
    }
  });

  it('interpolates positions between markers', () => {
    const r = byCode.get('QL4D')!;
    const [a, b] = [r.markers[3]!, r.markers[4]!];
    expect(pointAtKm(r, a.km)).toEqual({ lat: a.lat, lon: a.lon });
    const mid = pointAtKm(r, (a.km + b.km) / 2);
    expect(mid.lat).toBeCloseTo((a.lat + b.lat) / 2, 6);
    expect(mid.lon).toBeCloseTo((a.lon + b.lon) / 2, 6);
    // QL4D passes through thành phố Lai Châu.
    expect(
      r.markers.some((m) => haversineKm(m.lat, m.lon, 22.396, 103.458) < 2),
      'QL4D through Lai Châu',
    ).toBe(true);
  });
});

describe('demo province: organisation, people and users', () => {
  it('has unique codes and parents that exist, without cycles', () => {
    expect(orgUnits.size).toBe(province.orgUnits.length);
    for (const o of province.orgUnits) {
      const seen = new Set([o.code]);
      let parent = o.parentCode;
      while (parent !== null) {
        expect(orgUnits.has(parent), `${o.code} → ${parent}`).toBe(true);
        expect(seen.has(parent), `cycle at ${o.code}`).toBe(false);
        seen.add(parent);
        parent = orgUnits.get(parent)!.parentCode;
      }
      if (o.adminUnitId !== null) expect(units.has(o.adminUnitId), o.code).toBe(true);
    }
  });

  it('has the committee, its office and ~20 member agencies with their former names', () => {
    expect(orgUnits.get('BATGT')).toMatchObject({ kind: 'committee', parentCode: null });
    expect(orgUnits.get('VP-BATGT')).toMatchObject({ kind: 'office', parentCode: 'BATGT' });
    const members = province.orgUnits.filter((o) => o.kind === 'agency' && o.isMember);
    expect(members.length).toBeGreaterThanOrEqual(18);
    for (const m of members) expect(m.parentCode).toBe('BATGT');
    expect(orgUnits.get('PC08')).toMatchObject({ kind: 'division', parentCode: 'CA' });
    const aliases = (code: string) => orgUnits.get(code)!.aliases;
    expect(aliases('CA').map((a) => a.alias)).toEqual(
      expect.arrayContaining(['CA tỉnh', 'Công an tỉnh Lai Châu']),
    );
    expect(aliases('PC08').map((a) => a.alias)).toEqual(expect.arrayContaining(['Phòng CSGT', 'PC08']));
    expect(aliases('SXD')).toEqual(
      expect.arrayContaining([
        { alias: 'Sở Giao thông vận tải', kind: 'former_name', validTo: '2025-02-28' },
        { alias: 'Sở GTVT', kind: 'former_name', validTo: '2025-02-28' },
        { alias: 'SXD', kind: 'abbreviation' },
      ]),
    );
    expect(aliases('SGDDT').map((a) => a.alias)).toEqual(expect.arrayContaining(['Sở GDĐT', 'Sở GD&ĐT']));
    // Former names carry the last day they were in use.
    for (const o of province.orgUnits)
      for (const a of o.aliases)
        if (a.kind === 'former_name') expect(a.validTo, a.alias).toMatch(/^\d{4}-\d\d-\d\d$/);
    // An alias must lead to one unit only among the units valid at the same time, or name matching
    // would be ambiguous (the old and the new UBND xã Bình Lư never coexist). Names that differ only in
    // diacritics (xã Nậm Cha, xã Nậm Chà) are told apart by the resolver's exact-spelling tie-break.
    const owners = new Map<string, OrgUnitSeed>();
    const overlap = (a: OrgUnitSeed, b: OrgUnitSeed) =>
      (a.validTo ?? '9999') >= b.validFrom && (b.validTo ?? '9999') >= a.validFrom;
    for (const o of province.orgUnits)
      for (const a of [o.name, ...o.aliases.map((x) => x.alias)]) {
        const n = a.normalize('NFC').toLowerCase();
        const other = owners.get(n);
        if (other && other.code !== o.code)
          expect(overlap(other, o), `${a}: ${other.code} / ${o.code}`).toBe(false);
        owners.set(n, o);
      }
  });

  it('has a committee and a People’s Committee for every new commune, and district ones until 30/6/2025', () => {
    for (const c of newCommunes) {
      expect(orgUnits.get(`BATGT-${c.id}`)).toMatchObject({
        kind: 'commune_committee',
        name: `Ban ATGT ${c.kind} ${c.name}`,
        parentCode: 'BATGT',
        adminUnitId: c.id,
        validFrom: '2025-07-01',
        validTo: null,
      });
      expect(orgUnits.get(`UBND-${c.id}`)).toMatchObject({
        kind: 'locality',
        name: `UBND ${c.kind} ${c.name}`,
        adminUnitId: c.id,
        isMember: false,
      });
    }
    const tamDuong = province.orgUnits.find((o) => o.name === 'UBND huyện Tam Đường');
    expect(tamDuong).toMatchObject({ kind: 'locality', validTo: '2025-06-30' });
    expect(
      province.orgUnits.filter((o) => /^UBND (huyện|thành phố)/.test(o.name) && o.validTo === '2025-06-30'),
    ).toHaveLength(8);
  });

  it('has people in existing units with unique phone numbers and e-mails', () => {
    const phones = province.people.map((p) => p.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of province.people) {
      expect(orgUnits.has(p.orgUnitCode), p.fullName).toBe(true);
      expect(p.phone).toMatch(/^0\d{3} \d{3} \d{3}$/);
      expect(p.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    const emails = province.people.flatMap((p) => (p.email ? [p.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9.]+@laichau\.gov\.vn$/);
    for (const a of province.orgUnits.filter((o) => o.kind === 'agency')) {
      const staff = province.people.filter((p) => p.orgUnitCode === a.code);
      expect(staff.length, a.code).toBeGreaterThanOrEqual(2);
      expect(
        staff.some((p) =>
          /Giám đốc|Chủ tịch|Chỉ huy trưởng|Bí thư|Tổng Biên tập|Viện trưởng/.test(p.position),
        ),
        a.code,
      ).toBe(true);
    }
  });

  it('has one user per role, each in the right unit, all with the demo password', () => {
    const users = new Map(province.users.map((u) => [u.username, u]));
    expect(users.size).toBe(province.users.length);
    expect(new Set(province.users.map((u) => u.role))).toEqual(
      new Set(['admin', 'office', 'agency', 'commune', 'leader']),
    );
    for (const u of province.users) expect(u.password).toBe(DEMO_PASSWORD);
    expect(users.get('admin')?.role).toBe('admin');
    expect(users.get('vanphong')).toMatchObject({ role: 'office', orgUnitCode: 'VP-BATGT' });
    expect(users.get('lanhdao')?.role).toBe('leader');
    expect(users.get('lanhdao')?.displayName).toContain('Phó Chủ tịch UBND tỉnh');
    expect(users.get('congan')).toMatchObject({ role: 'agency', orgUnitCode: 'CA' });
    expect(users.get('xaydung')).toMatchObject({ role: 'agency', orgUnitCode: 'SXD' });
    expect(users.get('xa.binhlu')).toMatchObject({
      role: 'commune',
      adminUnitId: newCommune('Bình Lư', 'xã')!.id,
    });
    expect(users.get('phuong.tanphong')).toMatchObject({
      role: 'commune',
      adminUnitId: newCommune('Tân Phong', 'phường')!.id,
    });
    for (const u of province.users) {
      // An agency officer works in a member agency or in one of its divisions (the 115 centre of Sở Y tế).
      if (u.role === 'agency')
        expect(['agency', 'division'], u.username).toContain(orgUnits.get(u.orgUnitCode!)?.kind);
      if (u.orgUnitCode !== null) expect(orgUnits.has(u.orgUnitCode), u.username).toBe(true);
      if (u.personIndex !== null) {
        const person = province.people[u.personIndex];
        expect(person, u.username).toBeDefined();
        expect(u.displayName).toContain(person!.fullName);
        if (u.orgUnitCode !== null) expect(person!.orgUnitCode, u.username).toBe(u.orgUnitCode);
      }
    }
  });

  it('gives every commune user a commune valid today', () => {
    const today = new Date().toISOString().slice(0, 10);
    const communeUsers = province.users.filter((u) => u.role === 'commune');
    expect(communeUsers.length).toBeGreaterThanOrEqual(2);
    for (const u of communeUsers) {
      const unit = units.get(u.adminUnitId ?? '');
      expect(unit?.level, u.username).toBe('commune');
      expect(isValidOn(unit!, today), u.username).toBe(true);
      expect(isValidOn(unit!, '2025-07-01'), u.username).toBe(true);
    }
  });
});
