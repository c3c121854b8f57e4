/**
 * The appendix reader: turns a task-assignment appendix (phụ lục phân công nhiệm vụ) — already split
 * into a grid of cells — into sections and tasks with their timeframe, lead and coordinating units.
 *
 * Pure: no I/O, no clock. Never throws. Everything it had to repair or could not read is reported
 * as an issue (row, column, Vietnamese message) for the committee office to review.
 */

import { romanValue, toRoman } from './roman.ts';
import { parseTimeframe, type Schedule } from './timeframe.ts';

// ───────────────────────────── public types ─────────────────────────────

export interface AppendixColumns {
  stt: number;
  task: number;
  timeframe: number;
  lead: number;
  coordinating: number;
  note: number | null;
}

export interface AppendixIssue {
  /** 1-based source row */
  row: number;
  /** Vietnamese column name, e.g. 'Thời gian thực hiện' */
  column: string;
  /** Vietnamese */
  message: string;
  severity: 'error' | 'warning';
}

export interface AppendixItem {
  kind: 'section' | 'task';
  /** 'II', '3', '3.1' (normalised: no trailing dot, OCR slips repaired) */
  number: string;
  /** 'II', 'II.3', 'II.3.1' — unique within the appendix */
  path: string;
  parentPath: string | null;
  /** the content text; continuation rows joined with a space, line breaks inside a cell kept */
  title: string;
  /** the timeframe as written ('' when none) */
  timeframeText: string;
  /** parseTimeframe(timeframeText), or null when empty (never inherited: the caller decides) */
  schedule: Schedule | null;
  leadText: string;
  leadNames: string[];
  /** role in parentheses per lead unit */
  leadRoles: Record<string, string>;
  /** leads joined by '/' (the first is primary) */
  jointLead: boolean;
  coordinatingText: string;
  coordinatingNames: string[];
  /** the Ghi chú column plus notes found in the unit columns */
  note: string;
  /** 1-based rows it was read from */
  sourceRows: number[];
}

export interface AppendixReading {
  columns: AppendixColumns | null;
  items: AppendixItem[];
  issues: AppendixIssue[];
  /** the 'Phụ lục…' line above the header, if any */
  title?: string;
}

// ───────────────────────────── text helpers ─────────────────────────────

type Field = 'task' | 'timeframe' | 'lead' | 'coordinating' | 'note';
const FIELDS: Field[] = ['task', 'timeframe', 'lead', 'coordinating', 'note'];

const COLUMN_NAME: Record<keyof AppendixColumns, string> = {
  stt: 'STT',
  task: 'Nội dung công tác',
  timeframe: 'Thời gian thực hiện',
  lead: 'Đơn vị chủ trì',
  coordinating: 'Đơn vị phối hợp',
  note: 'Ghi chú',
};
const HEADER_COLUMN = 'Dòng tiêu đề';

/** Lower case, no diacritics, đ → d. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Only letters and digits, single spaces. */
function foldWords(s: string): string {
  return fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A cell as text: composed Unicode, no zero-width characters, single spaces, no stray space before
 * punctuation; line breaks inside the cell are kept (as '\n'), empty lines dropped.
 */
function cleanCell(value: unknown): string {
  let s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';
  s = s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/\r\n?/g, '\n');
  // A tone mark separated from its letter by a stray space ('Tuye ̂n') goes back onto the letter.
  s = s.replace(/[ \t\u00A0]+(?=[\u0300-\u036f])/g, '').normalize('NFC');
  return s
    .split('\n')
    .map((line) =>
      line
        .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
        .replace(/ +([,;:)])/g, '$1')
        .replace(/\( +/g, '(')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

function cleanRow(row: unknown): string[] {
  if (!Array.isArray(row)) return typeof row === 'string' ? [cleanCell(row)] : [];
  const out: string[] = [];
  for (let i = 0; i < row.length; i++) out.push(cleanCell(row[i]));
  return out;
}

function startsUpper(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

// ───────────────────────────── splitting pasted text ─────────────────────────────

/** Reads a quoted cell starting after its opening quote; null when the quotes do not close a cell. */
function readQuoted(s: string, start: number, delim: string): { value: string; end: number } | null {
  let value = '';
  let j = start;
  while (j < s.length) {
    const c = s.charAt(j);
    if (c === '"') {
      if (s.charAt(j + 1) === '"') {
        value += '"';
        j += 2;
        continue;
      }
      const next = s.charAt(j + 1);
      if (next === '' || next === delim || next === '\n') return { value, end: j + 1 };
      return null;
    }
    value += c;
    j++;
  }
  return null;
}

export function parseDelimited(s: string, delim: string): string[][] {
  const rows: string[][] = [];
  if (s === '') return rows;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell: string | undefined;
    let j = i;
    if (s.charAt(i) === '"') {
      const q = readQuoted(s, i + 1, delim);
      if (q) {
        cell = q.value;
        j = q.end;
      }
    }
    if (cell === undefined) {
      j = i;
      while (j < s.length && s.charAt(j) !== delim && s.charAt(j) !== '\n') j++;
      cell = s.slice(i, j);
    }
    row.push(cell);
    if (j >= s.length) {
      rows.push(row);
      break;
    }
    if (s.charAt(j) === delim) {
      i = j + 1;
      continue;
    }
    rows.push(row);
    row = [];
    i = j + 1;
    if (i >= s.length) break;
  }
  return rows;
}

/** How many rows share the most common width (above one cell): the better delimiter scores higher. */
function consistency(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  for (const [width, n] of counts) best = Math.max(best, n * 1000 + width);
  return best;
}

/**
 * Splits pasted text into a grid: tab-separated (as Word and Excel copy it; a cell holding line
 * breaks comes in "quotes" with "" for a quote), or CSV with ',' or ';' when no tab is present.
 * Cells are trimmed. Never throws.
 */
export function splitPastedTable(text: string): string[][] {
  try {
    const s = (typeof text === 'string' ? text : '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (s.trim() === '') return [];
    let rows: string[][];
    if (s.includes('\t')) {
      rows = parseDelimited(s, '\t');
    } else {
      const comma = parseDelimited(s, ',');
      const semicolon = parseDelimited(s, ';');
      const c = consistency(comma);
      const sc = consistency(semicolon);
      rows = c === 0 && sc === 0 ? parseDelimited(s, '\t') : sc > c ? semicolon : comma;
    }
    return rows.map((r) => r.map((cell) => cell.trim()));
  } catch {
    return [];
  }
}

// ───────────────────────────── the header ─────────────────────────────

/** Smallest edit distance between `pattern` and any substring of `text` (Sellers). */
function approxContains(text: string, pattern: string): number {
  const m = pattern.length;
  let prev = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m] ?? m;
  for (let j = 1; j <= text.length; j++) {
    const cur = new Array<number>(m + 1);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charAt(i - 1) === text.charAt(j - 1) ? 0 : 1;
      cur[i] = Math.min((prev[i] ?? 0) + 1, (cur[i - 1] ?? 0) + 1, (prev[i - 1] ?? 0) + cost);
    }
    best = Math.min(best, cur[m] ?? m);
    prev = cur;
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diag + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] ?? 0;
}

type HeaderKey = Exclude<keyof AppendixColumns, 'stt'>;
const HEADER_KEYS: Array<[HeaderKey, string[]]> = [
  ['note', ['ghichu']],
  ['lead', ['chutri']],
  ['coordinating', ['phoihop']],
  ['timeframe', ['thoigian', 'thoihan', 'tiendo']],
  ['task', ['noidung', 'nhiemvu', 'congviec']],
];
const STT_WORDS = new Set(['stt', 'tt', 'sott', 'sothutu', 'thutu']);

function headerKind(cell: string, taken: Set<string>): keyof AppendixColumns | null {
  const words = foldWords(cell);
  if (words === '' || words.length > 60 || words.split(' ').length > 10) return null;
  const compact = words.replace(/ /g, '');
  if (
    !taken.has('stt') &&
    (STT_WORDS.has(compact) || (compact.length <= 4 && editDistance(compact, 'stt') <= 1))
  ) {
    return 'stt';
  }
  for (const [kind, keys] of HEADER_KEYS) {
    if (taken.has(kind)) continue;
    if (keys.some((k) => approxContains(compact, k) <= (k.length <= 6 ? 1 : 2))) return kind;
  }
  return null;
}

/**
 * Recognises the header row: STT · Nội dung công tác/nhiệm vụ · Thời gian thực hiện/hoàn thành ·
 * Đơn vị/Cơ quan chủ trì · Đơn vị/Cơ quan phối hợp · Ghi chú (optional). Case, diacritics and small
 * typos do not matter. Null when any required column is missing.
 */
export function detectHeader(row: string[]): AppendixColumns | null {
  try {
    if (!Array.isArray(row)) return null;
    const found: Partial<Record<keyof AppendixColumns, number>> = {};
    const taken = new Set<string>();
    for (let i = 0; i < row.length; i++) {
      const kind = headerKind(cleanCell(row[i]), taken);
      if (kind) {
        found[kind] = i;
        taken.add(kind);
      }
    }
    const { stt, task, timeframe, lead, coordinating, note } = found;
    if (stt === undefined || task === undefined || timeframe === undefined) return null;
    if (lead === undefined || coordinating === undefined) return null;
    return { stt, task, timeframe, lead, coordinating, note: note ?? null };
  } catch {
    return null;
  }
}

/** Two header rows read as one (a merged 'Đơn vị thực hiện' over 'Chủ trì | Phối hợp'). */
function mergeRows(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(`${a[i] ?? ''} ${b[i] ?? ''}`.trim());
  return out;
}

// ───────────────────────────── numbering ─────────────────────────────

type Stt =
  | { kind: 'empty' }
  | { kind: 'roman'; number: string; value: number; fixed: boolean }
  | { kind: 'arabic'; number: string; parts: number[]; fixed: boolean }
  | { kind: 'invalid' };

const ROMAN_RE = /^(X{0,3})(IX|IV|V?I{0,3})$/;

function parseStt(raw: string): Stt {
  const written = raw.trim();
  if (written === '' || /^[-+•*–]+$/.test(written)) return { kind: 'empty' };
  let s = written.replace(/\s+/g, '').replace(/[.):\]]+$/, '');
  if (/^[([]/.test(s)) s = s.slice(1);
  if (s === '') return { kind: 'invalid' };
  // Roman: 'II', 'Il' / 'I1' (l or 1 for I), lower case.
  if (/^[IVXivxlL1|]+$/.test(s) && (/[IVX]/.test(s) || /^[ivx]+$/.test(s))) {
    const r = s.toUpperCase().replace(/[L1|]/g, 'I');
    if (ROMAN_RE.test(r)) return { kind: 'roman', number: r, value: romanValue(r), fixed: r !== written };
  }
  // Arabic: '3', '3.1'; 'l' or 'I' for 1, 'O' for 0, ',' for '.'.
  const t = s.replace(/[lI|]/g, '1').replace(/[Oo]/g, '0').replace(/,/g, '.');
  if (/^\d{1,3}(\.\d{1,3})*$/.test(t)) {
    const parts = t.split('.').map(Number);
    const number = parts.join('.');
    const fixed = written !== number && written.replace(/(^|\.)0+(?=\d)/g, '$1') !== number;
    return { kind: 'arabic', number, parts, fixed };
  }
  return { kind: 'invalid' };
}

// ───────────────────────────── unit columns ─────────────────────────────

/** Words that begin a unit's name: after a comma or a line break they start a new unit. */
const UNIT_HEADS = [
  'so',
  'ban',
  'bo',
  'bo chi huy',
  'cong an',
  'uy ban',
  'ubnd',
  'bao',
  'dai',
  'tinh',
  'thanh uy',
  'huyen uy',
  'hoi',
  'hiep hoi',
  'hoi dong',
  'cuc',
  'chi cuc',
  'chi nhanh',
  'phong',
  'truong',
  'benh vien',
  'thanh vien',
  'lien doan',
  'mat tran',
  'trung tam',
  'vien',
  'kho bac',
  'van phong',
  'thanh tra',
  'toa an',
  'doan',
  'canh sat',
  'dang uy',
  'tong cong ty',
  'cong ty',
  'tap doan',
  'doanh nghiep',
  'ngan hang',
  'luc luong',
  'co quan',
  'don vi',
  'dia phuong',
  'huyen',
  'thi xa',
  'thanh pho',
  'xa',
  'phuong',
  'to',
  'khu',
  'cang',
  'ben xe',
  'nha',
  'chu dau tu',
  'hai quan',
  'hop tac xa',
  'doi',
  'tram',
  'hat',
];

function startsUnit(part: string): boolean {
  const p = part.trim();
  if (/^[-+•*–]/.test(p)) return true;
  const words = foldWords(p);
  if (/^(?:cac|moi|nhung)\b/.test(words)) return true;
  if (/^\p{Lu}{2,}/u.test(p)) return true; // UBND, BCH, CSGT …
  if (!startsUpper(p)) return false;
  return UNIT_HEADS.some((h) => words === h || words.startsWith(`${h} `));
}

/** A parenthesis that is a note rather than a role: '(ít nhất 02 buổi/năm học)'. */
const NOTE_LIKE = /\b(?:it nhat|toi thieu|toi da|\d+\s*(?:buoi|lan|dot|cuoc|lop))\b/;

interface Units {
  names: string[];
  roles: Record<string, string>;
  notes: string[];
  joint: boolean;
}

/**
 * Splits a unit column into names. Always on '/' and ';'; on ',' and line breaks only when what follows
 * starts a unit's name ('UBND các xã, phường' and 'Sở Văn hóa, Thể thao và Du lịch' stay whole).
 * Nothing inside parentheses splits.
 */
function splitUnits(segments: string[]): Units {
  const text = segments.join('\n');
  const parts: Array<{ sep: string; text: string }> = [];
  let depth = 0;
  let cur = '';
  let sep = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '/' || ch === ';' || ch === ',' || ch === '\n')) {
      parts.push({ sep, text: cur });
      cur = '';
      sep = ch;
      continue;
    }
    cur += ch;
  }
  parts.push({ sep, text: cur });

  const merged: Array<{ sep: string; text: string }> = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (
      last &&
      (part.sep === ',' || part.sep === '\n') &&
      part.text.trim() !== '' &&
      !startsUnit(part.text)
    ) {
      last.text = `${last.text.trimEnd()}${part.sep === ',' ? ', ' : ' '}${part.text.trim()}`;
    } else {
      merged.push({ sep: part.sep, text: part.text });
    }
  }

  const out: Units = { names: [], roles: {}, notes: [], joint: false };
  let slash = false;
  for (const part of merged) {
    const t = part.text
      .trim()
      .replace(/^[-+•*–]+\s*/, '')
      .replace(/[.,;:]+$/, '')
      .trim();
    if (t === '') continue;
    if (/^\([\s\S]*\)$/.test(t)) {
      out.notes.push(t);
      continue;
    }
    const m = /^([\s\S]*?)\s*\(([^()]*)\)$/.exec(t);
    let name = t;
    if (m?.[1] && m[2] !== undefined) {
      name = m[1].trim();
      const inside = m[2].trim();
      if (NOTE_LIKE.test(fold(inside))) out.notes.push(`(${inside})`);
      else if (inside !== '') out.roles[name] = inside;
    }
    if (part.sep === '/' && out.names.length > 0) slash = true;
    out.names.push(name);
  }
  out.joint = slash && out.names.length > 1;
  return out;
}

/** The text with the moved notes taken out, separators tidied. */
function withoutNotes(text: string, notes: string[]): string {
  let s = text;
  for (const n of notes) s = s.replace(n, ' ');
  return s
    .replace(/[ \t]+/g, ' ')
    .replace(/ +([,;/])/g, '$1')
    .replace(/([,;/])(?:\s*[,;/])+/g, '$1')
    .replace(/^[\s,;/]+|[\s,;/]+$/g, '')
    .trim();
}

// ───────────────────────────── the reader ─────────────────────────────

interface Draft {
  kind: 'section' | 'task';
  number: string;
  path: string;
  parentPath: string | null;
  cols: Record<Field, string[]>;
  firstRowOf: Partial<Record<Field, number>>;
  sourceRows: number[];
}

function emptyCols(): Record<Field, string[]> {
  return { task: [], timeframe: [], lead: [], coordinating: [], note: [] };
}

/** A row of column numbers under the header: '(1) (2) (3) …'. */
function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 3) return false;
  let prev = 0;
  for (const c of filled) {
    const m = /^\(?(\d{1,2})\)?$/.exec(c);
    if (!m) return false;
    const n = Number(m[1]);
    if (n !== prev + 1) return false;
    prev = n;
  }
  return true;
}

function rowText(cells: string[]): string {
  return cells.filter((c) => c !== '').join(' ');
}

function findTitle(rows: string[][]): string | undefined {
  for (let i = 0; i < rows.length; i++) {
    const text = rowText(rows[i] ?? []);
    if (!/^phu luc\b/.test(foldWords(text))) continue;
    // 'Phụ lục' (or 'Phụ lục I') alone: the next line carries the name.
    if (/^phu luc(?: [ivx0-9]+)?$/.test(foldWords(text))) {
      for (let k = i + 1; k < rows.length; k++) {
        const next = rowText(rows[k] ?? []);
        if (next === '') continue;
        if (!next.startsWith('(')) return `${text}\n${next}`;
        break;
      }
    }
    return text;
  }
  return undefined;
}

class Reader {
  readonly issues: AppendixIssue[] = [];
  readonly drafts: Draft[] = [];
  readonly paths = new Set<string>();
  /** logical path ('II.3') → the actual path of the latest item written with it */
  readonly latest = new Map<string, string>();
  readonly lastInScope = new Map<string, number>();
  readonly seenInScope = new Map<string, Set<number>>();
  section: Draft | null = null;
  current: Draft | null = null;
  lastRoman = 0;
  readonly seenRoman = new Set<number>();
  lastTopGlobal = 0;

  constructor(
    readonly columns: AppendixColumns,
    readonly context: { planYear: number; planDate?: string },
  ) {}

  warn(
    row: number,
    column: keyof AppendixColumns,
    message: string,
    severity: AppendixIssue['severity'] = 'warning',
  ) {
    this.issues.push({ row, column: COLUMN_NAME[column], message, severity });
  }

  cell(cells: string[], field: Field): string {
    const i = this.columns[field];
    return i === null ? '' : (cells[i] ?? '');
  }

  unique(path: string): string {
    if (!this.paths.has(path)) return path;
    let k = 2;
    while (this.paths.has(`${path}#${k}`)) k++;
    return `${path}#${k}`;
  }

  open(kind: Draft['kind'], number: string, logical: string, parentPath: string | null): Draft {
    const path = this.unique(logical);
    this.paths.add(path);
    this.latest.set(logical, path);
    const draft: Draft = {
      kind,
      number,
      path,
      parentPath,
      cols: emptyCols(),
      firstRowOf: {},
      sourceRows: [],
    };
    this.drafts.push(draft);
    this.current = draft;
    return draft;
  }

  append(draft: Draft, cells: string[], rowNo: number, task?: string) {
    for (const f of FIELDS) {
      const v = f === 'task' && task !== undefined ? task : this.cell(cells, f);
      if (v === '') continue;
      draft.cols[f].push(v);
      if (draft.firstRowOf[f] === undefined) draft.firstRowOf[f] = rowNo;
    }
    if (!draft.sourceRows.includes(rowNo)) draft.sourceRows.push(rowNo);
  }

  where(): string {
    return this.section ? ` trong phần ${this.section.number}` : '';
  }

  /** Checks the number against its siblings; `scope` is the parent's path. */
  checkSequence(rowNo: number, scope: string, n: number, number: string, parentNumber: string | null) {
    const seen = this.seenInScope.get(scope) ?? new Set<number>();
    this.seenInScope.set(scope, seen);
    const last = this.lastInScope.get(scope) ?? 0;
    const prefix = parentNumber ? `${parentNumber}.` : '';
    const inWhat = parentNumber ? ` trong mục ${parentNumber}` : this.where();
    if (seen.has(n)) {
      this.warn(rowNo, 'stt', `Số thứ tự "${number}" trùng với mục trước${inWhat}`, 'error');
    } else if (n !== last + 1) {
      // Numbering that runs on across sections (4, 5 … in section II) is a style, not a slip.
      const runsOn = parentNumber === null && last === 0 && n === this.lastTopGlobal + 1;
      if (!runsOn) {
        this.warn(
          rowNo,
          'stt',
          last === 0
            ? `Số thứ tự "${number}" không bắt đầu từ "${prefix}1"${inWhat}`
            : `Số thứ tự "${number}" không liền sau mục "${prefix}${last}"${inWhat}`,
        );
      }
    }
    seen.add(n);
    this.lastInScope.set(scope, n);
    if (parentNumber === null) this.lastTopGlobal = n;
  }

  row(cells: string[], rowNo: number, rawLength: number) {
    let sttText = cells[this.columns.stt] ?? '';
    let task: string | undefined;
    // 'I. Công tác lãnh đạo' written whole in the STT cell (merged across the row).
    if (this.cell(cells, 'task') === '') {
      const m = /^(\S{1,8}?)[.)]?\s+([\s\S]*\p{L}[\s\S]*\p{L}[\s\S]*)$/u.exec(sttText);
      if (m?.[1] && m[2] && parseStt(m[1]).kind !== 'invalid' && parseStt(m[1]).kind !== 'empty') {
        sttText = m[1];
        task = m[2];
      }
    }
    const stt = parseStt(sttText);
    const cur = this.current;

    if (stt.kind === 'empty' || stt.kind === 'invalid') {
      if (stt.kind === 'invalid') {
        this.warn(
          rowNo,
          'stt',
          cur
            ? `Số thứ tự "${sttText}" không đọc được; đã coi là phần tiếp theo của mục ${cur.path}`
            : `Số thứ tự "${sttText}" không đọc được`,
        );
      }
      if (cur) this.append(cur, cells, rowNo, task);
      else this.warn(rowNo, 'stt', 'Dòng không có số thứ tự và không thuộc mục nào; đã bỏ qua');
      return;
    }

    // The same number again: a page break split the item, unless the row is a whole new task.
    if (cur && cur.number === stt.number && (stt.kind === 'roman') === (cur.kind === 'section')) {
      const text = task ?? this.cell(cells, 'task');
      const whole =
        startsUpper(text) && this.cell(cells, 'lead') !== '' && this.cell(cells, 'timeframe') !== '';
      if (!whole) {
        this.append(cur, cells, rowNo, task);
        return;
      }
    }

    if (stt.fixed)
      this.warn(rowNo, 'stt', `Số thứ tự "${sttText}" viết không chuẩn; đã đọc là "${stt.number}"`);

    if (stt.kind === 'roman') {
      if (this.seenRoman.has(stt.value)) {
        this.warn(rowNo, 'stt', `Số thứ tự phần "${stt.number}" trùng với phần trước`, 'error');
      } else if (stt.value !== this.lastRoman + 1) {
        this.warn(
          rowNo,
          'stt',
          this.lastRoman === 0
            ? `Số thứ tự phần "${stt.number}" không bắt đầu từ "I"`
            : `Số thứ tự phần "${stt.number}" không liền sau phần "${toRoman(this.lastRoman)}"`,
        );
      }
      this.seenRoman.add(stt.value);
      this.lastRoman = stt.value;
      this.section = this.open('section', stt.number, stt.number, null);
      this.append(this.section, cells, rowNo, task);
      return;
    }

    // An item or a sub-item.
    const sec = this.section;
    const base = sec ? `${sec.path}.` : '';
    const n = stt.parts[stt.parts.length - 1] ?? 0;
    let parentPath: string | null = sec?.path ?? null;
    let parentNumber: string | null = null;
    let scope = parentPath ?? '';
    if (stt.parts.length > 1) {
      parentNumber = stt.parts.slice(0, -1).join('.');
      const parent = this.latest.get(`${base}${parentNumber}`);
      if (parent) {
        parentPath = parent;
        scope = parent;
      } else {
        // An orphan sub-item: its siblings are still checked against each other.
        scope = `?${base}${parentNumber}`;
        this.warn(
          rowNo,
          'stt',
          `Không tìm thấy mục "${parentNumber}" chứa mục con "${stt.number}"${this.where()}`,
        );
      }
    }
    this.checkSequence(rowNo, scope, n, stt.number, parentNumber);

    const required: Array<keyof AppendixColumns> = ['stt', 'task', 'timeframe', 'lead', 'coordinating'];
    const missing = required
      .filter((k) => (this.columns[k] ?? 0) >= rawLength)
      .sort((a, b) => (this.columns[a] ?? 0) - (this.columns[b] ?? 0));
    const first = missing[0];
    if (first) {
      this.warn(
        rowNo,
        first,
        `Dòng chỉ có ${rawLength} ô, thiếu cột ${missing.map((k) => `"${COLUMN_NAME[k]}"`).join(', ')}; coi như để trống`,
      );
    }

    const draft = this.open('task', stt.number, `${base}${stt.number}`, parentPath);
    this.append(draft, cells, rowNo, task);
  }

  finish(): AppendixItem[] {
    const items: AppendixItem[] = [];
    const byPath = new Map<string, AppendixItem>();
    const parents = new Set(this.drafts.map((d) => d.parentPath).filter((p): p is string => p !== null));
    for (const d of this.drafts) {
      const firstRow = d.sourceRows[0] ?? 0;
      const timeframeText = d.cols.timeframe.join(' ');
      const schedule = timeframeText === '' ? null : parseTimeframe(timeframeText, this.context);
      const lead = splitUnits(d.cols.lead);
      const coord = splitUnits(d.cols.coordinating);
      const moved = [...lead.notes, ...coord.notes];
      const leadText = withoutNotes(d.cols.lead.join(' '), lead.notes);
      const coordinatingText = withoutNotes(d.cols.coordinating.join(' '), coord.notes);
      for (const [notes, field] of [
        [lead.notes, 'lead'],
        [coord.notes, 'coordinating'],
      ] as const) {
        for (const n of notes) {
          this.warn(
            d.firstRowOf[field] ?? firstRow,
            field,
            `"${n}" là ghi chú, không phải đơn vị; đã chuyển sang cột "Ghi chú"`,
          );
        }
      }
      const note = [d.cols.note.join(' '), ...moved].filter((s) => s !== '').join('; ');
      const item: AppendixItem = {
        kind: d.kind,
        number: d.number,
        path: d.path,
        parentPath: d.parentPath,
        title: d.cols.task.join(' '),
        timeframeText,
        schedule,
        leadText,
        leadNames: lead.names,
        leadRoles: lead.roles,
        jointLead: lead.joint,
        coordinatingText,
        coordinatingNames: coord.names,
        note,
        sourceRows: [...d.sourceRows],
      };
      items.push(item);
      byPath.set(item.path, item);

      if (schedule?.confidence === 'unreadable') {
        this.warn(
          d.firstRowOf.timeframe ?? firstRow,
          'timeframe',
          `Không đọc được thời gian thực hiện "${timeframeText}"; cần nhập lại`,
        );
      }
      if (item.title === '') this.warn(firstRow, 'task', `Mục ${item.path} chưa có nội dung`);
    }

    // Leaf tasks need a lead unit and a timeframe, their own or their section's / parent's.
    const ancestors = (item: AppendixItem): AppendixItem[] => {
      const out: AppendixItem[] = [];
      let p = item.parentPath;
      while (p !== null && out.length < 50) {
        const a = byPath.get(p);
        if (!a) break;
        out.push(a);
        p = a.parentPath;
      }
      return out;
    };
    for (const item of items) {
      if (item.kind !== 'task' || parents.has(item.path)) continue;
      const up = ancestors(item);
      const row = item.sourceRows[0] ?? 0;
      if (item.leadNames.length === 0 && !up.some((a) => a.leadNames.length > 0)) {
        this.warn(row, 'lead', `Nhiệm vụ ${item.path} chưa có đơn vị chủ trì`, 'error');
      }
      if (item.timeframeText === '' && !up.some((a) => a.timeframeText !== '')) {
        this.warn(row, 'timeframe', `Nhiệm vụ ${item.path} chưa ghi thời gian thực hiện`);
      }
    }
    return items;
  }
}

/**
 * Reads an appendix grid: title lines, the header (repeated headers skipped), sections (I, II …),
 * items (1, 2 …) and sub-items (2.1 …), continuation rows joined. Never throws.
 */
export function readAppendix(
  grid: string[][],
  context: { planYear: number; planDate?: string },
): AppendixReading {
  try {
    return read(grid, context);
  } catch {
    return {
      columns: null,
      items: [],
      issues: [
        {
          row: 1,
          column: HEADER_COLUMN,
          message: 'Lỗi khi đọc phụ lục; cần kiểm tra lại bảng',
          severity: 'error',
        },
      ],
    };
  }
}

function read(grid: string[][], context: { planYear: number; planDate?: string }): AppendixReading {
  const raw: unknown[] = Array.isArray(grid) ? grid : [];
  const rows = raw.map(cleanRow);
  const rawLengths = raw.map((r) => (Array.isArray(r) ? r.length : 1));
  const blank = (i: number) => (rows[i] ?? []).every((c) => c === '');

  // The header: one row, or two (a merged group cell over 'Chủ trì | Phối hợp').
  let headerAt = -1;
  let headerRows = 0;
  let columns: AppendixColumns | null = null;
  for (let i = 0; i < rows.length && !columns; i++) {
    const row = rows[i] ?? [];
    columns = detectHeader(row);
    if (columns) {
      headerAt = i;
      headerRows = 1;
    } else if (i + 1 < rows.length) {
      columns = detectHeader(mergeRows(row, rows[i + 1] ?? []));
      if (columns) {
        headerAt = i;
        headerRows = 2;
      }
    }
  }
  const title = findTitle(headerAt >= 0 ? rows.slice(0, headerAt) : rows.slice(0, 5));
  const reading = (r: Omit<AppendixReading, 'title'>): AppendixReading =>
    title === undefined ? r : { ...r, title };

  if (!columns) {
    const firstFilled = rows.findIndex((_, i) => !blank(i));
    return reading({
      columns: null,
      items: [],
      issues: [
        {
          row: firstFilled >= 0 ? firstFilled + 1 : 1,
          column: HEADER_COLUMN,
          message:
            'Không tìm thấy dòng tiêu đề của bảng (STT, Nội dung công tác, Thời gian thực hiện, Đơn vị chủ trì, Đơn vị phối hợp, Ghi chú)',
          severity: 'error',
        },
      ],
    });
  }

  const headerKeys = new Set<string>();
  for (let k = 0; k < headerRows; k++) headerKeys.add(foldWords(rowText(rows[headerAt + k] ?? [])));

  const reader = new Reader(columns, context);
  for (let i = headerAt + headerRows; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (blank(i)) continue;
    // The header repeated where a page broke.
    if (headerKeys.has(foldWords(rowText(cells))) || detectHeader(cells)) continue;
    if (i + 1 < rows.length && detectHeader(mergeRows(cells, rows[i + 1] ?? []))) {
      i++;
      continue;
    }
    if (isColumnNumberRow(cells)) continue;
    reader.row(cells, i + 1, rawLengths[i] ?? 0);
  }
  const items = reader.finish();
  const issues = reader.issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => a.issue.row - b.issue.row || a.order - b.order)
    .map((x) => x.issue);
  return reading({ columns, items, issues });
}
