import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DueDate, parseTimeframe, type Schedule } from './timeframe.ts';

const read = (text: string, planYear = 2024, planDate?: string) =>
  parseTimeframe(text, planDate ? { planYear, planDate } : { planYear });

const q = (year: number, n: 1 | 2 | 3 | 4, kind?: DueDate['kind']): DueDate => {
  const ends = ['03-31', '06-30', '09-30', '12-31'] as const;
  const starts = ['01-01', '04-01', '07-01', '10-01'] as const;
  const due: DueDate = {
    from: `${year}-${starts[n - 1]}`,
    date: `${year}-${ends[n - 1]}`,
    label: `Quý ${['I', 'II', 'III', 'IV'][n - 1]}/${year}`,
  };
  if (kind) due.kind = kind;
  return due;
};

const nothingElse: Pick<Schedule, 'recurrence' | 'continuous' | 'triggers' | 'tentative'> = {
  recurrence: null,
  continuous: false,
  triggers: [],
  tentative: false,
};

describe('parseTimeframe — every expression listed in DOMAIN.md', () => {
  it('Thường xuyên → continuous', () => {
    const s = read('Thường xuyên');
    expect(s).toEqual({
      original: 'Thường xuyên',
      normalized: 'Thường xuyên',
      dueDates: [],
      recurrence: null,
      continuous: true,
      triggers: [],
      tentative: false,
      confidence: 'certain',
      notes: [],
    });
  });

  it('Tháng 02/2024 → the whole of February, leap day included', () => {
    const s = read('Tháng 02/2024');
    expect(s.dueDates).toEqual([{ from: '2024-02-01', date: '2024-02-29', label: 'Tháng 02/2024' }]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain', notes: [] });
  });

  it('Quý I/2024 → 01/01–31/03', () => {
    const s = read('Quý I/2024');
    expect(s.dueDates).toEqual([q(2024, 1)]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain' });
  });

  it('Quý IV/2024 → 01/10–31/12', () => {
    const s = read('Quý IV/2024');
    expect(s.dueDates).toEqual([q(2024, 4)]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain' });
  });

  it('Dự kiến quý III, IV/2024 → two tentative windows', () => {
    const s = read('Dự kiến quý III, IV/2024');
    expect(s.dueDates).toEqual([q(2024, 3), q(2024, 4)]);
    expect(s).toMatchObject({ ...nothingElse, tentative: true, confidence: 'certain', notes: [] });
  });

  it('Hoàn thành trong Quý I/2024 và duy trì thường xuyên → complete in Q1 + continuous', () => {
    const s = read('Hoàn thành trong Quý I/2024 và duy trì thường xuyên');
    expect(s.dueDates).toEqual([q(2024, 1, 'complete')]);
    expect(s).toMatchObject({ ...nothingElse, continuous: true, confidence: 'certain', notes: [] });
  });

  it('Hoàn thành kế hoạch trong tháng 02/2024 và tổ chức thực hiện hàng năm → complete Feb + yearly', () => {
    const s = read('Hoàn thành kế hoạch trong tháng 02/2024 và tổ chức thực hiện hàng năm');
    expect(s.dueDates).toEqual([
      { from: '2024-02-01', date: '2024-02-29', label: 'Tháng 02/2024', kind: 'complete' },
    ]);
    expect(s).toMatchObject({ ...nothingElse, recurrence: 'yearly', confidence: 'certain', notes: [] });
    expect(s.recurrenceEvery).toBeUndefined();
  });

  it('Xong trong quý I/2024, triển khai trong quý III, IV/2024 → complete Q1, start Q3 and Q4', () => {
    const s = read('Xong trong quý I/2024, triển khai trong quý III, IV/2024');
    expect(s.dueDates).toEqual([q(2024, 1, 'complete'), q(2024, 3, 'start'), q(2024, 4, 'start')]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain', notes: [] });
  });

  it('Báo cáo UBND tỉnh sơ bộ kế hoạch triển khai trong quý I/2024 → a report in Q1', () => {
    const s = read('Báo cáo UBND tỉnh sơ bộ kế hoạch triển khai trong quý I/2024');
    expect(s.dueDates).toEqual([q(2024, 1, 'report')]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain', notes: [] });
  });

  it('Đầu năm học và duy trì trong năm → school year (from September) + continuous', () => {
    const s = read('Đầu năm học và duy trì trong năm', 2025);
    expect(s.dueDates).toEqual([
      { from: '2025-09-01', date: '2025-09-30', label: 'Đầu năm học 2025-2026', kind: 'start' },
    ]);
    expect(s).toMatchObject({
      ...nothingElse,
      recurrence: 'school_year',
      continuous: true,
      confidence: 'certain',
      notes: [],
    });
  });

  it('Theo chỉ đạo của Bộ GDĐT → directive, with whose directive as the note', () => {
    const s = read('Theo chỉ đạo của Bộ GDĐT');
    expect(s).toMatchObject({
      ...nothingElse,
      dueDates: [],
      triggers: ['directive'],
      triggerNote: 'Theo chỉ đạo của Bộ GDĐT',
      confidence: 'certain',
      notes: [],
    });
  });

  it('Khi có chỉ đạo → directive', () => {
    const s = read('Khi có chỉ đạo');
    expect(s).toMatchObject({ ...nothingElse, dueDates: [], triggers: ['directive'], confidence: 'certain' });
    expect(s.triggerNote).toBeUndefined();
  });

  it('Các đợt cao điểm → peak campaign', () => {
    const s = read('Các đợt cao điểm');
    expect(s).toMatchObject({
      ...nothingElse,
      dueDates: [],
      triggers: ['peak_campaign'],
      confidence: 'certain',
    });
  });

  it('Định kỳ/đột xuất → no recurrence, ad hoc trigger, partial with a note on the missing period', () => {
    const s = read('Định kỳ/đột xuất');
    expect(s).toMatchObject({ ...nothingElse, dueDates: [], recurrence: null, triggers: ['ad_hoc'] });
    expect(s.confidence).toBe('partial');
    expect(s.notes).toHaveLength(1);
    expect(s.notes[0]).toMatch(/định kỳ.*không nêu chu kỳ/);
  });

  it('Theo kế hoạch → per plan', () => {
    const s = read('Theo kế hoạch');
    expect(s).toMatchObject({ ...nothingElse, dueDates: [], triggers: ['per_plan'], confidence: 'certain' });
  });

  it('Đôn đốc thường xuyên, kiểm tra 6 tháng 1 lần → continuous + semiannual', () => {
    const s = read('Đôn đốc thường xuyên, kiểm tra 6 tháng 1 lần');
    expect(s).toMatchObject({
      ...nothingElse,
      dueDates: [],
      continuous: true,
      recurrence: 'semiannual',
      confidence: 'certain',
      notes: [],
    });
    expect(s.recurrenceEvery).toBeUndefined();
  });

  it('Đột xuất hoặc khi TNGT tăng cao, … → ad hoc, the condition kept as the note', () => {
    const s = read('Đột xuất hoặc khi TNGT tăng cao, tình hình trật tự ATGT diễn biến phức tạp');
    expect(s).toMatchObject({
      ...nothingElse,
      dueDates: [],
      triggers: ['ad_hoc'],
      triggerNote: 'khi TNGT tăng cao, tình hình trật tự ATGT diễn biến phức tạp',
      confidence: 'certain',
      notes: [],
    });
  });

  it('Sơ kết Quý I - tháng 4/2024; … Tổng kết - tháng 12/2024 → four reviews', () => {
    const s = read(
      'Sơ kết Quý I - tháng 4/2024; Sơ kết 6 tháng - tháng 7/2024; Sơ kết 9 tháng - tháng 10/2024; Tổng kết - tháng 12/2024',
    );
    expect(s.dueDates).toEqual([
      { from: '2024-04-01', date: '2024-04-30', label: 'Sơ kết Quý I - tháng 4/2024', kind: 'review' },
      { from: '2024-07-01', date: '2024-07-31', label: 'Sơ kết 6 tháng - tháng 7/2024', kind: 'review' },
      { from: '2024-10-01', date: '2024-10-31', label: 'Sơ kết 9 tháng - tháng 10/2024', kind: 'review' },
      { from: '2024-12-01', date: '2024-12-31', label: 'Tổng kết - tháng 12/2024', kind: 'review' },
    ]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain', notes: [] });
  });

  it('trước ngày 17/9/2021 → a deadline on 17/09/2021', () => {
    const s = read('trước ngày 17/9/2021', 2021, '2021-09-10');
    expect(s.dueDates).toEqual([{ date: '2021-09-17', label: 'Trước ngày 17/9/2021', kind: 'complete' }]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain', notes: [] });
    expect(s.original).toBe('trước ngày 17/9/2021');
    expect(s.normalized).toBe('Trước ngày 17/9/2021');
  });

  it('(Triển khai thực hiện từ năm 2021) → starts in 2021 and continues', () => {
    const s = read('(Triển khai thực hiện từ năm 2021)', 2021, '2021-09-10');
    expect(s.dueDates).toEqual([
      { from: '2021-01-01', date: '2021-12-31', label: 'Từ năm 2021', kind: 'start' },
    ]);
    expect(s).toMatchObject({ ...nothingElse, continuous: true, confidence: 'certain', notes: [] });
  });

  it('(Thực hiện thường xuyên) → continuous', () => {
    const s = read('(Thực hiện thường xuyên)', 2021);
    expect(s).toMatchObject({
      ...nothingElse,
      dueDates: [],
      continuous: true,
      confidence: 'certain',
      notes: [],
    });
    expect(s.normalized).toBe('(Thực hiện thường xuyên)');
  });
});

describe('parseTimeframe — typos, diacritics, spacing', () => {
  it.each([
    ['Thuộc xuyên'],
    ['Thuờng xuyên'],
    ['Thường  xuyên'],
    ['thuong xuyen'],
    ['THƯỜNG XUYÊN'],
    [' Thường xuyên. '],
    ['Thường\u00a0xuyên;'],
  ])('%j reads as Thường xuyên', (text) => {
    const s = read(text);
    expect(s.original).toBe(text);
    expect(s.normalized.toLowerCase()).toBe('thường xuyên');
    expect(s).toMatchObject({ ...nothingElse, continuous: true, confidence: 'certain', notes: [] });
  });

  it('fixes the spelling of the typed variants to Thường xuyên', () => {
    expect(read('Thuộc xuyên').normalized).toBe('Thường xuyên');
    expect(read('Thuờng xuyên').normalized).toBe('Thường xuyên');
    expect(read('Thường  xuyên').normalized).toBe('Thường xuyên');
    expect(read('thuong xuyen').normalized).toBe('Thường xuyên');
  });

  it('Dột xuất → Đột xuất, ad hoc', () => {
    const s = read('Dột xuất');
    expect(s.normalized).toBe('Đột xuất');
    expect(s).toMatchObject({ ...nothingElse, triggers: ['ad_hoc'], confidence: 'certain' });
  });

  it('Quí → Quý', () => {
    const s = read('Quí I/2024');
    expect(s.normalized).toBe('Quý I/2024');
    expect(s.dueDates).toEqual([q(2024, 1)]);
  });

  it.each([
    ['Quý 1/2024', 1],
    ['Quý II/2024', 2],
    ['quy iii/2024', 3],
    ['Quý 4 năm 2024', 4],
    ['QUÝ IV/2024', 4],
  ] as const)('%j → quarter %i', (text, n) => {
    const s = read(text);
    expect(s.dueDates).toEqual([q(2024, n)]);
    expect(s.confidence).toBe('certain');
  });

  it('quarters written without spaces after the comma', () => {
    const s = read('Quý III,IV/2024');
    expect(s.normalized).toBe('Quý III, IV/2024');
    expect(s.dueDates).toEqual([q(2024, 3), q(2024, 4)]);
  });

  it('decomposed (NFD) input reads the same as composed', () => {
    for (const text of [
      'Hoàn thành trong Quý I/2024 và duy trì thường xuyên',
      'Đầu năm học và duy trì trong năm',
      'Đột xuất hoặc khi TNGT tăng cao, tình hình trật tự ATGT diễn biến phức tạp',
      'Thuộc xuyên',
    ]) {
      const composed = read(text);
      const decomposed = read(text.normalize('NFD'));
      expect(decomposed.original).toBe(text.normalize('NFD'));
      expect({ ...decomposed, original: '' }).toEqual({ ...composed, original: '' });
    }
  });

  it('unaccented text is read and its diacritics restored', () => {
    const s = read('Hoan thanh trong quy I/2024 va duy tri thuong xuyen');
    expect(s.normalized).toBe('Hoàn thành trong quý I/2024 và duy trì thường xuyên');
    expect(s.dueDates).toEqual([q(2024, 1, 'complete')]);
    expect(s.continuous).toBe(true);
  });
});

describe('parseTimeframe — other wording seen in plans', () => {
  it.each([
    ['Hằng tháng', 'monthly'],
    ['Hàng tháng', 'monthly'],
    ['Hằng quý', 'quarterly'],
    ['Hằng năm', 'yearly'],
    ['Định kỳ 6 tháng', 'semiannual'],
    ['Mỗi 6 tháng', 'semiannual'],
    ['6 tháng/lần', 'semiannual'],
    ['2 lần/năm', 'semiannual'],
    ['Hằng năm học', 'school_year'],
  ] as const)('%j → %s', (text, recurrence) => {
    const s = read(text);
    expect(s).toMatchObject({
      dueDates: [],
      recurrence,
      continuous: false,
      confidence: 'certain',
      notes: [],
    });
  });

  it('Kiểm tra 2 tháng 1 lần → monthly every 2', () => {
    expect(read('Kiểm tra 2 tháng 1 lần')).toMatchObject({ recurrence: 'monthly', recurrenceEvery: 2 });
  });

  it('Năm 2025 → the whole year', () => {
    const s = read('Năm 2025', 2025);
    expect(s.dueDates).toEqual([{ from: '2025-01-01', date: '2025-12-31', label: 'Năm 2025' }]);
    expect(s.confidence).toBe('certain');
  });

  it('Tháng 3/2025 → March', () => {
    expect(read('Tháng 3/2025', 2025).dueDates).toEqual([
      { from: '2025-03-01', date: '2025-03-31', label: 'Tháng 3/2025' },
    ]);
  });

  it('Quý I/2025', () => {
    expect(read('Quý I/2025', 2025).dueDates).toEqual([q(2025, 1)]);
  });

  it('Báo cáo phương án trong quý I/2025; triển khai trong năm → report Q1, start within the plan year', () => {
    const s = read('Báo cáo phương án trong quý I/2025; triển khai trong năm', 2025);
    expect(s.dueDates).toEqual([
      q(2025, 1, 'report'),
      { from: '2025-01-01', date: '2025-12-31', label: 'Năm 2025', kind: 'start' },
    ]);
    expect(s).toMatchObject({ ...nothingElse, confidence: 'certain', notes: [] });
  });

  it('a missing year takes the plan year, and says so when the cell names another year', () => {
    expect(read('Quý II', 2025).dueDates).toEqual([q(2025, 2)]);
    const s = read('Báo cáo trong quý I/2025; triển khai trong năm', 2024);
    expect(s.confidence).toBe('partial');
    expect(s.notes.join(' ')).toMatch(/năm kế hoạch 2024/);
  });

  it('a list shares its year: Quý I và quý II/2024', () => {
    expect(read('Quý I và quý II/2024', 2023).dueDates).toEqual([q(2024, 1), q(2024, 2)]);
  });

  it('Xong trong quý II/2025, kiểm tra trong quý III/2025', () => {
    const s = read('Xong trong quý II/2025, kiểm tra trong quý III/2025', 2025);
    expect(s.dueDates).toEqual([q(2025, 2, 'complete'), q(2025, 3)]);
    expect(s.confidence).toBe('certain');
  });

  it('Từ tháng 6/2025 → start in June, continuing', () => {
    const s = read('Từ tháng 6/2025', 2025);
    expect(s.dueDates).toEqual([
      { from: '2025-06-01', date: '2025-06-30', label: 'Từ tháng 6/2025', kind: 'start' },
    ]);
    expect(s.continuous).toBe(true);
  });

  it('ranges: từ tháng 6 đến tháng 8/2025, Quý II-III/2025, tháng 10 đến tháng 3/2025, giai đoạn 2021-2025', () => {
    expect(read('Từ tháng 6 đến tháng 8/2025').dueDates).toEqual([
      { from: '2025-06-01', date: '2025-08-31', label: 'Từ tháng 6/2025 đến tháng 8/2025' },
    ]);
    expect(read('Quý II-III/2025').dueDates).toEqual([
      { from: '2025-04-01', date: '2025-09-30', label: 'Quý II-III/2025' },
    ]);
    expect(read('Tháng 10 đến tháng 3/2025').dueDates).toEqual([
      { from: '2024-10-01', date: '2025-03-31', label: 'Từ tháng 10/2024 đến tháng 3/2025' },
    ]);
    expect(read('Giai đoạn 2021-2025').dueDates).toEqual([
      { from: '2021-01-01', date: '2025-12-31', label: 'Giai đoạn 2021-2025' },
    ]);
    const s = read('Từ năm 2021 đến năm 2025');
    expect(s.dueDates).toEqual([
      { from: '2021-01-01', date: '2025-12-31', label: 'Từ năm 2021 đến năm 2025' },
    ]);
    expect(s.continuous).toBe(false);
  });

  it('deadlines: chậm nhất ngày …, ngày … tháng … năm …, trước tháng …', () => {
    expect(read('Chậm nhất ngày 15/3/2024').dueDates).toEqual([
      { date: '2024-03-15', label: 'Chậm nhất ngày 15/3/2024', kind: 'complete' },
    ]);
    expect(read('Hoàn thành trước ngày 05 tháng 02 năm 2024').dueDates).toEqual([
      { date: '2024-02-05', label: 'Trước ngày 05/02/2024', kind: 'complete' },
    ]);
    expect(read('Trước tháng 6/2024').dueDates).toEqual([
      { date: '2024-05-31', label: 'Trước tháng 6/2024', kind: 'complete' },
    ]);
  });

  it('6 tháng đầu năm / 6 tháng cuối năm', () => {
    expect(read('6 tháng đầu năm 2024').dueDates).toEqual([
      { from: '2024-01-01', date: '2024-06-30', label: '6 tháng đầu năm 2024' },
    ]);
    expect(read('6 tháng cuối năm', 2025).dueDates).toEqual([
      { from: '2025-07-01', date: '2025-12-31', label: '6 tháng cuối năm 2025' },
    ]);
  });

  it('leap years: February 2023 has 28 days, February 2100 too', () => {
    expect(read('Tháng 2/2023', 2023).dueDates[0]?.date).toBe('2023-02-28');
    expect(read('Tháng 02/2100', 2100).dueDates[0]?.date).toBe('2100-02-28');
  });

  it('several periods at once: keeps the shortest and says so', () => {
    const s = read('Báo cáo định kỳ hằng tháng, quý, năm');
    expect(s.recurrence).toBe('monthly');
    expect(s.confidence).toBe('partial');
    expect(s.notes[0]).toMatch(/nhiều chu kỳ/);
  });

  it('peak periods and requests', () => {
    expect(read('Các dịp Lễ, Tết')).toMatchObject({
      triggers: ['peak_campaign'],
      triggerNote: 'Các dịp Lễ, Tết',
    });
    expect(read('Dột xuất, khi có yêu cầu')).toMatchObject({
      triggers: ['ad_hoc', 'directive'],
      confidence: 'certain',
    });
    expect(read('Theo kế hoạch của Bộ Công an')).toMatchObject({
      triggers: ['per_plan'],
      triggerNote: 'Theo kế hoạch của Bộ Công an',
    });
  });
});

describe('parseTimeframe — what it cannot read is reported, never guessed', () => {
  it.each(['', '   ', '—', 'asdf qwer', 'Thực hiện', 'Dự kiến'])('%j is unreadable with a note', (text) => {
    const s = read(text);
    expect(s.original).toBe(text);
    expect(s.confidence).toBe('unreadable');
    expect(s.notes.length).toBeGreaterThan(0);
    expect(s.dueDates).toEqual([]);
  });

  it('Tháng 5/2025 và trong suốt mùa mưa bão → May read, the season reported', () => {
    const s = read('Tháng 5/2025 và trong suốt mùa mưa bão', 2025);
    expect(s.dueDates).toEqual([{ from: '2025-05-01', date: '2025-05-31', label: 'Tháng 5/2025' }]);
    expect(s.confidence).toBe('partial');
    expect(s.notes).toEqual(['Không hiểu «trong suốt mùa mưa bão».']);
  });

  it('impossible dates and months are reported, not shifted', () => {
    expect(read('Ngày 30/2/2024')).toMatchObject({ dueDates: [], confidence: 'partial' });
    expect(read('Tháng 13/2024')).toMatchObject({ dueDates: [], confidence: 'partial' });
    expect(read('Quý I/2204', 2024)).toMatchObject({ dueDates: [], confidence: 'partial' });
  });

  it('unread time words lower the confidence', () => {
    const s = read('Cuối năm 2024');
    expect(s.confidence).toBe('partial');
    expect(s.notes[0]).toMatch(/Cuối/);
  });

  it('a review with no date, an unsupported period', () => {
    expect(read('Sơ kết 6 tháng')).toMatchObject({ dueDates: [], confidence: 'partial' });
    expect(read('Hằng tuần')).toMatchObject({ recurrence: null, confidence: 'partial' });
  });

  it('a due before the plan was issued is flagged', () => {
    const s = read('Quý I/2023', 2024, '2024-01-31');
    expect(s.dueDates).toEqual([q(2023, 1)]);
    expect(s.confidence).toBe('partial');
    expect(s.notes[0]).toMatch(/sớm hơn ngày ban hành/);
  });

  it('does not throw on a bad context', () => {
    const s = parseTimeframe('Quý I', { planYear: Number.NaN });
    expect(s.confidence).not.toBe('certain');
    expect(s.notes.length).toBeGreaterThan(0);
  });
});

describe('parseTimeframe — properties', () => {
  const vocabulary = fc.constantFrom(
    'Quý',
    'quí',
    'I',
    'IV',
    '/2024',
    'tháng',
    '02',
    '13',
    'năm',
    '2025',
    'Thường xuyên',
    'thuộc xuyên',
    'đột xuất',
    'Định kỳ',
    'hằng',
    'khi',
    'có chỉ đạo',
    'theo kế hoạch',
    'từ',
    'đến',
    'trước ngày',
    '17/9/2021',
    'và',
    'hoặc',
    ',',
    ';',
    '-',
    '(',
    ')',
    'sơ kết',
    'tổng kết',
    '6 tháng 1 lần',
    'dự kiến',
    'đầu năm học',
    'duy trì',
    'x',
  );
  const phrase = fc.array(vocabulary, { maxLength: 12 }).map((ws) => ws.join(' '));
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    phrase,
  );

  it('never throws, keeps the original and gives a well-formed schedule', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1990, max: 2100 }), (text, planYear) => {
        const s = parseTimeframe(text, { planYear });
        expect(s.original).toBe(text);
        expect(['certain', 'partial', 'unreadable']).toContain(s.confidence);
        if (s.confidence === 'certain') expect(s.notes).toEqual([]);
        if (s.confidence !== 'certain') expect(s.notes.length).toBeGreaterThan(0);
        for (const d of s.dueDates) {
          expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (d.from !== undefined) expect(d.from <= d.date).toBe(true);
          expect(d.label.length).toBeGreaterThan(0);
        }
        const starts = s.dueDates.map((d) => d.from ?? d.date);
        expect([...starts].sort()).toEqual(starts);
      }),
      { numRuns: 500 },
    );
  });

  it('reads NFD input as NFC input', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const a = parseTimeframe(text.normalize('NFC'), { planYear: 2024 });
        const b = parseTimeframe(text.normalize('NFD'), { planYear: 2024 });
        expect({ ...b, original: '' }).toEqual({ ...a, original: '' });
      }),
      { numRuns: 200 },
    );
  });
});
