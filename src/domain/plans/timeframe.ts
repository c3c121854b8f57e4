/**
 * The timeframe reader: turns the "Thời gian thực hiện" cell of a task-assignment appendix
 * (or the timing phrase of a prose plan) into a schedule — one-off due dates or windows,
 * a recurrence, continuous work, or an event trigger — keeping the original text.
 *
 * Pure: no I/O, no clock. Never throws. Anything it does not understand is listed in `notes`
 * (in Vietnamese, for the committee office to review) and lowers the confidence; it never guesses
 * silently. The only defaults it applies are documented rules: a missing year is the plan's
 * year, and "đầu năm học" is September of the plan's year.
 */

export type Recurrence = 'monthly' | 'quarterly' | 'semiannual' | 'yearly' | 'school_year';

export type TriggerKind =
  | 'directive' // Khi có chỉ đạo, Theo chỉ đạo của …
  | 'peak_campaign' // Các đợt cao điểm
  | 'ad_hoc' // Đột xuất …
  | 'per_plan'; // Theo kế hoạch

export interface DueDate {
  /** yyyy-mm-dd, last day of the window (or the deadline itself) */
  date: string;
  /** first day, when the due is a window */
  from?: string;
  /** e.g. 'Quý I/2024' */
  label: string;
  kind?: 'complete' | 'report' | 'review' | 'start';
}

export interface Schedule {
  /** the text exactly as given */
  original: string;
  /** after fixing typos/diacritics/spaces (e.g. 'Thuộc xuyên' → 'Thường xuyên') */
  normalized: string;
  /** one-off deadlines / windows, in date order */
  dueDates: DueDate[];
  recurrence: Recurrence | null;
  /** e.g. 'kiểm tra 2 tháng 1 lần' → monthly, every 2 */
  recurrenceEvery?: number;
  /** Thường xuyên / duy trì thường xuyên / duy trì trong năm */
  continuous: boolean;
  /** event-triggered parts */
  triggers: TriggerKind[];
  /** e.g. 'Theo chỉ đạo của Bộ GDĐT', 'khi TNGT tăng cao …' */
  triggerNote?: string;
  /** 'Dự kiến …' */
  tentative: boolean;
  confidence: 'certain' | 'partial' | 'unreadable';
  /** what was not understood, in Vietnamese, for the office to review */
  notes: string[];
}

export interface TimeframeContext {
  planYear: number;
  /** yyyy-mm-dd: the plan's issue date; dues before it are flagged */
  planDate?: string;
}

type DueKind = NonNullable<DueDate['kind']>;

// ───────────────────────────── text normalisation ─────────────────────────────

const COMBINING = /[\u0300-\u036f]/g;

/** Lower case, no diacritics, đ → d; one UTF-16 unit in, one out, so indices match the input. */
function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  const base = ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
  if (base.length === 1) return base;
  return base.charAt(0) || ' ';
}

function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s.charAt(i));
  return out;
}

interface Fix {
  /** matched on the folded text; must have the g flag */
  re: RegExp;
  canon: string;
  /** spellings (lower case) that are already right */
  accept?: string[];
}

const T_WORD = '(?:thang|qu[yi]|nam|tuan|ngay)';

/** Phrases whose typos and missing or broken diacritics are repaired in `normalized`. */
const FIXES: Fix[] = [
  { re: /\bthu(?:oc|ong|o|ng)?\s*xuyen\b/g, canon: 'thường xuyên' },
  { re: /\bdot\s*xuat\b/g, canon: 'đột xuất' },
  { re: /\bdinh\s*k[yi]\b/g, canon: 'định kỳ', accept: ['định kỳ', 'định kì'] },
  { re: /\bqu[yi]\b(?=\s*(?:iv|i{1,3}|[1-4])(?![a-z0-9]))/g, canon: 'quý' },
  { re: /(?<=\b(?:hang|moi|tung|cac|dau|cuoi|giua|theo)\s)qu[yi]\b/g, canon: 'quý' },
  { re: new RegExp(String.raw`\bhang\b(?=\s+${T_WORD}\b)`, 'g'), canon: 'hằng', accept: ['hằng', 'hàng'] },
  { re: new RegExp(String.raw`\bmoi\b(?=\s+(?:\d{1,2}\s+)?${T_WORD}\b)`, 'g'), canon: 'mỗi' },
  { re: new RegExp(String.raw`\btung\b(?=\s+${T_WORD}\b)`, 'g'), canon: 'từng' },
  { re: /\bthang\b(?=\s*\d)/g, canon: 'tháng' },
  { re: /(?<=(?:\b\d{1,2}|\b(?:hang|moi|tung|cac|dau|cuoi|giua|sau|chin|ba))\s)thang\b/g, canon: 'tháng' },
  { re: /\bnam\b(?=\s*(?:\d{4}(?!\d)|hoc\b))/g, canon: 'năm' },
  { re: /(?<=\b(?:hang|moi|tung|trong|dau|cuoi|giua|ca|suot|quanh)\s)nam\b/g, canon: 'năm' },
  { re: /(?<=\bnam\s)hoc\b/g, canon: 'học' },
  { re: /\bngay\b(?=\s*\d)/g, canon: 'ngày' },
  { re: /(?<=(?:\b\d{1,2}|\bmot)\s)lan\b/g, canon: 'lần' },
  { re: /(?<=\b(?:\d{1,2}|mot)\s)lan\b/g, canon: 'lần' },
  { re: new RegExp(String.raw`\bdau\b(?=\s+(?:moi\s+)?${T_WORD}\b)`, 'g'), canon: 'đầu' },
  { re: new RegExp(String.raw`\bcuoi\b(?=\s+${T_WORD}\b)`, 'g'), canon: 'cuối' },
  { re: new RegExp(String.raw`\bgiua\b(?=\s+${T_WORD}\b)`, 'g'), canon: 'giữa' },
  { re: new RegExp(String.raw`\btu\b(?=\s+${T_WORD}\b)`, 'g'), canon: 'từ' },
  { re: new RegExp(String.raw`\bden\b(?=\s+(?:het\b|${T_WORD}\b))`, 'g'), canon: 'đến' },
  { re: /(?<=\bden\s)het\b/g, canon: 'hết' },
  { re: new RegExp(String.raw`\btruoc\b(?=\s+(?:\d|${T_WORD}\b))`, 'g'), canon: 'trước' },
  { re: /\bcham\s+nhat\b/g, canon: 'chậm nhất' },
  { re: /\bdu\s+kien\b/g, canon: 'dự kiến' },
  { re: /\bduy\s+tri\b/g, canon: 'duy trì' },
  { re: /\bso\s+ket\b/g, canon: 'sơ kết' },
  { re: /\btong\s+ket\b/g, canon: 'tổng kết' },
  { re: /\bbao\s+cao\b/g, canon: 'báo cáo' },
  { re: /\btrien\s+khai\b/g, canon: 'triển khai' },
  { re: /\bhoan\s+thanh\b/g, canon: 'hoàn thành' },
  { re: /\bchi\s+dao\b/g, canon: 'chỉ đạo' },
  { re: /\bkhi\s+co\b(?=\s+(?:chi dao|yeu cau))/g, canon: 'khi có' },
  { re: /\bke\s+hoach\b/g, canon: 'kế hoạch' },
  { re: /\bcao\s+diem\b/g, canon: 'cao điểm' },
  { re: /\bdot\b(?=\s+cao diem\b)/g, canon: 'đợt' },
  { re: /\bkiem\s+tra\b/g, canon: 'kiểm tra' },
  { re: /\bdon\s+doc\b/g, canon: 'đôn đốc' },
  { re: /\bthuc\s+hien\b/g, canon: 'thực hiện' },
  { re: /\blien\s+tuc\b/g, canon: 'liên tục' },
  { re: /\bva\b(?!\s+cham\b)/g, canon: 'và' },
  { re: /\bhoac\b/g, canon: 'hoặc' },
];

function isUpper(s: string): boolean {
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

function applyFix(s: string, fix: Fix): string {
  const key = fold(s);
  const matches = [...key.matchAll(fix.re)];
  let out = s;
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i];
    if (!m || m[0].length === 0) continue;
    const start = m.index;
    const end = start + m[0].length;
    const shown = out.slice(start, end);
    const lower = shown.toLowerCase().replace(/\s+/g, ' ');
    if (lower === fix.canon || fix.accept?.includes(lower)) continue;
    let repl = fix.canon;
    if (shown.length > 1 && isUpper(shown)) repl = repl.toUpperCase();
    else if (isUpper(shown.charAt(0))) repl = repl.charAt(0).toUpperCase() + repl.slice(1);
    out = out.slice(0, start) + repl + out.slice(end);
  }
  return out;
}

/** The cell as people should read it: composed Unicode, single spaces, known typos repaired. */
function normalizeText(text: string): string {
  let s = text.normalize('NFC');
  s = s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  s = s.replace(COMBINING, ''); // marks NFC could not attach to a letter
  s = s.replace(/[\u2010-\u2015\u2212]/g, '-');
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/\s*\/\s*/g, '/');
  s = s.replace(/\s+([,;.:)])/g, '$1');
  s = s.replace(/\(\s+/g, '(');
  s = s.replace(/([,;])(?=[^\s\d])/g, '$1 ');
  s = s.replace(/^[\s*_•·+\-.,;:]+/, '');
  s = s.replace(/[\s*_.,;:]+$/, '');
  s = s.replace(/[\s.,;:]+\)$/, ')');
  for (const fix of FIXES) s = applyFix(s, fix);
  // Roman quarter numerals in capitals: 'quý iii' → 'quý III'.
  const key = fold(s);
  for (const m of key.matchAll(/\bqu[yi]\s*(iv|i{1,3})(?![a-z0-9])/g)) {
    const num = m[1] ?? '';
    const at = m.index + m[0].length - num.length;
    s = s.slice(0, at) + num.toUpperCase() + s.slice(at + num.length);
  }
  // A cell starts with a capital letter.
  const first = /^(\(?)(\p{Ll})/u.exec(s);
  if (first?.[2]) s = first[1] + first[2].toUpperCase() + s.slice((first[1] ?? '').length + first[2].length);
  return s;
}

// ───────────────────────────── calendar ─────────────────────────────

const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
/** Decree 30/2020: days below 10 and months 1–2 take a leading zero. */
function dayText(d: number): string {
  return d < 10 ? pad2(d) : String(d);
}
function monthText(m: number): string {
  return m <= 2 ? pad2(m) : String(m);
}
/** yyyy-mm-dd → dd/mm/yyyy, as Vietnamese documents write dates. */
export function dmy(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}
function dayBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, (d ?? 1) - 1));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
function lcFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
const YEAR_MIN = 1900;
const YEAR_MAX = 2199;

// ───────────────────────────── the scanner ─────────────────────────────

type Prefix = 'from' | 'before' | 'by' | 'until';

type Piece =
  | { u: 'date'; d: number; m: number }
  | { u: 'month'; m: number }
  | { u: 'quarter'; q: number }
  | { u: 'year' }
  | { u: 'years'; to: number }
  | { u: 'first'; n: number }
  | { u: 'last'; n: number };

interface TimeTok {
  prefix: Prefix | null;
  pieces: Piece[];
  combine: 'list' | 'range';
  year: number | null;
  /** the open-ended start of a merged 'từ A đến B' range */
  rangeFrom?: TimeTok;
}

type Span = { start: number; end: number } & (
  | { type: 'time'; tok: TimeTok }
  | { type: 'recur'; rec: Recurrence | null; every?: number; text: string; also?: Recurrence[] }
  | { type: 'cont' }
  | { type: 'schoolStart' }
  | { type: 'periodic' }
  | { type: 'trigger'; trigger: TriggerKind; note?: string }
  | { type: 'review'; display: string }
  | { type: 'tentative' }
  | { type: 'verb'; kind: DueKind | null }
);

const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  'muoi hai': 12,
};
function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const roman = ROMAN.indexOf(s.toUpperCase() as (typeof ROMAN)[number]);
  if (roman > 0) return roman;
  return NUMBER_WORDS[s.replace(/\s+/g, ' ')] ?? null;
}

const PREFIX_WORD = '(tu|truoc|cham nhat|den het|den|toi|het)';
const PRE = String.raw`(?:${PREFIX_WORD}\s+)?(?:(?:trong ca|trong|vao|ca)\s+)?`;
const QN = '(?:iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)(?![a-z0-9])';
const YEAR_TAIL = String.raw`(?:\s*(?:\/|-|,?\s*nam)\s*(\d{4}))?(?!\d)`;
const N_WORD = String.raw`(\d{1,2}|mot|hai|ba|bon|sau|chin|muoi hai)`;

function prefixOf(word: string | undefined): Prefix | null {
  switch (word) {
    case 'tu':
      return 'from';
    case 'truoc':
      return 'before';
    case 'cham nhat':
      return 'by';
    case 'den het':
    case 'den':
    case 'toi':
    case 'het':
      return 'until';
    default:
      return null;
  }
}

function yearOf(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}

/** Splits a list part such as ', iv' or ' - thang 5' into numbers; tells whether it was a range. */
function listPart(
  first: number,
  rest: string | undefined,
  item: RegExp,
): { items: number[]; range: boolean } {
  const items = [first];
  const range = /-|\bden\b|\btoi\b/.test(rest ?? '');
  for (const m of (rest ?? '').matchAll(item)) {
    const n = num(m[1]);
    if (n !== null) items.push(n);
  }
  return { items, range };
}

/** Stands in for text already read (a private-use character, never in a regex class of words). */
const MASK = '\uE000';

class Scanner {
  readonly key: string;
  work: string;
  readonly spans: Span[] = [];

  constructor(readonly display: string) {
    this.key = fold(display);
    this.work = this.key;
  }

  /** Runs a global regex over the not-yet-read text; each accepted match is recorded and masked. */
  scan(re: RegExp, read: (m: RegExpExecArray) => Span | null): void {
    const chars = this.work.split('');
    let changed = false;
    for (const m of this.work.matchAll(re)) {
      if (m[0].length === 0) continue;
      let free = true;
      for (let k = m.index; k < m.index + m[0].length; k++) if (chars[k] === MASK) free = false;
      if (!free) continue;
      const span = read(m as RegExpExecArray);
      if (!span) continue;
      this.spans.push(span);
      for (let k = span.start; k < span.end; k++) chars[k] = MASK;
      changed = true;
    }
    if (changed) this.work = chars.join('');
  }

  /** Extends a match over free text (a trigger's condition) up to a delimiter or already-read text. */
  extend(end: number, allowCommas: boolean): number {
    const rest = this.work.slice(end);
    const m = (allowCommas ? /^[^;()\uE000]*/ : /^[^;,()\uE000]*/).exec(rest);
    let text = m ? m[0] : '';
    if (!allowCommas) {
      const cut = /\s(?:va|hoac)\s/.exec(text);
      if (cut) text = text.slice(0, cut.index);
    }
    const trimmed = text.replace(/(?:[\s,\-:]|\bva\b|\bhoac\b)+$/, '');
    return end + trimmed.length;
  }

  show(start: number, end: number): string {
    return this.display.slice(start, end).trim();
  }
}

// ───────────────────────────── the reader ─────────────────────────────

const VERBS: Array<[RegExp, DueKind | null]> = [
  [/\b(?:hoan thanh|hoan thien|xong|ket thuc|ban hanh)\b/g, 'complete'],
  [/\b(?:bao cao|(?<!chuong )trinh|gui)\b/g, 'report'],
  [/\bdanh gia\b/g, 'review'],
  [/\b(?:trien khai|bat dau|khoi dong|khoi cong|ap dung|van hanh)\b/g, 'start'],
];

/** Words that may stand alone in a segment without meaning anything about time. */
const STOP_WORDS = new Set(
  'trong vao cua cac de duoc se tai voi va hoac nay do dong thoi thuc hien to chuc kip nhu tren tiep tuc'.split(
    ' ',
  ),
);

/** Words that say something about time: left unread, they must be reported. */
const TIMEISH =
  /\d|\b(?:ngay|thang|quy|qui|nam|tuan|ky|ki|dot|dip|mua|dau|cuoi|giua|truoc|sau|den|tu|toi|het|lan|gio|buoi|tet|le|som|muon|han|giai doan|thoi gian|cham|nua|hang|moi|dinh)\b/;

const RECURRENCE_DAYS: Record<Recurrence, number> = {
  monthly: 30,
  quarterly: 91,
  semiannual: 182,
  school_year: 365,
  yearly: 365,
};

const RECURRENCE_NAMES: Record<Recurrence, string> = {
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  semiannual: '6 tháng một lần',
  school_year: 'hằng năm học',
  yearly: 'hằng năm',
};

function recurrenceName(r: { rec: Recurrence; every?: number }): string {
  if (r.every === undefined || r.every === 1) return RECURRENCE_NAMES[r.rec];
  const unit = r.rec === 'monthly' ? 'tháng' : r.rec === 'quarterly' ? 'quý' : 'năm';
  return `${r.every} ${unit} một lần`;
}

function recurrenceOfCount(n: number, unit: string): { rec: Recurrence; every?: number } {
  if (unit === 'thang') {
    if (n === 1) return { rec: 'monthly' };
    if (n === 3) return { rec: 'quarterly' };
    if (n === 6) return { rec: 'semiannual' };
    if (n === 12) return { rec: 'yearly' };
    if (n % 12 === 0) return { rec: 'yearly', every: n / 12 };
    return { rec: 'monthly', every: n };
  }
  if (unit === 'quy') {
    if (n === 1) return { rec: 'quarterly' };
    if (n === 2) return { rec: 'semiannual' };
    if (n === 4) return { rec: 'yearly' };
    return { rec: 'quarterly', every: n };
  }
  return n === 1 ? { rec: 'yearly' } : { rec: 'yearly', every: n };
}

interface Window {
  from: string;
  to: string;
  label: string;
  unit: Piece['u'];
  /** month or quarter number, for range labels */
  n: number;
  year: number;
}

function resolvePiece(p: Piece, y: number, notes: string[]): Window | null {
  switch (p.u) {
    case 'date': {
      if (p.m < 1 || p.m > 12 || p.d < 1 || p.d > daysInMonth(y, p.m)) {
        notes.push(`Ngày «${p.d}/${p.m}/${y}» không có thật; cần kiểm tra lại.`);
        return null;
      }
      const d = iso(y, p.m, p.d);
      return {
        from: d,
        to: d,
        label: `Ngày ${dayText(p.d)}/${monthText(p.m)}/${y}`,
        unit: 'date',
        n: p.m,
        year: y,
      };
    }
    case 'month': {
      if (p.m < 1 || p.m > 12) {
        notes.push(`Tháng «${p.m}» không hợp lệ; cần kiểm tra lại.`);
        return null;
      }
      return {
        from: iso(y, p.m, 1),
        to: iso(y, p.m, daysInMonth(y, p.m)),
        label: `Tháng ${monthText(p.m)}/${y}`,
        unit: 'month',
        n: p.m,
        year: y,
      };
    }
    case 'quarter': {
      if (p.q < 1 || p.q > 4) {
        notes.push(`Quý «${p.q}» không hợp lệ; cần kiểm tra lại.`);
        return null;
      }
      const last = p.q * 3;
      return {
        from: iso(y, last - 2, 1),
        to: iso(y, last, daysInMonth(y, last)),
        label: `Quý ${ROMAN[p.q]}/${y}`,
        unit: 'quarter',
        n: p.q,
        year: y,
      };
    }
    case 'year':
      return { from: iso(y, 1, 1), to: iso(y, 12, 31), label: `Năm ${y}`, unit: 'year', n: 0, year: y };
    case 'years':
      if (p.to < y) {
        notes.push(`Giai đoạn «${y}-${p.to}» kết thúc trước khi bắt đầu; cần kiểm tra lại.`);
        return null;
      }
      return {
        from: iso(y, 1, 1),
        to: iso(p.to, 12, 31),
        label: `Giai đoạn ${y}-${p.to}`,
        unit: 'years',
        n: 0,
        year: y,
      };
    case 'first':
      return {
        from: iso(y, 1, 1),
        to: iso(y, p.n, daysInMonth(y, p.n)),
        label: `${p.n} tháng đầu năm ${y}`,
        unit: 'first',
        n: p.n,
        year: y,
      };
    case 'last':
      return {
        from: iso(y, 13 - p.n, 1),
        to: iso(y, 12, 31),
        label: `${p.n} tháng cuối năm ${y}`,
        unit: 'last',
        n: p.n,
        year: y,
      };
  }
}

function rangeLabel(a: Window, b: Window): string {
  if (a.year === b.year && a.unit === b.unit && a.unit === 'month')
    return `Tháng ${monthText(a.n)}-${monthText(b.n)}/${a.year}`;
  if (a.year === b.year && a.unit === b.unit && a.unit === 'quarter')
    return `Quý ${ROMAN[a.n]}-${ROMAN[b.n]}/${a.year}`;
  return `Từ ${lcFirst(a.label)} đến ${lcFirst(b.label)}`;
}

function firstPieceNumber(tok: TimeTok, last: boolean): { unit: Piece['u']; n: number } | null {
  const p = last ? tok.pieces[tok.pieces.length - 1] : tok.pieces[0];
  if (!p) return null;
  if (p.u === 'month' || p.u === 'date') return { unit: 'month', n: p.m };
  if (p.u === 'quarter') return { unit: 'quarter', n: p.q };
  return null;
}

interface Segment {
  start: number;
  end: number;
}

function segmentsOf(work: string): Segment[] {
  const segs: Segment[] = [];
  let start = 0;
  for (const m of work.matchAll(/[;,()/.:]|\b(?:va|hoac|dong thoi)\b/g)) {
    segs.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  segs.push({ start, end: work.length });
  return segs;
}

function read(text: string, context: TimeframeContext): Schedule {
  const normalized = normalizeText(text);
  const notes: string[] = [];
  const schedule: Schedule = {
    original: text,
    normalized,
    dueDates: [],
    recurrence: null,
    continuous: false,
    triggers: [],
    tentative: false,
    confidence: 'unreadable',
    notes,
  };
  if (normalized === '' || !/[\p{L}\p{N}]/u.test(normalized)) {
    notes.push(
      normalized === ''
        ? 'Ô thời gian thực hiện để trống.'
        : `Không đọc được thời gian thực hiện «${normalized}»; cần nhập lại.`,
    );
    return schedule;
  }

  const planYear =
    Number.isInteger(context?.planYear) && context.planYear >= YEAR_MIN && context.planYear <= YEAR_MAX
      ? context.planYear
      : null;
  const planDate =
    typeof context?.planDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(context.planDate)
      ? context.planDate
      : null;

  const s = new Scanner(normalized);
  const time = (m: RegExpExecArray, tok: TimeTok): Span => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'time',
    tok,
  });
  const at = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });

  // 1. Tentative.
  s.scan(/\bdu kien\b/g, (m) => ({ ...at(m), type: 'tentative' }));

  // 2. Full dates: 17/9/2021, ngày 17 tháng 9 năm 2021, ngày 15/3.
  // A day-month date: prefix in group 1, day in group 2, the month as given, the year in group 5.
  const dateAt = (m: RegExpExecArray, month: string | undefined) => {
    const d = num(m[2]);
    const mo = num(month);
    if (d === null || mo === null) return null;
    return time(m, {
      prefix: prefixOf(m[1]),
      pieces: [{ u: 'date', d, m: mo }],
      combine: 'list',
      year: yearOf(m[5]),
    });
  };
  s.scan(
    new RegExp(
      String.raw`\b${PRE}(?:ngay\s*)?(?<!(?:thang|qu[yi])\s*)(\d{1,2})\s*([\/.-])\s*(\d{1,2})\s*\3\s*(\d{4})(?!\d)`,
      'g',
    ),
    (m) => dateAt(m, m[4]),
  );
  s.scan(
    new RegExp(
      String.raw`\b${PRE}ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})|\/\s*(\d{1,2}))(?:\s*(?:,?\s*nam|\/)\s*(\d{4}))?(?![\d/])`,
      'g',
    ),
    (m) => dateAt(m, m[3] ?? m[4]),
  );

  // 3. Review names: 'Sơ kết Quý I', 'Sơ kết 6 tháng', 'Tổng kết năm' (the date follows).
  s.scan(
    new RegExp(
      String.raw`\b(?:so ket|tong ket)(?:\s+(?:qu[yi]\s*${QN}(?!\s*(?:\/|-|,?\s*nam)\s*\d{4})|(?:6|9|sau|chin)\s*thang(?!\s+dau\s+nam\s*\d)(?:\s+dau\s+nam)?|nam(?!\s*\d)|giua ky|hoc ky\s*(?:ii|i|1|2)?(?![a-z0-9])))?`,
      'g',
    ),
    (m) => {
      const display = s.show(m.index, m.index + m[0].length);
      return { ...at(m), type: 'review', display: display.charAt(0).toUpperCase() + display.slice(1) };
    },
  );

  // 4. Recurrences.
  // "mỗi 6 tháng", "6 tháng 1 lần", "định kỳ 3 tháng": a count (group 1) of a unit (group 2).
  const recurEveryN = (m: RegExpExecArray) => {
    const n = num(m[1]);
    if (n === null || n < 1) return null;
    const r = recurrenceOfCount(n, (m[2] ?? '').replace('qui', 'quy'));
    return {
      ...at(m),
      type: 'recur' as const,
      rec: r.rec,
      every: r.every,
      text: s.show(m.index, m.index + m[0].length),
    };
  };
  s.scan(
    new RegExp(
      String.raw`\b(?:dinh ky\s*)?(?:(?:hang|moi|tung)\s+)?${N_WORD}\s*(thang|qu[yi]|nam)\s*(?:\/\s*)?(?:mot|1)?\s*lan\b`,
      'g',
    ),
    recurEveryN,
  );
  s.scan(
    /\b(\d{1,2}|mot|hai|ba|bon)\s*lan\s*(?:\/|trong\s+(?:mot\s+)?|moi\s+|mot\s+)\s*(nam|qu[yi]|thang)\b/g,
    (m) => {
      const n = num(m[1]);
      const unit = (m[2] ?? '').replace('qui', 'quy');
      const shown = s.show(m.index, m.index + m[0].length);
      if (n === null || n < 1) return null;
      const months = unit === 'nam' ? 12 : unit === 'quy' ? 3 : 1;
      if (months % n !== 0) {
        notes.push(`Tần suất «${shown}» không quy được về chu kỳ tháng/quý/năm.`);
        return { ...at(m), type: 'recur', rec: null, text: shown };
      }
      const r = recurrenceOfCount(months / n, 'thang');
      return { ...at(m), type: 'recur', rec: r.rec, every: r.every, text: shown };
    },
  );
  s.scan(
    new RegExp(
      String.raw`\b(?:dinh ky\s*)?(?:moi|hang|tung)\s+${N_WORD}\s*(thang|qu[yi]|nam)\b(?!\s+(?:dau|cuoi)\s+nam)`,
      'g',
    ),
    recurEveryN,
  );
  s.scan(
    new RegExp(String.raw`\bdinh ky\s*${N_WORD}\s*(thang|qu[yi])\b(?!\s+(?:dau|cuoi)\s+nam)`, 'g'),
    recurEveryN,
  );
  s.scan(/\b(?:vao\s+)?dau\s+(?:moi\s+|cac\s+)?nam hoc\b(?!\s*\d)/g, (m) => ({
    ...at(m),
    type: 'schoolStart',
  }));
  const UNIT = String.raw`(?:thang|qu[yi]|nam hoc|nam|tuan|ngay)\b`;
  s.scan(
    new RegExp(
      String.raw`\b(?:dinh ky\s*)?(?:hang|moi|tung)\s+(${UNIT})((?:\s*(?:,|va|hoac)\s*(?:(?:hang|moi|tung)\s+)?${UNIT})*)`,
      'g',
    ),
    (m) => {
      const shown = s.show(m.index, m.index + m[0].length);
      const map: Record<string, Recurrence> = {
        thang: 'monthly',
        quy: 'quarterly',
        'nam hoc': 'school_year',
        nam: 'yearly',
      };
      const units = [m[1] ?? '', ...[...(m[2] ?? '').matchAll(new RegExp(UNIT, 'g'))].map((u) => u[0])].map(
        (u) => u.replace('qui', 'quy'),
      );
      if (units.length === 1 && units[0] === 'ngay') return { ...at(m), type: 'cont' };
      const recs: Recurrence[] = [];
      for (const unit of units) {
        const rec = map[unit];
        if (rec) recs.push(rec);
        else if (unit === 'ngay') schedule.continuous = true;
        else
          notes.push(
            `Chu kỳ «hằng ${unit === 'tuan' ? 'tuần' : unit}» (trong «${shown}») chưa có trong danh mục chu kỳ (tháng, quý, 6 tháng, năm, năm học).`,
          );
      }
      return { ...at(m), type: 'recur', rec: recs[0] ?? null, text: shown, also: recs.slice(1) };
    },
  );

  // 5. Continuous work.
  s.scan(/\bduy tri\s+(?:trong|ca|suot|trong suot|trong ca)\s+nam\b(?!\s*(?:hoc|\d))/g, (m) => ({
    ...at(m),
    type: 'cont',
  }));
  s.scan(/\bthuong xuyen\b/g, (m) => ({ ...at(m), type: 'cont' }));
  s.scan(/\b(?:ca|suot|quanh|trong suot|trong ca)\s+nam\b(?!\s*(?:hoc|\d))/g, (m) => ({
    ...at(m),
    type: 'cont',
  }));
  s.scan(/\b(?:duy tri|lien tuc)\b/g, (m) => ({ ...at(m), type: 'cont' }));

  // 6. Time windows.
  s.scan(
    new RegExp(
      String.raw`\b${PRE}(6|sau|9|chin|3|ba)\s*thang\s+(dau|cuoi)\s*nam\b(?:\s*(\d{4})(?!\d))?`,
      'g',
    ),
    (m) => {
      const n = num(m[2]);
      if (n === null) return null;
      return time(m, {
        prefix: prefixOf(m[1]),
        pieces: [m[3] === 'dau' ? { u: 'first', n } : { u: 'last', n }],
        combine: 'list',
        year: yearOf(m[4]),
      });
    },
  );
  s.scan(
    new RegExp(
      String.raw`\b${PRE}qu[yi]\s*(${QN})((?:\s*(?:,|-|va|den|toi)\s*(?:qu[yi]\s*)?${QN})*)${YEAR_TAIL}`,
      'g',
    ),
    (m) => {
      const q = num(m[2]);
      if (q === null) return null;
      const { items, range } = listPart(q, m[3], new RegExp(`(${QN})`, 'g'));
      return time(m, {
        prefix: prefixOf(m[1]),
        pieces: items.map((n) => ({ u: 'quarter', q: n })),
        combine: range ? 'range' : 'list',
        year: yearOf(m[4]),
      });
    },
  );
  s.scan(
    new RegExp(
      String.raw`\b${PRE}thang\s*(\d{1,2})(?!\d)((?:\s*(?:,|-|va|den|toi)\s*(?:thang\s*)?\d{1,2}(?!\d))*)${YEAR_TAIL}`,
      'g',
    ),
    (m) => {
      const mo = num(m[2]);
      if (mo === null) return null;
      const { items, range } = listPart(mo, m[3], /(\d{1,2})/g);
      return time(m, {
        prefix: prefixOf(m[1]),
        pieces: items.map((n) => ({ u: 'month', m: n })),
        combine: range ? 'range' : 'list',
        year: yearOf(m[4]),
      });
    },
  );
  s.scan(
    new RegExp(
      String.raw`\b${PRE}(?:nam|giai doan)\s*(\d{4})(?!\d)(?:\s*(?:-|den|toi)\s*(?:nam\s*)?(\d{4})(?!\d))?`,
      'g',
    ),
    (m) => {
      const to = yearOf(m[3]);
      return time(m, {
        prefix: prefixOf(m[1]),
        pieces: [to === null ? { u: 'year' } : { u: 'years', to }],
        combine: 'list',
        year: yearOf(m[2]),
      });
    },
  );
  s.scan(
    new RegExp(String.raw`\b(?:${PREFIX_WORD}\s+)?trong\s+nam(?:\s+nay)?\b(?!\s*(?:hoc|\d))`, 'g'),
    (m) => time(m, { prefix: prefixOf(m[1]), pieces: [{ u: 'year' }], combine: 'list', year: null }),
  );

  // 7. 'Định kỳ' with no period.
  s.scan(/\bdinh ky\b/g, (m) => ({ ...at(m), type: 'periodic' }));

  // 8. Triggers.
  s.scan(
    /\b(?:khi\s+(?:co|duoc|nhan duoc)\s+|theo\s+)(?:su\s+)?(?:chi dao|huong dan|yeu cau|de nghi|chi thi)\b/g,
    (m) => {
      const end = s.extend(m.index + m[0].length, true);
      const extended = end > m.index + m[0].length;
      return {
        start: m.index,
        end,
        type: 'trigger',
        trigger: 'directive',
        note: extended ? s.show(m.index, end) : undefined,
      };
    },
  );
  s.scan(/\btheo\s+(?:ke hoach|chuong trinh|lich)\b/g, (m) => {
    const end = s.extend(m.index + m[0].length, true);
    const extended = end > m.index + m[0].length;
    return {
      start: m.index,
      end,
      type: 'trigger',
      trigger: 'per_plan',
      note: extended ? s.show(m.index, end) : undefined,
    };
  });
  s.scan(/\bdot xuat\b/g, (m) => ({ ...at(m), type: 'trigger', trigger: 'ad_hoc' }));
  s.scan(
    /\b(?:(?:cac|nhung|trong|vao)\s+)?(?:(?:dot|dip|giai doan|thoi gian|thoi diem|thang)\s+)?cao diem\b/g,
    (m) => {
      const end = s.extend(m.index + m[0].length, false);
      const extended = end > m.index + m[0].length;
      return {
        start: m.index,
        end,
        type: 'trigger',
        trigger: 'peak_campaign',
        note: extended ? s.show(m.index, end) : undefined,
      };
    },
  );
  s.scan(/\b(?:(?:cac|nhung|trong|vao)\s+)?dip\s+(?:nghi\s+)?(?:le|tet)\b/g, (m) => {
    const end = s.extend(m.index + m[0].length, true);
    return { start: m.index, end, type: 'trigger', trigger: 'peak_campaign', note: s.show(m.index, end) };
  });
  s.scan(/\bkhi\s+[^;()\uE000]*[a-z0-9]/g, (m) => {
    const end = s.extend(m.index, true);
    return { start: m.index, end, type: 'trigger', trigger: 'ad_hoc', note: s.show(m.index, end) };
  });

  // 9. Verbs that give a due its kind.
  for (const [re, kind] of VERBS) s.scan(re, (m) => ({ ...at(m), type: 'verb', kind }));

  return assemble(s, schedule, planYear, planDate);
}

function assemble(
  s: Scanner,
  schedule: Schedule,
  planYear: number | null,
  planDate: string | null,
): Schedule {
  const notes = schedule.notes;
  const spans = [...s.spans].sort((a, b) => a.start - b.start);
  const segments = segmentsOf(s.work);
  const segAt = new Int32Array(s.work.length + 1).fill(-1);
  for (const [i, g] of segments.entries()) segAt.fill(i, g.start, g.end);
  const segmentOf = (pos: number) => segAt[pos] ?? -1;
  const bySegment = new Map<number, Span[]>();
  for (const x of spans) {
    const list = bySegment.get(segmentOf(x.start)) ?? [];
    list.push(x);
    bySegment.set(segmentOf(x.start), list);
  }
  const spansIn = (seg: number): Span[] => bySegment.get(seg) ?? [];

  // Year inheritance ('Quý I và quý II/2024', 'từ tháng 10 đến tháng 3/2025') and 'từ A đến B' merging.
  const times = spans.filter((x): x is Extract<Span, { type: 'time' }> => x.type === 'time');
  const merged = new Set<TimeTok>();
  for (let i = 0; i < times.length; i++) {
    const cur = times[i];
    const next = times[i + 1];
    if (!cur || !next) continue;
    const between = s.key.slice(cur.end, next.start);
    if (!/^(?:[\s,-]|\bva\b|\bhoac\b|\bden\b|\btoi\b)*$/.test(between)) continue;
    if (cur.tok.year === null && next.tok.year !== null) {
      const a = firstPieceNumber(cur.tok, true);
      const b = firstPieceNumber(next.tok, false);
      cur.tok.year = a && b && a.unit === b.unit && a.n > b.n ? next.tok.year - 1 : next.tok.year;
    }
    if (cur.tok.prefix === 'from' && next.tok.prefix === 'until') {
      next.tok.rangeFrom = cur.tok;
      merged.add(cur.tok);
    }
  }

  const recurrences: Array<{ rec: Recurrence; every?: number; text: string }> = [];
  const triggerNotes: string[] = [];
  let readSomething = false;
  const dues: Array<DueDate & { pastOk?: boolean }> = [];

  const statedYears = new Set(times.map((t) => t.tok.year).filter((y): y is number => y !== null));
  let yearlessNoted = false;
  const resolveYear = (tok: TimeTok): number | null => {
    const y = tok.year ?? planYear;
    if (tok.year === null && y !== null && !yearlessNoted && [...statedYears].some((sy) => sy !== y)) {
      yearlessNoted = true;
      notes.push(
        `Có phần không ghi năm; đã lấy năm kế hoạch ${y}, trong khi ô có ghi năm ${[...statedYears].join(', ')}.`,
      );
    }
    if (y === null) {
      notes.push('Thiếu năm kế hoạch để xác định thời gian không ghi năm.');
      return null;
    }
    if (y < YEAR_MIN || y > YEAR_MAX) {
      notes.push(`Năm «${y}» không hợp lệ; cần kiểm tra lại.`);
      return null;
    }
    if (planYear !== null && Math.abs(y - planYear) > 10) {
      notes.push(`Năm ${y} cách xa năm kế hoạch ${planYear}; cần kiểm tra lại.`);
    }
    return y;
  };
  /** One window per piece; a range ('Quý II-III', 'tháng 3-5') becomes one window. */
  const windowsOf = (tok: TimeTok): Window[] => {
    const y = resolveYear(tok);
    if (y === null) return [];
    const ws: Window[] = [];
    const firstN = firstPieceNumber(tok, false);
    const lastN = firstPieceNumber(tok, true);
    // 'tháng 10 đến tháng 3/2025': the range starts in the year before the one written.
    const wraps =
      tok.combine === 'range' && firstN && lastN && firstN.unit === lastN.unit && firstN.n > lastN.n;
    for (const [i, p] of tok.pieces.entries()) {
      const w = resolvePiece(p, wraps && i === 0 ? y - 1 : y, notes);
      if (w) ws.push(w);
    }
    if (tok.prefix === 'from' && tok.pieces.length === 1 && ws[0] && tok.pieces[0]?.u === 'years') {
      const to = tok.pieces[0].to;
      return [{ ...ws[0], label: `Từ năm ${y} đến năm ${to}` }];
    }
    if (tok.combine === 'range' && ws.length >= 2) {
      const span = joinRange(ws[0]!, ws[ws.length - 1]!, tok.prefix === 'from');
      return span ? [span] : [];
    }
    return ws;
  };
  const joinRange = (a: Window, b: Window, spelled: boolean): Window | null => {
    const label = spelled ? `Từ ${lcFirst(a.label)} đến ${lcFirst(b.label)}` : rangeLabel(a, b);
    if (b.to < a.from) {
      notes.push(`Khoảng «${label}» kết thúc trước khi bắt đầu; cần kiểm tra lại.`);
      return null;
    }
    return { ...a, to: b.to, label };
  };

  for (const sp of spans) {
    switch (sp.type) {
      case 'tentative':
        schedule.tentative = true;
        break;
      case 'cont':
        schedule.continuous = true;
        readSomething = true;
        break;
      case 'recur':
        readSomething = true;
        if (sp.rec) recurrences.push({ rec: sp.rec, every: sp.every, text: sp.text });
        for (const rec of sp.also ?? []) recurrences.push({ rec, text: sp.text });
        break;
      case 'schoolStart': {
        readSomething = true;
        recurrences.push({ rec: 'school_year', text: s.show(sp.start, sp.end) });
        if (planYear === null) {
          notes.push('Thiếu năm kế hoạch để xác định đầu năm học.');
          break;
        }
        dues.push({
          from: iso(planYear, 9, 1),
          date: iso(planYear, 9, 30),
          label: `Đầu năm học ${planYear}-${planYear + 1}`,
          kind: 'start',
        });
        break;
      }
      case 'periodic':
        readSomething = true;
        notes.push('Ghi «định kỳ» nhưng không nêu chu kỳ (hằng tháng, hằng quý, 6 tháng, hằng năm…).');
        break;
      case 'trigger':
        readSomething = true;
        if (!schedule.triggers.includes(sp.trigger)) schedule.triggers.push(sp.trigger);
        if (sp.note) triggerNotes.push(sp.note);
        break;
      case 'review':
        readSomething = true;
        break;
      case 'verb':
        break;
      case 'time': {
        readSomething = true;
        const tok = sp.tok;
        if (merged.has(tok)) break;
        const seg = segmentOf(sp.start);
        const inSeg = spansIn(seg);
        const review = inSeg.find((x): x is Extract<Span, { type: 'review' }> => x.type === 'review');
        const verbs = inSeg.filter(
          (x): x is Extract<Span, { type: 'verb' }> => x.type === 'verb' && x.kind !== null,
        );
        const verbKind = (verbs.find((v) => v.start < sp.start) ?? verbs[0])?.kind ?? undefined;

        let ws: Window[];
        let prefix = tok.prefix;
        if (tok.rangeFrom) {
          const first = windowsOf(tok.rangeFrom)[0];
          const last = windowsOf(tok).at(-1);
          const joined = first && last ? joinRange(first, last, true) : null;
          ws = joined ? [joined] : [];
          prefix = null;
        } else {
          ws = windowsOf(tok);
          if (prefix === 'from' && (tok.combine === 'range' || tok.pieces[0]?.u === 'years')) prefix = null;
        }
        for (const w of ws) {
          let due: DueDate & { pastOk?: boolean };
          switch (prefix) {
            case 'from':
              due = {
                from: w.from,
                date: w.to,
                label: `Từ ${lcFirst(w.label)}`,
                kind: 'start',
                pastOk: true,
              };
              schedule.continuous = true;
              break;
            case 'before':
              due = {
                date: w.from === w.to ? w.to : dayBefore(w.from),
                label: `Trước ${lcFirst(w.label)}`,
                kind: 'complete',
              };
              break;
            case 'by':
              due = { date: w.to, label: `Chậm nhất ${lcFirst(w.label)}`, kind: 'complete' };
              break;
            case 'until':
              due = { date: w.to, label: `${w.from === w.to ? 'Đến' : 'Đến hết'} ${lcFirst(w.label)}` };
              if (verbKind) due.kind = verbKind;
              break;
            default:
              due = { from: w.from, date: w.to, label: w.label };
              if (verbKind) due.kind = verbKind;
          }
          if (due.from === due.date) delete due.from;
          if (review) {
            due.kind = 'review';
            const between = s.display.slice(review.end, sp.start);
            due.label = `${review.display}${between.includes('-') ? ' - ' : ' '}${lcFirst(due.label)}`;
          }
          dues.push(due);
        }
        break;
      }
    }
  }

  // Reviews with no date of their own.
  for (const sp of spans) {
    if (sp.type !== 'review') continue;
    const seg = segmentOf(sp.start);
    if (!spansIn(seg).some((x) => x.type === 'time')) {
      notes.push(`«${sp.display}» chưa ghi thời gian.`);
    }
  }

  // Recurrence: one value; if several differ, keep the shortest period and say so.
  if (recurrences.length > 0) {
    const sorted = [...recurrences].sort(
      (a, b) => RECURRENCE_DAYS[a.rec] * (a.every ?? 1) - RECURRENCE_DAYS[b.rec] * (b.every ?? 1),
    );
    const chosen = sorted[0]!;
    schedule.recurrence = chosen.rec;
    if (chosen.every !== undefined && chosen.every !== 1) schedule.recurrenceEvery = chosen.every;
    const names = [...new Set(sorted.map(recurrenceName))];
    if (names.length > 1) {
      notes.push(`Có nhiều chu kỳ (${names.join(', ')}); đã lấy chu kỳ ngắn nhất (${names[0]}).`);
    }
  }

  // Anything left unread.
  const unreadNotes: string[] = [];
  for (const [i, seg] of segments.entries()) {
    const items = spansIn(i).filter((x) => x.type !== 'verb');
    const verbs = spansIn(i).filter((x) => x.type === 'verb');
    let leftKey = '';
    let leftShown = '';
    for (let k = seg.start; k < seg.end; k++) {
      const masked = s.work.charAt(k) === '\uE000';
      leftKey += masked ? ' ' : s.key.charAt(k);
      leftShown += masked ? ' ' : s.display.charAt(k);
    }
    const words = leftKey.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    const shownLeft = leftShown.replace(/\s+/g, ' ').replace(/^[\s\-–]+|[\s\-–]+$/g, '');
    const shownSeg = s.show(seg.start, seg.end).replace(/^[\s\-–]+|[\s\-–]+$/g, '');
    if (items.length === 0) {
      if (verbs.length > 0) unreadNotes.push(`Không rõ thời gian cho «${shownSeg}».`);
      else if (words.some((w) => !STOP_WORDS.has(w))) unreadNotes.push(`Không hiểu «${shownSeg}».`);
    } else if (TIMEISH.test(words.join(' '))) {
      unreadNotes.push(`Chưa hiểu phần «${shownLeft}» trong «${shownSeg}».`);
    }
  }

  if (!readSomething) {
    notes.length = 0;
    notes.push(`Không đọc được thời gian thực hiện «${s.display}»; cần nhập lại.`);
    schedule.dueDates = [];
    return schedule;
  }
  notes.push(...unreadNotes);

  if (planDate) {
    for (const d of dues) {
      if (!d.pastOk && d.date < planDate) {
        notes.push(`Hạn «${d.label}» (${dmy(d.date)}) sớm hơn ngày ban hành kế hoạch (${dmy(planDate)}).`);
      }
    }
  }

  schedule.dueDates = dues
    .map(({ pastOk: _pastOk, ...d }) => d)
    .sort((a, b) =>
      (a.from ?? a.date) !== (b.from ?? b.date)
        ? (a.from ?? a.date) < (b.from ?? b.date)
          ? -1
          : 1
        : a.date !== b.date
          ? a.date < b.date
            ? -1
            : 1
          : 0,
    );
  if (triggerNotes.length > 0) schedule.triggerNote = [...new Set(triggerNotes)].join('; ');
  schedule.confidence = notes.length === 0 ? 'certain' : 'partial';
  return schedule;
}

/**
 * Reads a timeframe cell ('Thời gian thực hiện') into a schedule. Never throws.
 * `context.planYear` is the year used when the text names none; `planDate` flags dues before the plan.
 */
export function parseTimeframe(text: string, context: { planYear: number; planDate?: string }): Schedule {
  const original = typeof text === 'string' ? text : String(text ?? '');
  try {
    return read(original, context ?? { planYear: Number.NaN });
  } catch {
    return {
      original,
      normalized: original.trim(),
      dueDates: [],
      recurrence: null,
      continuous: false,
      triggers: [],
      tentative: false,
      confidence: 'unreadable',
      notes: ['Lỗi khi đọc thời gian thực hiện; cần nhập lại hoặc kiểm tra thủ công.'],
    };
  }
}
