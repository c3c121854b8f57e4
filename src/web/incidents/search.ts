/**
 * The dispatch pages' URL search params. Kept apart from api.ts so that the router does not load the
 * pages' code; the codes come from the domain file the public report page also uses (plain data).
 */
import {
  FACILITY_KIND_CODES,
  type FacilityKind,
  INCIDENT_STATUS_CODES,
} from '../../domain/incidents/codes.ts';
import { todayIso } from '../platform/format.ts';
import { optDate, optEnum, optString, type Paging, paging } from '../platform/search.ts';

/** 'open' (the default, left out of the URL) or 'all', or one status. */
export const BOARD_STATUS_FILTERS = ['all', ...INCIDENT_STATUS_CODES] as const;
export type BoardStatusFilter = (typeof BOARD_STATUS_FILTERS)[number];

export interface DispatchSearch extends Paging {
  /** Absent = the live board (open incidents only). */
  status?: BoardStatusFilter;
  adminUnitId?: string;
  from?: string;
  to?: string;
}

const orderedDates = (s: Record<string, unknown>) => {
  let from = optDate(s.from);
  let to = optDate(s.to);
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to };
};

export const validateDispatchSearch = (s: Record<string, unknown>): DispatchSearch => ({
  status: optEnum(BOARD_STATUS_FILTERS, s.status),
  adminUnitId: optString(s.adminUnitId, 50),
  ...orderedDates(s),
  ...paging(s),
});

export interface KpiSearch {
  from?: string;
  to?: string;
}

export const validateKpiSearch = (s: Record<string, unknown>): KpiSearch => orderedDates(s);

/** The KPI's default period: 1 January of this year to today. */
export function defaultKpiPeriod(today = todayIso()): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export interface FacilitiesSearch extends Paging {
  kind?: FacilityKind;
}

export const validateFacilitiesSearch = (s: Record<string, unknown>): FacilitiesSearch => ({
  kind: optEnum(FACILITY_KIND_CODES, s.kind),
  ...paging(s),
});
