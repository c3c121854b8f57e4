import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestOfNWeights,
  type CrashCandidate,
  estimateUnderReporting,
  type HealthRecord,
  haversineKm,
  type LinkageResult,
  levelWeights,
  linkHealthRecords,
  LINKAGE_PARAMETERS as P,
  parseInstant,
} from './health-linkage.ts';

const crash = (c: Partial<CrashCandidate> & Pick<CrashCandidate, 'id' | 'occurredAt'>): CrashCandidate => ({
  communeId: null,
  vehicles: [],
  persons: [],
  deaths: 0,
  injured: 0,
  ...c,
});
const rec = (r: Partial<HealthRecord> & Pick<HealthRecord, 'id' | 'admittedAt'>): HealthRecord => ({
  outcome: 'serious',
  ...r,
});

/**
 * Six crashes and ten hospital records, matched by hand:
 * R1→C1, R2→C2 (two crashes 30 min apart in different communes), R4→C3 (C3 has one injured; R5 and
 * R6 also fit it but it cannot take them), R8→C4 only possible (another commune), R9→C5 (by
 * coordinates), R10→C6 only possible (admitted 11 h later). R3 is outside every window, R7 was
 * admitted before C4.
 */
const CRASHES: CrashCandidate[] = [
  crash({
    id: 'C1',
    occurredAt: '2025-03-10T07:00:00+07:00',
    communeId: 'X01',
    lat: 22.4,
    lon: 103.45,
    vehicles: ['motorbike', 'car'],
    persons: [
      { age: 34, sex: 'male', injury: 'serious' },
      { age: 52, sex: 'male', injury: null },
    ],
    injured: 1,
  }),
  crash({
    id: 'C2',
    occurredAt: '2025-03-10T07:30:00+07:00',
    communeId: 'X02',
    lat: 22.6,
    lon: 103.7,
    vehicles: ['motorbike', 'truck'],
    persons: [
      { age: 19, sex: 'female' },
      { age: 45, sex: 'male' },
    ],
    deaths: 1,
    injured: 1,
  }),
  crash({
    id: 'C3',
    occurredAt: '2025-03-11T20:00:00+07:00',
    communeId: 'X03',
    vehicles: ['motorbike'],
    persons: [{ age: 60, sex: 'male' }],
    injured: 1,
  }),
  crash({
    id: 'C4',
    occurredAt: '2025-03-12T10:00:00+07:00',
    communeId: 'X04',
    lat: 22.3,
    lon: 103.2,
    vehicles: ['car'],
    persons: [{ age: 40, sex: 'male' }],
    deaths: 1,
  }),
  crash({
    id: 'C5',
    occurredAt: '2025-03-13T15:00:00+07:00',
    communeId: null,
    lat: 22.5,
    lon: 103.9,
    vehicles: ['motorbike', 'pedestrian'],
    persons: [
      { age: 70, sex: 'female' },
      { age: 22, sex: 'male' },
    ],
    injured: 2,
  }),
  crash({
    id: 'C6',
    occurredAt: '2025-03-14T22:00:00+07:00',
    communeId: 'X07',
    vehicles: ['motorbike'],
  }),
];

const RECORDS: HealthRecord[] = [
  rec({
    id: 'R1',
    admittedAt: '2025-03-10T08:00:00+07:00',
    communeId: 'X01',
    age: 34,
    sex: 'male',
    vehicle: 'motorbike',
  }),
  rec({
    id: 'R2',
    admittedAt: '2025-03-10T08:10:00+07:00',
    communeId: 'X02',
    age: 19,
    sex: 'female',
    vehicle: 'motorbike',
    outcome: 'died',
  }),
  rec({
    id: 'R3',
    admittedAt: '2025-03-11T13:00:00+07:00',
    communeId: 'X01',
    age: 34,
    sex: 'male',
    vehicle: 'motorbike',
  }),
  rec({
    id: 'R4',
    admittedAt: '2025-03-11T20:40:00+07:00',
    communeId: 'X03',
    age: 60,
    sex: 'male',
    vehicle: 'motorbike',
  }),
  rec({
    id: 'R5',
    admittedAt: '2025-03-11T21:00:00+07:00',
    communeId: 'X03',
    age: 58,
    sex: 'male',
    vehicle: 'motorbike',
  }),
  rec({
    id: 'R6',
    admittedAt: '2025-03-11T21:30:00+07:00',
    communeId: 'X03',
    age: 60,
    sex: 'female',
    vehicle: 'motorbike',
  }),
  rec({
    id: 'R7',
    admittedAt: '2025-03-12T09:30:00+07:00',
    communeId: 'X04',
    age: 40,
    sex: 'male',
    vehicle: 'car',
    outcome: 'died',
  }),
  rec({
    id: 'R8',
    admittedAt: '2025-03-12T13:00:00+07:00',
    communeId: 'X05',
    age: 40,
    sex: 'male',
    vehicle: 'car',
    outcome: 'died',
  }),
  rec({
    id: 'R9',
    admittedAt: '2025-03-13T15:50:00+07:00',
    communeId: 'X06',
    lat: 22.51,
    lon: 103.91,
    age: 71,
    sex: 'female',
    vehicle: 'pedestrian',
  }),
  rec({
    id: 'R10',
    admittedAt: '2025-03-15T09:00:00+07:00',
    communeId: 'X07',
    age: 27,
    sex: 'male',
    vehicle: 'motorbike',
    outcome: 'minor',
  }),
];

const pairs = (r: LinkageResult) =>
  Object.fromEntries(r.links.map((l) => [l.recordId, `${l.crashId}:${l.status}`]));
const linkOf = (r: LinkageResult, id: string) => r.links.find((l) => l.recordId === id);

describe('weights', () => {
  it('match the table in the file comment (bits, single person)', () => {
    const round = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100);
    expect(round(levelWeights([P.time.strong, P.time.weak]))).toEqual([4.23, 0.86, -4.09]);
    expect(round(levelWeights([P.place]))).toEqual([4.09, -2.66]);
    expect(round(levelWeights([P.age.strong, P.age.weak]))).toEqual([2.96, 0.32, -3.48]);
    expect(round(levelWeights([P.sex]))).toEqual([0.55, -2.81]);
    expect(round(levelWeights([{ m: P.vehicle.m, u: P.vehicle.u.car! }]))).toEqual([1.77, -2.32]);
  });

  it('best-of-n equals the table for one person and discounts chance agreement in a crowd', () => {
    const levels = [P.age.strong, P.age.weak];
    const one = bestOfNWeights(levels, 1);
    for (const [i, x] of levelWeights(levels).entries()) expect(one[i]).toBeCloseTo(x, 12);
    // Two persons, strong level: m = 1 − 0.22·0.90 = 0.802, u = 1 − 0.90² = 0.19.
    expect(bestOfNWeights(levels, 2)[0]).toBeCloseTo(Math.log2(0.802 / 0.19), 12);
    const coach = bestOfNWeights(levels, 40);
    expect(coach[0]!).toBeLessThan(0.2);
    expect(coach[0]!).toBeGreaterThan(-0.2);
    for (const n of [1, 2, 5, 50, 500])
      for (const x of bestOfNWeights(levels, n)) expect(Number.isFinite(x)).toBe(true);
  });
});

describe('parseInstant and haversineKm', () => {
  it('reads an ISO time without an offset as Vietnam time, and rejects impossible dates', () => {
    expect(parseInstant('2025-03-10T08:00')).toBe(Date.parse('2025-03-10T01:00:00Z'));
    expect(parseInstant('2025-03-10 08:00:00')).toBe(Date.parse('2025-03-10T01:00:00Z'));
    expect(parseInstant('2025-03-10T08:00:00+0700')).toBe(Date.parse('2025-03-10T01:00:00Z'));
    expect(parseInstant('2025-03-10T01:00:00.123456Z')).toBe(Date.parse('2025-03-10T01:00:00.123Z'));
    expect(parseInstant('2025-03-10')).toBe(Date.parse('2025-03-09T17:00:00Z'));
    expect(parseInstant('2025-02-30T10:00')).toBeNaN();
    expect(parseInstant('10/03/2025')).toBeNaN();
    expect(parseInstant(undefined)).toBeNaN();
  });

  it('measures about 111 km per degree of latitude', () => {
    expect(haversineKm(22, 103, 23, 103)).toBeCloseTo(111.2, 0);
    expect(haversineKm(22.5, 103.9, 22.51, 103.91)).toBeLessThan(2);
  });
});

describe('linkHealthRecords: a hand-built set', () => {
  const result = linkHealthRecords(RECORDS, CRASHES);

  it('links each record to the crash it belongs to', () => {
    expect(pairs(result)).toEqual({
      R1: 'C1:link',
      R2: 'C2:link',
      R4: 'C3:link',
      R8: 'C4:possible',
      R9: 'C5:link',
      R10: 'C6:possible',
    });
    expect(result.unlinked).toEqual(['R3', 'R5', 'R6', 'R7']);
  });

  it('never links a record admitted before the crash', () => {
    expect(linkOf(result, 'R7')).toBeUndefined();
    // Even with every threshold removed, R7 is not compared with C4 (admitted 30 min before it).
    const loose = linkHealthRecords(RECORDS, CRASHES, { lower: -1000, upper: -1000 });
    expect(loose.links.find((l) => l.recordId === 'R7')?.crashId).not.toBe('C4');
  });

  it('keeps a record from another commune to "possible" at most', () => {
    const r8 = linkOf(result, 'R8')!;
    expect(r8.status).toBe('possible');
    expect(r8.reasons).toContain('Khác xã');
    // Hand sum: time ≤ 6 h 4.2288, different commune −2.6630, age ±2 2.9635, sex 0.5475, car 1.7655.
    expect(r8.weight).toBeCloseTo(4.2288 - 2.663 + 2.9635 + 0.5475 + 1.7655, 2);
  });

  it('sends each record of two near-simultaneous crashes in different communes to the right one', () => {
    expect(linkOf(result, 'R1')?.crashId).toBe('C1');
    expect(linkOf(result, 'R2')?.crashId).toBe('C2');
    // Swapping the communes of the records swaps the crashes.
    const swapped = RECORDS.slice(0, 2).map((r) => ({
      ...r,
      communeId: r.communeId === 'X01' ? 'X02' : 'X01',
    }));
    const s = linkHealthRecords(swapped, CRASHES.slice(0, 2));
    // Age, sex and time still point R1 to C1 and R2 to C2, but place now disagrees: not a firm link.
    for (const l of s.links) expect(l.status).not.toBe('link');
  });

  it('does not give a crash with one injured person three records', () => {
    const toC3 = result.links.filter((l) => l.crashId === 'C3');
    expect(toC3.map((l) => l.recordId)).toEqual(['R4']);
    // R5 and R6 would each pass the upper threshold alone.
    for (const id of ['R5', 'R6']) {
      const alone = linkHealthRecords(
        RECORDS.filter((r) => r.id === id),
        CRASHES,
      );
      expect(alone.links[0]?.crashId).toBe('C3');
      expect(alone.links[0]?.status).toBe('link');
    }
  });

  it('uses coordinates when a commune is missing', () => {
    const r9 = linkOf(result, 'R9')!;
    expect(r9.reasons.some((x) => /^Cách hiện trường 1(,\d)? km \(≤ 5 km\)$/.test(x))).toBe(true);
    expect(r9.reasons).toContain('Tuổi 71 khớp (±2)');
    expect(r9.reasons).toContain('Phương tiện khớp: Người đi bộ');
  });

  it('explains in Vietnamese, with the hand-summed weight', () => {
    const r4 = linkOf(result, 'R4')!;
    expect(r4.reasons).toEqual([
      'Nhập viện 40 phút sau vụ tai nạn',
      'Cùng xã',
      'Tuổi 60 khớp (±2)',
      'Giới tính nam khớp',
      'Phương tiện khớp: Xe mô tô, xe gắn máy',
    ]);
    // One person in C3, so the single-person table applies: 4.2288 + 4.0875 + 2.9635 + 0.5475 + 0.0875.
    expect(r4.weight).toBe(11.91);
    expect(linkOf(result, 'R1')?.reasons[0]).toBe('Nhập viện 1 giờ sau vụ tai nạn');
    expect(linkOf(result, 'R10')?.reasons[0]).toBe('Nhập viện 11 giờ sau vụ tai nạn (khớp yếu, 6–24 giờ)');
  });

  it('honours a wider window, where a late admission counts against the pair', () => {
    const wide = linkHealthRecords(RECORDS, CRASHES, { windowHours: 48, lower: 0 });
    const r3 = wide.links.find((l) => l.recordId === 'R3')!;
    expect(r3.crashId).toBe('C1');
    expect(r3.status).toBe('possible');
    expect(r3.reasons[0]).toBe('Nhập viện 30 giờ sau vụ tai nạn (quá 24 giờ)');
  });

  it('gives the same answer whatever the order of the input', () => {
    const again = linkHealthRecords([...RECORDS].reverse(), [...CRASHES].reverse());
    expect(again).toEqual(result);
  });
});

describe('linkHealthRecords: review flags', () => {
  const A = crash({
    id: 'A',
    occurredAt: '2025-06-01T10:00:00+07:00',
    communeId: 'X',
    vehicles: ['motorbike'],
    persons: [{ age: 30, sex: 'male' }],
    injured: 1,
  });
  const B = crash({
    id: 'B',
    occurredAt: '2025-06-01T07:00:00+07:00',
    communeId: 'X',
    vehicles: ['motorbike'],
    persons: [{ age: 33, sex: 'male' }],
    injured: 1,
  });
  const r = (id: string) =>
    rec({
      id,
      admittedAt: '2025-06-01T11:00:00+07:00',
      communeId: 'X',
      age: 30,
      sex: 'male',
      vehicle: 'motorbike',
    });

  it('sends a record whose best crash is full to its next crash, for review only', () => {
    const out = linkHealthRecords([r('r1'), r('r2')], [A, B]);
    expect(pairs(out)).toEqual({ r1: 'A:link', r2: 'B:possible' });
    expect(linkOf(out, 'r2')?.reasons.at(-1)).toBe('Vụ phù hợp hơn (A) đã đủ số người theo hồ sơ công an');
  });

  it('asks for review when two crashes fit almost equally (e.g. the same crash entered twice)', () => {
    const twin = { ...A, id: 'A2', occurredAt: '2025-06-01T10:05:00+07:00' };
    const out = linkHealthRecords([r('r1')], [A, twin]);
    expect(out.links).toHaveLength(1);
    expect(out.links[0]?.status).toBe('possible');
    expect(out.links[0]?.reasons.at(-1)).toMatch(/gần tương đương/);
  });

  it('caps a crash by max(persons listed, deaths + injured), and does not cap one with neither', () => {
    const noPersons = crash({ ...A, persons: [], injured: 1, deaths: 1 });
    const many = ['a', 'b', 'c'].map((id) =>
      rec({ id, admittedAt: '2025-06-01T11:00:00+07:00', communeId: 'X' }),
    );
    expect(linkHealthRecords(many, [noPersons]).links).toHaveLength(2);
    const unknown = crash({ ...A, persons: [], injured: 0, deaths: 0 });
    expect(linkHealthRecords(many, [unknown]).links).toHaveLength(3);
  });

  it('honours the thresholds', () => {
    const one = [r('r1')];
    expect(linkHealthRecords(one, [A], { upper: 20 }).links[0]?.status).toBe('possible');
    expect(linkHealthRecords(one, [A], { upper: 20, lower: 15 }).unlinked).toEqual(['r1']);
  });
});

describe('linkHealthRecords: properties', () => {
  const BASE = Date.parse('2025-03-01T00:00:00Z');
  const time = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .integer({ min: 0, max: 5 * 24 * 60 })
        .map((m) => new Date(BASE + m * 60_000).toISOString()),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'không rõ', '2025-02-30T10:00', '2025-03-02 08:00', '2025-03-02'),
    },
    { weight: 1, arbitrary: fc.string() },
  );
  const commune = fc.constantFrom('X1', 'X2', 'X3', null, '', ' X1 ', undefined);
  const lat = fc.oneof(fc.double({ min: 22, max: 22.2, noNaN: true }), fc.double(), fc.constant(undefined));
  const lon = fc.oneof(fc.double({ min: 103, max: 103.2, noNaN: true }), fc.double(), fc.constant(undefined));
  const age = fc.oneof(
    fc.integer({ min: -5, max: 130 }),
    fc.double(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const sex = fc.constantFrom('male', 'female', null, undefined, 'x');
  const vehicle = fc.constantFrom('motorbike', 'car', 'truck', 'pedestrian', ' Car ', 'ufo', null, undefined);
  const person = fc.record({ age, sex, injury: fc.constantFrom(null, 'serious') });
  const recordBody = fc.record({ admittedAt: time, communeId: commune, lat, lon, age, sex, vehicle });
  const crashBody = fc.record({
    occurredAt: time,
    communeId: commune,
    lat,
    lon,
    vehicles: fc.array(vehicle, { maxLength: 3 }),
    persons: fc.array(person, { maxLength: 5 }),
    deaths: fc.nat(3),
    injured: fc.nat(3),
  });
  const withIds = <T>(bodies: T[], prefix: string) =>
    bodies.map((b, i) => ({ ...b, id: i % 3 === 0 ? i : `${prefix}${i}` }));
  const input = fc
    .tuple(fc.array(recordBody, { maxLength: 40 }), fc.array(crashBody, { maxLength: 25 }))
    .map(([rs, cs]) => ({
      records: withIds(rs, 'r') as unknown as HealthRecord[],
      crashes: withIds(cs, 'c') as unknown as CrashCandidate[],
    }));

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, o) => {
        const out = linkHealthRecords(a as HealthRecord[], b as CrashCandidate[], o as object);
        expect(Array.isArray(out.links)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            recordBody.map((b) => ({ ...b, id: 'x' })),
            fc.anything(),
          ),
        ),
        fc.array(
          fc.oneof(
            crashBody.map((b) => ({ ...b, id: 'x' })),
            fc.anything(),
          ),
        ),
        (a, b) => {
          linkHealthRecords(a as HealthRecord[], b as CrashCandidate[]);
        },
      ),
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (police, health, linked) => {
        const e = estimateUnderReporting({ police, health, linked } as never);
        expect(typeof e.reliable).toBe('boolean');
      }),
    );
  });

  it('links each record at most once, every record accounted for, capacities and thresholds kept', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 12 }), ({ records, crashes }, lower) => {
        const out = linkHealthRecords(records, crashes, { lower, upper: lower + 3 });
        const ids = out.links.map((l) => l.recordId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set([...ids, ...out.unlinked]).size).toBe(records.length);
        expect(ids.length + out.unlinked.length).toBe(records.length);
        const perCrash = new Map<unknown, number>();
        for (const l of out.links) perCrash.set(l.crashId, (perCrash.get(l.crashId) ?? 0) + 1);
        for (const c of crashes) {
          const cap = Math.max(c.persons.length, c.deaths + c.injured);
          if (cap > 0) expect(perCrash.get(c.id) ?? 0).toBeLessThanOrEqual(cap);
        }
        for (const l of out.links) {
          expect(l.weight).toBeGreaterThanOrEqual(lower);
          if (l.status === 'link') expect(l.weight).toBeGreaterThanOrEqual(lower + 3);
          const r = records.find((x) => x.id === l.recordId)!;
          const c = crashes.find((x) => x.id === l.crashId)!;
          const delay = parseInstant(r.admittedAt) - parseInstant(c.occurredAt);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(24 * 3_600_000);
        }
      }),
    );
  });

  it('is deterministic and sorted: same input, in any order, gives the same output', () => {
    fc.assert(
      fc.property(input, ({ records, crashes }) => {
        const out = linkHealthRecords(records, crashes);
        expect(linkHealthRecords(records, crashes)).toEqual(out);
        expect(linkHealthRecords([...records].reverse(), [...crashes].reverse())).toEqual(out);
        const rot = (xs: readonly unknown[]) => [...xs.slice(1), ...xs.slice(0, 1)];
        expect(linkHealthRecords(rot(records) as HealthRecord[], rot(crashes) as CrashCandidate[])).toEqual(
          out,
        );
        for (let i = 1; i < out.links.length; i++)
          expect(out.links[i]!.weight).toBeLessThanOrEqual(out.links[i - 1]!.weight);
      }),
    );
  });
});

describe('linkHealthRecords: scale', () => {
  it('links 20,000 records against 20,000 crashes over a year', () => {
    let s = 20250101;
    const rand = () => {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const year = Date.parse('2025-01-01T00:00:00+07:00');
    const iso = (ms: number) => new Date(ms).toISOString();
    const vehicles = ['motorbike', 'motorbike', 'motorbike', 'car', 'truck', 'bicycle', 'pedestrian'];
    const crashes: CrashCandidate[] = [];
    for (let i = 0; i < 20_000; i++) {
      const n = 1 + Math.floor(rand() * 3);
      crashes.push({
        id: `C${i}`,
        occurredAt: iso(year + rand() * 365 * 86_400_000),
        communeId: `X${Math.floor(rand() * 150)}`,
        lat: 22 + rand(),
        lon: 103 + rand(),
        vehicles: Array.from({ length: n }, () => pick(vehicles)),
        persons: Array.from({ length: n }, () => ({
          age: 10 + Math.floor(rand() * 60),
          sex: rand() < 0.78 ? ('male' as const) : ('female' as const),
        })),
        deaths: rand() < 0.3 ? 1 : 0,
        injured: n,
      });
    }
    const truth = new Map<string, string>();
    const records: HealthRecord[] = [];
    for (let i = 0; i < 20_000; i++) {
      const fromCrash = rand() < 0.6;
      if (fromCrash) {
        const c = pick(crashes);
        const p = pick(c.persons);
        truth.set(`R${i}`, String(c.id));
        records.push({
          id: `R${i}`,
          admittedAt: iso(Date.parse(c.occurredAt) + rand() * 8 * 3_600_000),
          communeId: rand() < 0.85 ? c.communeId : null,
          age: (p.age ?? 30) + Math.floor(rand() * 3) - 1,
          sex: p.sex ?? null,
          vehicle: pick(c.vehicles),
          outcome: 'serious',
        });
      } else {
        records.push({
          id: `R${i}`,
          admittedAt: iso(year + rand() * 365 * 86_400_000),
          communeId: `X${Math.floor(rand() * 150)}`,
          age: 10 + Math.floor(rand() * 60),
          sex: rand() < 0.78 ? 'male' : 'female',
          vehicle: pick(vehicles),
          outcome: 'minor',
        });
      }
    }
    const t0 = performance.now();
    const out = linkHealthRecords(records, crashes);
    const ms = performance.now() - t0;
    const firm = out.links.filter((l) => l.status === 'link');
    const right = firm.filter((l) => truth.get(String(l.recordId)) === l.crashId).length;
    const recall = out.links.filter((l) => truth.get(String(l.recordId)) === l.crashId).length / truth.size;
    console.info(
      `health linkage: 20,000 × 20,000 in ${Math.round(ms)} ms; ${firm.length} links (${right} correct), ` +
        `${out.links.length - firm.length} possible, ${out.unlinked.length} unlinked; recall ${(recall * 100).toFixed(1)} %`,
    );
    expect(out.links.length + out.unlinked.length).toBe(records.length);
    expect(right / firm.length).toBeGreaterThan(0.9);
  });
});

describe('estimateUnderReporting', () => {
  it('computes Chapman by hand: police 120, health 90, linked 60', () => {
    const e = estimateUnderReporting({ police: 120, health: 90, linked: 60 });
    // N̂ = 121·91/61 − 1 = 11011/61 − 1 = 179.508…
    const n = (121 * 91) / 61 - 1;
    expect(n).toBeCloseTo(179.5082, 4);
    expect(e.estimate).toBeCloseTo(n, 10);
    // Var = 121·91·60·30 / (61²·62) = 19,819,800 / 230,702 = 85.9108…
    const v = (121 * 91 * 60 * 30) / (61 * 61 * 62);
    expect(v).toBeCloseTo(85.9108, 4);
    expect(e.variance).toBeCloseTo(v, 10);
    expect(e.standardError).toBeCloseTo(9.2688, 4);
    expect(e.lower95).toBeCloseTo(n - 1.959964 * Math.sqrt(v), 6); // ≈ 161.34
    expect(e.upper95).toBeCloseTo(n + 1.959964 * Math.sqrt(v), 6); // ≈ 197.67
    expect(e.lower95).toBeCloseTo(161.34, 2);
    expect(e.upper95).toBeCloseTo(197.67, 2);
    // (179.508 − 120)/179.508 = 33.15 % of the true total is missing from police data.
    expect(e.underReportingPercent).toBeCloseTo(33.15, 2);
    expect(e.reliable).toBe(true);
  });

  it('raises the lower end to the number of people actually seen', () => {
    // N̂ = 11·11/10 − 1 = 11.1, Var = 11·11·1·1/(10²·11) = 0.11; 11.1 − 0.65 < 10 + 10 − 9 = 11.
    const e = estimateUnderReporting({ police: 10, health: 10, linked: 9 });
    expect(e.estimate).toBeCloseTo(11.1, 10);
    expect(e.variance).toBeCloseTo(0.11, 10);
    expect(e.lower95).toBe(11);
  });

  it('says so and returns nulls when nothing is linked', () => {
    const e = estimateUnderReporting({ police: 50, health: 40, linked: 0 });
    expect(e.estimate).toBeNull();
    expect(e.lower95).toBeNull();
    expect(e.upper95).toBeNull();
    expect(e.underReportingPercent).toBeNull();
    expect(e.reliable).toBe(false);
    expect(e.note).toMatch(/không tin cậy/);
  });

  it('flags fewer than 7 links as unreliable, and rejects impossible inputs', () => {
    const few = estimateUnderReporting({ police: 30, health: 20, linked: 6 });
    expect(few.estimate).toBeCloseTo((31 * 21) / 7 - 1, 10);
    expect(few.reliable).toBe(false);
    expect(estimateUnderReporting({ police: 30, health: 20, linked: 7 }).reliable).toBe(true);
    for (const bad of [
      { police: 10, health: 5, linked: 6 },
      { police: -1, health: 5, linked: 1 },
      { police: 10.5, health: 5, linked: 1 },
      { police: Number.NaN, health: 5, linked: 1 },
    ]) {
      const e = estimateUnderReporting(bad);
      expect(e.estimate).toBeNull();
      expect(e.reliable).toBe(false);
    }
  });
});
