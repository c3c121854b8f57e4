import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTimeframe } from '../plans/timeframe.ts';
import { countBoard, periodsOf, type ScheduleRule, timelinessOf } from './schedule.ts';

const rule = (over: Partial<ScheduleRule>): ScheduleRule => ({
  kind: 'periodic',
  frequency: 'quarter',
  year: 2026,
  cutoffDay: 14,
  dueOffsetDays: 0,
  ...over,
});

describe('periods of the reporting regime', () => {
  it('quarters run from the 15th to the 14th; 6-, 9-month and year reports are cumulative from 15/12', () => {
    expect(periodsOf(rule({})).map((p) => [p.key, p.label, p.from, p.to, p.dueOn])).toEqual([
      ['2026-Q1', 'Quý I/2026', '2025-12-15', '2026-03-14', '2026-03-14'],
      ['2026-Q2', 'Quý II/2026', '2026-03-15', '2026-06-14', '2026-06-14'],
      ['2026-Q3', 'Quý III/2026', '2026-06-15', '2026-09-14', '2026-09-14'],
      ['2026-Q4', 'Quý IV/2026', '2026-09-15', '2026-12-14', '2026-12-14'],
    ]);
    expect(periodsOf(rule({ frequency: 'half' }))[0]).toMatchObject({ from: '2025-12-15', to: '2026-06-14' });
    expect(periodsOf(rule({ frequency: 'nine_months' }))[0]).toMatchObject({
      from: '2025-12-15',
      to: '2026-09-14',
    });
    expect(periodsOf(rule({ frequency: 'year' }))[0]).toMatchObject({
      key: '2026-Y',
      label: 'Năm 2026',
      from: '2025-12-15',
      to: '2026-12-14',
    });
  });

  it('months follow the cut-off day and the due offset; a short February keeps its last day', () => {
    const months = periodsOf(rule({ frequency: 'month', cutoffDay: 28, dueOffsetDays: 3, year: 2024 }));
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({
      key: '2024-M01',
      from: '2023-12-29',
      to: '2024-01-28',
      dueOn: '2024-01-31',
    });
    expect(months[1]).toMatchObject({ from: '2024-01-29', to: '2024-02-28', dueOn: '2024-03-02' });
    // Consecutive: each period starts the day after the previous one ends.
    for (let i = 1; i < months.length; i++) {
      const next = new Date(`${months[i - 1]!.to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(months[i]!.from).toBe(next.toISOString().slice(0, 10));
    }
  });

  it('an ad-hoc request has one period with its own deadline, and none when incomplete', () => {
    expect(
      periodsOf(
        rule({
          kind: 'adhoc',
          frequency: null,
          periodFrom: '2026-08-30',
          periodTo: '2026-09-02',
          dueOn: '2026-09-03',
        }),
      ),
    ).toEqual([
      {
        key: 'ADHOC',
        label: 'Từ 30/08/2026 đến 02/09/2026',
        from: '2026-08-30',
        to: '2026-09-02',
        dueOn: '2026-09-03',
      },
    ]);
    expect(periodsOf(rule({ kind: 'adhoc', frequency: null }))).toEqual([]);
  });

  it('each review of the sample appendix ("Sơ kết Quý I - tháng 4/2025 …") comes after the data it reviews are due', () => {
    const sample = readFileSync(
      new URL('../../../fixtures/plans/appendix-sample.tsv', import.meta.url),
      'utf8',
    );
    const row = sample.split('\n').find((l) => l.startsWith('VI\tSơ kết, tổng kết'))!;
    const reviews = parseTimeframe(row.split('\t')[2]!, { planYear: 2025 }).dueDates;
    expect(reviews.map((r) => r.label)).toEqual([
      'Sơ kết Quý I - tháng 4/2025',
      'Sơ kết 6 tháng - tháng 7/2025',
      'Sơ kết 9 tháng - tháng 10/2025',
      'Tổng kết - tháng 12/2025',
    ]);
    const due = [
      periodsOf(rule({ year: 2025 }))[0]!,
      periodsOf(rule({ year: 2025, frequency: 'half' }))[0]!,
      periodsOf(rule({ year: 2025, frequency: 'nine_months' }))[0]!,
      periodsOf(rule({ year: 2025, frequency: 'year' }))[0]!,
    ];
    expect(due.map((p) => p.dueOn)).toEqual(['2025-03-14', '2025-06-14', '2025-09-14', '2025-12-14']);
    // The year-end review is in December itself: the regime's 14/12 cut-off leaves the second half of the month.
    expect(reviews.map((r, i) => r.date > due[i]!.dueOn)).toEqual([true, true, true, true]);
  });
});

describe('timeliness', () => {
  it('is judged on the local day of the first submission', () => {
    expect(timelinessOf('2026-03-14', '2026-03-14', '2026-11-23')).toEqual({
      timeliness: 'on_time',
      daysLate: 0,
    });
    expect(timelinessOf('2026-03-14', '2026-03-17', '2026-11-23')).toEqual({
      timeliness: 'late',
      daysLate: 3,
    });
    expect(timelinessOf('2026-03-14', null, '2026-03-14')).toEqual({ timeliness: 'pending', daysLate: 0 });
    expect(timelinessOf('2026-03-14', null, '2026-03-20')).toEqual({ timeliness: 'missing', daysLate: 6 });
  });

  it('counts a board', () => {
    expect(
      countBoard([
        { timeliness: 'on_time', status: 'accepted' },
        { timeliness: 'on_time', status: 'submitted' },
        { timeliness: 'late', status: 'returned' },
        { timeliness: 'missing', status: null },
        { timeliness: 'pending', status: 'draft' },
      ]),
    ).toEqual({ expected: 5, onTime: 2, late: 1, missing: 1, pending: 1, accepted: 1 });
  });
});
