import { describe, expect, it } from 'vitest';
import type { CriteriaTable, PlainTable, ReviewDocument } from '../../domain/reports/review-document.ts';
import { type DocxReading, type DocxTable, readDocx } from './docx-reader.ts';
import {
  docxToPdf,
  formatChange,
  formatCount,
  libreOfficeAvailable,
  NO_LIBREOFFICE_MESSAGE,
  reviewToDocx,
} from './review-docx.ts';

// ───────────────────────────── a quarter's review report ─────────────────────────────

const figures = (crashes: number, deaths: number, injured: number) => ({ crashes, deaths, injured });

const crashesByCommune: CriteriaTable = {
  title: 'Bảng 1. Tình hình tai nạn giao thông theo xã, phường',
  keyHeading: 'Xã, phường',
  currentLabel: 'Quý I/2026',
  previousLabel: 'Cùng kỳ 2025',
  rows: [
    { label: 'Phường Tân Phong', current: figures(5, 2, 4), previous: figures(3, 3, 4) },
    { label: 'Xã Tam Đường', current: figures(4, 1, 3), previous: figures(2, 2, 1) },
    { label: 'Xã Sìn Hồ', current: figures(3, 2, 1), previous: figures(4, 2, 3) },
  ],
  total: { label: 'Tổng cộng', current: figures(12, 5, 8), previous: figures(9, 7, 8) },
};

const enforcement: PlainTable = {
  title: 'Bảng 2. Kết quả tuần tra, kiểm soát, xử lý vi phạm',
  headings: ['STT', 'Nội dung', 'Quý I/2026', 'Cùng kỳ 2025'],
  rows: [
    ['1', 'Số trường hợp vi phạm bị phát hiện, xử lý', '3.412', '2.987'],
    ['2', 'Số tiền phạt (triệu đồng)', '6.845', '5.910'],
    ['3', 'Số giấy phép lái xe bị tước', '214', '188'],
  ],
  widths: [1, 6, 2, 2],
};

const taskProgress: PlainTable = {
  title: 'Tiến độ thực hiện nhiệm vụ theo Kế hoạch số 15/KH-BATGT',
  headings: ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả', 'Ghi chú'],
  rows: [
    ['1', 'Ra quân đầu năm bảo đảm TTATGT', 'Công an tỉnh', 'Tháng 01/2026', 'Hoàn thành', ''],
    ['2', 'Khắc phục điểm đen Km 12+500 QL.4D', 'Sở Xây dựng', 'Quý I/2026', 'Đang thực hiện', 'Chờ vốn'],
    ['3', 'Tuyên truyền ATGT trong trường học', 'Sở Giáo dục và Đào tạo', 'Tháng 3/2026', 'Hoàn thành', ''],
  ],
};

const report: ReviewDocument = {
  parentBody: 'UBND tỉnh Lai Châu',
  issuingBody: 'Ban An toàn giao thông tỉnh',
  number: '45/BC-BATGT',
  place: 'Lai Châu',
  issuedOn: '2026-04-15',
  kind: 'Báo cáo',
  title: 'Sơ kết công tác bảo đảm TTATGT quý I năm 2026',
  sections: [
    {
      number: 'I',
      heading: 'KẾT QUẢ THỰC HIỆN',
      paragraphs: [
        'Trong quý I năm 2026, trên địa bàn tỉnh xảy ra 12 vụ tai nạn giao thông, làm chết 5 người, bị thương 8 người; so với cùng kỳ năm 2025, tăng 3 vụ, giảm 2 người chết, số người bị thương không đổi.',
        '- Công an tỉnh duy trì tuần tra, kiểm soát trên các tuyến quốc lộ 4D, 32, 279;',
        '- UBND các xã, phường tổ chức tuyên truyền tại khu dân cư.',
      ],
      tables: [crashesByCommune, enforcement],
    },
    {
      number: 'II',
      heading: 'TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      paragraphs: ['Tai nạn giao thông trên tuyến đường tỉnh và đường xã còn diễn biến phức tạp.'],
    },
    {
      number: 'III',
      heading: 'NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026',
      paragraphs: ['- Tăng cường kiểm soát nồng độ cồn đối với người điều khiển phương tiện.'],
    },
  ],
  annexes: [{ title: 'Tiến độ thực hiện nhiệm vụ quý I năm 2026', table: taskProgress }],
  recipients: [
    '- Ủy ban ATGT Quốc gia (b/c);',
    '- TT Tỉnh ủy, TT HĐND tỉnh (b/c);',
    '- UBND tỉnh (b/c);',
    '- Các thành viên Ban ATGT tỉnh;',
    '- UBND các xã, phường;',
    '- Lưu: VT, BATGT.',
  ],
  signer: {
    authority: 'TM. Ban An toàn giao thông',
    position: 'KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC',
    name: 'Lê Văn Thành',
  },
};

// ───────────────────────────── helpers ─────────────────────────────

function tableStartingWith(reading: DocxReading, firstCell: string): DocxTable {
  const table = reading.tables.find((t) => t.rows[0]?.[0] === firstCell);
  if (!table) throw new Error(`no table starting with '${firstCell}'`);
  return table;
}

/** Index of the first block whose text (paragraph) or first row (table) includes `text`. */
function blockIndex(reading: DocxReading, text: string): number {
  return reading.blocks.findIndex((b) =>
    b.kind === 'paragraph' ? b.text.includes(text) : b.rows.some((r) => r.some((c) => c.includes(text))),
  );
}

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(2);

// ───────────────────────────── tests ─────────────────────────────

describe('Vietnamese figures', () => {
  it('groups thousands with dots and signs the change', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(-1500)).toBe('-1.500');
    expect(formatChange(12, 9)).toBe('+3');
    expect(formatChange(5, 7)).toBe('-2');
    expect(formatChange(8, 8)).toBe('0');
    expect(formatChange(2500, 1000)).toBe('+1.500');
  });
});

describe('reviewToDocx', async () => {
  const bytes = await reviewToDocx(report);
  const reading = await readDocx(bytes);

  it('is an A4 portrait page with the Decree 30 margins', () => {
    const main = reading.sections[0];
    expect(main).toBeDefined();
    if (!main) return;
    expect(main.width).toBe(11906);
    expect(main.height).toBe(16838);
    expect(main.orientation).toBe('portrait');
    near(main.margin.top, 1134);
    near(main.margin.bottom, 1134);
    near(main.margin.left, 1701);
    near(main.margin.right, 850);
  });

  it('writes Times New Roman everywhere, body text at 14 pt', () => {
    expect(reading.defaults).toEqual({ font: 'Times New Roman', size: 28 });
    expect(reading.fonts).toEqual(['Times New Roman']);
    const body = reading.paragraphs.filter((p) => p.section === 0 && p.firstLine !== undefined);
    expect(body.length).toBeGreaterThan(5);
    for (const p of body) for (const r of p.runs) expect(r.size).toBe(28);
  });

  it('writes the header block as a borderless two-column table', () => {
    const header = reading.blocks[0];
    expect(header?.kind).toBe('table');
    if (header?.kind !== 'table') return;
    expect(header.borderless).toBe(true);
    expect(header.rows).toHaveLength(1);
    const [left = '', right = ''] = header.rows[0] ?? [];
    expect(left.split('\n').filter((l) => l !== '')).toEqual([
      'UBND TỈNH LAI CHÂU',
      'BAN AN TOÀN GIAO THÔNG TỈNH',
      'Số: 45/BC-BATGT',
    ]);
    expect(right.split('\n').filter((l) => l !== '')).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Lai Châu, ngày 15 tháng 4 năm 2026',
    ]);
    const [leftCell, rightCell] = header.cells[0] ?? [];
    expect(leftCell?.text).toContain('BAN AN TOÀN GIAO THÔNG TỈNH');
    expect(rightCell).toBeDefined();
  });

  it('writes the kind and title centred and bold, then the numbered sections', () => {
    const kind = reading.paragraphs.find((p) => p.text === 'BÁO CÁO');
    const title = reading.paragraphs.find((p) => p.text === report.title);
    expect(kind).toMatchObject({ alignment: 'center', bold: true });
    expect(title).toMatchObject({ alignment: 'center', bold: true });
    const headings = [
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'III. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026',
    ];
    const at = headings.map((h) => blockIndex(reading, h));
    expect(at.every((i) => i > blockIndex(reading, report.title))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const h of headings) expect(reading.paragraphs.find((p) => p.text === h)?.bold).toBe(true);

    const body = reading.paragraphs.find((p) => p.text.startsWith('Trong quý I năm 2026'));
    expect(body).toMatchObject({ alignment: 'both', bold: false });
    expect(body?.firstLine).toBeGreaterThan(500);
    const dash = reading.paragraphs.find((p) => p.text.startsWith('- Công an tỉnh'));
    expect(dash?.text).toBe('- Công an tỉnh duy trì tuần tra, kiểm soát trên các tuyến quốc lộ 4D, 32, 279;');
  });

  it('writes the criteria table: two repeated header rows, the figures, changes and a bold total', () => {
    const table = tableStartingWith(reading, 'Xã, phường');
    expect(table.headerRows).toBe(2);
    expect(table.rows[0]).toEqual([
      'Xã, phường',
      'Số vụ',
      '',
      '',
      'Số người chết',
      '',
      '',
      'Số người bị thương',
      '',
      '',
    ]);
    const labels = ['Quý I/2026', 'Cùng kỳ 2025', 'Tăng/giảm'];
    expect(table.rows[1]).toEqual(['', ...labels, ...labels, ...labels]);
    expect(table.rows.slice(2)).toEqual([
      ['Phường Tân Phong', '5', '3', '+2', '2', '3', '-1', '4', '4', '0'],
      ['Xã Tam Đường', '4', '2', '+2', '1', '2', '-1', '3', '1', '+2'],
      ['Xã Sìn Hồ', '3', '4', '-1', '2', '2', '0', '1', '3', '-2'],
      ['Tổng cộng', '12', '9', '+3', '5', '7', '-2', '8', '8', '0'],
    ]);
    const total = table.cells[table.cells.length - 1] ?? [];
    expect(total.every((c) => c.bold)).toBe(true);
    expect(total.slice(1).every((c) => c.alignment === 'right')).toBe(true);
    expect(table.cells[2]?.[0]?.bold).toBe(false);
    // The table's title comes right before it.
    const index = reading.blocks.indexOf(table);
    const before = reading.blocks[index - 1];
    expect(before?.kind === 'paragraph' && before.text).toBe(crashesByCommune.title);
  });

  it('writes a plain table as given, its heading row repeated', () => {
    const table = tableStartingWith(reading, 'STT');
    expect(table.section).toBe(0);
    expect(table.headerRows).toBe(1);
    expect(table.rows).toEqual([enforcement.headings, ...enforcement.rows]);
    // widths 1:6:2:2 of the text width
    const [stt = 0, content = 0] = table.columnWidths;
    expect(content / stt).toBeCloseTo(6, 1);
    expect(table.cells[1]?.[2]?.alignment).toBe('right');
  });

  it('closes with Nơi nhận on the left and the signature on the right', () => {
    const closing = reading.tables.find((t) => t.rows[0]?.[0]?.startsWith('Nơi nhận:'));
    expect(closing?.borderless).toBe(true);
    const [left = '', right = ''] = closing?.rows[0] ?? [];
    expect(left.split('\n')).toEqual(['Nơi nhận:', ...report.recipients]);
    expect(right.split('\n').filter((l) => l !== '')).toEqual([
      'TM. BAN AN TOÀN GIAO THÔNG',
      'KT. TRƯỞNG BAN',
      'PHÓ TRƯỞNG BAN THƯỜNG TRỰC',
      'Lê Văn Thành',
    ]);
    expect(closing?.cells[0]?.[1]?.bold).toBe(true);
    const nơiNhận = reading.documentXml.indexOf('Nơi nhận:');
    const runStart = reading.documentXml.lastIndexOf('<w:r>', nơiNhận);
    expect(reading.documentXml.slice(runStart, nơiNhận)).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);
    expect(blockIndex(reading, 'Nơi nhận:')).toBeGreaterThan(blockIndex(reading, 'III. NHIỆM VỤ'));
  });

  it('starts the annex on a new landscape page with its title and table', () => {
    const annexAt = blockIndex(reading, 'PHỤ LỤC');
    const label = reading.blocks[annexAt];
    expect(label).toMatchObject({
      kind: 'paragraph',
      text: 'PHỤ LỤC',
      startsPage: true,
      bold: true,
      section: 1,
    });
    expect(annexAt).toBeGreaterThan(blockIndex(reading, 'Nơi nhận:'));
    const title = reading.blocks[annexAt + 1];
    expect(title).toMatchObject({
      text: 'Tiến độ thực hiện nhiệm vụ quý I năm 2026',
      alignment: 'center',
      bold: true,
    });
    expect(reading.lines).toContain('(Kèm theo Báo cáo số 45/BC-BATGT ngày 15 tháng 4 năm 2026)');

    const annexSection = reading.sections[1];
    expect(annexSection).toMatchObject({
      width: 16838,
      height: 11906,
      orientation: 'landscape',
      type: 'nextPage',
    });
    near(annexSection?.margin.left ?? 0, 1701);

    const table = reading.tables.find((t) => t.section === 1);
    expect(table?.rows).toEqual([taskProgress.headings, ...taskProgress.rows]);
    expect(table?.headerRows).toBe(1);
  });

  it('numbers the pages from the second one', () => {
    expect(reading.sections[0]?.titlePage).toBe(true);
  });
});

describe('reviewToDocx: a draft', () => {
  it('leaves the date open, skips an empty parent body, numbers several annexes', async () => {
    const draft: ReviewDocument = {
      ...report,
      parentBody: '',
      number: '…/BC-BATGT',
      issuedOn: null,
      annexes: [
        { title: 'Tiến độ thực hiện nhiệm vụ', table: taskProgress },
        { title: 'Kết quả xử lý vi phạm', table: enforcement },
      ],
    };
    const reading = await readDocx(await reviewToDocx(draft));
    const [left = '', right = ''] = reading.tables[0]?.rows[0] ?? [];
    expect(left.split('\n').filter((l) => l !== '')).toEqual([
      'BAN AN TOÀN GIAO THÔNG TỈNH',
      'Số: …/BC-BATGT',
    ]);
    expect(right).toContain('Lai Châu, ngày … tháng … năm …');
    const labels = reading.paragraphs.filter((p) => p.text.startsWith('PHỤ LỤC'));
    expect(labels.map((p) => [p.text, p.startsPage])).toEqual([
      ['PHỤ LỤC I', true],
      ['PHỤ LỤC II', true],
    ]);
    // Four columns: the second annex stays portrait.
    expect(reading.sections.map((s) => s.orientation)).toEqual(['portrait', 'landscape', 'portrait']);
  });
});

describe('docxToPdf', async () => {
  const soffice = await libreOfficeAvailable();

  it.skipIf(soffice === null)('converts the report with LibreOffice', { timeout: 90_000 }, async () => {
    const pdf = await docxToPdf(await reviewToDocx(report));
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  });

  it.skipIf(soffice !== null)('says in Vietnamese that LibreOffice is missing', async () => {
    await expect(docxToPdf(await reviewToDocx(report))).rejects.toThrow(NO_LIBREOFFICE_MESSAGE);
  });
});
