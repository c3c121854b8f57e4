/**
 * Data sharing with partner agencies (chia sẻ dữ liệu): what a partner may ask for (scopes), the opaque
 * cursor of the incremental feed, a per-client token bucket, and CSV writing. No I/O.
 *
 * - A scope is `<dataset>:<read|write>`. Every dataset can be read; only `crashes:write` is acted on
 *   (a hospital or the police system posting one crash record).
 * - A cursor is the base64url of a change number (decimal digits). Anything else is refused, so a
 *   partner never silently restarts from the beginning because of a typing error.
 * - The token bucket holds `ratePerMinute` calls and refills continuously at that rate: a burst of the
 *   whole minute's allowance is allowed, then one call every 60 / ratePerMinute seconds.
 */

export const DATASETS = ['crashes', 'black_spots', 'violations'] as const;
export type Dataset = (typeof DATASETS)[number];

export const SCOPES = [
  'crashes:read',
  'crashes:write',
  'black_spots:read',
  'violations:read',
] as const satisfies readonly `${Dataset}:${'read' | 'write'}`[];
export type Scope = (typeof SCOPES)[number];

export const isScope = (s: string): s is Scope => (SCOPES as readonly string[]).includes(s);

/** The dataset's name in URLs (`/api/share/v1/black-spots`). */
export const DATASET_PATH: Record<Dataset, string> = {
  crashes: 'crashes',
  black_spots: 'black-spots',
  violations: 'violations',
};

export const TOKEN_PREFIX = 'atgt_';
/** How many characters of a token are kept to recognise it (`atgt_` and 7 more). */
export const TOKEN_PREFIX_LENGTH = 12;
/** `atgt_` + 32 random bytes in base64url (43 characters). */
export const TOKEN_PATTERN = /^atgt_[A-Za-z0-9_-]{43}$/;

export function encodeCursor(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`not a change number: ${seq}`);
  return Buffer.from(String(seq), 'utf8').toString('base64url');
}

/** The change number of a cursor, or null when the text is not a cursor this server gave out. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,24}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^(0|[1-9]\d{0,15})$/.test(text)) return null;
  const seq = Number(text);
  // Only the canonical spelling: one cursor per change number.
  return Number.isSafeInteger(seq) && encodeCursor(seq) === cursor ? seq : null;
}

export interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Takes one call from a client's bucket at time `now` (ms). Returns the bucket after the call and, when
 * the call is refused, the whole seconds to wait before one call is available again.
 */
export function takeToken(
  bucket: Bucket | undefined,
  ratePerMinute: number,
  now: number,
): { bucket: Bucket; allowed: boolean; retryAfterSeconds: number } {
  const capacity = Math.max(1, ratePerMinute);
  const perMs = capacity / 60_000;
  const start = bucket ?? { tokens: capacity, at: now };
  const tokens = Math.min(capacity, start.tokens + Math.max(0, now - start.at) * perMs);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, at: now }, allowed: true, retryAfterSeconds: 0 };
  return {
    bucket: { tokens, at: now },
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
  };
}

export type Cell = string | number | boolean | null | undefined;

/** One CSV field (RFC 4180); text that a spreadsheet would run as a formula is prefixed with a quote. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** A UTF-8 CSV with a byte-order mark (so that Excel reads Vietnamese) and a header line. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${csvLine(header)}${rows.map(csvLine).join('')}`;
}
