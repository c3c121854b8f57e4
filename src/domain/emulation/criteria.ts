/**
 * The criteria of an emulation campaign (phong trào thi đua): a tree of groups (I, II …) whose leaves carry
 * the maximum points (the weights: a leaf of 10 points weighs twice one of 5). A leaf is either computed from
 * the platform's records by a metric — the change in crashes, deaths and injured in the unit's area against
 * the same period last year, very serious crashes, tasks done on time, reports sent on time, the unit's staff
 * among violators, propaganda sessions held — or assessed by hand with evidence attached.
 *
 * Pure: the template of seed 003 (Tam Đường's 2023 campaign) is data here; nothing reads the database.
 */

/** What a computed criterion measures (see `measure` in scoring.ts for how each value is formed). */
export const METRICS = [
  {
    code: 'crashes_change',
    label: 'Số vụ TNGT trên địa bàn so với cùng kỳ',
    unit: '%',
    zeroAt: 0,
    fullAt: -10,
  },
  {
    code: 'deaths_change',
    label: 'Số người chết do TNGT trên địa bàn so với cùng kỳ',
    unit: '%',
    zeroAt: 0,
    fullAt: -10,
  },
  {
    code: 'injured_change',
    label: 'Số người bị thương do TNGT trên địa bàn so với cùng kỳ',
    unit: '%',
    zeroAt: 0,
    fullAt: -10,
  },
  {
    code: 'alcohol_crashes_change',
    label: 'Số vụ TNGT do rượu, bia trên địa bàn so với cùng kỳ',
    unit: '%',
    zeroAt: 0,
    fullAt: -10,
  },
  {
    code: 'very_serious_crashes',
    label: 'Số vụ TNGT đặc biệt nghiêm trọng trên địa bàn',
    unit: 'vụ',
    zeroAt: 1,
    fullAt: 0,
  },
  {
    code: 'tasks_on_time',
    label: 'Tỉ lệ nhiệm vụ được giao hoàn thành đúng hạn',
    unit: '%',
    zeroAt: 0,
    fullAt: 100,
  },
  {
    code: 'reports_on_time',
    label: 'Tỉ lệ báo cáo định kỳ gửi đúng hạn',
    unit: '%',
    zeroAt: 0,
    fullAt: 100,
  },
  {
    code: 'staff_violators',
    label: 'Số cán bộ, nhân viên của đơn vị vi phạm TTATGT',
    unit: 'người',
    zeroAt: 5,
    fullAt: 0,
  },
  {
    code: 'propaganda_sessions',
    label: 'Số buổi, hoạt động tuyên truyền đã tổ chức',
    unit: 'buổi',
    zeroAt: 0,
    fullAt: 12,
  },
] as const;

export type MetricCode = (typeof METRICS)[number]['code'];
export const METRIC_CODES = METRICS.map((m) => m.code) as [MetricCode, ...MetricCode[]];
export const metricOf = (code: MetricCode) => METRICS.find((m) => m.code === code)!;

/** Which participants a criterion is scored for: all, only communes (and localities), only the others. */
export const APPLIES_TO = ['all', 'communes', 'agencies'] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];

/** A leaf of the tree: what is scored. */
export interface Criterion {
  /** unique in the campaign, e.g. '1.2' */
  code: string;
  title: string;
  /** điểm tối đa (the weight) */
  maxPoints: number;
  kind: 'computed' | 'manual';
  /** computed: what is measured, and the values scoring 0 and full points (linear between, clamped) */
  metric?: MetricCode;
  zeroAt?: number;
  fullAt?: number;
  appliesTo: AppliesTo;
  /** manual: a self-assessment must attach at least one file to this criterion */
  evidenceRequired?: boolean;
  /** how to assess it (shown next to the score) */
  guidance?: string;
}

/** A group of the tree (I, II …); its maximum is the sum of its leaves. */
export interface CriterionGroup {
  code: string;
  title: string;
  children: Criterion[];
}

/** A level of award (hình thức khen thưởng), highest first in a campaign's list. */
export interface AwardLevel {
  code: string;
  /** 'Bằng khen của Chủ tịch UBND tỉnh' */
  title: string;
  /** the lowest score (of 100) a unit needs */
  minScore: number;
  /** how many units at most; null = no limit */
  maxCount: number | null;
  /** leaves that must have full points (e.g. 'không để xảy ra TNGT đặc biệt nghiêm trọng') */
  requiresFullPoints: string[];
}

export interface Problem {
  path: string;
  message: string;
}

export const leavesOf = (groups: readonly CriterionGroup[]): Criterion[] => groups.flatMap((g) => g.children);

export const maxTotal = (groups: readonly CriterionGroup[]): number =>
  round2(leavesOf(groups).reduce((sum, c) => sum + c.maxPoints, 0));

/** Rounds to 2 decimals, halves away from zero (points are shown with at most 2 decimals). */
export function round2(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

/** Problems of a criteria tree and award levels, by path, in Vietnamese; [] when they can be used. */
export function criteriaProblems(
  groups: readonly CriterionGroup[],
  levels: readonly AwardLevel[],
): Problem[] {
  const problems: Problem[] = [];
  const codes = new Set<string>();
  if (groups.length === 0) problems.push({ path: 'criteria', message: 'Cần ít nhất một nhóm tiêu chí' });
  groups.forEach((g, gi) => {
    if (codes.has(g.code)) problems.push({ path: `criteria.${gi}.code`, message: `Mã "${g.code}" bị trùng` });
    codes.add(g.code);
    if (g.children.length === 0)
      problems.push({ path: `criteria.${gi}.children`, message: 'Nhóm cần ít nhất một tiêu chí' });
    g.children.forEach((c, ci) => {
      const path = `criteria.${gi}.children.${ci}`;
      if (codes.has(c.code)) problems.push({ path: `${path}.code`, message: `Mã "${c.code}" bị trùng` });
      codes.add(c.code);
      if (!(c.maxPoints > 0))
        problems.push({ path: `${path}.maxPoints`, message: 'Điểm tối đa phải lớn hơn 0' });
      if (c.kind === 'computed') {
        if (!c.metric)
          problems.push({ path: `${path}.metric`, message: 'Tiêu chí tính từ dữ liệu cần chọn chỉ số' });
        if (c.zeroAt === undefined || c.fullAt === undefined)
          problems.push({ path: `${path}.fullAt`, message: 'Cần mức 0 điểm và mức điểm tối đa' });
        else if (c.zeroAt === c.fullAt)
          problems.push({ path: `${path}.fullAt`, message: 'Mức điểm tối đa phải khác mức 0 điểm' });
        if (c.evidenceRequired)
          problems.push({
            path: `${path}.evidenceRequired`,
            message: 'Tiêu chí tính từ dữ liệu không cần tệp minh chứng',
          });
      } else if (c.metric) {
        problems.push({ path: `${path}.metric`, message: 'Tiêu chí chấm tay không có chỉ số' });
      }
    });
  });
  const leafCodes = new Set(leavesOf(groups).map((c) => c.code));
  const levelCodes = new Set<string>();
  levels.forEach((l, li) => {
    const path = `awardLevels.${li}`;
    if (levelCodes.has(l.code)) problems.push({ path: `${path}.code`, message: `Mã "${l.code}" bị trùng` });
    levelCodes.add(l.code);
    if (l.minScore < 0 || l.minScore > 100)
      problems.push({ path: `${path}.minScore`, message: 'Điểm tối thiểu phải từ 0 đến 100' });
    if (l.maxCount !== null && l.maxCount < 1)
      problems.push({ path: `${path}.maxCount`, message: 'Số lượng tối đa phải từ 1 trở lên' });
    for (const code of l.requiresFullPoints)
      if (!leafCodes.has(code))
        problems.push({ path: `${path}.requiresFullPoints`, message: `Không có tiêu chí "${code}"` });
  });
  return problems;
}

/** Is a criterion scored for a participant of this kind of org unit? */
export function appliesToUnit(criterion: Criterion, unitKind: string): boolean {
  const commune = unitKind === 'commune_committee' || unitKind === 'locality';
  return criterion.appliesTo === 'all' || (criterion.appliesTo === 'communes') === commune;
}

const computed = (
  code: string,
  title: string,
  maxPoints: number,
  metric: MetricCode,
  guidance?: string,
): Criterion => {
  const m = metricOf(metric);
  return {
    code,
    title,
    maxPoints,
    kind: 'computed',
    metric,
    zeroAt: m.zeroAt,
    fullAt: m.fullAt,
    appliesTo: 'all',
    ...(guidance ? { guidance } : {}),
  };
};
const manual = (code: string, title: string, maxPoints: number, guidance: string): Criterion => ({
  code,
  title,
  maxPoints,
  kind: 'manual',
  appliesTo: 'all',
  evidenceRequired: true,
  guidance,
});

/**
 * The criteria of the campaign "Bảo đảm trật tự An toàn giao thông năm …" as seed 003 launches it: its aims
 * (cut crashes 5–10 % on all three criteria against the previous year, fewer drink-driving crashes, no very
 * serious crash) computed from the records; its content items 1–6 assessed by hand with evidence; tasks,
 * reports, propaganda and staff compliance (seeds 000 and 002) computed. 100 points.
 */
export function trafficOrderCriteria(): CriterionGroup[] {
  return [
    {
      code: 'I',
      title: 'Kết quả kéo giảm tai nạn giao thông trên địa bàn',
      children: [
        computed(
          '1.1',
          'Giảm số vụ TNGT so với cùng kỳ',
          10,
          'crashes_change',
          'Giảm từ 10 % trở lên: đủ điểm',
        ),
        computed(
          '1.2',
          'Giảm số người chết so với cùng kỳ',
          10,
          'deaths_change',
          'Giảm từ 10 % trở lên: đủ điểm',
        ),
        computed(
          '1.3',
          'Giảm số người bị thương so với cùng kỳ',
          10,
          'injured_change',
          'Giảm từ 10 % trở lên: đủ điểm',
        ),
        computed(
          '1.4',
          'Giảm TNGT do uống rượu, bia khi điều khiển phương tiện',
          5,
          'alcohol_crashes_change',
        ),
        computed('1.5', 'Không để xảy ra TNGT đặc biệt nghiêm trọng', 5, 'very_serious_crashes'),
      ],
    },
    {
      code: 'II',
      title: 'Thực hiện nhiệm vụ được giao và chế độ báo cáo',
      children: [
        computed('2.1', 'Hoàn thành nhiệm vụ được giao đúng hạn', 15, 'tasks_on_time'),
        computed('2.2', 'Gửi báo cáo định kỳ đúng hạn', 10, 'reports_on_time'),
      ],
    },
    {
      code: 'III',
      title: 'Tuyên truyền, xây dựng văn hóa giao thông an toàn',
      children: [
        computed(
          '3.1',
          'Tổ chức tuyên truyền, phổ biến, giáo dục pháp luật về TTATGT',
          10,
          'propaganda_sessions',
        ),
        computed('3.2', 'Cán bộ, nhân viên chấp hành pháp luật về TTATGT', 5, 'staff_violators'),
      ],
    },
    {
      code: 'IV',
      title: 'Nội dung phong trào (đánh giá theo hồ sơ)',
      children: [
        manual(
          '4.1',
          'Lãnh đạo, chỉ đạo; kiểm tra, đôn đốc thực hiện Kết luận 45-KL/TW; kiện toàn Ban ATGT',
          5,
          'Kế hoạch, văn bản chỉ đạo, biên bản kiểm tra của đơn vị trong năm',
        ),
        manual(
          '4.2',
          'Ứng dụng công nghệ, chia sẻ dữ liệu; lồng ghép mục tiêu TTATGT vào quy hoạch',
          5,
          'Sản phẩm, kết quả ứng dụng CNTT; quy hoạch, kế hoạch có lồng ghép',
        ),
        manual(
          '4.3',
          'Kết cấu hạ tầng giao thông; rà soát, xử lý điểm đen, điểm tiềm ẩn TNGT',
          5,
          'Danh mục điểm đã xử lý, biên bản nghiệm thu, hình ảnh',
        ),
        manual(
          '4.4',
          'Cứu hộ, cứu nạn, sơ cứu nạn nhân; tập huấn kỹ năng sơ cứu',
          5,
          'Kế hoạch, danh sách tập huấn, kết quả cứu hộ',
        ),
      ],
    },
  ];
}

/** Award levels used with the template: an emulation flag, certificates of merit, the committee's certificate. */
export function defaultAwardLevels(): AwardLevel[] {
  return [
    {
      code: 'co_thi_dua',
      title: 'Cờ thi đua của UBND tỉnh',
      minScore: 95,
      maxCount: 1,
      requiresFullPoints: ['1.5'],
    },
    {
      code: 'bang_khen',
      title: 'Bằng khen của Chủ tịch UBND tỉnh',
      minScore: 90,
      maxCount: 3,
      requiresFullPoints: ['1.5'],
    },
    {
      code: 'giay_khen',
      title: 'Giấy khen của Trưởng Ban ATGT tỉnh',
      minScore: 80,
      maxCount: 5,
      requiresFullPoints: [],
    },
  ];
}
