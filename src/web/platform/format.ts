/**
 * Formatters shared by every page. Output follows Vietnamese conventions in both languages:
 * dates dd/mm/yyyy, instants dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh, numbers `1.234,5`, percent `-10,0 %`.
 */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const numberFormats = new Map<number, Intl.NumberFormat>();

const instantParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const p of instantParts.formatToParts(date)) {
    if (
      p.type === 'year' ||
      p.type === 'month' ||
      p.type === 'day' ||
      p.type === 'hour' ||
      p.type === 'minute'
    ) {
      out[p.type] = p.value;
    }
  }
  return out;
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A calendar date `yyyy-mm-dd` (or an instant, taken in Asia/Ho_Chi_Minh) as dd/mm/yyyy; '' for null. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = toDate(value);
  if (!d) return String(value);
  const p = partsOf(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** An instant (ISO string or Date) as dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh; '' for null. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const d = toDate(value);
  if (!d) return String(value);
  const p = partsOf(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's calendar date in Asia/Ho_Chi_Minh as `yyyy-mm-dd`. */
export function todayIso(now: Date = new Date()): string {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A number the Vietnamese way: `1.234,5`. `digits` fixes the fraction digits; default up to 1. */
export function formatNumber(value: number | null | undefined, digits?: number): string {
  if (value == null || Number.isNaN(value)) return '';
  if (digits === undefined) {
    if (Number.isInteger(value)) return integerFormat.format(value);
    return cachedFormat(-1).format(value);
  }
  return cachedFormat(digits).format(value);
}

function cachedFormat(digits: number): Intl.NumberFormat {
  let f = numberFormats.get(digits);
  if (!f) {
    f =
      digits < 0
        ? new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })
        : new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, f);
  }
  return f;
}

/**
 * A percentage given in percent units (−10 means −10 %) as `-10,0 %`.
 * Positive changes get no sign unless `signed` is set (`+4,0 %`).
 */
export function formatPercent(
  value: number | null | undefined,
  options: { digits?: number; signed?: boolean } = {},
): string {
  if (value == null || Number.isNaN(value)) return '';
  const digits = options.digits ?? 1;
  const text = cachedFormat(digits).format(value);
  const sign = options.signed && value > 0 ? '+' : '';
  return `${sign}${text} %`;
}

/** Money in VND: `1.500.000 đ`. */
export function formatMoney(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '';
  return `${integerFormat.format(Math.round(value))} đ`;
}

/** A km marker in metres as `Km 12+300` (12300 m); '' for null. */
export function formatKm(kmM: number | null | undefined): string {
  if (kmM == null || Number.isNaN(kmM)) return '';
  const m = Math.round(kmM);
  const km = Math.floor(m / 1000);
  const rest = m - km * 1000;
  return `Km ${km}+${String(rest).padStart(3, '0')}`;
}

/** `yyyy-mm-dd` → Date-less check, for values taken from URLs. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}
