import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaInForce } from './criteria.ts';
import { bruteForceSpatial, detectSpatial, haversineM, type PointCrash } from './spatial.ts';
import { genSpatial, offset } from './testing.ts';

const criteria = criteriaInForce('2025-06-30')!;
const year2025 = { from: '2025-01-01', to: '2025-12-31' };
const A = { lat: 21.0285, lon: 105.8542 };
const B = offset(A.lat, A.lon, 3000, 0);

const at = (
  id: number,
  c: { lat: number; lon: number },
  north: number,
  east: number,
  date: string,
  deaths: number,
  injured: number,
): PointCrash => ({
  id,
  ...offset(c.lat, c.lon, north, east),
  occurredAt: `${date}T17:30:00+07:00`,
  deaths,
  injured,
});

describe('detectSpatial on hand-made points', () => {
  const fixture: PointCrash[] = [
    // Around A: three fatal crashes within about 100 m: a black spot.
    at(1, A, 0, 0, '2025-01-10', 1, 0),
    at(2, A, 60, 40, '2025-04-10', 1, 1),
    at(3, A, -50, 80, '2025-08-10', 1, 2),
    // Around B, 3 km north: two injury crashes (a potential location) and one fatal crash in 2024 (ignored).
    at(4, B, 0, 0, '2025-02-02', 0, 1),
    at(5, B, 30, -20, '2025-03-03', 0, 2),
    at(6, B, 10, 10, '2024-12-31', 1, 0),
    // Noise: single crashes at least 1.5 km from everything else.
    at(7, A, -2000, 0, '2025-05-05', 1, 0),
    at(8, A, 0, 2000, '2025-05-06', 0, 1),
    at(9, A, 1500, -1500, '2025-05-07', 1, 1),
    at(10, A, -1500, -2500, '2025-05-08', 0, 0),
  ];

  it('finds exactly the two known centres', () => {
    const found = detectSpatial(fixture, year2025, criteria);
    expect(found.map((c) => [c.level, c.rule, c.seedId, c.crashIds])).toEqual([
      ['black_spot', 0, 1, [1, 2, 3]],
      ['potential', null, 4, [4, 5]],
    ]);
    const a = found[0]!;
    const meanA = [1, 2, 3].map((id) => fixture[id - 1]!);
    expect(a.lat).toBeCloseTo(meanA.reduce((s, c) => s + c.lat, 0) / 3, 9);
    expect(a.lon).toBeCloseTo(meanA.reduce((s, c) => s + c.lon, 0) / 3, 9);
    expect(haversineM(a.lat, a.lon, A.lat, A.lon)).toBeLessThan(60);
    expect(haversineM(found[1]!.lat, found[1]!.lon, B.lat, B.lon)).toBeLessThan(30);
    expect(a).toMatchObject({ crashes: 3, deaths: 3, injured: 3, fatalCrashes: 3, radiusM: 250 });
    expect(bruteForceSpatial(fixture, year2025, criteria)).toEqual(found);
  });

  it('puts each crash in at most one cluster, strongest seed first', () => {
    // Two fatal triples; the injury crash 6 at x = 200 m is within 250 m of crash 1 (x = 0) and of crash 5
    // (x = 400) only. Seeds 1 and 5 tie on harm; the lower id wins and takes crash 6.
    const pts = [
      at(1, A, 0, 0, '2025-01-01', 1, 0),
      at(2, A, 0, -100, '2025-01-02', 1, 0),
      at(3, A, 0, -200, '2025-01-03', 1, 0),
      at(5, A, 0, 400, '2025-01-04', 1, 0),
      at(4, A, 0, 500, '2025-01-05', 1, 0),
      at(7, A, 0, 600, '2025-01-05', 1, 0),
      at(6, A, 0, 200, '2025-01-06', 0, 1),
    ];
    const found = detectSpatial(pts, year2025, criteria);
    const ids = found.flatMap((c) => c.crashIds);
    expect(new Set(ids).size).toBe(ids.length);
    expect(found.map((c) => [c.level, c.seedId, c.crashIds])).toEqual([
      ['black_spot', 1, [1, 2, 3, 6]],
      ['black_spot', 5, [4, 5, 7]],
    ]);
    expect(found).toEqual(bruteForceSpatial(pts, year2025, criteria));
  });

  it('measures distances by haversine', () => {
    // One degree of latitude on the mean sphere is about 111.195 km.
    expect(haversineM(21, 105, 22, 105)).toBeCloseTo(111_195, -1);
    expect(haversineM(A.lat, A.lon, B.lat, B.lon)).toBeCloseTo(3000, -1);
  });
});

describe('detectSpatial equals bruteForceSpatial', () => {
  it('on 10,000 realistic seeded crashes (3 years, hotspots and noise)', () => {
    for (const seed of [7, 8]) {
      const crashes = genSpatial(10_000, { seed });
      const fast = detectSpatial(crashes, year2025, criteria);
      const slow = bruteForceSpatial(crashes, year2025, criteria);
      expect(fast.length).toBeGreaterThan(10);
      expect(fast.some((c) => c.level === 'black_spot')).toBe(true);
      expect(fast.some((c) => c.level === 'potential')).toBe(true);
      expect(fast).toEqual(slow);
    }
  });

  it('on small dense random sets with duplicates (fast-check), also far north', () => {
    const arb = fc.array(
      fc.record({
        north: fc.integer({ min: 0, max: 40 }).map((x) => x * 25),
        east: fc.integer({ min: 0, max: 40 }).map((x) => x * 25),
        deaths: fc.integer({ min: 0, max: 1 }),
        injured: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom(10.8, 21.0, 65.0),
        fc.integer({ min: 100, max: 1000 }),
        (rows, lat, L) => {
          const pts = rows.map((r, i) =>
            at(i + 1, { lat, lon: 105.8 }, r.north, r.east, '2025-06-01', r.deaths, r.injured),
          );
          const c = { ...criteria, segmentMetres: L };
          expect(detectSpatial(pts, year2025, c)).toEqual(bruteForceSpatial(pts, year2025, c));
        },
      ),
      { numRuns: 200 },
    );
  });
});
