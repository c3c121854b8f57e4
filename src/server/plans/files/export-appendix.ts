/**
 * Writes a plan's task-assignment appendix (phụ lục phân công nhiệm vụ) as Excel and as Word
 * (Decree 30/2020/NĐ-CP layout: A4 landscape, Times New Roman 13 pt, margins 20/20/30/15 mm).
 *
 * Both files read back through `readGrid` + `readAppendix` to the same items.
 */

import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';

// ───────────────────────────── public types ─────────────────────────────

/** What the appendix needs to know about its plan. */
export interface AppendixPlanHeader {
  /** number and symbol, e.g. '15/KH-UBND' */
  number: string;
  /** yyyy-mm-dd */
  issuedOn: string;
  /** e.g. 'UBND tỉnh Lai Châu' (written upper-case in the header block) */
  issuingBody: string;
  /** place in the date line, e.g. 'Lai Châu' */
  place: string;
  /** the appendix title, e.g. 'Phân công nhiệm vụ bảo đảm TTATGT năm 2025' */
  title: string;
}

/** One row of the appendix: a section (I, II …) or a task (1, 2.1 …). */
export interface ExportItem {
  kind: 'section' | 'task';
  /** written in the STT column: 'I', '1', '3.1' */
  number: string;
  path: string;
  title: string;
  timeframeText: string;
  leadText: string;
  coordinatingText: string;
  note: string;
}

/** The column headings, in order. */
export const APPENDIX_HEADINGS = [
  'STT',
  'Nội dung công tác',
  'Thời gian thực hiện',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Ghi chú',
] as const;

// ───────────────────────────── shared text ─────────────────────────────

const FONT = 'Times New Roman';

function dateParts(iso: string): { day: number; month: number; year: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'dd/mm/yyyy', or the text as given when it is not a yyyy-mm-dd date. */
function shortDate(iso: string): string {
  const d = dateParts(iso);
  return d ? `${pad2(d.day)}/${pad2(d.month)}/${d.year}` : iso;
}

/**
 * 'Lai Châu, ngày 10 tháng 02 năm 2025'. Decree 30: days below 10 and the months 1 and 2 take a
 * leading zero; other months do not ('tháng 3').
 */
export function placeAndDate(place: string, iso: string): string {
  const d = dateParts(iso);
  if (!d) return `${place}, ngày … tháng … năm …`;
  const month = d.month < 3 ? pad2(d.month) : String(d.month);
  return `${place}, ngày ${pad2(d.day)} tháng ${month} năm ${d.year}`;
}

/** '(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/02/2025 của UBND tỉnh Lai Châu)' */
export function attachedToLine(plan: AppendixPlanHeader): string {
  return `(Kèm theo Kế hoạch số ${plan.number} ngày ${shortDate(plan.issuedOn)} của ${plan.issuingBody})`;
}

function rowValues(item: ExportItem): string[] {
  return [item.number, item.title, item.timeframeText, item.leadText, item.coordinatingText, item.note];
}

// ───────────────────────────── Excel ─────────────────────────────

/** Column widths in characters: STT narrow, the task wide. */
const XLSX_WIDTHS = [7, 55, 24, 28, 30, 20];
const MM_PER_INCH = 25.4;
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The appendix as an Excel workbook: title and '(Kèm theo …)' lines, the header (bold, repeated on
 * every printed page, frozen on screen), one row per item with sections in bold.
 */
export async function appendixToXlsx(plan: AppendixPlanHeader, items: ExportItem[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ATGT';
  const headerRow = 4;
  const sheet = workbook.addWorksheet('Phụ lục', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: {
        top: 20 / MM_PER_INCH,
        bottom: 20 / MM_PER_INCH,
        left: 30 / MM_PER_INCH,
        right: 15 / MM_PER_INCH,
        header: 0.3,
        footer: 0.3,
      },
    },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  sheet.columns = XLSX_WIDTHS.map((width) => ({ width }));

  const lastColumn = APPENDIX_HEADINGS.length;
  const titleLine = (rowNo: number, text: string, font: Partial<ExcelJS.Font>) => {
    const cell = sheet.getCell(rowNo, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.mergeCells(rowNo, 1, rowNo, lastColumn);
    sheet.getRow(rowNo).height = 36;
  };
  titleLine(1, `Phụ lục: ${plan.title}`, { bold: true });
  titleLine(2, attachedToLine(plan), { italic: true });

  const header = sheet.getRow(headerRow);
  header.values = [...APPENDIX_HEADINGS];
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = allBorders;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });

  items.forEach((item, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    // Every value is a string: '3.1' must not turn into the number 3.1 in Excel.
    row.values = rowValues(item);
    for (let c = 1; c <= lastColumn; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 12, bold: item.kind === 'section' };
      cell.alignment = { horizontal: c === 1 ? 'center' : 'left', vertical: 'top', wrapText: true };
      cell.border = allBorders;
    }
  });

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

// ───────────────────────────── Word ─────────────────────────────

/** Millimetres to twips (1/1440 inch), rounded: 30 mm → 1701, 20 mm → 1134, 15 mm → 850. */
export function mmToTwip(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * 1440);
}

/** 13 pt in docx's half-points. */
const SIZE = 26;
/** A4 in twips (portrait): 210 × 297 mm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mmToTwip(20), bottom: mmToTwip(20), left: mmToTwip(30), right: mmToTwip(15) };
/** Text width of an A4 landscape page between the margins. */
const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;
/** Share of the text width per column: STT, task, timeframe, lead, coordinating, note. */
const DOCX_SHARES = [0.055, 0.355, 0.16, 0.155, 0.175, 0.1];

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/** One paragraph per line of `text` (Word keeps line breaks inside a cell as paragraphs). */
function paragraphs(
  text: string,
  style: RunStyle = {},
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment,
        spacing: { before: 0, after: 0 },
        children: [new TextRun({ text: line, font: FONT, size: SIZE, ...style })],
      }),
  );
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * The Decree 30 header block: issuing body and number on the left; national name, motto and
 * place-and-date on the right; no borders.
 */
function headerBlock(plan: AppendixPlanHeader): Table {
  const left = 0.38;
  const cell = (share: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: Math.round(TEXT_WIDTH * share), type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      children,
    });
  const centred = AlignmentType.CENTER;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * left), TEXT_WIDTH - Math.round(TEXT_WIDTH * left)],
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [
      new TableRow({
        children: [
          cell(left, [
            ...paragraphs(plan.issuingBody.toLocaleUpperCase('vi'), { bold: true }, centred),
            ...paragraphs(`Số: ${plan.number}`, {}, centred),
          ]),
          cell(1 - left, [
            ...paragraphs('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }, centred),
            ...paragraphs('Độc lập - Tự do - Hạnh phúc', { bold: true }, centred),
            ...paragraphs(placeAndDate(plan.place, plan.issuedOn), { italics: true }, centred),
          ]),
        ],
      }),
    ],
  });
}

/** The 6-column appendix table; the header row repeats on every page. */
function appendixTable(items: ExportItem[]): Table {
  const widths = DOCX_SHARES.map((share) => Math.round(TEXT_WIDTH * share));
  const cell = (text: string, column: number, style: RunStyle, header = false) =>
    new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: paragraphs(text, style, header || column === 0 ? AlignmentType.CENTER : AlignmentType.LEFT),
    });
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: APPENDIX_HEADINGS.map((heading, c) => cell(heading, c, { bold: true }, true)),
  });
  const rows = items.map(
    (item) =>
      new TableRow({
        children: rowValues(item).map((text, c) => cell(text, c, { bold: item.kind === 'section' })),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
    rows: [headerRow, ...rows],
  });
}

/**
 * The appendix as a Word document in the Decree 30 layout: header block, 'PHỤ LỤC', the appendix
 * title and '(Kèm theo Kế hoạch số …)' line, then the table.
 */
export async function appendixToDocx(plan: AppendixPlanHeader, items: ExportItem[]): Promise<Uint8Array> {
  const centred = AlignmentType.CENTER;
  const document = new Document({
    creator: 'ATGT',
    title: `Phụ lục: ${plan.title}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        children: [
          headerBlock(plan),
          new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
          ...paragraphs('PHỤ LỤC', { bold: true }, centred),
          ...paragraphs(plan.title, { bold: true }, centred),
          ...paragraphs(attachedToLine(plan), { italics: true }, centred),
          new Paragraph({ children: [] }),
          appendixTable(items),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
