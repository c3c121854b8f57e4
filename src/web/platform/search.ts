/**
 * URL search params as plain `?key=value` pairs (no JSON quoting), and small coercers for
 * each route's `validateSearch`, so filters survive a reload and can be shared as links.
 */
import { isIsoDate } from './format.ts';

export function parseSearch(search: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  for (const [key, value] of params) out[key] = value;
  return out;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export const optString = (v: unknown, max = 200): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, max);
  return s === '' ? undefined : s;
};

export const optDate = (v: unknown): string | undefined => (isIsoDate(v) ? v : undefined);

export const optPositiveInt = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export const optEnum = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface Paging {
  page?: number;
  pageSize?: number;
}

export function paging(s: Record<string, unknown>): Paging {
  const page = optPositiveInt(s.page);
  const size = optPositiveInt(s.pageSize);
  return {
    page: page && page > 1 ? page : undefined,
    pageSize:
      size && (PAGE_SIZES as readonly number[]).includes(size) && size !== DEFAULT_PAGE_SIZE
        ? size
        : undefined,
  };
}
