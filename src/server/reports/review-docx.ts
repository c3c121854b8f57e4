/**
 * Writes a review report (báo cáo sơ kết / tổng kết) as a Word document in the Decree 30/2020/NĐ-CP
 * layout, and converts it to PDF with LibreOffice when the server has it.
 *
 * Layout: A4 portrait, margins 20/20/30/15 mm (top/bottom/left/right), Times New Roman, body 14 pt,
 * tables 12–13 pt, page numbers centred in the top margin from page 2. The header block (issuing body
 * | national name) and the closing block (Nơi nhận | signature) are borderless two-column tables.
 * Annexes start on a new page in a section of their own, landscape when their table is wide.
 */

import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  type CriteriaTable,
  type CriteriaTableRow,
  isCriteriaTable,
  type PlainTable,
  type ReviewDocument,
  type ReviewSection,
} from '../../domain/reports/review-document.ts';
import { mmToTwip, placeAndDate } from '../plans/files/export-appendix.ts';

// ───────────────────────────── page and type ─────────────────────────────

const FONT = 'Times New Roman';

/** Font sizes in docx's half-points. */
const SIZE = {
  /** body text, headings, title, date line */
  body: 28,
  /** motto, 'Số:', plain tables, signature block */
  medium: 26,
  /** upper-case header lines, criteria tables, 'Nơi nhận:' */
  small: 24,
  /** the recipients lines */
  recipients: 22,
} as const;

/** A4 in twips (portrait): 210 × 297 mm. */
export const A4 = { width: 11906, height: 16838 } as const;
/** Decree 30 margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm → 1134 / 1134 / 1701 / 850. */
export const MARGIN = { top: mmToTwip(20), bottom: mmToTwip(20), left: mmToTwip(30), right: mmToTwip(15) };
/** Text width between the margins. */
const PORTRAIT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_WIDTH = A4.height - MARGIN.left - MARGIN.right;
/** An annex table with more columns than this is written on a landscape page. */
export const LANDSCAPE_ABOVE_COLUMNS = 5;

/** ~1 cm first-line indent of body paragraphs. */
const FIRST_LINE = mmToTwip(10);
/** Body spacing: 6 pt between paragraphs (Decree 30's minimum), lines at 1.2. */
const BODY_SPACING = { before: 0, after: 120, line: 288 };

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

interface LineOptions extends RunStyle {
  size?: number;
  alignment?: Alignment;
  firstLine?: number;
  spacing?: { before?: number; after?: number; line?: number };
  keepNext?: boolean;
}

// ───────────────────────────── numbers and words ─────────────────────────────

/** A count the Vietnamese way: thousands grouped with '.', e.g. 1234 → '1.234', -1500 → '-1.500'. */
export function formatCount(n: number): string {
  const digits = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${digits}` : digits;
}

/** The change from `previous` to `current`, signed: '+3', '-2', '0'. */
export function formatChange(current: number, previous: number): string {
  const diff = current - previous;
  return diff > 0 ? `+${formatCount(diff)}` : formatCount(diff);
}

/** 'ngày 15 tháng 4 năm 2026' (or 'ngày … tháng … năm …'), with placeAndDate's zero-padding rules. */
function dateWords(iso: string | null): string {
  return placeAndDate('', iso ?? '').replace(/^, /, '');
}

/** 'BÁO CÁO' → 'Báo cáo' (for '(Kèm theo Báo cáo số …)'). */
function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → 'I', 4 → 'IV', 12 → 'XII' (annex numbers). */
function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

// ───────────────────────────── paragraphs ─────────────────────────────

function run(text: string, options: LineOptions): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: options.size ?? SIZE.body,
    bold: options.bold,
    italics: options.italics,
  });
}

/** One paragraph per line of `text` ('\n' separates lines). */
function lines(text: string, options: LineOptions = {}): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: options.alignment ?? AlignmentType.LEFT,
        spacing: options.spacing ?? { before: 0, after: 0 },
        indent: options.firstLine ? { firstLine: options.firstLine } : undefined,
        keepNext: options.keepNext,
        children: [run(line, options)],
      }),
  );
}

const centred = (text: string, options: LineOptions = {}) =>
  lines(text, { alignment: AlignmentType.CENTER, ...options });

const blank = (size: number = SIZE.body) =>
  new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('', { size })] });

/**
 * A short centred rule under a header line: an empty paragraph with a bottom border, indented so that
 * the rule is `length` twips long in a cell `width` twips wide.
 */
function rule(width: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    spacing: { before: 0, after: 120, line: 120, lineRule: 'exact' },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })],
  });
}

/** A body paragraph: justified, first line indented; a '- ' dash item stays as written. */
function bodyParagraph(text: string): Paragraph[] {
  return lines(text.trimEnd(), {
    alignment: AlignmentType.JUSTIFIED,
    firstLine: FIRST_LINE,
    spacing: BODY_SPACING,
  });
}

// ───────────────────────────── tables ─────────────────────────────

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const GRID_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};
const CELL_MARGINS = { left: 70, right: 70, top: 30, bottom: 30 };

/** Splits `total` twips by relative `shares`, the last column taking the rounding rest. */
function columnWidths(total: number, shares: number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0) || 1;
  const widths = shares.map((share) => Math.floor((total * share) / sum));
  const used = widths.reduce((s, x) => s + x, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + total - used;
  return widths;
}

interface CellOptions extends RunStyle {
  width: number;
  size: number;
  alignment?: Alignment;
  columnSpan?: number;
  rowSpan?: number;
}

/** A bordered data cell holding `text`, vertically centred. */
function dataCell(text: string, options: CellOptions): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    margins: CELL_MARGINS,
    children: lines(text, options),
  });
}

/** A borderless layout cell (header and closing blocks). */
function layoutCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children,
  });
}

function gridTable(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((s, x) => s + x, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows,
  });
}

/** A borderless table of two cells side by side, split `leftShare` : rest of `width`. */
function twoColumns(width: number, leftShare: number, left: Paragraph[], right: Paragraph[]): Table {
  const widths = columnWidths(width, [leftShare, 1 - leftShare]);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [layoutCell(widths[0] ?? 0, left), layoutCell(widths[1] ?? 0, right)],
      }),
    ],
  });
}

/** The table's title ('Bảng 1. …') above it, kept on the page of the table. */
function tableTitle(title: string): Paragraph[] {
  if (title.trim() === '') return [];
  return centred(title, {
    bold: true,
    size: SIZE.medium,
    keepNext: true,
    spacing: { before: 120, after: 60 },
  });
}

const CRITERIA = [
  { key: 'crashes', heading: 'Số vụ' },
  { key: 'deaths', heading: 'Số người chết' },
  { key: 'injured', heading: 'Số người bị thương' },
] as const;

/** The cells after the key column: per criterion, current, previous and the change. */
function criteriaFigures(row: CriteriaTableRow): string[] {
  return CRITERIA.flatMap(({ key }) => [
    formatCount(row.current[key]),
    formatCount(row.previous[key]),
    formatChange(row.current[key], row.previous[key]),
  ]);
}

/**
 * Key column, then for crashes, deaths and injured: current, previous, change. Two header rows
 * (criterion over '{current} | {previous} | Tăng/giảm') repeat on every page; 'Tổng cộng' comes last, bold.
 */
function criteriaTable(table: CriteriaTable, width: number): Table {
  const size = SIZE.small;
  const widths = columnWidths(width, [2.4, ...Array<number>(9).fill(1)]);
  const at = (c: number) => widths[c] ?? 0;
  const head = { size, bold: true, alignment: AlignmentType.CENTER };
  const groupRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      dataCell(table.keyHeading, { ...head, width: at(0), rowSpan: 2 }),
      ...CRITERIA.map((criterion, i) =>
        dataCell(criterion.heading, {
          ...head,
          width: at(1 + 3 * i) + at(2 + 3 * i) + at(3 + 3 * i),
          columnSpan: 3,
        }),
      ),
    ],
  });
  const labelRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: CRITERIA.flatMap((_, i) =>
      [table.currentLabel, table.previousLabel, 'Tăng/giảm'].map((label, j) =>
        dataCell(label, { ...head, width: at(1 + 3 * i + j) }),
      ),
    ),
  });
  const bodyRow = (row: CriteriaTableRow, label: string, bold: boolean) =>
    new TableRow({
      cantSplit: true,
      children: [
        dataCell(label, { size, bold, width: at(0) }),
        ...criteriaFigures(row).map((text, c) =>
          dataCell(text, { size, bold, width: at(c + 1), alignment: AlignmentType.RIGHT }),
        ),
      ],
    });
  return gridTable(widths, [
    groupRow,
    labelRow,
    ...table.rows.map((row) => bodyRow(row, row.label, false)),
    bodyRow(table.total, table.total.label.trim() || 'Tổng cộng', true),
  ]);
}

/** '12', '1.234', '+3', '-2,5', '45%': written right-aligned. */
const looksNumeric = (text: string) => /^[+-]?\d[\d.,]*\s*%?$/.test(text.trim());

/** Headings and rows as given; the heading row repeats on every page, numbers right-aligned. */
function plainTable(table: PlainTable, width: number): Table {
  const size = SIZE.medium;
  const columns = Math.max(1, table.headings.length, ...table.rows.map((r) => r.length));
  const shares =
    table.widths && table.widths.length === columns && table.widths.every((w) => w > 0)
      ? table.widths
      : Array<number>(columns).fill(1);
  const widths = columnWidths(width, shares);
  const cells = (row: string[]) => Array.from({ length: columns }, (_, c) => row[c] ?? '');
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: cells(table.headings).map((text, c) =>
      dataCell(text, { size, bold: true, alignment: AlignmentType.CENTER, width: widths[c] ?? 0 }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: cells(row).map((text, c) =>
          dataCell(text, {
            size,
            width: widths[c] ?? 0,
            alignment: looksNumeric(text) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          }),
        ),
      }),
  );
  return gridTable(widths, [headerRow, ...rows]);
}

function tableBlock(table: CriteriaTable | PlainTable, width: number): Array<Paragraph | Table> {
  return [
    ...tableTitle(table.title),
    isCriteriaTable(table) ? criteriaTable(table, width) : plainTable(table, width),
    blank(SIZE.small),
  ];
}

// ───────────────────────────── blocks ─────────────────────────────

/**
 * Left: parent body (upper-case), issuing body (upper-case, bold), a short rule, 'Số: …'.
 * Right: national name (bold), motto (bold), a rule, the italic place-and-date line.
 */
function headerBlock(doc: ReviewDocument): Table {
  const leftShare = 0.4;
  const [leftWidth = 0, rightWidth = 0] = columnWidths(PORTRAIT_WIDTH, [leftShare, 1 - leftShare]);
  const left = [
    ...(doc.parentBody.trim() ? centred(upper(doc.parentBody), { size: SIZE.small }) : []),
    ...centred(upper(doc.issuingBody), { size: SIZE.small, bold: true }),
    rule(leftWidth, Math.round(leftWidth * 0.35)),
    ...centred(`Số: ${doc.number}`, { size: SIZE.medium }),
  ];
  const right = [
    ...centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.small, bold: true }),
    ...centred('Độc lập - Tự do - Hạnh phúc', { size: SIZE.medium, bold: true }),
    rule(rightWidth, mmToTwip(56)),
    ...centred(placeAndDate(doc.place, doc.issuedOn ?? ''), { size: SIZE.body, italics: true }),
  ];
  return twoColumns(PORTRAIT_WIDTH, leftShare, left, right);
}

function titleBlock(doc: ReviewDocument): Paragraph[] {
  return [
    ...centred(upper(doc.kind), { bold: true, spacing: { before: 360, after: 0 } }),
    ...centred(doc.title, { bold: true, spacing: { before: 0, after: 240 } }),
  ];
}

function sectionBlocks(section: ReviewSection): Array<Paragraph | Table> {
  // A section without number and heading is a run of paragraphs (e.g. the 'Căn cứ …' of a decision).
  const title = section.number ? `${section.number}. ${section.heading}` : section.heading;
  const heading = !title
    ? []
    : lines(title, {
        bold: true,
        alignment: AlignmentType.JUSTIFIED,
        firstLine: FIRST_LINE,
        spacing: { ...BODY_SPACING, before: 120 },
        keepNext: true,
      });
  return [
    ...heading,
    ...section.paragraphs.flatMap(bodyParagraph),
    ...(section.tables ?? []).flatMap((table) => tableBlock(table, PORTRAIT_WIDTH)),
  ];
}

/** 'Nơi nhận:' and its lines on the left; authority, position, room to sign and the name on the right. */
function closingBlock(doc: ReviewDocument): Table {
  const left = [
    ...lines('Nơi nhận:', { size: SIZE.small, bold: true, italics: true }),
    ...doc.recipients.flatMap((line) => lines(line, { size: SIZE.recipients })),
  ];
  const right = [
    ...centred(upper(doc.signer.authority), { size: SIZE.medium, bold: true }),
    ...centred(upper(doc.signer.position), { size: SIZE.medium, bold: true }),
    // Room for the signature and seal.
    ...Array.from({ length: 4 }, () => blank()),
    ...centred(doc.signer.name, { size: SIZE.body, bold: true }),
  ];
  return twoColumns(PORTRAIT_WIDTH, 0.45, left, right);
}

/** Page numbers centred in the top margin (Decree 30: not on the first page). */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.medium })],
      }),
    ],
  });
}

const page = (landscape: boolean) => ({
  size: {
    width: A4.width,
    height: A4.height,
    orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
  },
  margin: MARGIN,
});

/** An annex in a section of its own: a new page, landscape when its table is wide. */
function annexSection(doc: ReviewDocument, index: number): ISectionOptions | null {
  const annex = doc.annexes[index];
  if (!annex) return null;
  const landscape =
    Math.max(annex.table.headings.length, ...annex.table.rows.map((r) => r.length)) > LANDSCAPE_ABOVE_COLUMNS;
  const label = doc.annexes.length > 1 ? `PHỤ LỤC ${roman(index + 1)}` : 'PHỤ LỤC';
  const attached = `(Kèm theo ${sentenceCase(doc.kind)} số ${doc.number} ${dateWords(doc.issuedOn)})`;
  const table = annex.table.title.trim() === annex.title.trim() ? { ...annex.table, title: '' } : annex.table;
  return {
    properties: { type: SectionType.NEXT_PAGE, page: page(landscape) },
    headers: { default: pageNumberHeader() },
    children: [
      ...centred(label, { bold: true }),
      ...centred(annex.title, { bold: true }),
      ...centred(attached, { italics: true, spacing: { before: 0, after: 240 } }),
      ...tableBlock(table, landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH),
    ],
  };
}

/** The report as a DOCX file (Decree 30/2020/NĐ-CP layout). */
export async function reviewToDocx(doc: ReviewDocument): Promise<Uint8Array> {
  const main: ISectionOptions = {
    properties: { page: page(false), titlePage: true },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      headerBlock(doc),
      ...titleBlock(doc),
      ...doc.sections.flatMap(sectionBlocks),
      blank(),
      closingBlock(doc),
    ],
  };
  const annexes = doc.annexes
    .map((_, i) => annexSection(doc, i))
    .filter((s): s is ISectionOptions => s !== null);
  const document = new Document({
    creator: 'ATGT',
    title: `${upper(doc.kind)} ${doc.title}`.trim(),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [main, ...annexes],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

// ───────────────────────────── PDF (LibreOffice) ─────────────────────────────

export const NO_LIBREOFFICE_MESSAGE = 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF.';
const CONVERT_TIMEOUT_MS = 60_000;
const runFile = promisify(execFile);

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on PATH that can be run, or null. */
async function onPath(name: string): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  const suffixes = process.platform === 'win32' ? ['.exe', '.com', ''] : [''];
  for (const dir of dirs) {
    for (const suffix of suffixes) {
      const file = path.join(dir, name + suffix);
      if (await isExecutable(file)) return file;
    }
  }
  return null;
}

/** The path of `soffice` (or `libreoffice`) on PATH, or null when LibreOffice is not installed. */
export async function libreOfficeAvailable(): Promise<string | null> {
  for (const name of ['soffice', 'libreoffice']) {
    const found = await onPath(name);
    if (found) return found;
  }
  return null;
}

/**
 * Converts DOCX bytes to PDF with LibreOffice headless, in a temporary directory removed afterwards.
 * Each run has its own LibreOffice profile, so that conversions running at the same time don't meet.
 */
export async function docxToPdf(bytes: Uint8Array): Promise<Uint8Array> {
  const binary = await libreOfficeAvailable();
  if (!binary) throw new Error(NO_LIBREOFFICE_MESSAGE);
  const dir = await mkdtemp(path.join(tmpdir(), 'atgt-pdf-'));
  try {
    const input = path.join(dir, 'bao-cao.docx');
    await writeFile(input, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    try {
      await runFile(
        binary,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: CONVERT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 },
      );
    } catch (error) {
      throw new Error('LibreOffice không chuyển được tệp sang PDF (lỗi hoặc quá 60 giây).', { cause: error });
    }
    let pdf: Buffer;
    try {
      pdf = await readFile(path.join(dir, 'bao-cao.pdf'));
    } catch (error) {
      throw new Error('LibreOffice không tạo ra tệp PDF.', { cause: error });
    }
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
