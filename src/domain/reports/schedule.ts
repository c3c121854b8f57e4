/**
 * The reporting regime (chế độ báo cáo): which periods a schedule asks for, when each is due, and whether a
 * unit reported on time.
 *
 * Periods follow the government regime's cut-off (Decree 09/2019/NĐ-CP as commonly applied, see DOMAIN.md):
 * data run from the day after the cut-off day of the month before the period to the cut-off day of its last
 * month (15/12 → 14/3 for quarter I with the default cut-off 14). The 6-month, 9-month and year reports are
 * cumulative from the start of the reporting year (15/12 of the year before). A report is due `dueOffsetDays`
 * after the period's last day (0 by default: due on the cut-off day, as the commune journey has it).
 */
import { addDays, dayCount, daysInMonth, formatDateVi } from '../crashes/periods.ts';

export const FREQUENCIES = ['month', 'quarter', 'half', 'nine_months', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** draft (nháp) → submitted (đã gửi) → returned (trả lại) or accepted (đã duyệt). */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** on time, late, missing (due date passed, never sent), pending (not due yet, not sent). */
export const TIMELINESS = ['on_time', 'late', 'missing', 'pending'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export interface ReportPeriod {
  /** '2026-M03', '2026-Q1', '2026-H1', '2026-N9', '2026-Y', 'ADHOC' */
  key: string;
  label: string;
  from: string;
  to: string;
  dueOn: string;
}

export interface ScheduleRule {
  kind: 'periodic' | 'adhoc';
  frequency: Frequency | null;
  year: number;
  cutoffDay: number;
  dueOffsetDays: number;
  periodFrom?: string | null;
  periodTo?: string | null;
  dueOn?: string | null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The day after the cut-off of month m (1–12) of year y, i.e. the first day of the next period. */
function startAfter(y: number, m: number, cutoff: number): string {
  const d = Math.min(cutoff, daysInMonth(y, m));
  return addDays(`${y}-${pad2(m)}-${pad2(d)}`, 1);
}
const cutoffOf = (y: number, m: number, cutoff: number) =>
  `${y}-${pad2(m)}-${pad2(Math.min(cutoff, daysInMonth(y, m)))}`;

/** From the cut-off after month `firstMonth - 1` to the cut-off of `lastMonth`, in `year`. */
function span(year: number, firstMonth: number, lastMonth: number, cutoff: number) {
  const from = firstMonth === 1 ? startAfter(year - 1, 12, cutoff) : startAfter(year, firstMonth - 1, cutoff);
  return { from, to: cutoffOf(year, lastMonth, cutoff) };
}

/** Every period a schedule asks for, in order. */
export function periodsOf(rule: ScheduleRule): ReportPeriod[] {
  const y = rule.year;
  const due = (to: string) => addDays(to, rule.dueOffsetDays);
  if (rule.kind === 'adhoc') {
    if (!rule.periodFrom || !rule.periodTo || !rule.dueOn) return [];
    return [
      {
        key: 'ADHOC',
        label: `Từ ${formatDateVi(rule.periodFrom)} đến ${formatDateVi(rule.periodTo)}`,
        from: rule.periodFrom,
        to: rule.periodTo,
        dueOn: rule.dueOn,
      },
    ];
  }
  const c = rule.cutoffDay;
  const make = (key: string, label: string, first: number, last: number): ReportPeriod => {
    const s = span(y, first, last, c);
    return { key, label, ...s, dueOn: due(s.to) };
  };
  switch (rule.frequency) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) =>
        make(`${y}-M${pad2(i + 1)}`, `Tháng ${i + 1}/${y}`, i + 1, i + 1),
      );
    case 'quarter':
      return Array.from({ length: 4 }, (_, i) =>
        make(`${y}-Q${i + 1}`, `Quý ${ROMAN[i]}/${y}`, i * 3 + 1, i * 3 + 3),
      );
    case 'half':
      return [make(`${y}-H1`, `6 tháng đầu năm ${y}`, 1, 6)];
    case 'nine_months':
      return [make(`${y}-N9`, `9 tháng năm ${y}`, 1, 9)];
    case 'year':
      return [make(`${y}-Y`, `Năm ${y}`, 1, 12)];
    default:
      return [];
  }
}

export function periodOf(rule: ScheduleRule, key: string): ReportPeriod | null {
  return periodsOf(rule).find((p) => p.key === key) ?? null;
}

/**
 * Timeliness of one unit's report: judged on the local day of its first submission (a report returned for
 * corrections keeps the date it was first sent). `today` decides between pending and missing.
 */
export function timelinessOf(
  dueOn: string,
  firstSubmittedOn: string | null,
  today: string,
): { timeliness: Timeliness; daysLate: number } {
  // Days from b to a (dayCount counts both ends).
  const days = (a: string, b: string) => dayCount(b, a) - 1;
  if (firstSubmittedOn !== null) {
    const late = days(firstSubmittedOn, dueOn);
    return late > 0 ? { timeliness: 'late', daysLate: late } : { timeliness: 'on_time', daysLate: 0 };
  }
  if (today > dueOn) return { timeliness: 'missing', daysLate: days(today, dueOn) };
  return { timeliness: 'pending', daysLate: 0 };
}

export interface BoardCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  accepted: number;
}

export function countBoard(rows: { timeliness: Timeliness; status: SubmissionStatus | null }[]): BoardCounts {
  const c: BoardCounts = { expected: rows.length, onTime: 0, late: 0, missing: 0, pending: 0, accepted: 0 };
  for (const r of rows) {
    if (r.timeliness === 'on_time') c.onTime++;
    else if (r.timeliness === 'late') c.late++;
    else if (r.timeliness === 'missing') c.missing++;
    else c.pending++;
    if (r.status === 'accepted') c.accepted++;
  }
  return c;
}

/** Which actions the workflow allows from a status (the roles are checked by the service). */
export const NEXT_ACTIONS: Record<
  SubmissionStatus,
  readonly ('save' | 'submit' | 'return' | 'accept' | 'reopen')[]
> = {
  draft: ['save', 'submit'],
  returned: ['save', 'submit'],
  submitted: ['return', 'accept'],
  accepted: ['reopen'],
};
