/**
 * What a schedule (read by `parseTimeframe`) means for tracking: its kind, and the dated
 * occurrences (kỳ thực hiện) an assignment must meet within a plan's span.
 *
 * Pure: no I/O, no clock — "today" is always an argument.
 *
 * Rules (documented, because an officer will ask):
 * - A one-off due is met by the last day of its window (`DueDate.date`).
 * - A recurrence is met at the end of each period inside the span: month end, quarter end,
 *   30/6 and 31/12 for semesters, 31/12 for a year, 30/9 for a school year (the plans ask schools
 *   to act "đầu năm học", at the start of the school year in September). "Every n" keeps every n-th period,
 *   counted from the first period of the span.
 * - Continuous duty (thường xuyên) has no due of its own: it is never overdue, but it is open
 *   until the plan closes.
 * - Event triggers (khi có chỉ đạo, đợt cao điểm, đột xuất) have no due until a directive or a
 *   campaign activates them; the activation brings its own deadline.
 */
import type { DueDate, Recurrence, Schedule } from './timeframe.ts';

export const SCHEDULE_KINDS = [
  'deadline',
  'recurring',
  'continuous',
  'deadline_then_continuous',
  'event',
  'unknown',
] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** The kind of a schedule, as the command line and the task list show it. */
export function scheduleKind(schedule: Schedule | null): ScheduleKind {
  if (!schedule || schedule.confidence === 'unreadable') return 'unknown';
  const hasDue = schedule.dueDates.length > 0;
  // "Đầu năm học và duy trì trong năm": a start, then kept up — even if the start recurs each school year.
  if (hasDue && schedule.continuous) return 'deadline_then_continuous';
  if (schedule.recurrence) return 'recurring';
  if (hasDue) return 'deadline';
  if (schedule.continuous) return 'continuous';
  if (schedule.triggers.length > 0) return 'event';
  return 'unknown';
}

/** Whether an office officer must look at this reading before it is trusted. */
export function needsReview(schedule: Schedule | null): boolean {
  return schedule !== null && (schedule.confidence !== 'certain' || schedule.notes.length > 0);
}

export interface Occurrence {
  /** yyyy-mm-dd: the day it is due */
  dueOn: string;
  /** first day of the window, when there is one */
  startsOn: string | null;
  /** 'Quý I/2025', 'Tháng 3/2025', 'Năm học 2025-2026' */
  label: string;
  source: 'deadline' | 'recurrence';
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

interface Period {
  startsOn: string;
  dueOn: string;
  label: string;
}

/** Every period of a recurrence that ends inside [from, to]. */
function periods(recurrence: Recurrence, from: string, to: string): Period[] {
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  const out: Period[] = [];
  for (let y = y0 - 1; y <= y1; y++) {
    switch (recurrence) {
      case 'monthly':
        for (let m = 1; m <= 12; m++)
          out.push({ startsOn: iso(y, m, 1), dueOn: iso(y, m, lastDay(y, m)), label: `Tháng ${m}/${y}` });
        break;
      case 'quarterly':
        for (let q = 0; q < 4; q++)
          out.push({
            startsOn: iso(y, q * 3 + 1, 1),
            dueOn: iso(y, q * 3 + 3, lastDay(y, q * 3 + 3)),
            label: `Quý ${ROMAN_QUARTERS[q]}/${y}`,
          });
        break;
      case 'semiannual':
        out.push({ startsOn: iso(y, 1, 1), dueOn: iso(y, 6, 30), label: `6 tháng đầu năm ${y}` });
        out.push({ startsOn: iso(y, 7, 1), dueOn: iso(y, 12, 31), label: `6 tháng cuối năm ${y}` });
        break;
      case 'yearly':
        out.push({ startsOn: iso(y, 1, 1), dueOn: iso(y, 12, 31), label: `Năm ${y}` });
        break;
      case 'school_year':
        out.push({ startsOn: iso(y, 9, 1), dueOn: iso(y, 9, 30), label: `Đầu năm học ${y}-${y + 1}` });
        break;
    }
  }
  return out.filter((p) => p.dueOn >= from && p.dueOn <= to);
}

/**
 * The occurrences of a schedule inside a plan's span [from, to] (yyyy-mm-dd), in date order,
 * without duplicates. One-off dues outside the span are kept: a plan may set a deadline after
 * its own year, and the officer must still see it.
 */
export function expandOccurrences(
  schedule: Schedule | null,
  span: { from: string; to: string },
): Occurrence[] {
  if (!schedule || schedule.confidence === 'unreadable') return [];
  const out = new Map<string, Occurrence>();
  const add = (o: Occurrence) => {
    if (!out.has(o.dueOn)) out.set(o.dueOn, o);
  };
  for (const d of schedule.dueDates as DueDate[]) {
    add({ dueOn: d.date, startsOn: d.from ?? null, label: d.label, source: 'deadline' });
  }
  if (schedule.recurrence) {
    const every = Math.max(1, schedule.recurrenceEvery ?? 1);
    periods(schedule.recurrence, span.from, span.to).forEach((p, i) => {
      if (i % every === 0) add({ ...p, source: 'recurrence' });
    });
  }
  return [...out.values()].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** The span of a plan: from its issue date to the end of its year (or a given end). */
export function planSpan(issuedOn: string, endsOn?: string | null): { from: string; to: string } {
  return { from: issuedOn, to: endsOn ?? `${issuedOn.slice(0, 4)}-12-31` };
}

export type DueState = 'done' | 'overdue' | 'due_soon' | 'upcoming';

/** How an open occurrence stands on a day; due soon = within `soonDays` (7 by default). */
export function dueState(dueOn: string, doneOn: string | null, today: string, soonDays = 7): DueState {
  if (doneOn) return 'done';
  if (dueOn < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return dueOn <= soon.toISOString().slice(0, 10) ? 'due_soon' : 'upcoming';
}
