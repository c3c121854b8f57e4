import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AppendixIssue,
  type AppendixItem,
  detectHeader,
  readAppendix,
  splitPastedTable,
} from './appendix.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(here, '../../../fixtures/plans/appendix-sample.tsv');

/** The parts of an item a test states; the rest is checked elsewhere. */
type Shape = Pick<AppendixItem, 'kind' | 'number' | 'path' | 'parentPath'> & Partial<AppendixItem>;
const shape = (item: AppendixItem, keys: Array<keyof AppendixItem>): Partial<AppendixItem> =>
  Object.fromEntries(keys.map((k) => [k, item[k]]));

describe('splitPastedTable', () => {
  it('splits tab-separated text, handles \\r\\n and trims cells', () => {
    expect(splitPastedTable('STT\tNội dung \r\n1\t Việc một\t\r\n')).toEqual([
      ['STT', 'Nội dung'],
      ['1', 'Việc một', ''],
    ]);
  });

  it('reads a quoted cell with line breaks and doubled quotes, as Excel copies it', () => {
    expect(splitPastedTable('1\t"Dòng một\r\nDòng ""hai"""\tQuý I/2025\n2\tx\ty')).toEqual([
      ['1', 'Dòng một\nDòng "hai"', 'Quý I/2025'],
      ['2', 'x', 'y'],
    ]);
  });

  it('keeps a quote that does not enclose the whole cell as written', () => {
    expect(splitPastedTable('1\t"Năm An toàn" giao thông\tb')).toEqual([
      ['1', '"Năm An toàn" giao thông', 'b'],
    ]);
  });

  it('accepts CSV with commas (RFC 4180 quotes) when no tab is present', () => {
    expect(
      splitPastedTable('STT,Nội dung,Đơn vị chủ trì\n1,"Việc, có dấu phẩy","Sở Y tế\nCông an tỉnh"\n'),
    ).toEqual([
      ['STT', 'Nội dung', 'Đơn vị chủ trì'],
      ['1', 'Việc, có dấu phẩy', 'Sở Y tế\nCông an tỉnh'],
    ]);
  });

  it('accepts CSV with semicolons even when the cells hold commas', () => {
    expect(
      splitPastedTable(
        'STT;Nội dung;Đơn vị phối hợp\n1;Tuyên truyền;UBND các xã, phường\n2;Kiểm tra;Sở Y tế',
      ),
    ).toEqual([
      ['STT', 'Nội dung', 'Đơn vị phối hợp'],
      ['1', 'Tuyên truyền', 'UBND các xã, phường'],
      ['2', 'Kiểm tra', 'Sở Y tế'],
    ]);
  });

  it('gives one cell per line when there is no delimiter, and nothing for empty text', () => {
    expect(splitPastedTable('Phụ lục\nKế hoạch')).toEqual([['Phụ lục'], ['Kế hoạch']]);
    expect(splitPastedTable('')).toEqual([]);
    expect(splitPastedTable('  \n ')).toEqual([]);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '"', '\t', '\n', '\r', ',', ';', ' ', 'ệ') }),
        (s) => {
          const grid = splitPastedTable(s);
          expect(Array.isArray(grid)).toBe(true);
        },
      ),
    );
    expect(splitPastedTable(undefined as unknown as string)).toEqual([]);
  });
});

describe('detectHeader', () => {
  it('finds the columns of the usual header', () => {
    expect(
      detectHeader([
        'STT',
        'Nội dung công tác',
        'Thời gian thực hiện',
        'Đơn vị chủ trì',
        'Đơn vị phối hợp',
        'Ghi chú',
      ]),
    ).toEqual({ stt: 0, task: 1, timeframe: 2, lead: 3, coordinating: 4, note: 5 });
  });

  it('accepts the other wordings, any case, no diacritics, typos, and no Ghi chú', () => {
    expect(
      detectHeader([
        'TT',
        'NỘI DUNG NHIỆM VỤ',
        'Thoi gian hoan thanh',
        'Cơ quan chủ trì',
        'Cơ quan phối hợp',
      ]),
    ).toEqual({ stt: 0, task: 1, timeframe: 2, lead: 3, coordinating: 4, note: null });
    expect(
      detectHeader([
        'S TT',
        'Nôi dụng cong tac',
        'Thơi gain thực hiện',
        'Đơn vi chũ trì',
        'Don vi phoi hơp',
        'Ghi  chú',
      ]),
    ).toEqual({ stt: 0, task: 1, timeframe: 2, lead: 3, coordinating: 4, note: 5 });
    expect(
      detectHeader(['Ghi chú', 'Đơn vị phối hợp', 'Đơn vị chủ trì', 'Thời gian', 'Nội dung', 'STT']),
    ).toEqual({ stt: 5, task: 4, timeframe: 3, lead: 2, coordinating: 1, note: 0 });
  });

  it('rejects data rows and incomplete headers', () => {
    expect(
      detectHeader(['1', 'Ban hành kế hoạch', 'Tháng 3/2025', 'Công an tỉnh', 'Sở Y tế', '']),
    ).toBeNull();
    expect(detectHeader(['STT', 'Nội dung công tác', 'Thời gian thực hiện', 'Đơn vị chủ trì'])).toBeNull();
    expect(detectHeader([])).toBeNull();
    expect(detectHeader(null as unknown as string[])).toBeNull();
  });
});

describe('readAppendix on the sample appendix', () => {
  it('reads its sections, items, units and timeframes exactly', () => {
    const grid = splitPastedTable(readFileSync(SAMPLE, 'utf8'));
    const r = readAppendix(grid, { planYear: 2025, planDate: '2025-02-10' });

    expect(r.title).toBe(
      'Phụ lục: Phân công nhiệm vụ bảo đảm TTATGT năm 2025 (mẫu minh họa, nội dung tự soạn)',
    );
    expect(r.columns).toEqual({ stt: 0, task: 1, timeframe: 2, lead: 3, coordinating: 4, note: 5 });
    expect(r.issues).toEqual([]);

    expect(r.items.map((i) => [i.kind, i.path, i.parentPath])).toEqual([
      ['section', 'I', null],
      ['task', 'I.1', 'I'],
      ['task', 'I.2', 'I'],
      ['task', 'I.3', 'I'],
      ['task', 'I.3.1', 'I.3'],
      ['task', 'I.3.2', 'I.3'],
      ['section', 'II', null],
      ['task', 'II.1', 'II'],
      ['task', 'II.2', 'II'],
      ['task', 'II.3', 'II'],
      ['section', 'III', null],
      ['task', 'III.1', 'III'],
      ['task', 'III.2', 'III'],
      ['task', 'III.3', 'III'],
      ['section', 'IV', null],
      ['task', 'IV.1', 'IV'],
      ['task', 'IV.2', 'IV'],
      ['section', 'V', null],
      ['task', 'V.1', 'V'],
      ['task', 'V.2', 'V'],
      ['section', 'VI', null],
      ['task', 'VI.1', 'VI'],
    ]);
    const by = new Map(r.items.map((i) => [i.path, i]));
    const item = (p: string) => {
      const found = by.get(p);
      if (!found) throw new Error(`no item ${p}`);
      return found;
    };

    // The repeated header (row 16) and the blank rows are skipped; rows keep their source numbers.
    expect(item('II.3').sourceRows).toEqual([14]);
    expect(item('III').sourceRows).toEqual([17]);
    expect(r.items.flatMap((i) => i.sourceRows)).not.toContain(16);

    expect(item('I').title).toBe('Công tác lãnh đạo, chỉ đạo');
    expect(item('I.1')).toMatchObject({
      number: '1',
      timeframeText: 'Tháng 3/2025',
      leadNames: ['Các sở, ban, ngành', 'UBND các xã, phường'],
      jointLead: false,
      coordinatingNames: [],
    });
    expect(item('I.1').schedule?.dueDates).toEqual([
      { from: '2025-03-01', date: '2025-03-31', label: 'Tháng 3/2025' },
    ]);

    // A parent item without timeframe or lead; its sub-items carry them.
    expect(item('I.3')).toMatchObject({ timeframeText: '', schedule: null, leadNames: [] });
    expect(item('I.3.1')).toMatchObject({
      number: '3.1',
      leadText: 'Ban ATGT tỉnh (chủ trì đoàn kiểm tra liên ngành)',
      leadNames: ['Ban ATGT tỉnh'],
      leadRoles: { 'Ban ATGT tỉnh': 'chủ trì đoàn kiểm tra liên ngành' },
      coordinatingNames: ['Công an tỉnh', 'Sở Xây dựng', 'UBND các xã, phường'],
    });
    expect(item('I.3.1').schedule?.dueDates.map((d) => [d.label, d.kind])).toEqual([
      ['Quý II/2025', 'complete'],
      ['Quý III/2025', undefined],
    ]);
    expect(item('I.3.2')).toMatchObject({
      leadText: 'Công an tỉnh/ Sở Xây dựng',
      leadNames: ['Công an tỉnh', 'Sở Xây dựng'],
      jointLead: true,
      coordinatingNames: ['Ban ATGT tỉnh', 'UBND các xã có lòng hồ'],
    });

    // The note sits in Ghi chú; unit names holding commas stay whole.
    expect(item('II.1')).toMatchObject({
      coordinatingNames: ['Công an tỉnh'],
      note: '(ít nhất 02 buổi/năm học)',
    });
    expect(item('II.1').schedule?.recurrence).toBe('school_year');
    expect(item('II.2')).toMatchObject({
      leadNames: ['Sở Văn hóa, Thể thao và Du lịch'],
      coordinatingNames: ['Báo và Phát thanh, Truyền hình tỉnh', 'UBND các xã'],
    });
    expect(item('II.2').schedule?.continuous).toBe(true);
    expect(item('II.3').schedule?.triggers).toEqual(['directive']);
    expect(item('III.1').schedule?.triggers).toEqual(['peak_campaign']);
    expect(item('III.3').schedule?.recurrence).toBe('monthly');
    expect(item('III.3').coordinatingNames).toEqual(['Các sở, ngành', 'UBND các xã, phường']);

    // A continuation row splitting every column.
    expect(item('IV.2')).toMatchObject({
      title:
        'Chuẩn bị phương án ứng phó sạt lở, bảo đảm giao thông mùa mưa bão; bố trí phương tiện, vật tư dự phòng tại các vị trí trọng yếu',
      timeframeText: 'Tháng 5/2025 và trong suốt mùa mưa bão',
      leadNames: ['Sở Xây dựng', 'UBND các xã'],
      jointLead: true,
      sourceRows: [23, 24],
    });
    expect(item('V.1').schedule).toMatchObject({ normalized: 'Thường xuyên', continuous: true });
    expect(item('V.2')).toMatchObject({ leadNames: ['Sở Y tế', 'Công an tỉnh'], jointLead: true });

    // A section with its own timeframe and units.
    expect(item('VI')).toMatchObject({
      kind: 'section',
      leadNames: ['Ban ATGT tỉnh'],
      coordinatingNames: ['Thành viên Ban ATGT', 'các địa phương'],
    });
    expect(item('VI').schedule?.dueDates.map((d) => d.date)).toEqual([
      '2025-04-30',
      '2025-07-31',
      '2025-10-31',
      '2025-12-31',
    ]);
    expect(item('VI.1')).toMatchObject({
      leadNames: ['Ban ATGT tỉnh', 'UBND địa phương có TNGT tăng cao'],
      jointLead: true,
    });
  });
});

describe('readAppendix on a messy table', () => {
  // Row numbers (1-based) are in the comments.
  const grid: string[][] = [
    ['PHỤ LỤC II'], // 1
    ['PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH'], // 2
    ['(Kèm theo Kế hoạch số 68/KH-UBND ngày 20/3/2024 của UBND tỉnh)'], // 3
    ['TT', 'Nội dung nhiệm vụ', 'Thòi gian hoàn thành', 'Cơ quan chủ trì', 'Cơ quan  phối hợp', 'Ghi chu'], // 4
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'], // 5
    ['I.', 'Công tác  chỉ đạo', '', '', '', ''], // 6
    ['1.', 'Xây dựng kế hoạch', 'Tháng 02/2024', 'Sở Giao thông vận tải', 'Công an tỉnh', ''], // 7
    ['2', 'Kiểm tra việc thực hiện', '', '', '', ''], // 8
    [
      '2.1',
      'Kiểm tra các huyện',
      'Quý II/2024',
      'Ban ATGT tỉnh (tham mưu thành lập đoàn kiểm tra liên ngành)',
      'Các sở, ngành',
      '',
    ], // 9
    [
      '2.2',
      'Kiểm tra tại các trường học',
      'Thuộc xuyên',
      'Sở GDĐT; Công an tỉnh',
      '(ít nhất 01 buổi/1 học kỳ)',
      '',
    ], // 10
    ['3', 'Rà soát quy chế', 'Quý III/2024', '', 'Sở Tư pháp', ''], // 11
    ['4', 'Tổng kết', 'Quý IV/2024'], // 12
    ['', '', '', '', '', ''], // 13
    ['Il', 'Tuyên truyền', 'Thường xuyên', 'Sở Thông tin và Truyền thông', 'Ban ATGT tỉnh', ''], // 14
    [
      'l',
      'Tuye \u0302n truye\u0302\u0300n  trên báo, đài',
      'Hằng tháng',
      'Báo Lào Cai, Đài PT-TH tỉnh',
      'UBND các huyện, thị xã, thành phố',
      '',
    ], // 15
    ['STT', 'Nội dung công tác', 'Thời gian thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Ghi chú'], // 16
    ['1', 'và mạng xã hội', '', '', '', ''], // 17
    ['2', 'Tuyên truyền  cho học sinh\ncác cấp', 'Đầu năm học', 'Sở Giáo dục và', 'Công an tỉnh,', ''], // 18
    [
      '',
      'vào đầu năm học mới',
      'và duy trì trong năm',
      'Đào tạo/ Tỉnh đoàn',
      'UBND các xã',
      'Ưu tiên vùng cao',
    ], // 19
    ['3', 'Tuyên truyền dịp Tết', 'Khi có chỉ đạo', 'Ban ATGT các cấp', 'Các cơ quan báo chí', ''], // 20
    ['3', 'Tuyên truyền sau Tết', 'Quý II/2024', 'Sở Tư pháp', '', ''], // 21
    ['III', 'Sơ kết, tổng kết', 'Chưa rõ', 'Ban ATGT tỉnh', '', ''], // 22
    ['1', 'Sơ kết 6 tháng', 'Tháng 7/2024', 'Ban ATGT tỉnh/ Công an tỉnh', 'Các sở, ngành', ''], // 23
  ];
  const r = readAppendix(grid, { planYear: 2024, planDate: '2024-03-20' });
  const keys: Array<keyof AppendixItem> = [
    'kind',
    'number',
    'path',
    'parentPath',
    'title',
    'timeframeText',
    'leadText',
    'leadNames',
    'leadRoles',
    'jointLead',
    'coordinatingText',
    'coordinatingNames',
    'note',
    'sourceRows',
  ];
  const none: Partial<AppendixItem> = { leadText: '', leadNames: [], leadRoles: {}, jointLead: false };
  const noCoord: Partial<AppendixItem> = { coordinatingText: '', coordinatingNames: [] };

  it('finds the title, the typo-ridden header and every item', () => {
    expect(r.title).toBe('PHỤ LỤC II\nPHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH');
    expect(r.columns).toEqual({ stt: 0, task: 1, timeframe: 2, lead: 3, coordinating: 4, note: 5 });
    const expected: Shape[] = [
      {
        kind: 'section',
        number: 'I',
        path: 'I',
        parentPath: null,
        title: 'Công tác chỉ đạo',
        timeframeText: '',
        ...none,
        ...noCoord,
        note: '',
        sourceRows: [6],
      },
      {
        kind: 'task',
        number: '1',
        path: 'I.1',
        parentPath: 'I',
        title: 'Xây dựng kế hoạch',
        timeframeText: 'Tháng 02/2024',
        leadText: 'Sở Giao thông vận tải',
        leadNames: ['Sở Giao thông vận tải'],
        leadRoles: {},
        jointLead: false,
        coordinatingText: 'Công an tỉnh',
        coordinatingNames: ['Công an tỉnh'],
        note: '',
        sourceRows: [7],
      },
      {
        kind: 'task',
        number: '2',
        path: 'I.2',
        parentPath: 'I',
        title: 'Kiểm tra việc thực hiện',
        timeframeText: '',
        ...none,
        ...noCoord,
        note: '',
        sourceRows: [8],
      },
      {
        kind: 'task',
        number: '2.1',
        path: 'I.2.1',
        parentPath: 'I.2',
        title: 'Kiểm tra các huyện',
        timeframeText: 'Quý II/2024',
        leadText: 'Ban ATGT tỉnh (tham mưu thành lập đoàn kiểm tra liên ngành)',
        leadNames: ['Ban ATGT tỉnh'],
        leadRoles: { 'Ban ATGT tỉnh': 'tham mưu thành lập đoàn kiểm tra liên ngành' },
        jointLead: false,
        coordinatingText: 'Các sở, ngành',
        coordinatingNames: ['Các sở, ngành'],
        note: '',
        sourceRows: [9],
      },
      {
        kind: 'task',
        number: '2.2',
        path: 'I.2.2',
        parentPath: 'I.2',
        title: 'Kiểm tra tại các trường học',
        timeframeText: 'Thuộc xuyên',
        leadText: 'Sở GDĐT; Công an tỉnh',
        leadNames: ['Sở GDĐT', 'Công an tỉnh'],
        leadRoles: {},
        jointLead: false,
        ...noCoord,
        note: '(ít nhất 01 buổi/1 học kỳ)',
        sourceRows: [10],
      },
      {
        kind: 'task',
        number: '3',
        path: 'I.3',
        parentPath: 'I',
        title: 'Rà soát quy chế',
        timeframeText: 'Quý III/2024',
        ...none,
        coordinatingText: 'Sở Tư pháp',
        coordinatingNames: ['Sở Tư pháp'],
        note: '',
        sourceRows: [11],
      },
      {
        kind: 'task',
        number: '4',
        path: 'I.4',
        parentPath: 'I',
        title: 'Tổng kết',
        timeframeText: 'Quý IV/2024',
        ...none,
        ...noCoord,
        note: '',
        sourceRows: [12],
      },
      {
        kind: 'section',
        number: 'II',
        path: 'II',
        parentPath: null,
        title: 'Tuyên truyền',
        timeframeText: 'Thường xuyên',
        leadText: 'Sở Thông tin và Truyền thông',
        leadNames: ['Sở Thông tin và Truyền thông'],
        leadRoles: {},
        jointLead: false,
        coordinatingText: 'Ban ATGT tỉnh',
        coordinatingNames: ['Ban ATGT tỉnh'],
        note: '',
        sourceRows: [14],
      },
      {
        kind: 'task',
        number: '1',
        path: 'II.1',
        parentPath: 'II',
        title: 'Tuyên truyền trên báo, đài và mạng xã hội',
        timeframeText: 'Hằng tháng',
        leadText: 'Báo Lào Cai, Đài PT-TH tỉnh',
        leadNames: ['Báo Lào Cai', 'Đài PT-TH tỉnh'],
        leadRoles: {},
        jointLead: false,
        coordinatingText: 'UBND các huyện, thị xã, thành phố',
        coordinatingNames: ['UBND các huyện, thị xã, thành phố'],
        note: '',
        sourceRows: [15, 17],
      },
      {
        kind: 'task',
        number: '2',
        path: 'II.2',
        parentPath: 'II',
        title: 'Tuyên truyền cho học sinh\ncác cấp vào đầu năm học mới',
        timeframeText: 'Đầu năm học và duy trì trong năm',
        leadText: 'Sở Giáo dục và Đào tạo/ Tỉnh đoàn',
        leadNames: ['Sở Giáo dục và Đào tạo', 'Tỉnh đoàn'],
        leadRoles: {},
        jointLead: true,
        coordinatingText: 'Công an tỉnh, UBND các xã',
        coordinatingNames: ['Công an tỉnh', 'UBND các xã'],
        note: 'Ưu tiên vùng cao',
        sourceRows: [18, 19],
      },
      {
        kind: 'task',
        number: '3',
        path: 'II.3',
        parentPath: 'II',
        title: 'Tuyên truyền dịp Tết',
        timeframeText: 'Khi có chỉ đạo',
        leadText: 'Ban ATGT các cấp',
        leadNames: ['Ban ATGT các cấp'],
        leadRoles: {},
        jointLead: false,
        coordinatingText: 'Các cơ quan báo chí',
        coordinatingNames: ['Các cơ quan báo chí'],
        note: '',
        sourceRows: [20],
      },
      {
        kind: 'task',
        number: '3',
        path: 'II.3#2',
        parentPath: 'II',
        title: 'Tuyên truyền sau Tết',
        timeframeText: 'Quý II/2024',
        leadText: 'Sở Tư pháp',
        leadNames: ['Sở Tư pháp'],
        leadRoles: {},
        jointLead: false,
        ...noCoord,
        note: '',
        sourceRows: [21],
      },
      {
        kind: 'section',
        number: 'III',
        path: 'III',
        parentPath: null,
        title: 'Sơ kết, tổng kết',
        timeframeText: 'Chưa rõ',
        leadText: 'Ban ATGT tỉnh',
        leadNames: ['Ban ATGT tỉnh'],
        leadRoles: {},
        jointLead: false,
        ...noCoord,
        note: '',
        sourceRows: [22],
      },
      {
        kind: 'task',
        number: '1',
        path: 'III.1',
        parentPath: 'III',
        title: 'Sơ kết 6 tháng',
        timeframeText: 'Tháng 7/2024',
        leadText: 'Ban ATGT tỉnh/ Công an tỉnh',
        leadNames: ['Ban ATGT tỉnh', 'Công an tỉnh'],
        leadRoles: {},
        jointLead: true,
        coordinatingText: 'Các sở, ngành',
        coordinatingNames: ['Các sở, ngành'],
        note: '',
        sourceRows: [23],
      },
    ];
    expect(r.items.map((i) => shape(i, keys))).toEqual(expected);
  });

  it('reads every timeframe (typos repaired), keeps parents without one at null', () => {
    const by = new Map(r.items.map((i) => [i.path, i]));
    expect(by.get('I.2')?.schedule).toBeNull();
    expect(by.get('I')?.schedule).toBeNull();
    expect(by.get('I.2.2')?.schedule).toMatchObject({ normalized: 'Thường xuyên', continuous: true });
    expect(by.get('II.2')?.schedule).toMatchObject({ recurrence: 'school_year', continuous: true });
    expect(by.get('II')?.schedule?.continuous).toBe(true);
    expect(by.get('III')?.schedule?.confidence).toBe('unreadable');
    expect(by.get('III.1')?.schedule?.dueDates).toEqual([
      { from: '2024-07-01', date: '2024-07-31', label: 'Tháng 7/2024' },
    ]);
  });

  it('reports each problem by row and column, in Vietnamese', () => {
    const expected: AppendixIssue[] = [
      {
        row: 6,
        column: 'STT',
        message: 'Số thứ tự "I." viết không chuẩn; đã đọc là "I"',
        severity: 'warning',
      },
      {
        row: 7,
        column: 'STT',
        message: 'Số thứ tự "1." viết không chuẩn; đã đọc là "1"',
        severity: 'warning',
      },
      {
        row: 10,
        column: 'Đơn vị phối hợp',
        message: '"(ít nhất 01 buổi/1 học kỳ)" là ghi chú, không phải đơn vị; đã chuyển sang cột "Ghi chú"',
        severity: 'warning',
      },
      {
        row: 11,
        column: 'Đơn vị chủ trì',
        message: 'Nhiệm vụ I.3 chưa có đơn vị chủ trì',
        severity: 'error',
      },
      {
        row: 12,
        column: 'Đơn vị chủ trì',
        message: 'Dòng chỉ có 3 ô, thiếu cột "Đơn vị chủ trì", "Đơn vị phối hợp"; coi như để trống',
        severity: 'warning',
      },
      {
        row: 12,
        column: 'Đơn vị chủ trì',
        message: 'Nhiệm vụ I.4 chưa có đơn vị chủ trì',
        severity: 'error',
      },
      {
        row: 14,
        column: 'STT',
        message: 'Số thứ tự "Il" viết không chuẩn; đã đọc là "II"',
        severity: 'warning',
      },
      {
        row: 15,
        column: 'STT',
        message: 'Số thứ tự "l" viết không chuẩn; đã đọc là "1"',
        severity: 'warning',
      },
      {
        row: 21,
        column: 'STT',
        message: 'Số thứ tự "3" trùng với mục trước trong phần II',
        severity: 'error',
      },
      {
        row: 22,
        column: 'Thời gian thực hiện',
        message: 'Không đọc được thời gian thực hiện "Chưa rõ"; cần nhập lại',
        severity: 'warning',
      },
    ];
    expect(r.issues).toEqual(expected);
  });
});

describe('readAppendix, other layouts and failures', () => {
  it('reads a header spread over two rows and skips it where it repeats', () => {
    const r = readAppendix(
      [
        ['STT', 'Nội dung', 'Thời gian', 'Đơn vị thực hiện', ''],
        ['', '', '', 'Chủ trì', 'Phối hợp'],
        ['1', 'Ban hành kế hoạch', 'Quý I/2025', 'Sở Xây dựng', 'Công an tỉnh'],
        ['STT', 'Nội dung', 'Thời gian', 'Đơn vị thực hiện', ''],
        ['', '', '', 'Chủ trì', 'Phối hợp'],
        ['2', 'Kiểm tra', 'Quý II/2025', 'Công an tỉnh', ''],
      ],
      { planYear: 2025 },
    );
    expect(r.columns).toEqual({ stt: 0, task: 1, timeframe: 2, lead: 3, coordinating: 4, note: null });
    expect(r.items.map((i) => [i.path, i.parentPath, i.leadNames, i.sourceRows])).toEqual([
      ['1', null, ['Sở Xây dựng'], [3]],
      ['2', null, ['Công an tỉnh'], [6]],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reads a section written whole in the STT cell, and reports gaps and orphans', () => {
    const r = readAppendix(
      [
        ['STT', 'Nội dung công tác', 'Thời gian thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
        ['', 'dòng lạc', '', '', ''],
        ['I. CÔNG TÁC CHỈ ĐẠO', '', '', '', ''],
        ['2', 'Việc hai', 'Quý I/2025', 'Sở Y tế', ''],
        ['5.1', 'Việc con', 'Quý I/2025', 'Sở Y tế', ''],
        ['III', 'Phần ba', '', '', ''],
        ['1', 'Việc', '', 'Sở Y tế', ''],
      ],
      { planYear: 2025 },
    );
    expect(r.items.map((i) => [i.kind, i.path, i.parentPath, i.title])).toEqual([
      ['section', 'I', null, 'CÔNG TÁC CHỈ ĐẠO'],
      ['task', 'I.2', 'I', 'Việc hai'],
      ['task', 'I.5.1', 'I', 'Việc con'],
      ['section', 'III', null, 'Phần ba'],
      ['task', 'III.1', 'III', 'Việc'],
    ]);
    expect(r.issues).toEqual([
      {
        row: 2,
        column: 'STT',
        message: 'Dòng không có số thứ tự và không thuộc mục nào; đã bỏ qua',
        severity: 'warning',
      },
      {
        row: 4,
        column: 'STT',
        message: 'Số thứ tự "2" không bắt đầu từ "1" trong phần I',
        severity: 'warning',
      },
      {
        row: 5,
        column: 'STT',
        message: 'Không tìm thấy mục "5" chứa mục con "5.1" trong phần I',
        severity: 'warning',
      },
      { row: 6, column: 'STT', message: 'Số thứ tự phần "III" không liền sau phần "I"', severity: 'warning' },
      {
        row: 7,
        column: 'Thời gian thực hiện',
        message: 'Nhiệm vụ III.1 chưa ghi thời gian thực hiện',
        severity: 'warning',
      },
    ]);
  });

  it('reports a table with no recognisable header as an error', () => {
    const r = readAppendix([[''], ['Phụ lục: danh sách'], ['1', 'Việc', 'Quý I/2025']], { planYear: 2025 });
    expect(r).toEqual({
      columns: null,
      items: [],
      title: 'Phụ lục: danh sách',
      issues: [
        {
          row: 2,
          column: 'Dòng tiêu đề',
          message:
            'Không tìm thấy dòng tiêu đề của bảng (STT, Nội dung công tác, Thời gian thực hiện, Đơn vị chủ trì, Đơn vị phối hợp, Ghi chú)',
          severity: 'error',
        },
      ],
    });
    expect(readAppendix([], { planYear: 2025 }).issues).toHaveLength(1);
  });

  it('never throws on values that are not a grid', () => {
    for (const bad of [null, undefined, 3, 'text', [null], [[null, 3, {}]], [['STT', undefined]]]) {
      expect(() => readAppendix(bad as unknown as string[][], { planYear: 2025 })).not.toThrow();
    }
  });
});

describe('readAppendix properties', () => {
  const HEADER = [
    'STT',
    'Nội dung công tác',
    'Thời gian thực hiện',
    'Đơn vị chủ trì',
    'Đơn vị phối hợp',
    'Ghi chú',
  ];
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      '',
      '',
      'I',
      'II',
      'Il',
      'IV.',
      '1',
      '1.',
      '2',
      'l',
      '2.1',
      '2.1.3',
      '3',
      'a)',
      '-',
      ...HEADER,
      'Quý I/2025',
      'Thường xuyên',
      'abc',
      'Công an tỉnh/ Sở Xây dựng',
      'Sở Y tế (chủ trì)',
      '(ít nhất 01 buổi)',
      'UBND các xã, phường',
      '((',
      ')/,;',
      'Tuyên truyền',
      'và duy trì',
    ),
    fc.string({ maxLength: 12 }),
  );
  const row = fc.array(cell, { maxLength: 7 });
  const grid = fc
    .tuple(fc.array(row, { maxLength: 4 }), fc.boolean(), fc.array(row, { maxLength: 25 }))
    .map(([before, withHeader, after]) => [...before, ...(withHeader ? [HEADER] : []), ...after]);
  const blank = (r: string[] | undefined) => (r ?? []).every((c) => String(c).trim() === '');

  it('never throws; parents exist; paths are unique; rows come only from the body', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const r = readAppendix(g, { planYear: 2025 });
        const paths = r.items.map((i) => i.path);
        expect(new Set(paths).size).toBe(paths.length);
        for (const item of r.items) {
          if (item.parentPath !== null) expect(paths).toContain(item.parentPath);
          for (const n of item.sourceRows) {
            const source = g[n - 1];
            expect(blank(source)).toBe(false);
            expect(detectHeader(source ?? [])).toBeNull();
          }
        }
        if (r.columns === null) expect(r.items).toEqual([]);
        for (const issue of r.issues) {
          expect(issue.row).toBeGreaterThanOrEqual(1);
          expect(issue.message).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = readAppendix(x as string[][], { planYear: 2025 });
        expect(Array.isArray(r.items)).toBe(true);
      }),
    );
  });
});
