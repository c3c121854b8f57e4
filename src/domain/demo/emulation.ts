/**
 * The demo's emulation campaigns: last year's, closed with its award proposals, and this year's, open for
 * self-assessment with some units sent and some already reviewed (journey 7: a commune self-assesses at year end).
 * Pure: which units act and the points they give themselves; the loader runs them through the service.
 */
import { leavesOf, trafficOrderCriteria } from '../emulation/criteria.ts';
import { Rng } from './rng.ts';

export type DemoAssessmentStage = 'not_started' | 'draft' | 'submitted' | 'reviewed';

export interface DemoAssessment {
  orgUnitCode: string;
  stage: DemoAssessmentStage;
  /** points of the manual leaves, by code */
  points: Record<string, number>;
  /** one leaf the office lowers in review, with its reason */
  reviewCut: { code: string; points: number; comment: string } | null;
}

const MANUAL = leavesOf(trafficOrderCriteria()).filter((c) => c.kind === 'manual');
const REASONS = [
  'Hồ sơ chưa có biên bản kiểm tra của quý IV',
  'Minh chứng chưa thể hiện kết quả tập huấn sơ cứu',
  'Chưa có danh mục điểm tiềm ẩn TNGT đã xử lý',
];

/**
 * Each participant's stage and points. `closed` campaigns: everyone reviewed. Open ones: the units that are not
 * in `keepOpen` (the demo users' own units, left for them to self-assess) sent in about two out of three cases.
 */
export function demoAssessments(
  unitCodes: readonly string[],
  options: { seed: number; closed: boolean; keepOpen: readonly string[] },
): DemoAssessment[] {
  const rng = new Rng(options.seed);
  return unitCodes.map((code) => {
    const points = Object.fromEntries(MANUAL.map((c) => [c.code, rng.int(6, 10) / 2]));
    const roll = rng.next();
    const stage: DemoAssessmentStage = options.closed
      ? 'reviewed'
      : options.keepOpen.includes(code)
        ? 'not_started'
        : roll < 0.3
          ? 'reviewed'
          : roll < 0.65
            ? 'submitted'
            : roll < 0.8
              ? 'draft'
              : 'not_started';
    const cut = stage === 'reviewed' && rng.next() < 0.3 ? rng.pick(MANUAL) : null;
    return {
      orgUnitCode: code,
      stage,
      points,
      reviewCut:
        cut && (points[cut.code] ?? 0) > 1
          ? { code: cut.code, points: (points[cut.code] ?? 0) - 1, comment: rng.pick(REASONS) }
          : null,
    };
  });
}
