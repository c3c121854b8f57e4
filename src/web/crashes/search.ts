import { todayIso } from '../platform/format.ts';
import { optDate, optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

/** Kept here (not imported from api.ts) so that the router does not load the crash pages' code. */
const SEVERITY_CODES = [
  'dac_biet_nghiem_trong',
  'rat_nghiem_trong',
  'nghiem_trong',
  'it_nghiem_trong',
  'va_cham',
] as const;
const BREAKDOWN_CODES = [
  'none',
  'commune',
  'route',
  'cause',
  'vehicle',
  'hour_weekday',
  'mode',
  'alcohol',
  'commercial',
  'student',
  'severity',
] as const;

export interface CrashesSearch extends Paging {
  from?: string;
  to?: string;
  adminUnitId?: string;
  roadId?: number;
  cause?: string;
  severity?: (typeof SEVERITY_CODES)[number];
  verified?: 'true' | 'false';
  q?: string;
}

export const validateCrashesSearch = (s: Record<string, unknown>): CrashesSearch => {
  let from = optDate(s.from);
  let to = optDate(s.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    from,
    to,
    adminUnitId: optString(s.adminUnitId, 50),
    roadId: optPositiveInt(s.roadId),
    cause: optString(s.cause, 40),
    severity: optEnum(SEVERITY_CODES, s.severity),
    verified: optEnum(['true', 'false'] as const, s.verified),
    q: optString(s.q),
    ...paging(s),
  };
};

// ───────────── Statistics ─────────────

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period as its parts (what the picker edits) and as the API's spec string. */
export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4 or half 1–2; ignored for nine months and year. */
  index: number;
  reporting: boolean;
  from?: string;
  to?: string;
}

const SPEC = /^(reporting:)?(month|quarter|half|nine_months|year):(\d{4})(?:-(\d{1,2}))?$/;
const RANGE = /^range:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export const maxIndex = (kind: PeriodKind) => (kind === 'month' ? 12 : kind === 'quarter' ? 4 : 2);
const needsIndex = (kind: PeriodKind) => kind === 'month' || kind === 'quarter' || kind === 'half';

export function parsePeriod(spec: string | undefined): PeriodParts | null {
  if (!spec) return null;
  const r = RANGE.exec(spec);
  if (r) {
    const from = optDate(r[1]);
    const to = optDate(r[2]);
    if (!from || !to || from > to) return null;
    return { kind: 'range', year: Number(from.slice(0, 4)), index: 1, reporting: false, from, to };
  }
  const m = SPEC.exec(spec);
  if (!m) return null;
  const kind = m[2] as PeriodKind;
  const year = Number(m[3]);
  if (year < 2000 || year > 2100) return null;
  if (needsIndex(kind) !== (m[4] !== undefined)) return null;
  const index = m[4] ? Number(m[4]) : 1;
  if (index < 1 || index > maxIndex(kind)) return null;
  return { kind, year, index, reporting: Boolean(m[1]) };
}

export function periodSpec(p: PeriodParts): string {
  if (p.kind === 'range') return `range:${p.from}..${p.to}`;
  const prefix = p.reporting ? 'reporting:' : '';
  if (p.kind === 'month') return `${prefix}month:${p.year}-${String(p.index).padStart(2, '0')}`;
  if (p.kind === 'quarter' || p.kind === 'half') return `${prefix}${p.kind}:${p.year}-${p.index}`;
  return `${prefix}${p.kind}:${p.year}`;
}

/**
 * The default period: this year to date. (A named year still under way would be compared with the whole
 * of last year.)
 */
export const defaultPeriod = (today = todayIso()) => `range:${today.slice(0, 4)}-01-01..${today}`;

export interface StatsSearch {
  period?: string;
  /** Absent: by commune. */
  by?: (typeof BREAKDOWN_CODES)[number];
  /** 'all': unverified crashes count too; absent: verified only (the official figures). */
  verified?: 'all';
}

export const validateStatsSearch = (s: Record<string, unknown>): StatsSearch => {
  const period = typeof s.period === 'string' && parsePeriod(s.period) ? s.period : undefined;
  return {
    period,
    by: optEnum(BREAKDOWN_CODES, s.by),
    verified: s.verified === 'all' ? 'all' : undefined,
  };
};

// ───────────── Map ─────────────

export interface MapSearch {
  from?: string;
  to?: string;
  verified?: 'all';
}

export const validateMapSearch = (s: Record<string, unknown>): MapSearch => {
  let from = optDate(s.from);
  let to = optDate(s.to);
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to, verified: s.verified === 'all' ? 'all' : undefined };
};

/** A route's numeric id parameter, or undefined when it is not a positive integer. */
export const idParam = (v: string): number | undefined => optPositiveInt(v);
