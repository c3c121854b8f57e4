import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRASH_CAUSES } from '../crashes/codes.ts';
import {
  pointsLeft,
  RULE_SETS,
  ruleSetOn,
  VIOLATION_CODES,
  vehicleClassOf,
  violationTypeOn,
} from './catalogue.ts';

const SEED_004 = readFileSync(
  new URL('../../../fixtures/seeds/004_b8ba7cc76bec0c0e.txt', import.meta.url),
  'utf8',
);

describe('the violation catalogue', () => {
  it('prices a violation by the decree in force on its date', () => {
    expect(ruleSetOn('2019-12-31')).toBeNull();
    expect(ruleSetOn('2024-12-31')?.id).toBe('ND100-2019');
    expect(ruleSetOn('2025-01-01')?.id).toBe('ND168-2024');
    const before = violationTypeOn('red_light', '2024-12-31')!;
    const after = violationTypeOn('red_light', '2025-01-01')!;
    expect(before.type.fines.car).toMatchObject({ min: 4_000_000, max: 6_000_000, points: null });
    expect(after.type.fines.car).toMatchObject({ min: 18_000_000, max: 20_000_000, points: 4 });
    expect(violationTypeOn('no_such_thing', '2025-06-01')).toBeNull();
  });

  it('has the same codes in every rule set, sound ranges, and crash causes that exist', () => {
    const causes = new Set<string>(CRASH_CAUSES.map((c) => c.code));
    for (const set of RULE_SETS) {
      expect(set.types.map((x) => x.code).sort(), set.id).toEqual([...VIOLATION_CODES].sort());
      for (const type of set.types) {
        const classes = Object.values(type.fines);
        expect(classes.length, type.code).toBeGreaterThan(0);
        for (const f of classes) {
          expect(f.min, type.code).toBeLessThanOrEqual(f.max);
          expect(f.points ?? 0, type.code).toBeLessThanOrEqual(12);
        }
        if (type.crashCause) expect(causes.has(type.crashCause), type.code).toBe(true);
      }
    }
  });

  it('covers every violation seed 004 names as a cause of crashes', () => {
    // "…Điều khiển phương tiện chạy quá tốc độ, đi không đúng phần đường, làn đường, tránh vượt không đúng quy
    // định, không có giấy phép lái xe, không chấp hành tín hiệu đèn giao thông, … lạng lách đánh võng, … nồng
    // độ cồn, … không đội mũ bảo hiểm, sử dụng điện thoại di động, không thắt dây an toàn, … tải trọng …"
    const named: [string, string][] = [
      ['chạy quá tốc độ', 'speed_10_20'],
      ['đi không đúng phần đường, làn đường', 'wrong_lane'],
      ['vượt không đúng quy định', 'overtaking'],
      ['không có giấy phép lái xe', 'no_licence'],
      ['không chấp hành tín hiệu đèn giao thông', 'red_light'],
      ['lạng lách đánh võng', 'reckless'],
      ['có nồng độ cồn', 'alcohol_1'],
      ['không đội mũ bảo hiểm', 'no_helmet'],
      ['sử dụng điện thoại di động', 'phone'],
      ['không thắt dây an toàn', 'no_seat_belt'],
      ['tải trọng', 'overload'],
    ];
    for (const [phrase, code] of named) {
      expect(SEED_004, phrase).toContain(phrase);
      expect(VIOLATION_CODES, phrase).toContain(code);
    }
  });

  it('deducts points from a 12-point licence, never below zero', () => {
    expect(pointsLeft([])).toBe(12);
    expect(pointsLeft([4, null, 2])).toBe(6);
    expect(pointsLeft([10, 4])).toBe(0);
  });

  it('prices cars and motorbikes, not bicycles', () => {
    expect(vehicleClassOf('truck')).toBe('car');
    expect(vehicleClassOf('motorbike')).toBe('motorbike');
    expect(vehicleClassOf('bicycle')).toBeNull();
  });
});
