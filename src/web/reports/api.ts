/**
 * The reporting regime (chế độ báo cáo) and review reports (báo cáo sơ kết, tổng kết): the shapes the
 * server sends (see src/server/reports/schemas.ts) and the queries and writes the pages use.
 *
 * The form definition, the values and the review document are the domain's own types
 * (src/domain/reports/forms.ts and review-document.ts are pure), so that the web form checks values
 * with the very rules the server applies.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { FormDefinition, Problem, SubmissionValues } from '../../domain/reports/forms.ts';
import type { ReviewDocument } from '../../domain/reports/review-document.ts';
import { ApiError, api, buildUrl, type Page } from '../platform/api.ts';
import i18n from '../platform/i18n/index.ts';
import type {
  FormsSearch,
  Frequency,
  MyReportsSearch,
  ReviewsSearch,
  SchedulesSearch,
  SubmissionStatus,
  Timeliness,
} from './search.ts';

export {
  COLUMN_KINDS,
  type ColumnKind,
  type CrossFieldRule,
  checkDefinition,
  checkValues,
  emptyValues,
  type FormDefinition,
  INDICATOR_KINDS,
  type Indicator,
  type IndicatorKind,
  type NarrativeSection,
  type Problem,
  RULE_OPERATORS,
  type RuleOperator,
  type SmallTable,
  type SubmissionValues,
  type TableCellValue,
  type TableColumn,
} from '../../domain/reports/forms.ts';
export {
  type CriteriaTable,
  type CriteriaTableRow,
  isCriteriaTable,
  type PlainTable,
  type ReviewDocument,
  type ReviewSection,
} from '../../domain/reports/review-document.ts';
export { reportPermissions } from './permissions.ts';
export {
  FREQUENCIES,
  type Frequency,
  SUBMISSION_STATUSES,
  type SubmissionStatus,
  TIMELINESS,
  type Timeliness,
} from './search.ts';

type Paged<S> = S & { page: number; pageSize: number };

// ───────────── Forms (biểu mẫu) ─────────────

export interface FormSummary {
  id: number;
  code: string;
  name: string;
  description: string | null;
  version: number;
  /** how many indicators the current version has */
  indicators: number;
  updatedAt: string;
}

export interface ReportForm extends FormSummary {
  definition: FormDefinition;
}

export interface FormInput {
  code: string;
  name: string;
  description?: string | null;
  definition: FormDefinition;
}

export const formsQuery = (search: Paged<FormsSearch>) =>
  queryOptions({
    queryKey: ['report-forms', 'list', search] as const,
    queryFn: ({ signal }) => api.get<Page<FormSummary>>('/report-forms', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

/** Every form (up to 100), for the schedule's form picker. */
export const formOptionsQuery = () =>
  queryOptions({
    queryKey: ['report-forms', 'list', { page: 1, pageSize: 100 }] as const,
    queryFn: ({ signal }) => api.get<Page<FormSummary>>('/report-forms', { page: 1, pageSize: 100 }, signal),
    select: (page) => page.items,
    staleTime: 60_000,
  });

export const formQuery = (id: number) =>
  queryOptions({
    queryKey: ['report-forms', 'detail', id] as const,
    queryFn: ({ signal }) => api.get<ReportForm>(`/report-forms/${id}`, undefined, signal),
  });

export const createForm = (input: FormInput) => api.post<ReportForm>('/report-forms', input);
/** Reminds the units of a period that have not sent (at most once a day per unit). */
export const remindUnits = (scheduleId: number, period: string) =>
  api.post<{ reminded: number; units: string[] }>('/report-board/remind', { scheduleId, period });
/** Saving a form makes a new version; reports already made keep the version they were made on. */
export const updateForm = (id: number, input: FormInput) => api.put<ReportForm>(`/report-forms/${id}`, input);

// ───────────── Schedules (lịch báo cáo) ─────────────

export type ScheduleKind = 'periodic' | 'adhoc';

export interface ReportPeriod {
  /** '2026-M03', '2026-Q1', '2026-H1', '2026-N9', '2026-Y', 'ADHOC' */
  key: string;
  label: string;
  from: string;
  to: string;
  dueOn: string;
}

export interface ScheduleSummary {
  id: number;
  formId: number;
  formName: string;
  title: string;
  kind: ScheduleKind;
  frequency: Frequency | null;
  year: number;
  cutoffDay: number;
  dueOffsetDays: number;
  active: boolean;
  /** how many units report */
  units: number;
}

export interface Schedule extends ScheduleSummary {
  unitList: { id: number; name: string; kind: string }[];
  periods: ReportPeriod[];
}

export interface ScheduleInput {
  formId: number;
  title: string;
  kind: ScheduleKind;
  frequency?: Frequency | null;
  year: number;
  cutoffDay: number;
  dueOffsetDays: number;
  periodFrom?: string | null;
  periodTo?: string | null;
  dueOn?: string | null;
  unitIds: number[];
}

export interface SchedulePatch {
  title?: string;
  cutoffDay?: number;
  dueOffsetDays?: number;
  dueOn?: string;
  unitIds?: number[];
  active?: boolean;
}

export const schedulesQuery = (search: Paged<SchedulesSearch>) =>
  queryOptions({
    queryKey: ['report-schedules', 'list', search] as const,
    queryFn: ({ signal }) => api.get<Page<ScheduleSummary>>('/report-schedules', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

/** The schedules of a year (up to 100), for the schedule pickers. */
export const scheduleOptionsQuery = (year: number) =>
  queryOptions({
    queryKey: ['report-schedules', 'list', { year, page: 1, pageSize: 100 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<ScheduleSummary>>('/report-schedules', { year, page: 1, pageSize: 100 }, signal),
    select: (page) => page.items,
    staleTime: 60_000,
  });

export const scheduleQuery = (id: number) =>
  queryOptions({
    queryKey: ['report-schedules', 'detail', id] as const,
    queryFn: ({ signal }) => api.get<Schedule>(`/report-schedules/${id}`, undefined, signal),
    staleTime: 60_000,
  });

export const createSchedule = (input: ScheduleInput) => api.post<Schedule>('/report-schedules', input);
export const patchSchedule = (id: number, patch: SchedulePatch) =>
  api.patch<Schedule>(`/report-schedules/${id}`, patch);

// ───────────── Submissions (báo cáo của đơn vị) ─────────────

export type SubmissionAction = 'save' | 'submit' | 'return' | 'accept' | 'reopen';

export interface SubmissionEvent {
  at: string;
  action: SubmissionAction;
  by: string | null;
  comment: string | null;
}

export interface Submission {
  id: number;
  scheduleId: number;
  scheduleTitle: string;
  period: ReportPeriod;
  unitId: number;
  unitName: string;
  form: { id: number; name: string; version: number; definition: FormDefinition };
  status: SubmissionStatus;
  timeliness: Timeliness;
  daysLate: number;
  values: SubmissionValues;
  /** problems of the values as they stand (a draft may have some; submit refuses them) */
  problems: Problem[];
  submittedAt: string | null;
  updatedAt: string;
  comment: string | null;
  history: SubmissionEvent[];
  may: { edit: boolean; submit: boolean; decide: boolean; reopen: boolean };
}

/** One report due from one unit in one period, with or without a submission yet. */
export interface DueReport {
  scheduleId: number;
  scheduleTitle: string;
  formName: string;
  period: ReportPeriod;
  unitId: number;
  unitName: string;
  unitKind: string;
  submissionId: number | null;
  status: SubmissionStatus | null;
  timeliness: Timeliness;
  daysLate: number;
  submittedAt: string | null;
}

/** The key of a due report (it has no id of its own until a draft is saved). */
export const dueKey = (r: Pick<DueReport, 'scheduleId' | 'unitId'> & { period: { key: string } }) =>
  `${r.scheduleId}|${r.period.key}|${r.unitId}`;

export const myReportsQuery = (search: Paged<MyReportsSearch>) =>
  queryOptions({
    queryKey: ['my-reports', search] as const,
    queryFn: ({ signal }) =>
      api.get<Page<DueReport>>(
        '/my-reports',
        { state: search.state ?? 'open', page: search.page, pageSize: search.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** The first open reports of my units (the home card). */
export const myOpenReportsQuery = () =>
  queryOptions({
    queryKey: ['my-reports', { state: 'open', page: 1, pageSize: 5 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<DueReport>>('/my-reports', { state: 'open', page: 1, pageSize: 5 }, signal),
    staleTime: 60_000,
  });

export const submissionQuery = (id: number) =>
  queryOptions({
    queryKey: ['report-submissions', id] as const,
    queryFn: ({ signal }) => api.get<Submission>(`/report-submissions/${id}`, undefined, signal),
    // The form autosaves: never let a background refetch overwrite what is being typed.
    staleTime: Number.POSITIVE_INFINITY,
  });

export interface DraftBody {
  scheduleId: number;
  periodKey: string;
  unitId: number;
  values: SubmissionValues;
}

/** Saves a draft, creating the submission when there is none yet. */
export const saveSubmissionDraft = (body: DraftBody) => api.put<Submission>('/report-submissions', body);
export const submitSubmission = (id: number, values?: SubmissionValues) =>
  api.post<Submission>(`/report-submissions/${id}/submit`, values ? { values } : {});
export const returnSubmission = (id: number, comment: string) =>
  api.post<Submission>(`/report-submissions/${id}/return`, { comment });
export const acceptSubmission = (id: number) => api.post<Submission>(`/report-submissions/${id}/accept`, {});
export const reopenSubmission = (id: number, comment: string) =>
  api.post<Submission>(`/report-submissions/${id}/reopen`, { comment });

// ───────────── Completeness board ─────────────

export interface BoardCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  accepted: number;
}

export interface Board {
  scheduleId: number;
  scheduleTitle: string;
  period: ReportPeriod;
  counts: BoardCounts;
  rows: DueReport[];
}

export interface UnitHistory {
  unitId: number;
  unitName: string;
  counts: BoardCounts;
  rows: DueReport[];
}

export const boardQuery = (scheduleId: number, period: string) =>
  queryOptions({
    queryKey: ['report-board', { scheduleId, period }] as const,
    queryFn: ({ signal }) => api.get<Board>('/report-board', { scheduleId, period }, signal),
    placeholderData: keepPreviousData,
  });

export const unitHistoryQuery = (unitId: number, year: number | undefined) =>
  queryOptions({
    queryKey: ['report-board', 'unit', { unitId, year }] as const,
    queryFn: ({ signal }) => api.get<UnitHistory>(`/report-board/units/${unitId}`, { year }, signal),
  });

// ───────────── Consolidation (tổng hợp) ─────────────

export interface Criteria {
  crashes: number;
  deaths: number;
  injured: number;
}

export interface CriteriaRow {
  key: string;
  label: string;
  current: Criteria;
  previous: Criteria;
}

export interface IndicatorTotal {
  code: string;
  label: string;
  unit: string;
  group: string | null;
  total: number;
  agencies: number;
  communes: number;
  /** units whose accepted or submitted report gives a value */
  reporting: number;
}

export interface TaskProgressRow {
  path: string;
  title: string;
  leadUnits: string;
  status: string;
  percent: number;
  dueOn: string | null;
  overdue: boolean;
}

export interface Consolidation {
  scheduleId: number;
  period: ReportPeriod;
  counts: BoardCounts;
  indicators: IndicatorTotal[];
  sections: { code: string; title: string; entries: { unitName: string; text: string }[] }[];
  crashes: {
    previousYear: number;
    total: CriteriaRow;
    sentence: string;
    /** the communes, routes and causes that drove a rise (empty when none) */
    drivers: string;
    byCommune: CriteriaRow[];
    byRoute: CriteriaRow[];
    byCause: CriteriaRow[];
  };
  tasks: {
    planId: number | null;
    planNumber: string | null;
    total: number;
    done: number;
    inProgress: number;
    notStarted: number;
    overdue: number;
    rows: TaskProgressRow[];
  };
}

export const consolidationQuery = (scheduleId: number, period: string) =>
  queryOptions({
    queryKey: ['report-consolidation', { scheduleId, period }] as const,
    queryFn: ({ signal }) => api.get<Consolidation>('/report-consolidation', { scheduleId, period }, signal),
    placeholderData: keepPreviousData,
  });

// ───────────── Review reports (báo cáo sơ kết, tổng kết) ─────────────

export type ReviewStatus = 'draft' | 'issued';

export interface ReviewSummary {
  id: number;
  scheduleId: number | null;
  periodKey: string;
  title: string;
  number: string;
  status: ReviewStatus;
  issuedOn: string | null;
  updatedAt: string;
}

export interface Review extends ReviewSummary {
  content: ReviewDocument;
  periodFrom: string;
  periodTo: string;
}

export const reviewsQuery = (search: Paged<ReviewsSearch>) =>
  queryOptions({
    queryKey: ['review-reports', 'list', search] as const,
    queryFn: ({ signal }) => api.get<Page<ReviewSummary>>('/review-reports', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

export const reviewQuery = (id: number) =>
  queryOptions({
    queryKey: ['review-reports', 'detail', id] as const,
    queryFn: ({ signal }) => api.get<Review>(`/review-reports/${id}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Generates a draft review report from the records of a schedule's period. */
export const createReview = (scheduleId: number, periodKey: string) =>
  api.post<Review>('/review-reports', { scheduleId, periodKey });
export const saveReview = (id: number, content: ReviewDocument) =>
  api.put<Review>(`/review-reports/${id}`, { content });
export const issueReview = (id: number, number: string, issuedOn: string) =>
  api.post<Review>(`/review-reports/${id}/issue`, { number, issuedOn });

export type DocumentFormat = 'docx' | 'pdf';

/** The file name of a Content-Disposition header (RFC 6266: filename* first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Fetches the review report as Word or PDF and hands it to the browser as a download. The server's
 * message (e.g. "no PDF converter on this server") becomes an {@link ApiError}.
 */
export async function downloadReview(id: number, format: DocumentFormat): Promise<string> {
  let res: Response;
  try {
    res = await fetch(buildUrl(`/review-reports/${id}/document`, { format }), {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!res.ok) {
    let message = i18n.t('errors.generic');
    let code = `HTTP_${res.status}`;
    try {
      const body = (await res.json()) as { error?: { message?: string; code?: string } };
      if (body.error?.message) message = body.error.message;
      if (body.error?.code) code = body.error.code;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, code, message);
  }
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition'), `bao-cao-${id}.${format}`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

// ───────────── Org units (the schedule's unit picker) ─────────────

export interface OrgUnitOption {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentName: string | null;
  isMember: boolean;
  validTo: string | null;
}

/** Every org unit (up to 500). */
export const orgUnitOptionsQuery = () =>
  queryOptions({
    queryKey: ['directory', 'org-units', { page: 1, pageSize: 500 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<OrgUnitOption>>('/directory/org-units', { page: 1, pageSize: 500 }, signal),
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });
