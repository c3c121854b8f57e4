import { describe, expect, it } from 'vitest';
import {
  compare,
  comparisonSentence,
  formatNumberVi,
  formatPercentVi,
  projectYear,
  targetStatus,
} from './comparison.ts';
import { calendarPeriod, customPeriod, reportingPeriod } from './periods.ts';

describe('compare', () => {
  it('gives change, percent to one decimal and direction', () => {
    expect(compare(45, 50)).toEqual({
      current: 45,
      previous: 50,
      change: -5,
      percent: -10,
      direction: 'down',
    });
    expect(compare(28, 25)).toEqual({ current: 28, previous: 25, change: 3, percent: 12, direction: 'up' });
    expect(compare(7, 7)).toEqual({ current: 7, previous: 7, change: 0, percent: 0, direction: 'same' });
  });

  it('rounds halves away from zero', () => {
    expect(compare(30, 32).percent).toBe(-6.3); // -6,25
    expect(compare(34, 32).percent).toBe(6.3); // +6,25
    expect(compare(17, 16).percent).toBe(6.3); // +6,25
    expect(compare(15, 16).percent).toBe(-6.3); // -6,25
    expect(compare(201, 200).percent).toBe(0.5);
    expect(compare(1, 3).percent).toBe(-66.7);
    expect(compare(2, 3).percent).toBe(-33.3);
    expect(compare(1234, 1500).percent).toBe(-17.7);
  });

  it('has no percent when the previous value is 0', () => {
    expect(compare(5, 0)).toEqual({ current: 5, previous: 0, change: 5, percent: null, direction: 'up' });
    expect(compare(0, 0)).toEqual({ current: 0, previous: 0, change: 0, percent: null, direction: 'same' });
  });
});

describe('Vietnamese number formats', () => {
  it('formats numbers', () => {
    expect(formatNumberVi(0)).toBe('0');
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(1234)).toBe('1.234');
    expect(formatNumberVi(1234567)).toBe('1.234.567');
    expect(formatNumberVi(-1234)).toBe('-1.234');
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
    expect(formatNumberVi(1234.56, 1)).toBe('1.234,6');
    expect(formatNumberVi(1500000000)).toBe('1.500.000.000');
    expect(formatNumberVi(-0.04, 1)).toBe('0,0');
  });

  it('formats percents with a sign and a space', () => {
    expect(formatPercentVi(-10)).toBe('-10,0 %');
    expect(formatPercentVi(5.3)).toBe('+5,3 %');
    expect(formatPercentVi(-6.3)).toBe('-6,3 %');
    expect(formatPercentVi(0)).toBe('0,0 %');
    expect(formatPercentVi(1234.5)).toBe('+1.234,5 %');
    expect(formatPercentVi(null)).toBe('—');
  });
});

describe('comparisonSentence', () => {
  it('writes the sentence of the half-year report', () => {
    const s = comparisonSentence(reportingPeriod('half', 2025, 1), 2024, {
      crashes: { current: 45, previous: 50 },
      deaths: { current: 30, previous: 32 },
      injured: { current: 28, previous: 25 },
    });
    expect(s).toBe(
      'Từ ngày 15/12/2024 đến ngày 14/6/2025, toàn tỉnh xảy ra 45 vụ TNGT, làm chết 30 người, bị thương ' +
        '28 người; so với cùng kỳ năm 2024 giảm 5 vụ (-10,0 %), giảm 2 người chết (-6,3 %), tăng 3 người bị ' +
        'thương (+12,0 %).',
    );
  });

  it('says "không tăng, không giảm", leaves out a percent from zero, and names the place', () => {
    const s = comparisonSentence(
      calendarPeriod('month', 2025, 3),
      2024,
      {
        crashes: { current: 4, previous: 4 },
        deaths: { current: 1, previous: 0 },
        injured: { current: 0, previous: 2 },
      },
      'xã Bình Lư',
    );
    expect(s).toBe(
      'Từ ngày 1/3/2025 đến ngày 31/3/2025, xã Bình Lư xảy ra 4 vụ TNGT, làm chết 1 người, không có người ' +
        'bị thương; so với cùng kỳ năm 2024 không tăng, không giảm số vụ, tăng 1 người chết, giảm 2 người bị ' +
        'thương (-100,0 %).',
    );
  });

  it('says when no crash happened, and groups thousands', () => {
    const none = comparisonSentence(customPeriod('2025-01-01', '2025-01-07'), 2024, {
      crashes: { current: 0, previous: 2 },
      deaths: { current: 0, previous: 0 },
      injured: { current: 0, previous: 3 },
    });
    expect(none).toBe(
      'Từ ngày 1/1/2025 đến ngày 7/1/2025, toàn tỉnh không xảy ra vụ TNGT nào; so với cùng kỳ năm 2024 ' +
        'giảm 2 vụ (-100,0 %), không tăng, không giảm số người chết, giảm 3 người bị thương (-100,0 %).',
    );
    const big = comparisonSentence(calendarPeriod('year', 2025), 2024, {
      crashes: { current: 1234, previous: 1500 },
      deaths: { current: 400, previous: 410 },
      injured: { current: 1100, previous: 1000 },
    });
    expect(big).toBe(
      'Từ ngày 1/1/2025 đến ngày 31/12/2025, toàn tỉnh xảy ra 1.234 vụ TNGT, làm chết 400 người, bị thương ' +
        '1.100 người; so với cùng kỳ năm 2024 giảm 266 vụ (-17,7 %), giảm 10 người chết (-2,4 %), tăng 100 ' +
        'người bị thương (+10,0 %).',
    );
  });
});

describe('projectYear', () => {
  it('uses last year’s seasonal shape when last year’s value to date is known', () => {
    expect(projectYear({ ytd: 45, previousYtd: 50, previousYear: 120, asOf: '2025-06-14', year: 2025 })).toBe(
      108,
    );
  });

  it('goes linear by elapsed days otherwise', () => {
    // 1/1–31/3/2025 is 90 days: 30 / 90 × 365
    expect(
      projectYear({ ytd: 30, previousYtd: 0, previousYear: 0, asOf: '2025-03-31', year: 2025 }),
    ).toBeCloseTo(121.667, 3);
    // 1/1–1/3/2024 is 61 days of a 366-day year
    expect(projectYear({ ytd: 61, previousYtd: 0, previousYear: 90, asOf: '2024-03-01', year: 2024 })).toBe(
      366,
    );
    // reporting year from 15/12/2024: 15/12–13/1 is 30 days
    expect(
      projectYear({
        ytd: 10,
        previousYtd: 0,
        previousYear: 0,
        asOf: '2025-01-13',
        year: 2025,
        yearStart: '2024-12-15',
      }),
    ).toBeCloseTo(121.667, 3);
  });

  it('returns the value itself once the year is over, and rejects bad dates', () => {
    expect(projectYear({ ytd: 200, previousYtd: 0, previousYear: 0, asOf: '2026-01-05', year: 2025 })).toBe(
      200,
    );
    expect(() =>
      projectYear({ ytd: 1, previousYtd: 0, previousYear: 0, asOf: '2025-13-01', year: 2025 }),
    ).toThrow(RangeError);
  });
});

describe('targetStatus', () => {
  const decrease = (projected: number, previousYear = 200) =>
    targetStatus({ projected, previousYear, minPercent: 5, maxPercent: 10, direction: 'decrease' });

  it('gives the allowed values for a 5–10 % decrease', () => {
    expect(decrease(185)).toEqual({
      targetValueMin: 180,
      targetValueMax: 190,
      status: 'on_track',
      message:
        'Dự báo cả năm khoảng 185 (-7,5 % so với năm trước): đạt chỉ tiêu giảm 5–10 % (mức cần đạt 180–190).',
    });
  });

  it('is on track up to P × (1 − min %), at risk up to P, off track above', () => {
    expect(decrease(170).status).toBe('on_track');
    expect(decrease(190).status).toBe('on_track');
    expect(decrease(190.5).status).toBe('at_risk');
    expect(decrease(200).status).toBe('at_risk');
    expect(decrease(200.1).status).toBe('off_track');
    expect(decrease(195).message).toBe(
      'Dự báo cả năm khoảng 195 (-2,5 % so với năm trước): có giảm nhưng chưa đạt chỉ tiêu giảm 5–10 % ' +
        '(cần không quá 190).',
    );
    expect(decrease(230).message).toBe(
      'Dự báo cả năm khoảng 230 (+15,0 % so với năm trước): tăng so với năm trước, không đạt chỉ tiêu giảm ' +
        '5–10 % (mức cần đạt 180–190).',
    );
  });

  it('keeps whole allowed values when the bounds are not whole', () => {
    // 123 × 0,95 = 116,85; 123 × 0,90 = 110,7
    const t = decrease(116.85, 123);
    expect([t.targetValueMin, t.targetValueMax, t.status]).toEqual([111, 116, 'on_track']);
    expect(decrease(116.9, 123).status).toBe('at_risk');
    // 5 × 0,95 = 4,75; 5 × 0,90 = 4,5: only 4 is allowed
    const small = decrease(4, 5);
    expect([small.targetValueMin, small.targetValueMax]).toEqual([4, 4]);
  });

  it('handles a year with nothing to decrease from', () => {
    const t = decrease(0, 0);
    expect(t).toEqual({
      targetValueMin: 0,
      targetValueMax: 0,
      status: 'on_track',
      message: 'Dự báo cả năm khoảng 0: đạt chỉ tiêu giảm 5–10 % (mức cần đạt 0–0).',
    });
    expect(decrease(3, 0).status).toBe('off_track');
  });

  it('mirrors the rule for an increase target, and accepts min and max in either order', () => {
    const increase = (projected: number) =>
      targetStatus({ projected, previousYear: 50, minPercent: 20, maxPercent: 10, direction: 'increase' });
    expect([increase(57).targetValueMin, increase(57).targetValueMax]).toEqual([55, 60]);
    expect(increase(55).status).toBe('on_track');
    expect(increase(70).status).toBe('on_track');
    expect(increase(52).status).toBe('at_risk');
    expect(increase(50).status).toBe('at_risk');
    expect(increase(48).status).toBe('off_track');
    expect(increase(52).message).toBe(
      'Dự báo cả năm khoảng 52 (+4,0 % so với năm trước): có tăng nhưng chưa đạt chỉ tiêu tăng 10–20 % ' +
        '(cần ít nhất 55).',
    );
    expect(increase(48).message).toBe(
      'Dự báo cả năm khoảng 48 (-4,0 % so với năm trước): giảm so với năm trước, không đạt chỉ tiêu tăng ' +
        '10–20 % (mức cần đạt 55–60).',
    );
  });
});
