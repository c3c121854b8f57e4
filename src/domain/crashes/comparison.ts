/**
 * The three criteria (ba tiêu chí: số vụ, số người chết, số người bị thương) compared with the same period
 * of the previous year (so với cùng kỳ), the sentence clerks write about them, and the year-end projection
 * against the target (kéo giảm 5–10 % trên cả 3 tiêu chí).
 *
 * Pure: no I/O, no clock — the "as of" date is always an argument.
 *
 * Rules (documented, because an officer will ask):
 * - Change = current − previous. Percent = change ÷ previous × 100, rounded to one decimal, halves away
 *   from zero (−2 of 32 = −6,25 % → −6,3 %). There is no percent when the previous value is 0.
 * - Numbers are written the Vietnamese way: `1.234`, `-10,0 %`, `+5,3 %`; no percent is `—`.
 * - The sentence follows the reports' phrasing ("So với cùng kỳ năm 2014 giảm 400 vụ (-18,74%), giảm 47
 *   người chết (-6,23%), giảm 560 người bị thương (-27,4%)" in the National Traffic Safety Committee's
 *   monthly release): "Từ ngày d/m/yyyy đến ngày d/m/yyyy, <place> xảy ra N vụ TNGT, làm chết N người,
 *   bị thương N người; so với cùng kỳ năm Y giảm N vụ (-x,x %), …". Days and months carry no leading zero
 *   in the prose. A criterion that did not move is written "không tăng, không giảm số vụ / số người chết /
 *   số người bị thương"; a change from 0 has no percent, so the parenthesis is left out.
 * - Year-end projection (`projectYear`):
 *   - seasonal ratio when last year's value to the same date is known and positive:
 *     projected = ytd ÷ previousYtd × previousYear (this year keeps last year's seasonal shape);
 *   - otherwise linear by elapsed days: projected = ytd ÷ elapsed days × days in the year, the year counted
 *     from `yearStart` (1/1 by default; pass 15/12 of the previous year for the reporting basis).
 * - Target (`targetStatus`), for a target "decrease min–max %" on last year's value P:
 *   - the allowed values for the year are ⌈P × (1 − max %)⌉ … ⌊P × (1 − min %)⌋ (whole numbers: 5–10 % of
 *     200 → 180 … 190);
 *   - on track if projected ≤ P × (1 − min %); at risk if above that but ≤ P (falling, not enough);
 *     off track if above P (rising).
 *   For an "increase min–max %" target it is the mirror image: allowed ⌈P × (1 + min %)⌉ … ⌊P × (1 + max %)⌋;
 *   on track if projected ≥ P × (1 + min %); at risk if ≥ P; off track if below P.
 */
import { dayCount, formatDateVi, isIsoDate, type Period, shiftYears } from './periods.ts';

export type Direction = 'up' | 'down' | 'same';

export interface Comparison {
  current: number;
  previous: number;
  change: number;
  /** change ÷ previous × 100 rounded to 1 decimal; null when previous is 0. */
  percent: number | null;
  direction: Direction;
}

/** One criterion in the current period and in the same period of the previous year. */
export interface CurrentAndPrevious {
  current: number;
  previous: number;
}

/** The three criteria, each now and in the same period of the previous year. */
export interface ThreeCriteria {
  crashes: CurrentAndPrevious;
  deaths: CurrentAndPrevious;
  injured: CurrentAndPrevious;
}

/** Rounds to one decimal, halves away from zero, from an exact ratio of integers where possible. */
function percentOf(change: number, previous: number): number {
  const tenths = Math.round((Math.abs(change) * 1000) / Math.abs(previous));
  const sign = Math.sign(change) * Math.sign(previous);
  return sign === 0 ? 0 : (sign * tenths) / 10;
}

export function compare(current: number, previous: number): Comparison {
  const change = current - previous;
  return {
    current,
    previous,
    change,
    percent: previous === 0 ? null : percentOf(change, previous),
    direction: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
  };
}

/** `1.234`, `-1.234`, `1.234,5` (with `fractionDigits` = 1). */
export function formatNumberVi(n: number, fractionDigits?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = fractionDigits === undefined ? String(Math.abs(n)) : Math.abs(n).toFixed(fractionDigits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = n < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** `-10,0 %`, `+5,3 %`, `0,0 %`; `—` when there is no percent. */
export function formatPercentVi(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '—';
  const body = formatNumberVi(Math.abs(p), 1);
  const sign = body === '0,0' ? '' : p > 0 ? '+' : '-';
  return `${sign}${body} %`;
}

/** "giảm 5 vụ (-10,0 %)", "tăng 3 người bị thương (+12,0 %)", "không tăng, không giảm số vụ". */
function changePhrase(c: Comparison, unit: string, noun: string): string {
  if (c.change === 0) return `không tăng, không giảm ${noun}`;
  const verb = c.change > 0 ? 'tăng' : 'giảm';
  const pct = c.percent === null ? '' : ` (${formatPercentVi(c.percent)})`;
  return `${verb} ${formatNumberVi(Math.abs(c.change))} ${unit}${pct}`;
}

/**
 * The sentence of a report on the three criteria, e.g.
 * "Từ ngày 15/12/2024 đến ngày 14/6/2025, toàn tỉnh xảy ra 45 vụ TNGT, làm chết 30 người, bị thương
 * 28 người; so với cùng kỳ năm 2024 giảm 5 vụ (-10,0 %), giảm 2 người chết (-6,3 %), tăng 3 người bị
 * thương (+12,0 %)."
 */
export function comparisonSentence(
  period: Period,
  previousYear: number,
  c: ThreeCriteria,
  place = 'toàn tỉnh',
): string {
  const crashes = compare(c.crashes.current, c.crashes.previous);
  const deaths = compare(c.deaths.current, c.deaths.previous);
  const injured = compare(c.injured.current, c.injured.previous);
  const when = `Từ ngày ${formatDateVi(period.from, false)} đến ngày ${formatDateVi(period.to, false)}`;
  let what: string;
  if (crashes.current === 0 && deaths.current === 0 && injured.current === 0) {
    what = `${place} không xảy ra vụ TNGT nào`;
  } else {
    const died =
      deaths.current === 0 ? 'không có người chết' : `làm chết ${formatNumberVi(deaths.current)} người`;
    const hurt =
      injured.current === 0
        ? 'không có người bị thương'
        : `bị thương ${formatNumberVi(injured.current)} người`;
    what = `${place} xảy ra ${formatNumberVi(crashes.current)} vụ TNGT, ${died}, ${hurt}`;
  }
  const changes = [
    changePhrase(crashes, 'vụ', 'số vụ'),
    changePhrase(deaths, 'người chết', 'số người chết'),
    changePhrase(injured, 'người bị thương', 'số người bị thương'),
  ].join(', ');
  return `${when}, ${what}; so với cùng kỳ năm ${previousYear} ${changes}.`;
}

export interface ProjectionInput {
  /** This year's value from the start of the year to `asOf`. */
  ytd: number;
  /** Last year's value over the same days. */
  previousYtd: number;
  /** Last year's value for the whole year. */
  previousYear: number;
  /** The last day counted in `ytd` (`yyyy-mm-dd`). */
  asOf: string;
  year: number;
  /** First day of the year counted (default 1/1 of `year`; 15/12 of the previous year on the reporting basis). */
  yearStart?: string;
}

/**
 * Projected full-year value: seasonal ratio (ytd ÷ previousYtd × previousYear) when previousYtd > 0,
 * otherwise linear by elapsed days. `asOf` before the year starts counts one day; after it ends, the whole
 * year. Throws RangeError on an invalid date.
 */
export function projectYear(input: ProjectionInput): number {
  const { ytd, previousYtd, previousYear, asOf, year } = input;
  const yearStart = input.yearStart ?? `${String(year).padStart(4, '0')}-01-01`;
  if (!isIsoDate(asOf)) throw new RangeError(`Not a valid date (yyyy-mm-dd): ${asOf}`);
  if (!isIsoDate(yearStart)) throw new RangeError(`Not a valid date (yyyy-mm-dd): ${yearStart}`);
  if (previousYtd > 0) return (ytd / previousYtd) * previousYear;
  const nextYearStart = shiftYears(yearStart, 1);
  if (asOf >= nextYearStart) return ytd;
  const yearDays = dayCount(yearStart, nextYearStart) - 1;
  const elapsed = asOf < yearStart ? 1 : dayCount(yearStart, asOf);
  return (ytd / elapsed) * yearDays;
}

export type TargetDirection = 'decrease' | 'increase';
export type TargetState = 'on_track' | 'at_risk' | 'off_track';

export interface TargetInput {
  projected: number;
  previousYear: number;
  /** Smallest change asked for, in percent (5 in "giảm 5–10 %"). */
  minPercent: number;
  /** Largest change aimed at, in percent (10 in "giảm 5–10 %"). */
  maxPercent: number;
  direction: TargetDirection;
}

export interface TargetStatus {
  /** Smallest whole value allowed for the year. */
  targetValueMin: number;
  /** Largest whole value allowed for the year. */
  targetValueMax: number;
  status: TargetState;
  message: string;
}

const EPS = 1e-9;

/** Where a projected year stands against a "decrease (or increase) min–max %" target; rules in the file comment. */
export function targetStatus(input: TargetInput): TargetStatus {
  const { projected, previousYear: p, direction } = input;
  const lo = Math.min(input.minPercent, input.maxPercent);
  const hi = Math.max(input.minPercent, input.maxPercent);
  const sign = direction === 'decrease' ? -1 : 1;
  // The change asked for at least (lo) and aimed at (hi), as values for the year.
  const atLeast = (p * (100 + sign * lo)) / 100;
  const aimed = (p * (100 + sign * hi)) / 100;
  let targetValueMin: number;
  let targetValueMax: number;
  let status: TargetState;
  if (direction === 'decrease') {
    targetValueMax = Math.floor(atLeast + EPS) + 0; // + 0 turns -0 into 0
    targetValueMin = Math.min(Math.ceil(aimed - EPS) + 0, targetValueMax);
    status = projected <= atLeast + EPS ? 'on_track' : projected <= p + EPS ? 'at_risk' : 'off_track';
  } else {
    targetValueMin = Math.ceil(atLeast - EPS) + 0;
    targetValueMax = Math.max(Math.floor(aimed + EPS) + 0, targetValueMin);
    status = projected >= atLeast - EPS ? 'on_track' : projected >= p - EPS ? 'at_risk' : 'off_track';
  }

  const rounded = Math.round(projected);
  const pct = compare(rounded, p).percent;
  const vsLastYear = pct === null ? '' : ` (${formatPercentVi(pct)} so với năm trước)`;
  const verb = direction === 'decrease' ? 'giảm' : 'tăng';
  const goal = `chỉ tiêu ${verb} ${formatNumberVi(lo)}–${formatNumberVi(hi)} %`;
  const range = `${formatNumberVi(targetValueMin)}–${formatNumberVi(targetValueMax)}`;
  const head = `Dự báo cả năm khoảng ${formatNumberVi(rounded)}${vsLastYear}`;
  let message: string;
  if (status === 'on_track') message = `${head}: đạt ${goal} (mức cần đạt ${range}).`;
  else if (status === 'at_risk')
    message =
      direction === 'decrease'
        ? `${head}: có giảm nhưng chưa đạt ${goal} (cần không quá ${formatNumberVi(targetValueMax)}).`
        : `${head}: có tăng nhưng chưa đạt ${goal} (cần ít nhất ${formatNumberVi(targetValueMin)}).`;
  else
    message =
      direction === 'decrease'
        ? `${head}: tăng so với năm trước, không đạt ${goal} (mức cần đạt ${range}).`
        : `${head}: giảm so với năm trước, không đạt ${goal} (mức cần đạt ${range}).`;
  return { targetValueMin, targetValueMax, status, message };
}
