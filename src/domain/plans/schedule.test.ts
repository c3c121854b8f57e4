import { describe, expect, it } from 'vitest';
import { dueState, expandOccurrences, needsReview, planSpan, scheduleKind } from './schedule.ts';
import { parseTimeframe } from './timeframe.ts';

const ctx = { planYear: 2025, planDate: '2025-02-10' };
const read = (text: string) => parseTimeframe(text, ctx);
const span = planSpan('2025-02-10');

describe('scheduleKind', () => {
  it.each([
    ['Tháng 3/2025', 'deadline'],
    ['Quý I/2025', 'deadline'],
    ['Xong trong quý II/2025, kiểm tra trong quý III/2025', 'deadline'],
    ['Hằng tháng', 'recurring'],
    ['Đôn đốc thường xuyên, kiểm tra 6 tháng 1 lần', 'recurring'],
    ['Thường xuyên', 'continuous'],
    ['Hoàn thành trong Quý II/2025 và duy trì thường xuyên', 'deadline_then_continuous'],
    ['Đầu năm học và duy trì trong năm', 'deadline_then_continuous'],
    ['Từ tháng 6/2025', 'deadline_then_continuous'],
    ['Hoàn thành kế hoạch trong tháng 02/2025 và tổ chức thực hiện hàng năm', 'recurring'],
    ['Khi có chỉ đạo', 'event'],
    ['Các đợt cao điểm', 'event'],
    ['Đột xuất hoặc khi TNGT tăng cao, tình hình trật tự ATGT diễn biến phức tạp', 'event'],
    ['chưa rõ gì cả xyz', 'unknown'],
  ])('%s → %s', (text, kind) => {
    expect(scheduleKind(read(text))).toBe(kind);
  });

  it('an empty cell has no schedule and is unknown', () => {
    expect(scheduleKind(null)).toBe('unknown');
    expect(needsReview(null)).toBe(false);
  });

  it('flags a partial reading for review, not a certain one', () => {
    expect(needsReview(read('Quý I/2025'))).toBe(false);
    expect(needsReview(read('chưa rõ gì cả xyz'))).toBe(true);
  });
});

describe('expandOccurrences', () => {
  it('gives a monthly task the month ends from the plan date to the year end', () => {
    const occ = expandOccurrences(read('Hằng tháng'), span);
    expect(occ.map((o) => o.dueOn)).toEqual([
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ]);
    expect(occ[0]).toMatchObject({ label: 'Tháng 2/2025', startsOn: '2025-02-01', source: 'recurrence' });
  });

  it('gives quarter ends and the labels officers write', () => {
    expect(expandOccurrences(read('Hằng quý'), span).map((o) => o.label)).toEqual([
      'Quý I/2025',
      'Quý II/2025',
      'Quý III/2025',
      'Quý IV/2025',
    ]);
  });

  it('keeps every n-th period for "6 tháng 1 lần" read as semesters', () => {
    const occ = expandOccurrences(read('Đôn đốc thường xuyên, kiểm tra 6 tháng 1 lần'), span);
    expect(occ.map((o) => o.dueOn)).toEqual(['2025-06-30', '2025-12-31']);
  });

  it('lists a deadline and then nothing for the continuous part', () => {
    const occ = expandOccurrences(read('Hoàn thành trong Quý II/2025 và duy trì thường xuyên'), span);
    expect(occ).toEqual([
      {
        dueOn: '2025-06-30',
        startsOn: '2025-04-01',
        label: expect.stringMatching(/II\/2025/),
        source: 'deadline',
      },
    ]);
  });

  it('puts a school-year duty at the start of each school year', () => {
    expect(expandOccurrences(read('Đầu năm học và duy trì trong năm'), span)).toEqual([
      { dueOn: '2025-09-30', startsOn: '2025-09-01', label: 'Đầu năm học 2025-2026', source: 'deadline' },
    ]);
    expect(
      expandOccurrences(read('Hằng năm học'), { from: '2025-02-10', to: '2026-12-31' }).map((o) => o.dueOn),
    ).toEqual(['2025-09-30', '2026-09-30']);
  });

  it('gives nothing to continuous, event and unreadable schedules', () => {
    for (const t of ['Thường xuyên', 'Khi có chỉ đạo', 'chưa rõ gì cả xyz']) {
      expect(expandOccurrences(read(t), span)).toEqual([]);
    }
  });
});

describe('dueState', () => {
  it('tells done, overdue, due soon and upcoming apart on a given day', () => {
    expect(dueState('2025-03-31', '2025-03-30', '2025-04-02')).toBe('done');
    expect(dueState('2025-03-31', null, '2025-04-01')).toBe('overdue');
    expect(dueState('2025-03-31', null, '2025-03-31')).toBe('due_soon');
    expect(dueState('2025-03-31', null, '2025-03-24')).toBe('due_soon');
    expect(dueState('2025-03-31', null, '2025-03-23')).toBe('upcoming');
  });
});
