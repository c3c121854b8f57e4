/**
 * Scoring of an emulation campaign: what each metric reads from a unit's facts, the points a value earns,
 * the unit's total, the ranking and the award levels the ranking suggests.
 *
 * Rules, written down once:
 * - A change metric is the percent change against the same period last year, to one decimal (negative = fewer).
 *   Zero base: none in either period scores full points; none last year but some now scores 0.
 * - A share metric (tasks, reports) is done on time ÷ due, in percent to one decimal; nothing due scores full.
 * - Points are linear between the value scoring 0 (`zeroAt`) and the value scoring full (`fullAt`), clamped,
 *   rounded to 2 decimals.
 * - The final points of a leaf are the office's reviewed points when it reviewed it, else the computed points
 *   (computed leaves) or the unit's own points (manual leaves); a manual leaf not yet scored counts 0.
 * - The score is earned ÷ the maximum of the leaves that apply to the unit × 100, to 2 decimals, so that units
 *   scored on different leaves are ranked on one scale.
 * - Ranking: higher score first; equal scores share a rank (1, 1, 3) and are listed by name.
 * - Awards: only units whose assessment the office reviewed; each takes the highest level whose minimum
 *   score it reaches, whose required leaves it has in full, and which still has room, in ranking order.
 */
import { compare, formatNumberVi } from '../crashes/comparison.ts';
import {
  type AwardLevel,
  appliesToUnit,
  type Criterion,
  type CriterionGroup,
  leavesOf,
  type MetricCode,
  type Problem,
  round2,
} from './criteria.ts';

/** The three criteria and the crashes that matter to the campaign, in one period. */
export interface AreaCrashes {
  crashes: number;
  deaths: number;
  injured: number;
  alcoholCrashes: number;
  verySeriousCrashes: number;
}

/** What the records say about one participant over the campaign period. */
export interface UnitFacts {
  /** in the unit's area (a commune) or, for a unit without one, the campaign's area */
  current: AreaCrashes;
  /** the same period last year */
  previous: AreaCrashes;
  /** task occurrences of its lead assignments due in the period (up to the day of computing) */
  tasks: { due: number; onTime: number };
  /** periodic reports due from it in the period */
  reports: { due: number; onTime: number };
  /** its staff among violators in the period (people, not violations) */
  staffViolators: number;
  propagandaSessions: number;
}

export interface MetricResult {
  /** the measured value; null when the zero-base rule decides the outcome */
  value: number | null;
  /** set when the value alone does not decide (zero base, nothing due) */
  outcome: 'full' | 'zero' | null;
  /** Vietnamese, e.g. 'Năm nay 9 vụ, cùng kỳ 10 vụ: giảm 10,0 %' */
  explanation: string;
}

/** Points the Vietnamese way with at most 2 decimals: `82,25`, `60,9`, `95`. */
export const formatPointsVi = (n: number): string => formatNumberVi(round2(n));

const percentText = (p: number) => `${formatNumberVi(Math.abs(p), 1)} %`;

function change(now: number, before: number, noun: string): MetricResult {
  if (before === 0)
    return now === 0
      ? { value: null, outcome: 'full', explanation: `Không có ${noun} ở cả kỳ này và cùng kỳ` }
      : {
          value: null,
          outcome: 'zero',
          explanation: `Cùng kỳ không có, kỳ này ${formatNumberVi(now)} ${noun}`,
        };
  const c = compare(now, before);
  const percent = c.percent ?? 0;
  const trend =
    c.direction === 'down'
      ? `giảm ${percentText(percent)}`
      : c.direction === 'up'
        ? `tăng ${percentText(percent)}`
        : 'không đổi';
  return {
    value: percent,
    outcome: null,
    explanation: `Kỳ này ${formatNumberVi(now)} ${noun}, cùng kỳ ${formatNumberVi(before)} ${noun}: ${trend}`,
  };
}

function share(done: number, due: number, noun: string): MetricResult {
  if (due === 0) return { value: null, outcome: 'full', explanation: `Không có ${noun} đến hạn trong kỳ` };
  const value = Math.round((done * 1000) / due) / 10;
  return {
    value,
    outcome: null,
    explanation: `${formatNumberVi(done)}/${formatNumberVi(due)} ${noun} đúng hạn (${formatNumberVi(value, 1)} %)`,
  };
}

const count = (n: number, text: string): MetricResult => ({
  value: n,
  outcome: null,
  explanation: `${formatNumberVi(n)} ${text}`,
});

export function measure(metric: MetricCode, f: UnitFacts): MetricResult {
  switch (metric) {
    case 'crashes_change':
      return change(f.current.crashes, f.previous.crashes, 'vụ');
    case 'deaths_change':
      return change(f.current.deaths, f.previous.deaths, 'người chết');
    case 'injured_change':
      return change(f.current.injured, f.previous.injured, 'người bị thương');
    case 'alcohol_crashes_change':
      return change(f.current.alcoholCrashes, f.previous.alcoholCrashes, 'vụ do rượu, bia');
    case 'very_serious_crashes':
      return count(f.current.verySeriousCrashes, 'vụ đặc biệt nghiêm trọng');
    case 'tasks_on_time':
      return share(f.tasks.onTime, f.tasks.due, 'nhiệm vụ');
    case 'reports_on_time':
      return share(f.reports.onTime, f.reports.due, 'báo cáo');
    case 'staff_violators':
      return count(f.staffViolators, 'cán bộ, nhân viên vi phạm');
    case 'propaganda_sessions':
      return count(f.propagandaSessions, 'buổi tuyên truyền');
  }
}

/** The points a computed leaf earns for a result. */
export function pointsFor(c: Criterion, r: MetricResult): number {
  if (r.outcome === 'full') return c.maxPoints;
  if (r.outcome === 'zero' || r.value === null) return 0;
  const zeroAt = c.zeroAt ?? 0;
  const fullAt = c.fullAt ?? 1;
  const fraction = Math.min(1, Math.max(0, (r.value - zeroAt) / (fullAt - zeroAt)));
  return round2(c.maxPoints * fraction);
}

/** One leaf's points as the unit, the data and the office gave them. */
export interface LeafScore {
  code: string;
  computedPoints: number | null;
  selfPoints: number | null;
  reviewPoints: number | null;
}

export function finalPoints(c: Criterion, s: LeafScore | undefined): number {
  if (s?.reviewPoints !== null && s?.reviewPoints !== undefined) return s.reviewPoints;
  if (c.kind === 'computed') return s?.computedPoints ?? 0;
  return s?.selfPoints ?? 0;
}

export interface Totals {
  earned: number;
  max: number;
  /** of 100 */
  score: number;
  /** leaves with full points (for award conditions) */
  fullLeaves: string[];
}

export function totalsOf(
  groups: readonly CriterionGroup[],
  unitKind: string,
  scores: readonly LeafScore[],
): Totals {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  let earned = 0;
  let max = 0;
  const fullLeaves: string[] = [];
  for (const c of leavesOf(groups)) {
    if (!appliesToUnit(c, unitKind)) continue;
    const points = finalPoints(c, byCode.get(c.code));
    earned += points;
    max += c.maxPoints;
    if (points >= c.maxPoints) fullLeaves.push(c.code);
  }
  earned = round2(earned);
  max = round2(max);
  return { earned, max, score: max === 0 ? 0 : round2((earned * 100) / max), fullLeaves };
}

/** Xếp loại by score (of 100). */
export const CLASSIFICATIONS = [
  { code: 'excellent', label: 'Hoàn thành xuất sắc', minScore: 90 },
  { code: 'good', label: 'Hoàn thành tốt', minScore: 75 },
  { code: 'done', label: 'Hoàn thành', minScore: 50 },
  { code: 'not_done', label: 'Không hoàn thành', minScore: 0 },
] as const;

export const classificationOf = (score: number) =>
  CLASSIFICATIONS.find((c) => score >= c.minScore) ?? CLASSIFICATIONS[CLASSIFICATIONS.length - 1]!;

export interface RankInput {
  orgUnitId: number;
  name: string;
  /** the office reviewed the assessment (only reviewed units can be proposed for an award) */
  reviewed: boolean;
  totals: Totals;
}

export interface Ranked extends RankInput {
  rank: number;
  classification: string;
  /** the award level the rules suggest, or null */
  suggestedLevel: string | null;
}

export function rank(units: readonly RankInput[], levels: readonly AwardLevel[]): Ranked[] {
  const sorted = [...units].sort(
    (a, b) => b.totals.score - a.totals.score || a.name.localeCompare(b.name, 'vi'),
  );
  const given = new Map<string, number>();
  let previous: Ranked | undefined;
  return sorted.map((u, i) => {
    const r: Ranked = {
      ...u,
      rank: previous && previous.totals.score === u.totals.score ? previous.rank : i + 1,
      classification: classificationOf(u.totals.score).label,
      suggestedLevel: null,
    };
    if (u.reviewed) {
      const level = levels.find(
        (l) =>
          u.totals.score >= l.minScore &&
          l.requiresFullPoints.every((code) => u.totals.fullLeaves.includes(code)) &&
          (l.maxCount === null || (given.get(l.code) ?? 0) < l.maxCount),
      );
      if (level) {
        r.suggestedLevel = level.code;
        given.set(level.code, (given.get(level.code) ?? 0) + 1);
      }
    }
    previous = r;
    return r;
  });
}

/** Why proposals break the campaign's award rules, by item, in Vietnamese; [] when they may be made. */
export function proposalProblems(
  proposals: readonly { orgUnitId: number; levelCode: string }[],
  ranking: readonly Ranked[],
  levels: readonly AwardLevel[],
): Problem[] {
  const problems: Problem[] = [];
  const units = new Map(ranking.map((r) => [r.orgUnitId, r]));
  const seen = new Set<number>();
  const counts = new Map<string, number>();
  proposals.forEach((p, i) => {
    const path = `items.${i}`;
    const unit = units.get(p.orgUnitId);
    const level = levels.find((l) => l.code === p.levelCode);
    if (!unit) {
      problems.push({ path: `${path}.orgUnitId`, message: 'Đơn vị không tham gia phong trào' });
      return;
    }
    if (seen.has(p.orgUnitId))
      problems.push({ path: `${path}.orgUnitId`, message: `${unit.name} đã có trong danh sách` });
    seen.add(p.orgUnitId);
    if (!level) {
      problems.push({
        path: `${path}.levelCode`,
        message: 'Hình thức khen thưởng không có trong phong trào',
      });
      return;
    }
    if (!unit.reviewed)
      problems.push({
        path: `${path}.orgUnitId`,
        message: `${unit.name} chưa được thẩm định kết quả chấm điểm`,
      });
    if (unit.totals.score < level.minScore)
      problems.push({
        path: `${path}.levelCode`,
        message: `${unit.name} đạt ${formatPointsVi(unit.totals.score)} điểm, chưa đủ ${formatNumberVi(level.minScore)} điểm để đề nghị ${level.title}`,
      });
    const missing = level.requiresFullPoints.filter((code) => !unit.totals.fullLeaves.includes(code));
    if (missing.length > 0)
      problems.push({
        path: `${path}.levelCode`,
        message: `${unit.name} chưa đạt điểm tối đa ở tiêu chí ${missing.join(', ')}, điều kiện của ${level.title}`,
      });
    counts.set(level.code, (counts.get(level.code) ?? 0) + 1);
    if (level.maxCount !== null && (counts.get(level.code) ?? 0) > level.maxCount)
      problems.push({
        path: `${path}.levelCode`,
        message: `${level.title} chỉ đề nghị tối đa ${formatNumberVi(level.maxCount)} đơn vị`,
      });
  });
  return problems;
}
