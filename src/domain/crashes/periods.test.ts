import { describe, expect, it } from 'vitest';
import {
  calendarPeriod,
  customPeriod,
  daysIn,
  formatDateVi,
  type Period,
  parsePeriodSpec,
  reportingPeriod,
  samePeriodLastYear,
  yearToDate,
} from './periods.ts';

const range = (p: Period) => [p.from, p.to, p.label];

describe('calendarPeriod', () => {
  it.each([
    ['month', 3, '2025-03-01', '2025-03-31', 'Tháng 3/2025'],
    ['month', 2, '2025-02-01', '2025-02-28', 'Tháng 2/2025'],
    ['month', 12, '2025-12-01', '2025-12-31', 'Tháng 12/2025'],
    ['quarter', 1, '2025-01-01', '2025-03-31', 'Quý I/2025'],
    ['quarter', 2, '2025-04-01', '2025-06-30', 'Quý II/2025'],
    ['quarter', 3, '2025-07-01', '2025-09-30', 'Quý III/2025'],
    ['quarter', 4, '2025-10-01', '2025-12-31', 'Quý IV/2025'],
    ['half', 1, '2025-01-01', '2025-06-30', '6 tháng đầu năm 2025'],
    ['half', 2, '2025-07-01', '2025-12-31', '6 tháng cuối năm 2025'],
    ['nine_months', undefined, '2025-01-01', '2025-09-30', '9 tháng năm 2025'],
    ['year', undefined, '2025-01-01', '2025-12-31', 'Năm 2025'],
  ] as const)('%s %s of 2025', (kind, index, from, to, label) => {
    const p = calendarPeriod(kind, 2025, index);
    expect(p).toEqual({ from, to, label, kind, basis: 'calendar' });
  });

  it('knows leap years', () => {
    expect(calendarPeriod('month', 2024, 2).to).toBe('2024-02-29');
  });

  it('rejects a missing or out-of-range index', () => {
    expect(() => calendarPeriod('month', 2025)).toThrow(RangeError);
    expect(() => calendarPeriod('month', 2025, 13)).toThrow(RangeError);
    expect(() => calendarPeriod('quarter', 2025, 0)).toThrow(RangeError);
    expect(() => calendarPeriod('half', 2025, 3)).toThrow(RangeError);
    expect(() => calendarPeriod('year', 2025.5)).toThrow(RangeError);
  });
});

describe('reportingPeriod (15th of the month before → 14th)', () => {
  it.each([
    ['month', 1, '2024-12-15', '2025-01-14', 'Tháng 1/2025'],
    ['month', 3, '2025-02-15', '2025-03-14', 'Tháng 3/2025'],
    ['month', 12, '2025-11-15', '2025-12-14', 'Tháng 12/2025'],
    ['quarter', 1, '2024-12-15', '2025-03-14', 'Quý I/2025'],
    ['quarter', 2, '2025-03-15', '2025-06-14', 'Quý II/2025'],
    ['quarter', 3, '2025-06-15', '2025-09-14', 'Quý III/2025'],
    ['quarter', 4, '2025-09-15', '2025-12-14', 'Quý IV/2025'],
    ['half', 1, '2024-12-15', '2025-06-14', '6 tháng đầu năm 2025'],
    ['half', 2, '2025-06-15', '2025-12-14', '6 tháng cuối năm 2025'],
    ['nine_months', undefined, '2024-12-15', '2025-09-14', '9 tháng năm 2025'],
    ['year', undefined, '2024-12-15', '2025-12-14', 'Năm 2025'],
  ] as const)('%s %s of 2025', (kind, index, from, to, label) => {
    expect(reportingPeriod(kind, 2025, index)).toEqual({ from, to, label, kind, basis: 'reporting' });
  });
});

describe('samePeriodLastYear', () => {
  it('gives the same named period of the previous year, on the same basis', () => {
    expect(range(samePeriodLastYear(calendarPeriod('quarter', 2025, 1)))).toEqual([
      '2024-01-01',
      '2024-03-31',
      'Quý I/2024',
    ]);
    expect(samePeriodLastYear(reportingPeriod('half', 2025, 1))).toEqual({
      from: '2023-12-15',
      to: '2024-06-14',
      label: '6 tháng đầu năm 2024',
      kind: 'half',
      basis: 'reporting',
    });
    expect(range(samePeriodLastYear(reportingPeriod('month', 2025, 1)))).toEqual([
      '2023-12-15',
      '2024-01-14',
      'Tháng 1/2024',
    ]);
  });

  it('takes the whole February of a leap year for a named month', () => {
    expect(range(samePeriodLastYear(calendarPeriod('month', 2025, 2)))).toEqual([
      '2024-02-01',
      '2024-02-29',
      'Tháng 2/2024',
    ]);
    expect(range(samePeriodLastYear(calendarPeriod('month', 2024, 2)))).toEqual([
      '2023-02-01',
      '2023-02-28',
      'Tháng 2/2023',
    ]);
  });

  it('shifts a custom range by one year, 29/2 becoming 28/2', () => {
    expect(samePeriodLastYear(customPeriod('2024-02-29', '2024-03-10'))).toEqual({
      from: '2023-02-28',
      to: '2023-03-10',
      label: 'Từ 28/02/2023 đến 10/03/2023',
      kind: 'custom',
      basis: 'calendar',
    });
    expect(range(samePeriodLastYear(customPeriod('2025-01-10', '2025-02-28')))).toEqual([
      '2024-01-10',
      '2024-02-28',
      'Từ 10/01/2024 đến 28/02/2024',
    ]);
  });

  it('treats a hand-made period whose dates do not match its kind as a range', () => {
    const odd: Period = {
      from: '2025-03-05',
      to: '2025-03-20',
      label: 'x',
      kind: 'month',
      basis: 'calendar',
    };
    const last = samePeriodLastYear(odd);
    expect([last.from, last.to, last.kind]).toEqual(['2024-03-05', '2024-03-20', 'month']);
  });

  it('relabels a year-to-date period', () => {
    expect(range(samePeriodLastYear(yearToDate(2025, '2025-03-15')))).toEqual([
      '2024-01-01',
      '2024-03-15',
      'Từ đầu năm 2024 đến 15/03/2024',
    ]);
  });
});

describe('customPeriod, daysIn, yearToDate', () => {
  it('builds a labelled range and rejects bad ones', () => {
    expect(customPeriod('2025-01-01', '2025-03-31')).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
      label: 'Từ 01/01/2025 đến 31/03/2025',
      kind: 'custom',
      basis: 'calendar',
    });
    expect(() => customPeriod('2025-03-31', '2025-01-01')).toThrow(RangeError);
    expect(() => customPeriod('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => customPeriod('1/1/2025', '2025-03-01')).toThrow(RangeError);
  });

  it('counts days with both ends included', () => {
    expect(daysIn(calendarPeriod('year', 2025))).toBe(365);
    expect(daysIn(calendarPeriod('year', 2024))).toBe(366);
    expect(daysIn(calendarPeriod('month', 2024, 2))).toBe(29);
    expect(daysIn(reportingPeriod('year', 2025))).toBe(365);
    expect(daysIn(reportingPeriod('quarter', 2025, 1))).toBe(90); // 17 + 31 + 28 + 14
    expect(daysIn(customPeriod('2025-05-05', '2025-05-05'))).toBe(1);
  });

  it('runs from the start of the year to the given day, capped at the year end', () => {
    expect(yearToDate(2025, '2025-03-15')).toEqual({
      from: '2025-01-01',
      to: '2025-03-15',
      label: 'Từ đầu năm 2025 đến 15/03/2025',
      kind: 'custom',
      basis: 'calendar',
    });
    expect(yearToDate(2025, '2026-02-01').to).toBe('2025-12-31');
    expect(range(yearToDate(2025, '2025-03-15', 'reporting'))).toEqual([
      '2024-12-15',
      '2025-03-15',
      'Từ đầu năm 2025 đến 15/03/2025',
    ]);
    expect(yearToDate(2025, '2025-12-20', 'reporting').to).toBe('2025-12-14');
    expect(() => yearToDate(2025, '2024-12-31')).toThrow(RangeError);
  });

  it('formats dates padded for the UI and unpadded for prose', () => {
    expect(formatDateVi('2025-06-04')).toBe('04/06/2025');
    expect(formatDateVi('2025-06-04', false)).toBe('4/6/2025');
    expect(formatDateVi('2024-12-15', false)).toBe('15/12/2024');
  });
});

describe('parsePeriodSpec', () => {
  const ok = (spec: string) => {
    const r = parsePeriodSpec(spec);
    if (!r.ok) throw new Error(`expected ${spec} to parse: ${r.error}`);
    return r.period;
  };
  const error = (spec: string) => {
    const r = parsePeriodSpec(spec);
    if (r.ok) throw new Error(`expected ${spec} to fail`);
    return r.error;
  };

  it.each([
    ['month:2025-03', '2025-03-01', '2025-03-31', 'Tháng 3/2025', 'calendar'],
    ['month:2025-3', '2025-03-01', '2025-03-31', 'Tháng 3/2025', 'calendar'],
    ['quarter:2025-1', '2025-01-01', '2025-03-31', 'Quý I/2025', 'calendar'],
    ['half:2025-2', '2025-07-01', '2025-12-31', '6 tháng cuối năm 2025', 'calendar'],
    ['nine_months:2025', '2025-01-01', '2025-09-30', '9 tháng năm 2025', 'calendar'],
    ['year:2025', '2025-01-01', '2025-12-31', 'Năm 2025', 'calendar'],
    ['reporting:quarter:2025-1', '2024-12-15', '2025-03-14', 'Quý I/2025', 'reporting'],
    ['reporting:month:2025-01', '2024-12-15', '2025-01-14', 'Tháng 1/2025', 'reporting'],
    ['reporting:year:2025', '2024-12-15', '2025-12-14', 'Năm 2025', 'reporting'],
    [' year:2024 ', '2024-01-01', '2024-12-31', 'Năm 2024', 'calendar'],
    ['range:2025-01-01..2025-03-31', '2025-01-01', '2025-03-31', 'Từ 01/01/2025 đến 31/03/2025', 'calendar'],
  ])('%s', (spec, from, to, label, basis) => {
    const p = ok(spec);
    expect([p.from, p.to, p.label, p.basis]).toEqual([from, to, label, basis]);
  });

  it('answers in Vietnamese and never throws', () => {
    expect(error('')).toMatch(/^Chưa chọn kỳ báo cáo/);
    expect(error('month:2025-13')).toMatch(/^Tháng phải từ 1 đến 12, nhận được 13/);
    expect(error('quarter:2025-5')).toMatch(/^Quý phải từ 1 đến 4/);
    expect(error('half:2025-0')).toMatch(/^Nửa năm phải từ 1 đến 2/);
    expect(error('week:2025-10')).toMatch(/^Loại kỳ "week" không hợp lệ/);
    expect(error('year:25')).toMatch(/^Giá trị "25" không hợp lệ cho loại kỳ year/);
    expect(error('month:2025')).toMatch(/không hợp lệ cho loại kỳ month/);
    expect(error('2025')).toMatch(/^Kỳ báo cáo "2025" không hợp lệ/);
    expect(error('range:2025-02-30..2025-03-31')).toMatch(/^Ngày "2025-02-30" không tồn tại/);
    expect(error('range:2025-03-31..2025-01-01')).toMatch(
      /^Ngày bắt đầu 31\/03\/2025 sau ngày kết thúc 01\/01\/2025/,
    );
    expect(error('range:2025-01-01')).toMatch(/^Khoảng thời gian "2025-01-01" không hợp lệ/);
    expect(error('reporting:')).toMatch(/không hợp lệ/);
    for (const e of [error('x'), error('month:abc')]) expect(e).toContain('dạng hợp lệ: month:2025-03');
  });
});
