/**
 * Black spot (điểm đen) and potential crash location (điểm tiềm ẩn TNGT) criteria, as dated configuration.
 *
 * Nothing here is hard-coded into the detection: linear.ts and spatial.ts take a `BlackSpotCriteria` value,
 * and `criteriaInForce(date)` picks the entry of BLACK_SPOT_CRITERIA valid on a date.
 *
 * Sources and their status (searched 2025; see `note` on each entry):
 * - The figures (≥ 2 fatal crashes, or ≥ 3 crashes with ≥ 1 fatal, or ≥ 4 injury crashes, within 12 months
 *   on a location or a segment of ≤ 500 m) are those commonly quoted from Thông tư 26/2012/TT-BGTVT, as
 *   docs/DOMAIN.md quotes them. They have NOT been checked against the text of either document.
 * - DOMAIN.md states the method and criteria moved to Nghị định 165/2024/NĐ-CP, Phụ lục II, from 01/01/2025.
 * - A secondary source (lawnet.vn, "Procedures for handling frequent road traffic accident spots, potential
 *   road traffic accident spots in Vietnam from January 1, 2025") says the handling procedure is in
 *   Article 15 of Thông tư 41/2024/TT-BGTVT and refers to criteria in its Article 14. Check which of the
 *   Decree annex and the Circular carries the thresholds before setting `verified: true`.
 */

/** One rule: every minimum given must hold (AND). Rules of a criteria entry are alternatives (OR). */
export interface CrashRule {
  /** Crashes in which at least one person died. */
  minFatalCrashes?: number;
  /** Crashes of any kind (including damage-only crashes that are recorded). */
  minCrashes?: number;
  /** Same count as minFatalCrashes (a crash with a death); kept so rules can be written as the text reads. */
  minCrashesWithDeath?: number;
  /** Crashes in which at least one person was injured (a crash with deaths and injuries counts here too). */
  minInjuryCrashes?: number;
}

export interface BlackSpotCriteria {
  id: string;
  /** ISO date, inclusive. */
  validFrom: string;
  /** ISO date, inclusive; null while in force. */
  validTo: string | null;
  citation: string;
  /** True only when the figures were checked against the official text. */
  verified: boolean;
  note: string;
  /** Length of a road segment (linear) or diameter of a location (spatial), in metres. */
  segmentMetres: number;
  /** Length of the observation window, in months. */
  windowMonths: number;
  /** Alternatives (OR); each an AND of its minimums. */
  rules: CrashRule[];
  /** Threshold for a potential crash location (điểm tiềm ẩn TNGT). */
  potential: { minCrashes: number };
}

/** The quoted (unverified) figures, shared by both entries until the texts are checked. */
const QUOTED_RULES: CrashRule[] = [
  { minFatalCrashes: 2 },
  { minCrashes: 3, minCrashesWithDeath: 1 },
  { minInjuryCrashes: 4 },
];

export const BLACK_SPOT_CRITERIA: readonly BlackSpotCriteria[] = [
  {
    id: 'tt-26-2012',
    validFrom: '2012-09-03',
    validTo: '2024-12-31',
    citation:
      'Thông tư 26/2012/TT-BGTVT (Bộ Giao thông vận tải), xác định và xử lý vị trí nguy hiểm, điểm đen',
    verified: false,
    note:
      'Các con số là con số thường được trích dẫn, chưa đối chiếu với văn bản gốc. Ngày hiệu lực ước tính ' +
      '(45 ngày sau ngày ký 20/7/2012), cần kiểm tra. Ngưỡng điểm tiềm ẩn (2 vụ bất kỳ) là giả định cấu hình.',
    segmentMetres: 500,
    windowMonths: 12,
    rules: QUOTED_RULES,
    potential: { minCrashes: 2 },
  },
  {
    id: 'nd-165-2024-pl-ii',
    validFrom: '2025-01-01',
    validTo: null,
    citation: 'Nghị định 165/2024/NĐ-CP, Phụ lục II (hiệu lực từ 01/01/2025)',
    verified: false,
    note:
      'Chưa đối chiếu: dùng tạm các con số trích từ Thông tư 26/2012/TT-BGTVT. Một nguồn thứ cấp (lawnet.vn) ' +
      'cho biết quy trình xử lý điểm đen, điểm tiềm ẩn từ 01/01/2025 nằm ở Điều 14, 15 Thông tư 41/2024/TT-BGTVT; ' +
      'có tin sẽ được thay bằng phụ lục của một nghị định năm 2026. Cần kiểm tra trước khi dùng chính thức.',
    segmentMetres: 500,
    windowMonths: 12,
    rules: QUOTED_RULES,
    potential: { minCrashes: 2 },
  },
];

/** The entry in force on `date` (ISO date or date-time; only the calendar date counts), or null. */
export function criteriaInForce(
  date: string | Date,
  list: readonly BlackSpotCriteria[] = BLACK_SPOT_CRITERIA,
): BlackSpotCriteria | null {
  const day = typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  return list.find((c) => c.validFrom <= day && (c.validTo === null || day <= c.validTo)) ?? null;
}

/** The window of `criteria.windowMonths` months ending on `to` (inclusive): from = to − months + 1 day. */
export function windowEnding(to: string, criteria: Pick<BlackSpotCriteria, 'windowMonths'>) {
  const end = new Date(`${to.slice(0, 10)}T00:00:00Z`);
  const start = new Date(end);
  start.setUTCMonth(start.getUTCMonth() - criteria.windowMonths);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to: to.slice(0, 10) };
}

/** Counts over a set of crashes, all that the rules look at. */
export interface Tally {
  crashes: number;
  fatalCrashes: number;
  injuryCrashes: number;
  deaths: number;
  injured: number;
}

export type Level = 'black_spot' | 'potential';

export interface Classification {
  level: Level | null;
  /** Index into criteria.rules of the first rule met (black spot), or null. */
  rule: number | null;
}

export function tally(crashes: readonly { deaths: number; injured: number }[]): Tally {
  const t: Tally = { crashes: 0, fatalCrashes: 0, injuryCrashes: 0, deaths: 0, injured: 0 };
  for (const c of crashes) {
    t.crashes++;
    if (c.deaths > 0) t.fatalCrashes++;
    if (c.injured > 0) t.injuryCrashes++;
    t.deaths += c.deaths;
    t.injured += c.injured;
  }
  return t;
}

const meets = (r: CrashRule, t: Tally): boolean =>
  (r.minFatalCrashes === undefined || t.fatalCrashes >= r.minFatalCrashes) &&
  (r.minCrashesWithDeath === undefined || t.fatalCrashes >= r.minCrashesWithDeath) &&
  (r.minCrashes === undefined || t.crashes >= r.minCrashes) &&
  (r.minInjuryCrashes === undefined || t.injuryCrashes >= r.minInjuryCrashes);

/** Index of the first rule met, or -1. Rules with no minimum at all never match. */
export function firstRuleMet(t: Tally, criteria: Pick<BlackSpotCriteria, 'rules'>): number {
  const rules = criteria.rules;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (Object.values(r).every((v) => v === undefined)) continue;
    if (meets(r, t)) return i;
  }
  return -1;
}

export function classifyTally(
  t: Tally,
  criteria: Pick<BlackSpotCriteria, 'rules' | 'potential'>,
): Classification {
  const rule = firstRuleMet(t, criteria);
  if (rule >= 0) return { level: 'black_spot', rule };
  if (t.crashes > 0 && t.crashes >= criteria.potential.minCrashes) return { level: 'potential', rule: null };
  return { level: null, rule: null };
}

/** Classifies the crashes of one location or segment within one window. */
export function classify(
  crashes: readonly { deaths: number; injured: number }[],
  criteria: Pick<BlackSpotCriteria, 'rules' | 'potential'>,
): Classification {
  return classifyTally(tally(crashes), criteria);
}

/** Numeric level for comparisons: black spot 2, potential 1, nothing 0. */
export const levelRank = (l: Level | null): number => (l === 'black_spot' ? 2 : l === 'potential' ? 1 : 0);

/** The rule in plain Vietnamese, e.g. "≥ 3 vụ, trong đó ≥ 1 vụ có người chết". */
export function describeRule(r: CrashRule): string {
  const parts: string[] = [];
  if (r.minCrashes !== undefined) parts.push(`≥ ${r.minCrashes} vụ`);
  const fatal = Math.max(r.minFatalCrashes ?? 0, r.minCrashesWithDeath ?? 0);
  if (fatal > 0) parts.push(`≥ ${fatal} vụ có người chết`);
  if (r.minInjuryCrashes !== undefined) parts.push(`≥ ${r.minInjuryCrashes} vụ có người bị thương`);
  if (parts.length === 2 && r.minCrashes !== undefined) return `${parts[0]}, trong đó ${parts[1]}`;
  return parts.join(', ');
}

/**
 * Local calendar date of an ISO timestamp as recorded ("2024-03-05T23:10:00+07:00" → "2024-03-05").
 * Windows compare calendar dates, inclusive at both ends, as reports count "from 01/01 to 31/12".
 */
export const recordedDate = (iso: string): string => iso.slice(0, 10);

export const inWindow = (iso: string, w: { from: string; to: string }): boolean => {
  const d = iso.slice(0, 10);
  return d >= w.from.slice(0, 10) && d <= w.to.slice(0, 10);
};

/**
 * The same test as inWindow without slicing each timestamp (for large inputs): a timestamp's date part is
 * ≥ from exactly when the timestamp is ≥ from, and ≤ to exactly when the timestamp is ≤ to + U+FFFF.
 */
export function windowTest(w: { from: string; to: string }): (iso: string) => boolean {
  const lo = w.from.slice(0, 10);
  const hi = `${w.to.slice(0, 10)}\uffff`;
  return (iso) => iso.length >= 10 && iso >= lo && iso <= hi;
}
