import { describe, expect, it } from 'vitest';
import { campaignResults, periodBefore } from './campaigns.ts';
import { checkPatrolViolation } from './patrol-violation.ts';
import { countViolatorsByUnit, type ViolatorRecord } from './violators.ts';

const r = (over: Partial<ViolatorRecord>): ViolatorRecord => ({
  occurredAt: '2026-03-10T01:00:00Z',
  personName: null,
  personIdNumber: null,
  orgUnitId: null,
  school: null,
  communeId: null,
  ...over,
});

describe('countViolatorsByUnit', () => {
  const march = { from: '2026-03-01', to: '2026-03-31' };
  it('counts a person once per unit, by identity number, else by the name written the same way', () => {
    const out = countViolatorsByUnit(
      [
        r({ personName: 'Nguyễn Văn An', personIdNumber: '001088000001', orgUnitId: 7 }),
        r({ personName: 'Nguyễn V. An', personIdNumber: '001088000001', orgUnitId: 7 }),
        r({ personName: 'Trần Thị Bình', orgUnitId: 7 }),
        r({ personName: ' trần   thị BÌNH ', orgUnitId: 7 }),
        r({ personName: 'Trần Thị Bình', orgUnitId: 9 }),
        // no person: a camera record whose driver is unknown
        r({ orgUnitId: 7 }),
      ],
      march,
    );
    expect(out).toEqual([
      { kind: 'org_unit', key: '7', label: '7', violators: 2, violations: 4 },
      { kind: 'org_unit', key: '9', label: '9', violators: 1, violations: 1 },
    ]);
  });

  it('counts the local day in Viet Nam, and schools and communes of residence', () => {
    const out = countViolatorsByUnit(
      [
        // 31/3 17:30 UTC is 1/4 00:30 in Viet Nam: April
        r({ occurredAt: '2026-03-31T17:30:00Z', personName: 'A', school: 'THPT Lê Quý Đôn' }),
        // 28/2 17:00 UTC is 1/3 00:00 in Viet Nam: March
        r({ occurredAt: '2026-02-28T17:00:00Z', personName: 'B', school: 'thpt lê quý đôn', communeId: 'X' }),
        r({ personName: 'C', school: 'THPT Lê Quý Đôn', communeId: 'X' }),
      ],
      march,
    );
    expect(out).toEqual([
      { kind: 'school', key: 'thpt lê quý đôn', label: 'THPT Lê Quý Đôn', violators: 2, violations: 2 },
      { kind: 'commune', key: 'X', label: 'X', violators: 2, violations: 2 },
    ]);
  });
});

describe('campaign results', () => {
  it('compares with the same number of days just before', () => {
    expect(periodBefore({ from: '2026-02-01', to: '2026-02-10' })).toEqual({
      from: '2026-01-22',
      to: '2026-01-31',
    });
    expect(periodBefore({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      from: '2026-02-28',
      to: '2026-02-28',
    });
  });

  it('adds hand tallies and recorded violations; no percent from a zero base', () => {
    const { rows, total } = campaignResults(
      { from: '2026-02-01', to: '2026-02-10', focus: ['speed_20_35'] },
      [{ typeCode: 'speed_20_35', count: 8, finesVnd: 48_000_000 }],
      [
        { typeCode: 'speed_20_35', count: 2, finesVnd: 6_000_000 },
        { typeCode: 'red_light', count: 1, finesVnd: 0 },
      ],
      [{ typeCode: 'speed_20_35', count: 4, finesVnd: 0 }],
    );
    expect(
      rows.map((x) => [x.typeCode, x.total.count, x.total.finesVnd, x.previous, x.comparison.percent]),
    ).toEqual([
      ['speed_20_35', 10, 54_000_000, 4, 150],
      ['red_light', 1, 0, 0, null],
    ]);
    expect(total.comparison).toMatchObject({ current: 11, previous: 4, change: 7, percent: 175 });
  });
});

describe('checkPatrolViolation', () => {
  const now = Date.parse('2026-11-23T00:00:00Z');
  it('prices a violation by the catalogue of its local day', () => {
    // 31/12/2024 23:30 in Viet Nam: still Nghị định 100
    const old = checkPatrolViolation(
      {
        typeCode: 'phone',
        occurredAt: '2024-12-31T23:30:00+07:00',
        vehicleType: 'motorbike',
        fineVnd: 1_000_000,
      },
      now,
    );
    expect(old).toMatchObject({ ok: true, value: { ruleSet: 'ND100-2019', fineMin: 800_000, points: null } });
    const next = checkPatrolViolation(
      { typeCode: 'phone', occurredAt: '2024-12-31T17:30:00Z', vehicleType: 'motorbike' },
      now,
    );
    expect(next).toMatchObject({
      ok: true,
      value: { ruleSet: 'ND168-2024', localDate: '2025-01-01', points: 2 },
    });
  });

  it('gives every problem by field', () => {
    const res = checkPatrolViolation(
      {
        typeCode: 'speed_over_35',
        occurredAt: '2026-12-01T08:00:00+07:00',
        vehicleType: 'bicycle',
        plate: '00A-1',
      },
      now,
    );
    expect(res).toEqual({
      ok: false,
      problems: [
        { path: 'occurredAt', message: 'Thời điểm ở tương lai.' },
        { path: 'plate', message: 'Không nhận ra biển số "00A-1" (ví dụ: 29A-123.45, 29-B1 123.45).' },
        {
          path: 'vehicleType',
          message:
            'Xe đạp: danh mục ND168-2024 không quy định mức phạt cho hành vi "Chạy quá tốc độ trên 35 km/h".',
        },
      ],
    });
    const bike = checkPatrolViolation(
      { typeCode: 'speed_over_35', occurredAt: '2026-10-01T08:00:00+07:00', vehicleType: 'motorbike' },
      now,
    );
    expect(bike).toEqual({
      ok: false,
      problems: [
        {
          path: 'vehicleType',
          message:
            'Xe mô tô, xe gắn máy: danh mục ND168-2024 không quy định mức phạt cho hành vi "Chạy quá tốc độ trên 35 km/h".',
        },
      ],
    });
  });
});
