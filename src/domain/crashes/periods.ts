/**
 * Reporting periods (kỳ báo cáo) as inclusive ranges of local dates (`yyyy-mm-dd`).
 *
 * Pure: no I/O, no clock — "today" is always an argument.
 *
 * Two bases for the same named period:
 * - `calendar`: the calendar month, quarter, half-year, first nine months or year.
 * - `reporting`: the data cut-off of the Government reporting regime (Decree 09/2019/NĐ-CP, Art. 12, as
 *   commonly applied; the same wording is reproduced by Thông tư 58/2020/TT-BQP): the period runs from the
 *   15th of the month before it to the 14th of its last month.
 *   - month m: 15th of month m−1 (January: 15/12 of the previous year) → 14th of month m;
 *   - quarter: 15th of the month before the quarter → 14th of the quarter's last month (Q1: 15/12 → 14/3);
 *   - first half: 15/12 of the previous year → 14/6; second half: 15/6 → 14/12;
 *   - nine months: 15/12 of the previous year → 14/9 (the decree names no nine-month report: by analogy);
 *   - year: 15/12 of the previous year → 14/12.
 *
 * Labels are the Vietnamese names the reports use ("Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm 2025",
 * "9 tháng năm 2025", "Năm 2025"); a reporting period has the same label as the calendar one, the basis is
 * a separate field.
 */

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year'] as const;
/** A named period; `calendarPeriod` and `reportingPeriod` build them. */
export type NamedPeriodKind = (typeof PERIOD_KINDS)[number];
/** `custom` is any other inclusive range (`customPeriod`, `yearToDate`, `range:` specs). */
export type PeriodKind = NamedPeriodKind | 'custom';
export type PeriodBasis = 'calendar' | 'reporting';

export interface Period {
  /** First day, inclusive (`yyyy-mm-dd`). */
  from: string;
  /** Last day, inclusive (`yyyy-mm-dd`). */
  to: string;
  label: string;
  kind: PeriodKind;
  basis: PeriodBasis;
}

export type PeriodSpecResult = { ok: true; period: Period } | { ok: false; error: string };

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;
const DAY_MS = 86_400_000;

const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/** Days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Year, month and day of a valid `yyyy-mm-dd` date, or null. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export const isIsoDate = (s: string): boolean => parseIsoDate(s) !== null;

function mustParse(s: string): { y: number; m: number; d: number } {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`Not a valid date (yyyy-mm-dd): ${s}`);
  return p;
}

const toUtc = (s: string) => {
  const { y, m, d } = mustParse(s);
  return Date.UTC(y, m - 1, d);
};

/** The local date in Viet Nam (UTC+7, no daylight saving) of an instant in milliseconds. */
export const localDateOf = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

/** An ISO instant with its offset, seconds optional: 2026-11-20T07:15:30+07:00, 2026-11-20T00:15Z. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The date `days` days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day one year (or `years` years) later; 29/2 becomes 28/2 in a common year. */
export function shiftYears(date: string, years: number): string {
  const { y, m, d } = mustParse(date);
  const year = y + years;
  return iso(year, m, Math.min(d, daysInMonth(year, m)));
}

/**
 * `14/06/2025` (pad = true, the UI's dd/mm/yyyy) or `14/6/2025` (pad = false, as prose writes it:
 * "đến ngày 14/6/2025").
 */
export function formatDateVi(date: string, pad = true): string {
  const { y, m, d } = mustParse(date);
  return pad ? `${pad2(d)}/${pad2(m)}/${y}` : `${d}/${m}/${y}`;
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
}

function checkIndex(kind: NamedPeriodKind, index: number | undefined): number {
  const max = kind === 'month' ? 12 : kind === 'quarter' ? 4 : kind === 'half' ? 2 : 0;
  if (max === 0) return 0;
  if (index === undefined || !Number.isInteger(index) || index < 1 || index > max)
    throw new RangeError(`A ${kind} needs an index from 1 to ${max}, got ${index}`);
  return index;
}

/** The first and last month (1–12) of a named period. */
function monthSpan(kind: NamedPeriodKind, index: number): [number, number] {
  switch (kind) {
    case 'month':
      return [index, index];
    case 'quarter':
      return [index * 3 - 2, index * 3];
    case 'half':
      return [index * 6 - 5, index * 6];
    case 'nine_months':
      return [1, 9];
    case 'year':
      return [1, 12];
  }
}

function namedLabel(kind: NamedPeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return `Tháng ${index}/${year}`;
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[index - 1]}/${year}`;
    case 'half':
      return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'nine_months':
      return `9 tháng năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}

/**
 * A calendar period: month (index 1–12), quarter (1–4), half (1–2), nine months (1/1–30/9) or year.
 * Throws RangeError on an invalid year or index.
 */
export function calendarPeriod(kind: NamedPeriodKind, year: number, index?: number): Period {
  checkYear(year);
  const i = checkIndex(kind, index);
  const [first, last] = monthSpan(kind, i);
  return {
    from: iso(year, first, 1),
    to: iso(year, last, daysInMonth(year, last)),
    label: namedLabel(kind, year, i),
    kind,
    basis: 'calendar',
  };
}

/**
 * The same period on the reporting regime's cut-off days (15th of the month before → 14th of the last
 * month; see the file comment). Throws RangeError on an invalid year or index.
 */
export function reportingPeriod(kind: NamedPeriodKind, year: number, index?: number): Period {
  checkYear(year);
  const i = checkIndex(kind, index);
  const [first, last] = monthSpan(kind, i);
  const startYear = first === 1 ? year - 1 : year;
  const startMonth = first === 1 ? 12 : first - 1;
  return {
    from: iso(startYear, startMonth, 15),
    to: iso(year, last, 14),
    label: namedLabel(kind, year, i),
    kind,
    basis: 'reporting',
  };
}

function customLabel(from: string, to: string): string {
  return `Từ ${formatDateVi(from)} đến ${formatDateVi(to)}`;
}

/** Any inclusive range. Throws RangeError on an invalid date or when `from` is after `to`. */
export function customPeriod(from: string, to: string, basis: PeriodBasis = 'calendar'): Period {
  mustParse(from);
  mustParse(to);
  if (from > to) throw new RangeError(`The period starts (${from}) after it ends (${to})`);
  return { from, to, label: customLabel(from, to), kind: 'custom', basis };
}

/** Number of days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function dayCount(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1;
}

/** Number of days in the period, both ends included. */
export function daysIn(p: Period): number {
  return dayCount(p.from, p.to);
}

/**
 * From the start of the year to `asOf` (inclusive), capped at the year's end. Calendar basis: 1/1 → asOf;
 * reporting basis: 15/12 of the previous year → asOf (capped at 14/12). Throws RangeError when `asOf` is
 * before the year starts.
 */
export function yearToDate(year: number, asOf: string, basis: PeriodBasis = 'calendar'): Period {
  checkYear(year);
  mustParse(asOf);
  const whole = basis === 'calendar' ? calendarPeriod('year', year) : reportingPeriod('year', year);
  if (asOf < whole.from)
    throw new RangeError(`${asOf} is before the start of ${whole.label} (${whole.from})`);
  const to = asOf > whole.to ? whole.to : asOf;
  return {
    from: whole.from,
    to,
    label: `Từ đầu năm ${year} đến ${formatDateVi(to)}`,
    kind: 'custom',
    basis,
  };
}

/** The named period a period is, recovered from its kind, basis and dates (null when it is not one). */
function asNamed(p: Period): { kind: NamedPeriodKind; year: number; index: number } | null {
  if (p.kind === 'custom') return null;
  const to = parseIsoDate(p.to);
  if (!to) return null;
  const index =
    p.kind === 'month'
      ? to.m
      : p.kind === 'quarter'
        ? Math.ceil(to.m / 3)
        : p.kind === 'half'
          ? Math.ceil(to.m / 6)
          : 0;
  const build = p.basis === 'reporting' ? reportingPeriod : calendarPeriod;
  try {
    const again = build(p.kind, to.y, index || undefined);
    return again.from === p.from && again.to === p.to ? { kind: p.kind, year: to.y, index } : null;
  } catch {
    return null;
  }
}

/**
 * The same period of the previous year (cùng kỳ năm trước).
 * - A named period (month, quarter, …) gives the same named period of the previous year, on the same basis:
 *   "Tháng 2/2025" (1/2–28/2/2025) → "Tháng 2/2024" (1/2–29/2/2024).
 * - Any other range shifts both ends back one year; 29/2 becomes 28/2.
 */
export function samePeriodLastYear(p: Period): Period {
  const named = asNamed(p);
  if (named) {
    const build = p.basis === 'reporting' ? reportingPeriod : calendarPeriod;
    return build(named.kind, named.year - 1, named.index || undefined);
  }
  const from = shiftYears(p.from, -1);
  const to = shiftYears(p.to, -1);
  const yearToDateLabel = /^Từ đầu năm (\d{4}) đến /.exec(p.label);
  const label = yearToDateLabel
    ? `Từ đầu năm ${Number(yearToDateLabel[1]) - 1} đến ${formatDateVi(to)}`
    : customLabel(from, to);
  return { from, to, label, kind: p.kind, basis: p.basis };
}

const SPEC_HELP =
  'dạng hợp lệ: month:2025-03, quarter:2025-1, half:2025-1, nine_months:2025, year:2025 ' +
  '(có thể thêm tiền tố reporting:), range:2025-01-01..2025-03-31';

/**
 * Reads a period from an API query string:
 * `month:2025-03`, `quarter:2025-1`, `half:2025-1`, `nine_months:2025`, `year:2025`, each optionally prefixed
 * with `reporting:` (the reporting regime's cut-off days), or `range:2025-01-01..2025-03-31`.
 * Never throws: an invalid spec gives a Vietnamese error message.
 */
export function parsePeriodSpec(spec: string): PeriodSpecResult {
  const fail = (why: string): PeriodSpecResult => ({ ok: false, error: `${why} (${SPEC_HELP}).` });
  let rest = spec.trim();
  if (rest === '') return fail('Chưa chọn kỳ báo cáo');
  let basis: PeriodBasis = 'calendar';
  if (rest.startsWith('reporting:')) {
    basis = 'reporting';
    rest = rest.slice('reporting:'.length);
  }
  const colon = rest.indexOf(':');
  if (colon < 0) return fail(`Kỳ báo cáo "${spec}" không hợp lệ`);
  const kind = rest.slice(0, colon);
  const value = rest.slice(colon + 1);

  if (kind === 'range') {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
    if (!m) return fail(`Khoảng thời gian "${value}" không hợp lệ`);
    const from = m[1]!;
    const to = m[2]!;
    if (!isIsoDate(from)) return fail(`Ngày "${from}" không tồn tại`);
    if (!isIsoDate(to)) return fail(`Ngày "${to}" không tồn tại`);
    if (from > to) return fail(`Ngày bắt đầu ${formatDateVi(from)} sau ngày kết thúc ${formatDateVi(to)}`);
    return { ok: true, period: customPeriod(from, to, basis) };
  }

  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) return fail(`Loại kỳ "${kind}" không hợp lệ`);
  const named = kind as NamedPeriodKind;
  const needsIndex = named === 'month' || named === 'quarter' || named === 'half';
  const m = needsIndex ? /^(\d{4})-(\d{1,2})$/.exec(value) : /^(\d{4})$/.exec(value);
  if (!m) return fail(`Giá trị "${value}" không hợp lệ cho loại kỳ ${kind}`);
  const year = Number(m[1]);
  if (year < 1) return fail(`Năm "${m[1]}" không hợp lệ`);
  const index = m[2] === undefined ? undefined : Number(m[2]);
  if (index !== undefined) {
    const max = named === 'month' ? 12 : named === 'quarter' ? 4 : 2;
    const what = named === 'month' ? 'Tháng' : named === 'quarter' ? 'Quý' : 'Nửa năm';
    if (index < 1 || index > max) return fail(`${what} phải từ 1 đến ${max}, nhận được ${index}`);
  }
  const build = basis === 'reporting' ? reportingPeriod : calendarPeriod;
  return { ok: true, period: build(named, year, index) };
}
