/**
 * The enforcement pages' URL search params. Kept apart from api.ts so that the router does not load the
 * pages' code; the violation codes come from the domain catalogue (plain data).
 */
import { VIOLATION_CODES } from '../../domain/enforcement/catalogue.ts';
import { optDate, optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

export const VIOLATION_SOURCES = ['patrol', 'camera'] as const;
export type ViolationSource = (typeof VIOLATION_SOURCES)[number];

export interface ViolationsSearch extends Paging {
  /** As the user wrote it; the server reads any writing of a plate. */
  plate?: string;
  type?: string;
  source?: ViolationSource;
  from?: string;
  to?: string;
}

export const validateViolationsSearch = (s: Record<string, unknown>): ViolationsSearch => {
  let from = optDate(s.from);
  let to = optDate(s.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    plate: optString(s.plate, 20),
    type: optEnum(VIOLATION_CODES, s.type),
    source: optEnum(VIOLATION_SOURCES, s.source),
    from,
    to,
    ...paging(s),
  };
};

export interface CampaignsSearch extends Paging {
  year?: number;
}

export const validateCampaignsSearch = (s: Record<string, unknown>): CampaignsSearch => {
  const year = optPositiveInt(s.year);
  return { year: year && year >= 2000 && year <= 2100 ? year : undefined, ...paging(s) };
};

export interface UnitNoticesSearch {
  /** yyyy-mm; absent = last month. */
  month?: string;
  /** The org unit whose list is open. */
  unit?: number;
}

export const validateUnitNoticesSearch = (s: Record<string, unknown>): UnitNoticesSearch => ({
  month: typeof s.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s.month) ? s.month : undefined,
  unit: optPositiveInt(s.unit),
});

/** Last month as yyyy-mm (notices go out for the month just ended). */
export function lastMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export interface ViolationStatsSearch {
  from?: string;
  to?: string;
}

export const validateViolationStatsSearch = (s: Record<string, unknown>): ViolationStatsSearch => {
  let from = optDate(s.from);
  let to = optDate(s.to);
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to };
};
