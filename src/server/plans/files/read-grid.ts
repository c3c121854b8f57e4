/**
 * Reads an uploaded appendix file (TSV, CSV, XLSX or DOCX) into a grid of cell texts for
 * `readAppendix`. The real type is sniffed from the content, never from the file name.
 *
 * Never throws: anything that cannot be read comes back as problems with Vietnamese messages.
 */

import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { detectHeader, splitPastedTable } from '../../../domain/plans/appendix.ts';

// ───────────────────────────── public types ─────────────────────────────

export type GridFormat = 'tsv' | 'csv' | 'xlsx' | 'docx';

/** One reason a file could not be read; row/column are null when the whole file is at fault. */
export interface GridProblem {
  row: number | null;
  column: string | null;
  /** Vietnamese */
  message: string;
}

export type GridResult =
  | { ok: true; format: GridFormat; grid: string[][] }
  | { ok: false; problems: GridProblem[] };

/** Largest upload accepted (5 MB). */
export const MAX_APPENDIX_BYTES = 5 * 1024 * 1024;

/** Largest total the entries of an XLSX/DOCX may inflate to: guards against zip bombs. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

/** The Vietnamese messages readGrid answers with (exported so callers and tests share them). */
export const GRID_MESSAGES = {
  empty: 'Tệp rỗng, không có dữ liệu',
  tooLarge: 'Tệp vượt quá dung lượng cho phép (5 MB)',
  unsupported: 'Tệp không đúng định dạng: chỉ nhận TSV, CSV, XLSX hoặc DOCX',
  legacyExcel: 'Tệp Excel đời cũ (.xls) không được hỗ trợ: hãy mở bằng Excel và lưu lại dưới dạng .xlsx',
  legacyWord: 'Tệp Word đời cũ (.doc) không được hỗ trợ: hãy mở bằng Word và lưu lại dưới dạng .docx',
  legacyOffice:
    'Tệp Excel/Word đời cũ (.xls/.doc) hoặc tệp có đặt mật khẩu không được hỗ trợ: hãy gỡ mật khẩu (nếu có) và lưu lại dưới dạng .xlsx hoặc .docx',
  openDocument:
    'Tệp OpenDocument (.ods/.odt) không được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc .docx rồi tải lên',
  corruptZip: 'Tệp bị hỏng, không giải nén được: hãy mở lại bằng Excel/Word, lưu lại rồi tải lên',
  zipTooLarge: 'Tệp giải nén ra quá lớn (trên 100 MB); không đọc được',
  notUtf8: 'Tệp văn bản không dùng bảng mã UTF-8: hãy lưu lại với bảng mã UTF-8 (Unicode) rồi tải lên',
  corruptXlsx: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng cấu trúc',
  emptyXlsx: 'Tệp Excel không có dữ liệu trong các trang tính',
  corruptDocx: 'Không đọc được tệp Word: tệp bị hỏng hoặc không đúng cấu trúc',
  noTableDocx: 'Tệp Word không có bảng nào; phụ lục phải ở dạng bảng',
  unknown: 'Không đọc được tệp do lỗi không xác định; hãy thử lưu lại tệp rồi tải lên',
  notOffice:
    'Tệp có đuôi .xlsx/.docx nhưng nội dung không phải tệp Excel/Word: hãy mở bằng Excel/Word và lưu lại',
} as const;

// ───────────────────────────── entry point ─────────────────────────────

/**
 * Reads an appendix file into a grid. TSV/CSV go through `splitPastedTable`; XLSX rows keep the
 * sheet's row numbers (grid row i is sheet row i+1); DOCX gives the title paragraphs (one cell per
 * row) followed by the appendix table(s). Spreadsheet and table rows with text all have the width of
 * the table (see `alignRows`); rows without text are empty arrays.
 */
export async function readGrid(bytes: Uint8Array, fileName: string): Promise<GridResult> {
  try {
    if (bytes.byteLength === 0) return fail(GRID_MESSAGES.empty);
    if (bytes.byteLength > MAX_APPENDIX_BYTES) return fail(GRID_MESSAGES.tooLarge);
    if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return await readZip(bytes);
    if (startsWith(bytes, OLE_MAGIC)) return fail(legacyMessage(fileName));
    if (BINARY_MAGICS.some((m) => startsWith(bytes, m))) return fail(GRID_MESSAGES.unsupported);
    // Named as an Office file but not one: refuse rather than read it as text.
    if (/\.(xlsx|docx)$/i.test(fileName)) return fail(GRID_MESSAGES.notOffice);
    return readText(bytes);
  } catch {
    return fail(GRID_MESSAGES.unknown);
  }
}

function fail(message: string): GridResult {
  return { ok: false, problems: [{ row: null, column: null, message }] };
}

// ───────────────────────────── sniffing ─────────────────────────────

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: legacy .xls/.doc, and password-protected .xlsx/.docx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Formats that are never an appendix, even when their first bytes happen to be valid text. */
const BINARY_MAGICS: number[][] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.byteLength >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function legacyMessage(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xls')) return GRID_MESSAGES.legacyExcel;
  if (name.endsWith('.doc')) return GRID_MESSAGES.legacyWord;
  return GRID_MESSAGES.legacyOffice;
}

// ───────────────────────────── text (TSV/CSV) ─────────────────────────────

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return { problem: GRID_MESSAGES.notUtf8 };
    }
  }
  if (bytes.includes(0)) return { problem: GRID_MESSAGES.unsupported };
  try {
    // The decoder drops a UTF-8 BOM by itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: looksLikeLegacyText(bytes) ? GRID_MESSAGES.notUtf8 : GRID_MESSAGES.unsupported };
  }
}

/**
 * Text in a legacy code page (Windows-1258, TCVN3 …): mostly printable ASCII, few control bytes.
 * Binary data that is not valid UTF-8 is usually far from that.
 */
function looksLikeLegacyText(bytes: Uint8Array): boolean {
  let ascii = 0;
  let control = 0;
  const n = Math.min(bytes.byteLength, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f)) ascii++;
    else if (b < 0x20 || b === 0x7f) control++;
  }
  return ascii / n >= 0.7 && control / n < 0.01;
}

function readText(bytes: Uint8Array): GridResult {
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return fail(decoded.problem);
  if (decoded.text.includes('\u0000')) return fail(GRID_MESSAGES.unsupported);
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail(GRID_MESSAGES.empty);
  return { ok: true, format: text.includes('\t') ? 'tsv' : 'csv', grid: splitPastedTable(text) };
}

// ───────────────────────────── ZIP (XLSX/DOCX) ─────────────────────────────

/**
 * The inflated size JSZip read from the central directory. Not in JSZip's typings: `_data` is its
 * internal compressed-object record, present on every entry loaded from an archive.
 */
function unzippedSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0;
}

async function readZip(bytes: Uint8Array): Promise<GridResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return fail(GRID_MESSAGES.corruptZip);
  }
  let total = 0;
  zip.forEach((_, entry) => {
    total += unzippedSize(entry);
  });
  if (total > MAX_UNZIPPED_BYTES) return fail(GRID_MESSAGES.zipTooLarge);

  if (zip.file('xl/workbook.xml')) return readXlsx(bytes);
  const documentXml = zip.file('word/document.xml');
  if (documentXml) {
    let xml: string;
    try {
      xml = await documentXml.async('string');
    } catch {
      return fail(GRID_MESSAGES.corruptZip);
    }
    return readDocx(xml);
  }
  const mimetype = zip.file('mimetype');
  if (mimetype) {
    const type = await mimetype.async('string').catch(() => '');
    if (type.startsWith('application/vnd.oasis.opendocument')) return fail(GRID_MESSAGES.openDocument);
  }
  return fail(GRID_MESSAGES.unsupported);
}

// ───────────────────────────── XLSX ─────────────────────────────

/**
 * Gives every row with text the same width — the last column holding text anywhere — and leaves rows
 * without text empty. A sheet or a Word table has no short rows: cutting each row after its own last
 * filled cell would make `readAppendix` warn "Dòng chỉ có 4 ô…" for every task with an empty
 * "Ghi chú", while formatted-but-empty cells beyond the table must still go.
 */
function alignRows(rows: string[][]): string[][] {
  let width = 0;
  for (const row of rows) {
    for (let i = row.length - 1; i >= width; i--) {
      if (row[i] !== '') {
        width = i + 1;
        break;
      }
    }
  }
  return rows.map((row) =>
    row.every((c) => c === '') ? [] : Array.from({ length: width }, (_, i) => row[i] ?? ''),
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date cell as dd/mm/yyyy, or mm/yyyy when its format shows only month and year. */
function formatDate(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const month = `${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const fmt = (numFmt ?? '').toLowerCase().replace(/"[^"]*"|\[[^\]]*\]/g, '');
  if (fmt.includes('y') && fmt.includes('m') && !fmt.includes('d')) return month;
  return `${pad2(date.getUTCDate())}/${month}`;
}

/** A number as the sheet shows it for plain formats ('0.00' keeps two decimals); otherwise as stored. */
function formatNumber(value: number, numFmt: string | undefined): string {
  const fixed = /^0(?:\.(0+))?$/.exec(numFmt ?? '');
  if (fixed) return value.toFixed(fixed[1]?.length ?? 0);
  return String(value);
}

function richText(parts: ExcelJS.RichText[]): string {
  return parts.map((p) => p.text).join('');
}

/** The text of one cell value (rich text joined, formulas by their cached result). */
function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, numFmt);
  if ('richText' in value) return richText(value.richText);
  if ('error' in value) return value.error;
  if ('hyperlink' in value) {
    // exceljs types the text as a string, but Excel may hand back rich text here.
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText)) {
      return richText(text.richText as ExcelJS.RichText[]);
    }
    return '';
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined ? '' : valueText(result, numFmt);
  }
  return '';
}

function cellText(cell: ExcelJS.Cell): string {
  // A merged range keeps its value in the master cell only.
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  return valueText(cell.value, cell.numFmt).replace(/\r\n?/g, '\n').trim();
}

function sheetGrid(sheet: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    const cells: string[] = [];
    row?.eachCell({ includeEmpty: true }, (cell, col) => {
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = cellText(cell);
    });
    grid.push(cells);
  }
  const aligned = alignRows(grid);
  // Rows past the last one with text add nothing.
  while (aligned.length > 0 && (aligned[aligned.length - 1]?.length ?? 0) === 0) aligned.pop();
  return aligned;
}

/** Whether some row (or two rows read together, for a two-line header) is an appendix header. */
function hasAppendixHeader(rows: string[][]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.length === 0) continue;
    if (detectHeader(row)) return true;
    const next = rows[i + 1];
    if (next && detectHeader(mergeTwoRows(row, next))) return true;
  }
  return false;
}

function mergeTwoRows(a: string[], b: string[]): string[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => `${a[i] ?? ''} ${b[i] ?? ''}`.trim());
}

/**
 * The first visible worksheet holding an appendix header, else the first visible one with any text
 * (a workbook often opens with a cover or instructions sheet), else the first hidden one with text.
 */
async function readXlsx(bytes: Uint8Array): Promise<GridResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy as a plain ArrayBuffer: what exceljs's typings ask for, and JSZip reads it as is.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return fail(GRID_MESSAGES.corruptXlsx);
  }
  const sheets = [...workbook.worksheets].sort(
    (a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'),
  );
  let firstWithText: string[][] | null = null;
  for (const sheet of sheets) {
    const grid = sheetGrid(sheet);
    if (grid.length === 0) continue;
    if (sheet.state === 'visible' && hasAppendixHeader(grid)) return { ok: true, format: 'xlsx', grid };
    firstWithText ??= grid;
  }
  if (!firstWithText) return fail(GRID_MESSAGES.emptyXlsx);
  return { ok: true, format: 'xlsx', grid: firstWithText };
}

// ───────────────────────────── DOCX ─────────────────────────────

/**
 * A node of fast-xml-parser's preserveOrder output: `{ 'w:p': [children], ':@': { '@_w:val': … } }`,
 * or `{ '#text': '…' }`.
 */
type XmlNode = Record<string, unknown>;

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Also decodes numeric references (&#10;) — in the right order with &amp;.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'];
  if (!attrs || typeof attrs !== 'object') return undefined;
  const value = (attrs as Record<string, unknown>)[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

function childNamed(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Wrappers whose content counts as if it stood in their place. */
const TRANSPARENT = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:ins', 'w:moveTo']);

/** Body-level blocks (paragraphs and tables), content controls unwrapped. */
function blocksOf(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p' || tag === 'w:tbl') out.push(node);
    else if (TRANSPARENT.has(tag)) out.push(...blocksOf(childrenOf(node)));
  }
  return out;
}

/** Subtrees holding no visible text of the paragraph: properties, deletions, duplicate fallbacks. */
const SKIPPED = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'mc:Fallback', 'w:instrText', 'w:delText']);

interface ParagraphText {
  text: string;
  /** a page break inside the paragraph: only the text after it is kept */
  pageBreak: boolean;
}

/** A paragraph's text: runs concatenated, tab → ' ', line break → '\n'. */
function paragraphText(paragraph: XmlNode): ParagraphText {
  const result: ParagraphText = { text: '', pageBreak: false };
  const pPr = childNamed(paragraph, 'w:pPr');
  if (pPr && childNamed(pPr, 'w:pageBreakBefore')) result.pageBreak = true;
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (SKIPPED.has(tag)) continue;
      if (tag === 'w:t') {
        for (const c of childrenOf(node)) if (typeof c['#text'] === 'string') result.text += c['#text'];
      } else if (tag === 'w:tab' || tag === 'w:ptab') {
        result.text += ' ';
      } else if (tag === 'w:br' || tag === 'w:cr') {
        if (attrOf(node, 'w:type') === 'page') {
          result.text = '';
          result.pageBreak = true;
        } else {
          result.text += '\n';
        }
      } else if (tag === 'w:noBreakHyphen') {
        result.text += '-';
      } else if (tag !== '#text') {
        walk(childrenOf(node));
      }
    }
  };
  walk(childrenOf(paragraph));
  return result;
}

/** The text of a table cell: its paragraphs joined with '\n' (a nested table gives one line per row). */
function tableCellText(cell: XmlNode): string {
  const lines: string[] = [];
  for (const block of blocksOf(childrenOf(cell))) {
    if (tagOf(block) === 'w:p') lines.push(paragraphText(block).text);
    else for (const row of tableRows(block).rows) lines.push(row.filter((c) => c !== '').join(' '));
  }
  return lines.join('\n').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').trim();
}

function intAttr(node: XmlNode | undefined, name: string): number {
  const n = node ? Number.parseInt(attrOf(node, name) ?? '', 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Cells of a row: unwrapped from content controls. */
function rowCells(row: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of childrenOf(row)) {
    const tag = tagOf(node);
    if (tag === 'w:tc') out.push(node);
    else if (TRANSPARENT.has(tag)) out.push(...rowCells(node));
  }
  return out;
}

function tableRowNodes(table: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:tr') out.push(node);
      else if (TRANSPARENT.has(tag)) walk(childrenOf(node));
    }
  };
  walk(childrenOf(table));
  return out;
}

/**
 * A Word table as a grid aligned on its layout grid: a cell spanning n grid columns (w:gridSpan) is
 * followed by n−1 empty cells; the continuation of a vertical merge is empty; w:gridBefore pads the start.
 */
function tableRows(table: XmlNode): { rows: string[][]; columns: number } {
  const rows: string[][] = [];
  for (const tr of tableRowNodes(table)) {
    const cells: string[] = [];
    const trPr = childNamed(tr, 'w:trPr');
    const before = intAttr(trPr && childNamed(trPr, 'w:gridBefore'), 'w:val');
    for (let i = 0; i < before; i++) cells.push('');
    for (const tc of rowCells(tr)) {
      const tcPr = childNamed(tc, 'w:tcPr');
      const span = Math.max(1, intAttr(tcPr && childNamed(tcPr, 'w:gridSpan'), 'w:val'));
      const vMerge = tcPr && childNamed(tcPr, 'w:vMerge');
      const hMerge = tcPr && childNamed(tcPr, 'w:hMerge');
      const continuation =
        (vMerge !== undefined && attrOf(vMerge, 'w:val') !== 'restart') ||
        (hMerge !== undefined && attrOf(hMerge, 'w:val') !== 'restart');
      cells.push(continuation ? '' : tableCellText(tc));
      for (let i = 1; i < span; i++) cells.push('');
    }
    rows.push(cells);
  }
  const tblGrid = childNamed(table, 'w:tblGrid');
  const gridColumns = tblGrid ? childrenOf(tblGrid).filter((c) => tagOf(c) === 'w:gridCol').length : 0;
  const widest = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return { rows: alignRows(rows), columns: gridColumns || widest };
}

const foldedStart = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trimStart();

/**
 * The title lines above the appendix table, then the table — continued by the tables right after it
 * that repeat its header or have as many columns (Word splits a table where a page breaks). The title
 * lines are the paragraphs since the previous table or page break, so a header-block table above
 * (issuing body | national motto) or a plan's body text before the appendix page are left out.
 */
function readDocx(xml: string): GridResult {
  // Word never writes a DTD; refusing one rules out entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) return fail(GRID_MESSAGES.corruptDocx);
  let body: XmlNode | undefined;
  try {
    const root = xmlParser.parse(xml) as XmlNode[];
    const document = root.find((n) => tagOf(n) === 'w:document');
    body = document && childNamed(document, 'w:body');
  } catch {
    return fail(GRID_MESSAGES.corruptDocx);
  }
  if (!body) return fail(GRID_MESSAGES.corruptDocx);

  const blocks = blocksOf(childrenOf(body));
  const tables = blocks
    .map((block, index) => ({ block, index }))
    .filter((b) => tagOf(b.block) === 'w:tbl')
    .map((b) => ({ index: b.index, ...tableRows(b.block) }));
  if (tables.length === 0) return fail(GRID_MESSAGES.noTableDocx);

  const startAt = Math.max(
    0,
    tables.findIndex((t) => hasAppendixHeader(t.rows)),
  );
  const first = tables[startAt];
  if (!first) return fail(GRID_MESSAGES.noTableDocx);

  // Title lines: paragraphs between the previous table (or a page break) and the appendix table.
  const previousTable = tables[startAt - 1];
  const titleLines: string[] = [];
  for (let i = previousTable ? previousTable.index + 1 : 0; i < first.index; i++) {
    const block = blocks[i];
    if (!block || tagOf(block) !== 'w:p') continue;
    const p = paragraphText(block);
    if (p.pageBreak) titleLines.length = 0;
    const text = p.text.trim();
    if (text !== '') titleLines.push(text);
    const pPr = childNamed(block, 'w:pPr');
    if (pPr && childNamed(pPr, 'w:sectPr')) titleLines.length = 0;
  }

  const grid: string[][] = titleLines.map((line) => [line]);
  grid.push(...first.rows);
  for (let t = startAt + 1; t < tables.length; t++) {
    const table = tables[t];
    const previous = tables[t - 1];
    if (!table || !previous) break;
    // A new 'Phụ lục …' title between the tables starts another appendix.
    let newAppendix = false;
    for (let i = previous.index + 1; i < table.index; i++) {
      const block = blocks[i];
      if (block && tagOf(block) === 'w:p' && foldedStart(paragraphText(block).text).startsWith('phu luc')) {
        newAppendix = true;
      }
    }
    if (newAppendix) break;
    if (!hasAppendixHeader(table.rows.slice(0, 3)) && table.columns !== first.columns) break;
    grid.push(...table.rows);
  }
  return { ok: true, format: 'docx', grid };
}
