import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Document,
  Packer,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type AppendixItem, readAppendix, splitPastedTable } from '../../../domain/plans/appendix.ts';
import {
  type AppendixPlanHeader,
  appendixToDocx,
  appendixToXlsx,
  type ExportItem,
  mmToTwip,
  placeAndDate,
} from './export-appendix.ts';
import { GRID_MESSAGES, MAX_APPENDIX_BYTES, readGrid } from './read-grid.ts';

const SAMPLE = path.resolve('fixtures', 'plans', 'appendix-sample.tsv');
const CONTEXT = { planYear: 2025, planDate: '2025-02-10' };
const sampleText = readFileSync(SAMPLE, 'utf8');
const sampleGrid = splitPastedTable(sampleText);
const sampleReading = readAppendix(sampleGrid, CONTEXT);

/** The parts of an item that must survive a trip through a file. */
const essentials = (items: AppendixItem[]) =>
  items.map((i) => ({
    kind: i.kind,
    path: i.path,
    title: i.title,
    timeframeText: i.timeframeText,
    leadNames: i.leadNames,
    coordinatingNames: i.coordinatingNames,
    note: i.note,
  }));

const bytesOf = (buffer: ArrayBuffer | Uint8Array) => new Uint8Array(buffer);

/** Reads a file through readGrid + readAppendix, failing the test when readGrid refuses it. */
async function readFile(bytes: Uint8Array, name: string) {
  const result = await readGrid(bytes, name);
  if (!result.ok) throw new Error(`readGrid refused ${name}: ${JSON.stringify(result.problems)}`);
  return { format: result.format, grid: result.grid, reading: readAppendix(result.grid, CONTEXT) };
}

async function problemsOf(bytes: Uint8Array, name: string): Promise<string[]> {
  const result = await readGrid(bytes, name);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

// ───────────────────────────── building test files ─────────────────────────────

/** A sheet holding `grid` from row `firstRow`; STT-like numbers typed as numbers, as Excel users do. */
async function xlsxOf(grid: string[][], setup?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Hướng dẫn').getCell('A1').value = 'Trang này không có phụ lục';
  const sheet = workbook.addWorksheet('Phụ lục');
  grid.forEach((cells, r) => {
    cells.forEach((text, c) => {
      if (text === '') return;
      sheet.getCell(r + 1, c + 1).value = /^\d+(\.[1-9]\d*)?$/.test(text) ? Number(text) : text;
    });
  });
  setup?.(sheet);
  return bytesOf(await workbook.xlsx.writeBuffer());
}

function docxCell(text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({
    width: { size: 1500, type: WidthType.DXA },
    ...extra,
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
  });
}

function docxTable(rows: string[][], width = 6): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from({ length: width }, (_, c) => docxCell(cells[c] ?? '')),
        }),
    ),
  });
}

async function docxOf(children: Array<Paragraph | Table>): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return bytesOf(buffer);
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  return file.async('string');
}

// ───────────────────────────── reading ─────────────────────────────

describe('readGrid: the sample appendix in every format', () => {
  it('reads the sample TSV (sanity check of the reference reading)', async () => {
    const { format, reading } = await readFile(new TextEncoder().encode(sampleText), 'phu-luc.tsv');
    expect(format).toBe('tsv');
    expect(essentials(reading.items)).toEqual(essentials(sampleReading.items));
    expect(sampleReading.items.length).toBeGreaterThan(20);
    expect(sampleReading.items.map((i) => i.path)).toContain('I.3.1');
  });

  it('reads an XLSX built from the sample to the same items, whatever the file is called', async () => {
    const bytes = await xlsxOf(sampleGrid, (sheet) => sheet.mergeCells(1, 1, 1, 6));
    const { format, grid, reading } = await readFile(bytes, 'phu-luc.csv');
    expect(format).toBe('xlsx');
    // Grid rows are the sheet's rows: the blank line and the repeated header stay where they were.
    expect(grid.length).toBe(sampleGrid.length);
    expect(grid[0]).toEqual([sampleGrid[0]?.[0], '', '', '', '', '']);
    expect(essentials(reading.items)).toEqual(essentials(sampleReading.items));
    expect(reading.title).toBe(sampleReading.title);
    expect(reading.items.map((i) => i.sourceRows)).toEqual(sampleReading.items.map((i) => i.sourceRows));
    expect(reading.issues).toEqual(sampleReading.issues);
  });

  it('reads a DOCX built from the sample (title paragraphs, table split at a page with its header repeated)', async () => {
    const blankAt = sampleGrid.findIndex((row, i) => i > 3 && row.every((c) => c === ''));
    const headerAt = sampleGrid.findIndex((row) => row[0] === 'STT');
    expect(blankAt).toBeGreaterThan(headerAt);
    const titles = sampleGrid.slice(0, headerAt).filter((row) => row.some((c) => c !== ''));
    const bytes = await docxOf([
      ...titles.map((row) => new Paragraph({ children: [new TextRun({ text: row[0] ?? '', bold: true })] })),
      new Paragraph({ children: [] }),
      docxTable(sampleGrid.slice(headerAt, blankAt)),
      new Paragraph({ children: [] }),
      docxTable(sampleGrid.slice(blankAt + 1)),
      new Paragraph({ children: [new TextRun('Nơi nhận:')] }),
    ]);
    const { format, grid, reading } = await readFile(bytes, 'phu-luc.docx');
    expect(format).toBe('docx');
    expect(grid.slice(0, titles.length)).toEqual(titles.map((row) => [row[0]]));
    expect(reading.issues.map((i) => i.message)).toEqual(sampleReading.issues.map((i) => i.message));
    expect(essentials(reading.items)).toEqual(essentials(sampleReading.items));
    expect(reading.title).toBe(sampleReading.title);
  });
});

describe('readGrid: XLSX details', () => {
  it('keeps line breaks, empty rows, merged cells, rich text, numbers and dates', async () => {
    const bytes = await xlsxOf([], (sheet) => {
      sheet.getCell('A2').value = 'STT';
      sheet.getCell('B2').value = {
        richText: [{ text: 'Nội dung ' }, { text: 'công tác', font: { bold: true } }],
      };
      sheet.getCell('C2').value = 'Thời gian thực hiện';
      sheet.getCell('D2').value = 'Đơn vị chủ trì';
      sheet.getCell('E2').value = 'Đơn vị phối hợp';
      sheet.getCell('A3').value = 1;
      sheet.getCell('B3').value = 'Dòng một\r\nDòng hai';
      sheet.getCell('C3').value = new Date(Date.UTC(2025, 1, 10));
      sheet.getCell('D3').value = 'Sở Y tế\nCông an tỉnh';
      sheet.getCell('A4').value = 3.1;
      sheet.getCell('B4').value = 'Gộp ô';
      sheet.mergeCells('B4:D4');
      sheet.getCell('E4').value = { formula: '1+1', result: 2 };
    });
    const { grid, reading } = await readFile(bytes, 'a.xlsx');
    expect(grid).toEqual([
      [],
      ['STT', 'Nội dung công tác', 'Thời gian thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
      ['1', 'Dòng một\nDòng hai', '10/02/2025', 'Sở Y tế\nCông an tỉnh', ''],
      ['3.1', 'Gộp ô', '', '', '2'],
    ]);
    expect(reading.items[0]?.title).toBe('Dòng một\nDòng hai');
    expect(reading.items[0]?.leadNames).toEqual(['Sở Y tế', 'Công an tỉnh']);
    expect(reading.items[0]?.sourceRows).toEqual([3]);
  });
});

describe('readGrid: DOCX details', () => {
  it('keeps line breaks (paragraphs and w:br), tabs, horizontal and vertical merges', async () => {
    const runs = (...children: ParagraphChild[]) => [new Paragraph({ children })];
    const bytes = await docxOf([
      new Table({
        rows: [
          new TableRow({
            children: [
              'STT',
              'Nội dung công tác',
              'Thời gian thực hiện',
              'Đơn vị chủ trì',
              'Đơn vị phối hợp',
            ].map((t) => docxCell(t)),
          }),
          new TableRow({ children: [docxCell('I'), docxCell('Phần gộp ngang', { columnSpan: 4 })] }),
          new TableRow({
            children: [
              docxCell('1', { rowSpan: 2 }),
              new TableCell({
                children: [
                  ...runs(new TextRun('Dòng một'), new TextRun({ text: 'Dòng hai', break: 1 })),
                  ...runs(new TextRun('Dòng'), new TextRun({ children: [new Tab()] }), new TextRun('ba')),
                ],
              }),
              docxCell('Quý I/2025'),
              docxCell('Sở Y tế'),
              docxCell('Công an tỉnh'),
            ],
          }),
          new TableRow({
            children: [docxCell('tiếp'), docxCell(''), docxCell(''), docxCell('')],
          }),
        ],
      }),
    ]);
    const { grid, reading } = await readFile(bytes, 'a.docx');
    expect(grid).toEqual([
      ['STT', 'Nội dung công tác', 'Thời gian thực hiện', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
      ['I', 'Phần gộp ngang', '', '', ''],
      ['1', 'Dòng một\nDòng hai\nDòng ba', 'Quý I/2025', 'Sở Y tế', 'Công an tỉnh'],
      ['', 'tiếp', '', '', ''],
    ]);
    expect(reading.items.find((i) => i.path === 'I.1')?.title).toBe('Dòng một\nDòng hai\nDòng ba tiếp');
  });

  it('refuses a Word file without any table', async () => {
    const bytes = await docxOf([new Paragraph({ children: [new TextRun('Chỉ có chữ')] })]);
    expect(await problemsOf(bytes, 'a.docx')).toEqual([
      'Tệp Word không có bảng nào; phụ lục phải ở dạng bảng',
    ]);
  });
});

describe('readGrid: text files', () => {
  it('accepts a UTF-8 BOM, a UTF-16LE BOM and CSV', async () => {
    const tsv = 'STT\tNội dung\n1\tViệc một';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(tsv)]);
    expect(await readGrid(withBom, 'a.txt')).toEqual({
      ok: true,
      format: 'tsv',
      grid: [
        ['STT', 'Nội dung'],
        ['1', 'Việc một'],
      ],
    });
    const utf16 = new Uint8Array(2 + tsv.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < tsv.length; i++) {
      const code = tsv.charCodeAt(i);
      utf16[2 + i * 2] = code & 0xff;
      utf16[3 + i * 2] = code >> 8;
    }
    const fromUtf16 = await readGrid(utf16, 'a.tsv');
    expect(fromUtf16.ok && fromUtf16.grid[1]).toEqual(['1', 'Việc một']);
    const csv = await readGrid(new TextEncoder().encode('STT,Nội dung\n1,"Việc, một"'), 'a.csv');
    expect(csv).toEqual({
      ok: true,
      format: 'csv',
      grid: [
        ['STT', 'Nội dung'],
        ['1', 'Việc, một'],
      ],
    });
  });
});

describe('readGrid: files it refuses', () => {
  const UNSUPPORTED = 'Tệp không đúng định dạng: chỉ nhận TSV, CSV, XLSX hoặc DOCX';

  it('refuses an empty file (also one holding only blanks)', async () => {
    expect(await problemsOf(new Uint8Array(0), 'a.tsv')).toEqual(['Tệp rỗng, không có dữ liệu']);
    expect(await problemsOf(new TextEncoder().encode(' \r\n\t\n'), 'a.tsv')).toEqual([
      'Tệp rỗng, không có dữ liệu',
    ]);
  });

  it('refuses a file over 5 MB', async () => {
    expect(MAX_APPENDIX_BYTES).toBe(5 * 1024 * 1024);
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x41);
    expect(await problemsOf(big, 'a.tsv')).toEqual(['Tệp vượt quá dung lượng cho phép (5 MB)']);
  });

  it('refuses a PNG and a PDF, even named .xlsx', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
      0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
    ]);
    expect(await problemsOf(png, 'phu-luc.xlsx')).toEqual([UNSUPPORTED]);
    const pdf = new Uint8Array([
      ...new TextEncoder().encode('%PDF-1.7\n'),
      0x25,
      0xe2,
      0xe3,
      0xcf,
      0xd3,
      ...new TextEncoder().encode('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    ]);
    expect(await problemsOf(pdf, 'phu-luc.tsv')).toEqual([UNSUPPORTED]);
    // Even an all-ASCII PDF is no table.
    expect(await problemsOf(new TextEncoder().encode('%PDF-1.4\n1 0 obj\nendobj\n'), 'a.csv')).toEqual([
      UNSUPPORTED,
    ]);
  });

  it('refuses a text file named .xlsx or .docx instead of reading it as CSV', async () => {
    const text = new TextEncoder().encode('STT,Nội dung công tác\n1,Việc một\n');
    expect(await problemsOf(text, 'phu-luc.xlsx')).toEqual([GRID_MESSAGES.notOffice]);
    expect(await problemsOf(text, 'phu-luc.DOCX')).toEqual([GRID_MESSAGES.notOffice]);
  });

  it('refuses a zip that is neither XLSX nor DOCX, and a corrupt one', async () => {
    const zip = new JSZip();
    zip.file('doc-toi.txt', 'STT\tNội dung');
    const randomZip = bytesOf(await zip.generateAsync({ type: 'uint8array' }));
    expect(await problemsOf(randomZip, 'a.xlsx')).toEqual([UNSUPPORTED]);

    const corrupt = new Uint8Array(512);
    corrupt.set([0x50, 0x4b, 0x03, 0x04]);
    for (let i = 4; i < corrupt.length; i++) corrupt[i] = (i * 37 + 11) % 256;
    expect(await problemsOf(corrupt, 'a.xlsx')).toEqual([
      'Tệp bị hỏng, không giải nén được: hãy mở lại bằng Excel/Word, lưu lại rồi tải lên',
    ]);
  });

  it('refuses a broken workbook inside a valid zip', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<not a workbook');
    const bytes = bytesOf(await zip.generateAsync({ type: 'uint8array' }));
    expect(await problemsOf(bytes, 'a.xlsx')).toEqual([
      'Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng cấu trúc',
    ]);
  });

  it('asks to save a legacy .xls/.doc again as .xlsx/.docx', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await problemsOf(ole, 'Phu luc.XLS')).toEqual([
      'Tệp Excel đời cũ (.xls) không được hỗ trợ: hãy mở bằng Excel và lưu lại dưới dạng .xlsx',
    ]);
    expect(await problemsOf(ole, 'phu-luc.doc')).toEqual([
      'Tệp Word đời cũ (.doc) không được hỗ trợ: hãy mở bằng Word và lưu lại dưới dạng .docx',
    ]);
    const [message] = await problemsOf(ole, 'phu-luc.xlsx');
    expect(message).toContain('lưu lại dưới dạng .xlsx hoặc .docx');
  });

  it('asks to save text in a legacy code page as UTF-8', async () => {
    // 'Nội dung công tác' in Windows-1258-like single bytes: invalid UTF-8.
    const latin = new Uint8Array([
      ...new TextEncoder().encode('STT\tN'),
      0xf4,
      ...new TextEncoder().encode('i dung c'),
      0xf4,
      ...new TextEncoder().encode('ng t'),
      0xe1,
      ...new TextEncoder().encode('c\n1\tVi'),
      0xea,
      ...new TextEncoder().encode('c m'),
      0xf4,
      ...new TextEncoder().encode('t\n'),
    ]);
    expect(await problemsOf(latin, 'a.tsv')).toEqual([
      'Tệp văn bản không dùng bảng mã UTF-8: hãy lưu lại với bảng mã UTF-8 (Unicode) rồi tải lên',
    ]);
    // Text with NUL bytes is binary.
    expect(await problemsOf(new Uint8Array([0x53, 0x54, 0x54, 0x00, 0x09, 0x41]), 'a.tsv')).toEqual([
      UNSUPPORTED,
    ]);
  });
});

// ───────────────────────────── exporting ─────────────────────────────

const PLAN: AppendixPlanHeader = {
  number: '15/KH-UBND',
  issuedOn: '2025-02-10',
  issuingBody: 'UBND tỉnh Lai Châu',
  place: 'Lai Châu',
  title: 'Phân công nhiệm vụ bảo đảm TTATGT năm 2025',
};

const exportItems: ExportItem[] = sampleReading.items.map((i) => ({
  kind: i.kind,
  number: i.number,
  path: i.path,
  title: i.title,
  timeframeText: i.timeframeText,
  leadText: i.leadText,
  coordinatingText: i.coordinatingText,
  note: i.note,
}));

describe('appendix export', () => {
  it('writes the Decree 30 date line', () => {
    expect(placeAndDate('Lai Châu', '2025-02-10')).toBe('Lai Châu, ngày 10 tháng 02 năm 2025');
    expect(placeAndDate('Lào Cai', '2024-11-05')).toBe('Lào Cai, ngày 05 tháng 11 năm 2024');
    expect(placeAndDate('Lào Cai', '2024-03-31')).toBe('Lào Cai, ngày 31 tháng 3 năm 2024');
    expect([mmToTwip(30), mmToTwip(20), mmToTwip(15)]).toEqual([1701, 1134, 850]);
  });

  it('XLSX reads back to the same items, with a bold header, title and landscape A4', async () => {
    const bytes = await appendixToXlsx(PLAN, exportItems);
    const { format, reading } = await readFile(bytes, 'phu-luc.xlsx');
    expect(format).toBe('xlsx');
    expect(essentials(reading.items)).toEqual(essentials(sampleReading.items));
    expect(reading.items.map((i) => i.number)).toEqual(exportItems.map((i) => i.number));
    expect(reading.title).toBe(`Phụ lục: ${PLAN.title}`);
    expect(reading.issues.map((i) => i.message)).toEqual(sampleReading.issues.map((i) => i.message));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe(`Phụ lục: ${PLAN.title}`);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe(
      '(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/02/2025 của UBND tỉnh Lai Châu)',
    );
    const header = sheet.getRow(4);
    const headings = [1, 2, 3, 4, 5, 6].map((c) => header.getCell(c));
    expect(headings.map((c) => c.value)).toEqual([
      'STT',
      'Nội dung công tác',
      'Thời gian thực hiện',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Ghi chú',
    ]);
    for (const cell of headings) {
      expect(cell.font?.bold).toBe(true);
      expect(cell.font?.name).toBe('Times New Roman');
      expect(cell.alignment?.wrapText).toBe(true);
    }
    const section = sheet.getRow(5);
    expect(section.getCell(1).value).toBe('I');
    expect(section.getCell(2).font?.bold).toBe(true);
    const task = sheet.getRow(6);
    expect(task.getCell(1).value).toBe('1');
    expect(task.getCell(2).font?.bold).toBeFalsy();
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });

  it('DOCX reads back to the same items, in the Decree 30 layout', async () => {
    const bytes = await appendixToDocx(PLAN, exportItems);
    const { format, reading } = await readFile(bytes, 'phu-luc.docx');
    expect(format).toBe('docx');
    expect(essentials(reading.items)).toEqual(essentials(sampleReading.items));
    expect(reading.title).toBe(`PHỤ LỤC\n${PLAN.title}`);
    expect(reading.issues.map((i) => i.message)).toEqual(sampleReading.issues.map((i) => i.message));

    const xml = await documentXml(bytes);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="16838"[^>]*w:h="11906"/);
    const pgMar = /<w:pgMar[^>]*>/.exec(xml)?.[0] ?? '';
    expect(pgMar).toContain('w:top="1134"');
    expect(pgMar).toContain('w:bottom="1134"');
    expect(pgMar).toContain('w:left="1701"');
    expect(pgMar).toMatch(/w:right="85[01]"/);
    expect(xml).toContain('Times New Roman');
    expect(xml).toMatch(/<w:sz w:val="26"\/>/);
    expect(xml).toContain('<w:tblHeader/>');
    for (const text of [
      'UBND TỈNH LAI CHÂU',
      'Số: 15/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Lai Châu, ngày 10 tháng 02 năm 2025',
      'PHỤ LỤC',
      '(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/02/2025 của UBND tỉnh Lai Châu)',
    ]) {
      expect(xml).toContain(text);
    }
  });

  it('keeps line breaks inside cells through both formats', async () => {
    const items: ExportItem[] = [
      {
        kind: 'section',
        number: 'I',
        path: 'I',
        title: 'Phần một',
        timeframeText: '',
        leadText: '',
        coordinatingText: '',
        note: '',
      },
      {
        kind: 'task',
        number: '1',
        path: 'I.1',
        title: 'Dòng một\nDòng hai',
        timeframeText: 'Quý I/2025',
        leadText: 'Sở Y tế\nCông an tỉnh',
        coordinatingText: 'Tỉnh đoàn',
        note: 'Ghi chú\ncó hai dòng',
      },
    ];
    for (const bytes of [await appendixToXlsx(PLAN, items), await appendixToDocx(PLAN, items)]) {
      const { reading } = await readFile(bytes, 'x');
      const task = reading.items.find((i) => i.path === 'I.1');
      expect(task?.title).toBe('Dòng một\nDòng hai');
      expect(task?.leadNames).toEqual(['Sở Y tế', 'Công an tỉnh']);
      expect(task?.note).toBe('Ghi chú\ncó hai dòng');
    }
  });
});
