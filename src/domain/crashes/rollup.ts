/**
 * How a period is read from the roll-ups: the whole months inside it from the monthly table, the
 * days before the first and after the last whole month from the daily table. Pure.
 */
import { addDays } from './periods.ts';
export interface Segments {
  /** first days of the first and last whole month, or null when no month is whole */
  months: { from: string; to: string } | null;
  /** partial months, as day ranges (at most two) */
  days: { from: string; to: string }[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
function addMonths(first: string, n: number): string {
  const d = new Date(`${first}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d);
}

/** Splits [from, to] (yyyy-mm-dd, inclusive) into whole months and the days around them. */
export function monthSegments(from: string, to: string): Segments {
  if (to < from) return { months: null, days: [] };
  // The first whole month starts at `from` if it is the 1st, else the next month.
  const firstWhole = from.endsWith('-01') ? from : addMonths(firstOfMonth(from), 1);
  // The last whole month ends at `to` if `to` is a month's last day.
  const lastWhole = addDays(to, 1).endsWith('-01') ? firstOfMonth(to) : addMonths(firstOfMonth(to), -1);
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  const afterLast = addMonths(lastWhole, 1);
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}
