import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaInForce } from './criteria.ts';
import { bruteForceLinear, detectLinear, formatKm, type LinearCrash } from './linear.ts';
import { genLinear } from './testing.ts';

const criteria = criteriaInForce('2025-06-30')!;
const year2025 = { from: '2025-01-01', to: '2025-12-31' };

let nextId = 1;
const crash = (roadId: number, kmM: number, date: string, deaths: number, injured: number): LinearCrash => ({
  id: nextId++,
  roadId,
  kmM,
  occurredAt: `${date}T08:00:00+07:00`,
  deaths,
  injured,
});

describe('detectLinear on a hand-made road', () => {
  nextId = 1;
  const fixture: LinearCrash[] = [
    // ids 1–3: three fatal crashes at Km 12+100 … 12+500: a black spot.
    crash(1, 12_100, '2025-02-03', 1, 0),
    crash(1, 12_300, '2025-05-20', 1, 2),
    crash(1, 12_500, '2025-11-11', 2, 1),
    // ids 4–5: two injury crashes 2 km further: a potential location only.
    crash(1, 14_500, '2025-03-01', 0, 1),
    crash(1, 14_700, '2025-09-09', 0, 2),
    // ids 6–10: scattered crashes.
    crash(1, 20_000, '2025-04-04', 1, 0),
    crash(1, 25_000, '2025-04-05', 0, 1),
    crash(1, 30_000, '2025-04-06', 1, 1),
    crash(2, 5_000, '2025-07-07', 1, 0),
    crash(2, 7_000, '2025-08-08', 0, 3),
    // ids 11–14: would be a black spot on road 2, but three of them are outside the window.
    crash(2, 40_000, '2024-12-31', 1, 0),
    crash(2, 40_100, '2026-01-01', 1, 0),
    crash(2, 40_200, '2024-06-15', 1, 0),
    crash(2, 40_300, '2025-06-15', 0, 1),
  ];

  it('finds exactly the black spot and the potential location', () => {
    const found = detectLinear(fixture, year2025, criteria);
    expect(found).toEqual([
      {
        kind: 'linear',
        roadId: 1,
        fromM: 12_100,
        toM: 12_500,
        crashIds: [1, 2, 3],
        crashes: 3,
        deaths: 4,
        injured: 3,
        fatalCrashes: 3,
        level: 'black_spot',
        rule: 0,
      },
      {
        kind: 'linear',
        roadId: 1,
        fromM: 14_500,
        toM: 14_700,
        crashIds: [4, 5],
        crashes: 2,
        deaths: 0,
        injured: 3,
        fatalCrashes: 0,
        level: 'potential',
        rule: null,
      },
    ]);
    expect(bruteForceLinear(fixture, year2025, criteria)).toEqual(found);
    expect(formatKm(found[0]!.fromM)).toBe('Km 12+100');
  });

  it('counts the crashes outside the window when the window covers them', () => {
    const wide = { from: '2024-01-01', to: '2026-12-31' };
    const found = detectLinear(fixture, wide, criteria);
    const road2 = found.find((c) => c.roadId === 2 && c.fromM === 40_000);
    expect(road2?.crashIds).toEqual([11, 12, 13, 14]);
    expect(road2?.level).toBe('black_spot');
  });

  it('merges overlapping qualifying windows into one segment', () => {
    nextId = 100;
    const chain = [
      crash(3, 0, '2025-01-01', 1, 0),
      crash(3, 400, '2025-01-02', 1, 0),
      crash(3, 800, '2025-01-03', 1, 0),
    ];
    const found = detectLinear(chain, year2025, criteria);
    expect(found.map((c) => [c.fromM, c.toM, c.crashIds])).toEqual([[0, 800, [100, 101, 102]]]);
    // 501 m apart: the window [x, x + 500] does not reach the next crash.
    nextId = 200;
    const apart = [crash(3, 0, '2025-01-01', 1, 0), crash(3, 501, '2025-01-02', 1, 0)];
    expect(detectLinear(apart, year2025, criteria)).toEqual([]);
    const edge = [crash(3, 0, '2025-01-01', 1, 0), crash(3, 500, '2025-01-02', 1, 0)];
    expect(detectLinear(edge, year2025, criteria)[0]?.level).toBe('black_spot');
  });

  it('reports rule 1 and rule 2 black spots', () => {
    nextId = 300;
    const r1 = [
      crash(4, 0, '2025-01-01', 1, 0),
      crash(4, 100, '2025-01-02', 0, 0),
      crash(4, 200, '2025-01-03', 0, 0),
    ];
    expect(detectLinear(r1, year2025, criteria)[0]?.rule).toBe(1);
    const r2 = [0, 100, 200, 300].map((k) => crash(4, k, '2025-03-03', 0, 1));
    expect(detectLinear(r2, year2025, criteria)[0]?.rule).toBe(2);
  });
});

describe('detectLinear equals bruteForceLinear', () => {
  it('on 10,000 realistic seeded crashes (10 roads × 0–150 km, 3 years)', () => {
    for (const seed of [1, 2, 3]) {
      const crashes = genLinear(10_000, { seed });
      for (const w of [year2025, { from: '2024-03-15', to: '2025-03-14' }]) {
        const fast = detectLinear(crashes, w, criteria);
        const slow = bruteForceLinear(crashes, w, criteria);
        expect(fast.length).toBeGreaterThan(10);
        expect(fast.some((c) => c.level === 'black_spot')).toBe(true);
        expect(fast.some((c) => c.level === 'potential')).toBe(true);
        expect(fast).toEqual(slow);
      }
    }
  });

  it('on small dense random sets with ties (fast-check)', () => {
    const arb = fc.array(
      fc.record({
        roadId: fc.integer({ min: 1, max: 3 }),
        kmM: fc.integer({ min: 0, max: 60 }).map((x) => x * 50),
        month: fc.integer({ min: 1, max: 12 }),
        deaths: fc.integer({ min: 0, max: 2 }),
        injured: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 100, max: 1000 }), (rows, L) => {
        const crashes = rows.map((r, i) => ({
          id: i + 1,
          roadId: r.roadId,
          kmM: r.kmM,
          occurredAt: `2025-${String(r.month).padStart(2, '0')}-15T12:00:00+07:00`,
          deaths: r.deaths,
          injured: r.injured,
        }));
        const w = { from: '2025-02-01', to: '2025-11-30' };
        const c = { ...criteria, segmentMetres: L };
        expect(detectLinear(crashes, w, c)).toEqual(bruteForceLinear(crashes, w, c));
      }),
      { numRuns: 300 },
    );
  });
});
