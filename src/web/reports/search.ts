/**
 * URL search of the reporting pages (filters, paging, the schedule and period picked), and the codes the
 * router needs. Kept free of page code so that the router stays small.
 */
import { optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

/** The codes of src/domain/reports/schedule.ts (repeated here so that the router does not load the domain). */
export const FREQUENCIES = ['month', 'quarter', 'half', 'nine_months', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const TIMELINESS = ['on_time', 'late', 'missing', 'pending'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

const optYear = (v: unknown): number | undefined => {
  const y = optPositiveInt(v);
  return y && y >= 2000 && y <= 2100 ? y : undefined;
};
const optPeriod = (v: unknown): string | undefined => {
  const s = optString(v, 20);
  return s && /^[0-9A-Z-]+$/.test(s) ? s : undefined;
};

/** "Báo cáo của đơn vị": open reports by default, or all of them. */
export interface MyReportsSearch extends Paging {
  state?: 'all';
}
export const validateMyReportsSearch = (s: Record<string, unknown>): MyReportsSearch => ({
  state: optEnum(['all'] as const, s.state),
  ...paging(s),
});

/** A schedule and one of its periods; left out, the page picks this year's first schedule and its last due period. */
export interface SchedulePeriodSearch {
  year?: number;
  scheduleId?: number;
  period?: string;
}

export interface BoardSearch extends SchedulePeriodSearch {
  /** the unit whose history is open in the drawer */
  unit?: number;
  /** show only the rows of this timeliness (or the accepted ones) */
  show?: Timeliness | 'accepted';
}
export const validateBoardSearch = (s: Record<string, unknown>): BoardSearch => ({
  year: optYear(s.year),
  scheduleId: optPositiveInt(s.scheduleId),
  period: optPeriod(s.period),
  unit: optPositiveInt(s.unit),
  show: optEnum([...TIMELINESS, 'accepted'] as const, s.show),
});

export const validateConsolidationSearch = (s: Record<string, unknown>): SchedulePeriodSearch => ({
  year: optYear(s.year),
  scheduleId: optPositiveInt(s.scheduleId),
  period: optPeriod(s.period),
});

export interface FormsSearch extends Paging {
  q?: string;
}
export const validateFormsSearch = (s: Record<string, unknown>): FormsSearch => ({
  q: optString(s.q),
  ...paging(s),
});

export interface SchedulesSearch extends Paging {
  year?: number;
}
export const validateSchedulesSearch = (s: Record<string, unknown>): SchedulesSearch => ({
  year: optYear(s.year),
  ...paging(s),
});

export type ReviewsSearch = Paging;
export const validateReviewsSearch = (s: Record<string, unknown>): ReviewsSearch => paging(s);

/** A route's numeric id parameter, or undefined when it is not a positive integer. */
export const idParam = (v: string): number | undefined => optPositiveInt(v);
