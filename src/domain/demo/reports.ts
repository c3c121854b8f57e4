/**
 * The demo province's reporting regime for 2026, written for the demo (not real figures): the periodic form of
 * the Ban ATGT (indicators, narrative sections, a table of peak campaigns, rules), the flash form asked for
 * after a holiday, the 25 units that report, who is late or missing in which period, and what each unit
 * writes — figures sized to the unit (a remote commune is not the provincial police) and text that reads like
 * what such a unit sends to the committee office.
 *
 * Pure: figures come from a seeded Rng, dates from the arguments.
 */
import { formatNumberVi } from '../crashes/comparison.ts';
import type { FormDefinition, SubmissionValues } from '../reports/forms.ts';
import type { Rng } from './rng.ts';

export const DEMO_REPORT_YEAR = 2026;

export const PERIODIC_FORM: { code: string; name: string; description: string; definition: FormDefinition } =
  {
    code: 'atgt_periodic',
    name: 'Báo cáo kết quả công tác bảo đảm TTATGT',
    description:
      'Biểu mẫu báo cáo định kỳ (tháng, quý, 6 tháng, 9 tháng, năm) của các cơ quan, đơn vị thành viên Ban ATGT tỉnh ' +
      'và Ban ATGT các xã, phường. Số liệu tính từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ.',
    definition: {
      indicators: [
        {
          code: 'propaganda_sessions',
          label: 'Số buổi tuyên truyền',
          unit: 'buổi',
          kind: 'integer',
          required: true,
          group: 'Tuyên truyền, phổ biến, giáo dục pháp luật',
        },
        {
          code: 'propaganda_participants',
          label: 'Số lượt người tham dự',
          unit: 'lượt người',
          kind: 'integer',
          required: true,
          group: 'Tuyên truyền, phổ biến, giáo dục pháp luật',
        },
        {
          code: 'propaganda_students',
          label: 'Trong đó: học sinh, sinh viên',
          unit: 'lượt người',
          kind: 'integer',
          required: false,
          group: 'Tuyên truyền, phổ biến, giáo dục pháp luật',
        },
        {
          code: 'propaganda_news',
          label: 'Số tin, bài, phóng sự về TTATGT',
          unit: 'tin, bài',
          kind: 'integer',
          required: false,
          group: 'Tuyên truyền, phổ biến, giáo dục pháp luật',
        },
        {
          code: 'violations_detected',
          label: 'Số trường hợp vi phạm phát hiện',
          unit: 'trường hợp',
          kind: 'integer',
          required: false,
          group: 'Tuần tra, kiểm soát, xử lý vi phạm',
        },
        {
          code: 'violations_fined',
          label: 'Số trường hợp bị xử phạt',
          unit: 'trường hợp',
          kind: 'integer',
          required: false,
          group: 'Tuần tra, kiểm soát, xử lý vi phạm',
        },
        {
          code: 'fines_amount',
          label: 'Số tiền phạt',
          unit: 'đồng',
          kind: 'money',
          required: false,
          group: 'Tuần tra, kiểm soát, xử lý vi phạm',
        },
        {
          code: 'licences_revoked',
          label: 'Số GPLX bị tước quyền sử dụng',
          unit: 'giấy phép',
          kind: 'integer',
          required: false,
          group: 'Tuần tra, kiểm soát, xử lý vi phạm',
        },
        {
          code: 'vehicles_impounded',
          label: 'Số phương tiện bị tạm giữ',
          unit: 'phương tiện',
          kind: 'integer',
          required: false,
          group: 'Tuần tra, kiểm soát, xử lý vi phạm',
        },
        {
          code: 'blackspots_fixed',
          label: 'Số điểm đen TNGT đã xử lý',
          unit: 'điểm',
          kind: 'integer',
          required: false,
          group: 'Kết cấu hạ tầng giao thông',
        },
        {
          code: 'hazards_fixed',
          label: 'Số điểm tiềm ẩn TNGT đã xử lý',
          unit: 'điểm',
          kind: 'integer',
          required: false,
          group: 'Kết cấu hạ tầng giao thông',
        },
        {
          code: 'corridor_cleared',
          label: 'Số trường hợp vi phạm hành lang ATGT đường bộ đã giải tỏa',
          unit: 'trường hợp',
          kind: 'integer',
          required: false,
          group: 'Kết cấu hạ tầng giao thông',
        },
      ],
      // These codes feed the sections of the review report (src/domain/reports/review-content.ts).
      sections: [
        {
          code: 'results',
          title: 'Kết quả thực hiện nhiệm vụ',
          hint: 'Tuyên truyền; tuần tra, kiểm soát, xử lý vi phạm; kết cấu hạ tầng; cứu hộ, cứu nạn, khắc phục hậu quả TNGT.',
          required: true,
        },
        { code: 'shortcomings', title: 'Tồn tại, hạn chế', required: false },
        {
          code: 'causes',
          title: 'Nguyên nhân',
          hint: 'Nguyên nhân khách quan, chủ quan của tồn tại, hạn chế.',
          required: false,
        },
        { code: 'next_tasks', title: 'Nhiệm vụ trọng tâm kỳ tới', required: false },
        { code: 'proposals', title: 'Đề xuất, kiến nghị', required: false },
      ],
      tables: [
        {
          code: 'campaigns',
          title: 'Các đợt cao điểm trong kỳ',
          columns: [
            { code: 'name', label: 'Tên đợt cao điểm', kind: 'text' },
            { code: 'time', label: 'Thời gian', kind: 'text' },
            { code: 'violations', label: 'Số trường hợp vi phạm', kind: 'integer' },
          ],
          maxRows: 10,
        },
      ],
      rules: [
        {
          code: 'students_within_participants',
          left: ['propaganda_students'],
          operator: '<=',
          right: ['propaganda_participants'],
          message: 'Số lượt học sinh, sinh viên không được lớn hơn tổng số lượt người tham dự.',
        },
        {
          code: 'fined_within_detected',
          left: ['violations_fined'],
          operator: '<=',
          right: ['violations_detected'],
          message: 'Số trường hợp bị xử phạt không được lớn hơn số trường hợp vi phạm phát hiện.',
        },
        {
          code: 'revoked_within_fined',
          left: ['licences_revoked'],
          operator: '<=',
          right: ['violations_fined'],
          message: 'Số GPLX bị tước không được lớn hơn số trường hợp bị xử phạt.',
        },
      ],
    },
  };

export const FLASH_FORM: { code: string; name: string; description: string; definition: FormDefinition } = {
  code: 'atgt_flash',
  name: 'Báo cáo nhanh tình hình TTATGT dịp nghỉ lễ, Tết',
  description: 'Báo cáo đột xuất theo yêu cầu của Ban ATGT tỉnh sau các kỳ nghỉ lễ, Tết.',
  definition: {
    indicators: [
      {
        code: 'crashes',
        label: 'Số vụ TNGT',
        unit: 'vụ',
        kind: 'integer',
        required: false,
        group: 'Tình hình TNGT',
      },
      {
        code: 'crash_deaths',
        label: 'Số người chết',
        unit: 'người',
        kind: 'integer',
        required: false,
        group: 'Tình hình TNGT',
      },
      {
        code: 'crash_injured',
        label: 'Số người bị thương',
        unit: 'người',
        kind: 'integer',
        required: false,
        group: 'Tình hình TNGT',
      },
      {
        code: 'violations_detected',
        label: 'Số trường hợp vi phạm phát hiện',
        unit: 'trường hợp',
        kind: 'integer',
        required: false,
        group: 'Tuần tra, kiểm soát',
      },
      {
        code: 'alcohol_violations',
        label: 'Trong đó: vi phạm nồng độ cồn',
        unit: 'trường hợp',
        kind: 'integer',
        required: false,
        group: 'Tuần tra, kiểm soát',
      },
      {
        code: 'violations_fined',
        label: 'Số trường hợp bị xử phạt',
        unit: 'trường hợp',
        kind: 'integer',
        required: false,
        group: 'Tuần tra, kiểm soát',
      },
      {
        code: 'fines_amount',
        label: 'Số tiền phạt',
        unit: 'đồng',
        kind: 'money',
        required: false,
        group: 'Tuần tra, kiểm soát',
      },
    ],
    sections: [
      { code: 'results', title: 'Tình hình, kết quả bảo đảm TTATGT', required: true },
      { code: 'proposals', title: 'Đề xuất, kiến nghị', required: false },
    ],
    tables: [],
    rules: [
      {
        code: 'alcohol_within_detected',
        left: ['alcohol_violations'],
        operator: '<=',
        right: ['violations_detected'],
        message: 'Số vi phạm nồng độ cồn không được lớn hơn tổng số vi phạm phát hiện.',
      },
      {
        code: 'fined_within_detected',
        left: ['violations_fined'],
        operator: '<=',
        right: ['violations_detected'],
        message: 'Số trường hợp bị xử phạt không được lớn hơn số trường hợp vi phạm phát hiện.',
      },
    ],
  },
};

/** The ad-hoc request after the National Day holiday. */
export const FLASH_REQUEST = {
  title: 'Báo cáo nhanh tình hình TTATGT dịp nghỉ lễ Quốc khánh 2/9/2026',
  periodFrom: '2026-08-29',
  periodTo: '2026-09-02',
  dueOn: '2026-09-03',
};

export type UnitCategory =
  | 'police'
  | 'construction'
  | 'health'
  | 'education'
  | 'media'
  | 'border'
  | 'military'
  | 'mass'
  | 'finance'
  | 'science'
  | 'culture'
  | 'home_affairs'
  | 'ward'
  | 'commune';

/** What a unit does in a quarter, roughly; each report varies around it. */
interface Base {
  sessions: number;
  participants: number;
  /** share of participants who are students; absent: the unit does not count them */
  students?: number;
  news?: number;
  /** violations found (units that patrol or inspect) */
  detected?: number;
  /** average fine per fined case, in đồng */
  fine?: number;
  /** share of fined cases whose licence was suspended */
  revoked?: number;
  impounded?: number;
  blackspots?: number;
  hazards?: number;
  corridor?: number;
}

export interface DemoReportUnit {
  /** org unit code of an agency, or the name of the commune (admin unit) of a commune committee */
  key: string;
  kind: 'agency' | 'commune';
  category: UnitCategory;
  base: Base;
  /** the main road through a commune, named in its proposals */
  road?: string;
  /** a mass organisation's model (mô hình) it keeps up */
  model?: string;
}

/** The 15 member agencies that report (of 20 in the directory). */
export const DEMO_REPORT_AGENCIES: DemoReportUnit[] = [
  {
    key: 'CA',
    kind: 'agency',
    category: 'police',
    base: {
      sessions: 140,
      participants: 16_500,
      students: 0.38,
      news: 65,
      detected: 5_200,
      fine: 1_650_000,
      revoked: 0.075,
      impounded: 880,
    },
  },
  {
    key: 'SXD',
    kind: 'agency',
    category: 'construction',
    base: {
      sessions: 6,
      participants: 420,
      news: 6,
      detected: 46,
      fine: 3_800_000,
      blackspots: 1,
      hazards: 6,
      corridor: 28,
    },
  },
  {
    key: 'SYT',
    kind: 'agency',
    category: 'health',
    base: { sessions: 12, participants: 950, students: 0.1, news: 9 },
  },
  {
    key: 'SGDDT',
    kind: 'agency',
    category: 'education',
    base: { sessions: 360, participants: 48_000, students: 0.93, news: 22 },
  },
  { key: 'STC', kind: 'agency', category: 'finance', base: { sessions: 2, participants: 110 } },
  { key: 'SKHCN', kind: 'agency', category: 'science', base: { sessions: 3, participants: 160, news: 38 } },
  {
    key: 'SVHTTDL',
    kind: 'agency',
    category: 'culture',
    base: { sessions: 8, participants: 1_300, news: 14 },
  },
  { key: 'SNV', kind: 'agency', category: 'home_affairs', base: { sessions: 3, participants: 240 } },
  {
    key: 'BDBP',
    kind: 'agency',
    category: 'border',
    base: { sessions: 32, participants: 3_600, students: 0.3, detected: 85, fine: 1_200_000, revoked: 0.02 },
  },
  { key: 'BCHQS', kind: 'agency', category: 'military', base: { sessions: 12, participants: 2_300 } },
  {
    key: 'MTTQ',
    kind: 'agency',
    category: 'mass',
    base: { sessions: 18, participants: 2_100, students: 0.08 },
    model: 'Khu dân cư bảo đảm TTATGT',
  },
  {
    key: 'TINHDOAN',
    kind: 'agency',
    category: 'mass',
    base: { sessions: 45, participants: 6_400, students: 0.62, news: 12 },
    model: 'Cổng trường an toàn giao thông',
  },
  {
    key: 'HLHPN',
    kind: 'agency',
    category: 'mass',
    base: { sessions: 34, participants: 4_100, students: 0.05 },
    model: 'Mẹ đội mũ bảo hiểm cho con',
  },
  { key: 'BPTTH', kind: 'agency', category: 'media', base: { sessions: 2, participants: 60, news: 175 } },
  {
    key: 'HND',
    kind: 'agency',
    category: 'mass',
    base: { sessions: 24, participants: 2_900 },
    model: 'Nông dân chấp hành pháp luật về TTATGT',
  },
];

const commune = (key: string, category: 'ward' | 'commune', road: string, size: number): DemoReportUnit => ({
  key,
  kind: 'commune',
  category,
  road,
  base: {
    sessions: Math.round(14 * size),
    participants: Math.round(1_500 * size),
    students: category === 'ward' ? 0.45 : 0.4,
    detected: Math.round(170 * size),
    fine: category === 'ward' ? 950_000 : 720_000,
    hazards: size > 0.6 ? 1 : 0.6,
    corridor: Math.round(9 * size),
  },
});

/** The 10 commune committees that report: the two wards, the former district towns, some remote communes. */
export const DEMO_REPORT_COMMUNES: DemoReportUnit[] = [
  commune('Tân Phong', 'ward', 'QL4D', 1),
  commune('Đoàn Kết', 'ward', 'QL4D', 0.9),
  commune('Bình Lư', 'commune', 'QL4D', 0.55),
  commune('Bản Bo', 'commune', 'QL32', 0.35),
  commune('Phong Thổ', 'commune', 'QL12', 0.45),
  commune('Sìn Hồ', 'commune', 'ĐT128', 0.4),
  commune('Lê Lợi', 'commune', 'QL12', 0.3),
  commune('Mường Tè', 'commune', 'QL4H', 0.35),
  commune('Than Uyên', 'commune', 'QL32', 0.7),
  commune('Tân Uyên', 'commune', 'QL32', 0.6),
];

/** The units that report monthly as well (the police, construction, health). */
export const DEMO_MONTHLY_UNITS = ['CA', 'SXD', 'SYT'];

/** The units asked for the flash report after the holiday: the police, construction, health and the communes on the main roads. */
export const DEMO_FLASH_UNITS = [
  'CA',
  'SXD',
  'SYT',
  'Tân Phong',
  'Đoàn Kết',
  'Bình Lư',
  'Phong Thổ',
  'Lê Lợi',
  'Mường Tè',
  'Than Uyên',
];

/**
 * How a unit deals with one period's report. Units not listed send theirs on time and it is accepted once the
 * period is due; in the period under way (not yet due) they have sent nothing.
 */
export type Fate =
  | { kind: 'on_time' }
  | { kind: 'late'; days: number }
  | { kind: 'missing' }
  /** returned with a comment, corrected and accepted */
  | { kind: 'corrected'; comment: string }
  /** returned with a comment, not yet sent again */
  | { kind: 'returned'; comment: string }
  /** started, not sent */
  | { kind: 'draft' }
  /** nothing yet (a period not yet due) */
  | { kind: 'none' };

/**
 * Who is late or missing, by period key and unit key. Quarter I is the one of journey 1: 22 of 25 on time, two
 * late, one missing. Ban ATGT xã Mường Tè is the chronic late reporter (a remote commune with poor signal).
 */
export const DEMO_FATES: Record<string, Record<string, Fate>> = {
  'quarter:2026-Q1': {
    SVHTTDL: { kind: 'late', days: 3 },
    'Sìn Hồ': { kind: 'late', days: 6 },
    'Mường Tè': { kind: 'missing' },
  },
  'quarter:2026-Q2': {
    SNV: { kind: 'late', days: 1 },
    HND: { kind: 'late', days: 2 },
    'Lê Lợi': { kind: 'late', days: 4 },
    'Mường Tè': { kind: 'missing' },
    'Than Uyên': {
      kind: 'corrected',
      comment:
        'Số trường hợp vi phạm phát hiện chưa khớp với số liệu của Công an xã; đề nghị rà soát, bổ sung bảng các đợt cao điểm và gửi lại.',
    },
  },
  'quarter:2026-Q3': {
    STC: { kind: 'late', days: 5 },
    'Bản Bo': { kind: 'late', days: 2 },
    'Mường Tè': { kind: 'late', days: 9 },
    HND: { kind: 'missing' },
  },
  // Quarter IV is due on 14/12: the units that have started it (the commune officer of journey 7 among them).
  'quarter:2026-Q4': {
    CA: { kind: 'draft' },
    'Bình Lư': { kind: 'draft' },
    'Tân Phong': { kind: 'draft' },
  },
  'month:2026-M03': { SYT: { kind: 'late', days: 2 } },
  'month:2026-M07': { SXD: { kind: 'missing' } },
  'month:2026-M08': { SYT: { kind: 'late', days: 3 } },
  // November is due on the demo's last day: one sent, one returned the day after, one still a draft.
  'month:2026-M11': {
    CA: { kind: 'on_time' },
    SXD: {
      kind: 'returned',
      comment:
        'Đề nghị bổ sung số điểm tiềm ẩn TNGT đã xử lý trên QL4D và làm rõ số tiền xử phạt của Thanh tra Sở; gửi lại trước ngày 18/11/2026.',
    },
    SYT: { kind: 'draft' },
  },
  'adhoc:ADHOC': {
    'Lê Lợi': { kind: 'late', days: 1 },
    'Mường Tè': { kind: 'missing' },
  },
};

export interface PeriodInfo {
  key: string;
  label: string;
  from: string;
  to: string;
}

// ───────────── figures ─────────────

const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const periodDays = (p: { from: string; to: string }) => (dayMs(p.to) - dayMs(p.from)) / 86_400_000 + 1;
const overlapDays = (a: { from: string; to: string }, b: { from: string; to: string }) =>
  periodDays({ from: a.from > b.from ? a.from : b.from, to: a.to < b.to ? a.to : b.to });

/** Share of a quarter in a period, from its length. */
const scaleOf = (period: PeriodInfo) => periodDays(period) / 91.25;

/** Busier in the Tết quarter and at the start of the school year, quieter in the rainy summer. */
function seasonOf(period: PeriodInfo): number {
  const month = Number(period.to.slice(5, 7));
  if (month <= 3) return 1.15;
  if (month <= 6) return 1;
  if (month <= 9) return 0.92;
  return 1.05;
}

const round = (x: number) => Math.max(0, Math.round(x));
const vary = (rng: Rng, spread: number) => Math.max(0.5, 1 + spread * rng.gauss());

/** Campaigns of 2026 (đợt cao điểm); a period lists those that overlap it. */
const CAMPAIGNS = [
  { name: 'Cao điểm bảo đảm TTATGT dịp Tết Dương lịch 2026', from: '2025-12-30', to: '2026-01-04' },
  {
    name: 'Cao điểm bảo đảm TTATGT dịp Tết Nguyên đán Bính Ngọ và Lễ hội Xuân 2026',
    from: '2026-01-25',
    to: '2026-03-05',
  },
  {
    name: 'Cao điểm dịp nghỉ lễ Giỗ Tổ Hùng Vương, 30/4 – 1/5/2026',
    from: '2026-04-25',
    to: '2026-05-03',
  },
  {
    name: 'Cao điểm tuần tra, xử lý vi phạm nồng độ cồn, ma túy mùa hè 2026',
    from: '2026-06-15',
    to: '2026-08-15',
  },
  { name: 'Cao điểm dịp nghỉ lễ Quốc khánh 2/9/2026', from: '2026-08-29', to: '2026-09-03' },
  {
    name: 'Cao điểm bảo đảm TTATGT cho học sinh đến trường năm học 2026 – 2027',
    from: '2026-09-05',
    to: '2026-10-05',
  },
];

const short = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;

function campaignsIn(period: PeriodInfo) {
  return CAMPAIGNS.filter((c) => c.from <= period.to && c.to >= period.from);
}

export const formatMoneyVi = (n: number) =>
  n >= 1_000_000_000
    ? `${formatNumberVi(Math.round(n / 10_000_000) / 100)} tỷ đồng`
    : `${formatNumberVi(Math.round(n / 1_000_000))} triệu đồng`;

const num = (n: number | null | undefined) => formatNumberVi(n ?? 0);

/** "quý I/2026", "tháng 3/2026", "năm 2026" as written inside a sentence. */
const inPeriod = (p: PeriodInfo) => p.label.charAt(0).toLowerCase() + p.label.slice(1);

/** What the units turn to next, by the month the period ends in. */
function focusAfter(p: PeriodInfo): string {
  const month = Number(p.to.slice(5, 7));
  if (month <= 2) return 'dịp Tết Nguyên đán Bính Ngọ và mùa Lễ hội Xuân 2026';
  if (month <= 4) return 'dịp nghỉ lễ Giỗ Tổ Hùng Vương, 30/4 – 1/5 và kỳ thi tốt nghiệp THPT năm 2026';
  if (month <= 6) return 'mùa mưa lũ, cao điểm du lịch hè và dịp nghỉ lễ Quốc khánh 2/9';
  if (month <= 9)
    return 'đầu năm học 2026 – 2027, Ngày Thế giới tưởng niệm các nạn nhân tử vong do TNGT và các tháng cuối năm';
  if (month <= 11) return 'các tháng cuối năm, dịp Tết Dương lịch 2027';
  return 'dịp Tết Dương lịch, Tết Nguyên đán Đinh Mùi và mùa Lễ hội Xuân 2027';
}

/** One unit's figures for a period (null where the unit does not report the indicator). */
export function demoFigures(
  unit: DemoReportUnit,
  period: PeriodInfo,
  rng: Rng,
): Record<string, number | null> {
  const b = unit.base;
  const f = scaleOf(period) * seasonOf(period) * vary(rng, 0.1);
  const sessions = Math.max(1, round(b.sessions * f));
  const participants = Math.max(sessions * 15, round(b.participants * f * vary(rng, 0.06)));
  const students =
    b.students === undefined
      ? null
      : Math.min(participants, round(participants * b.students * (period.to.slice(5, 7) === '09' ? 1.1 : 1)));
  const out: Record<string, number | null> = {
    propaganda_sessions: sessions,
    propaganda_participants: participants,
    propaganda_students: students,
    propaganda_news: b.news === undefined ? null : round(b.news * f * vary(rng, 0.1)),
    violations_detected: null,
    violations_fined: null,
    fines_amount: null,
    licences_revoked: null,
    vehicles_impounded: null,
    blackspots_fixed: null,
    hazards_fixed: null,
    corridor_cleared: null,
  };
  if (b.detected !== undefined) {
    const detected = round(b.detected * f * vary(rng, 0.08));
    const fined = Math.min(detected, round(detected * (0.88 + 0.09 * rng.next())));
    out.violations_detected = detected;
    out.violations_fined = fined;
    // Fines are multiples of 50,000 đồng.
    out.fines_amount = Math.round((fined * (b.fine ?? 1_000_000) * vary(rng, 0.05)) / 50_000) * 50_000;
    if (b.revoked !== undefined)
      out.licences_revoked = Math.min(fined, round(fined * b.revoked * vary(rng, 0.1)));
  }
  if (b.impounded !== undefined) out.vehicles_impounded = round(b.impounded * f * vary(rng, 0.1));
  const scale = scaleOf(period);
  if (b.blackspots !== undefined) out.blackspots_fixed = rng.poisson(b.blackspots * scale);
  if (b.hazards !== undefined) out.hazards_fixed = rng.poisson(b.hazards * scale);
  if (b.corridor !== undefined) out.corridor_cleared = round(b.corridor * f * vary(rng, 0.2));
  return out;
}

// ───────────── narrative ─────────────

/** "Ban ATGT xã Bình Lư" → { place: 'xã', name: 'Bình Lư' } */
function placeOf(unitName: string) {
  const m = /(xã|phường) (.+)$/.exec(unitName);
  return { place: m?.[1] ?? 'xã', name: m?.[2] ?? unitName };
}

interface Texts {
  results: string;
  shortcomings: string[];
  causes: string[];
  nextTasks: string | string[];
  proposals: string[];
}

function textsOf(
  unit: DemoReportUnit,
  unitName: string,
  p: PeriodInfo,
  v: Record<string, number | null>,
): Texts {
  const P = `Trong ${inPeriod(p)}`;
  const focus = focusAfter(p);
  const q3 = Number(p.to.slice(5, 7)) >= 7 && Number(p.to.slice(5, 7)) <= 9;
  const campaigns = campaignsIn(p).map((c) => c.name.charAt(0).toLowerCase() + c.name.slice(1));
  const during = campaigns.length ? `, trọng tâm là đợt ${campaigns.join('; đợt ')}` : '';
  switch (unit.category) {
    case 'police':
      return {
        results:
          `${P}, Công an tỉnh chỉ đạo Phòng CSGT và Công an các xã, phường tổ chức ${num(v.propaganda_sessions)} buổi tuyên truyền ` +
          `với ${num(v.propaganda_participants)} lượt người tham dự (trong đó ${num(v.propaganda_students)} lượt học sinh, sinh viên); ` +
          `đăng tải ${num(v.propaganda_news)} tin, bài trên Trang thông tin điện tử và mạng xã hội. Tổ chức tuần tra, kiểm soát${during}; ` +
          `phát hiện ${num(v.violations_detected)} trường hợp vi phạm, xử phạt ${num(v.violations_fined)} trường hợp, ` +
          `nộp kho bạc nhà nước ${formatMoneyVi(v.fines_amount ?? 0)}; tước ${num(v.licences_revoked)} GPLX, tạm giữ ` +
          `${num(v.vehicles_impounded)} phương tiện. Tập trung xử lý các hành vi là nguyên nhân trực tiếp gây TNGT: vi phạm nồng độ cồn, ` +
          'chạy quá tốc độ, không đội mũ bảo hiểm, chở quá tải trọng.',
        shortcomings: [
          'Tình trạng người điều khiển xe mô tô vi phạm nồng độ cồn, không đội mũ bảo hiểm tại các xã vùng sâu, vùng xa vẫn còn; học sinh chưa đủ tuổi điều khiển xe mô tô đến trường còn diễn ra.',
          'Việc gửi thông báo vi phạm qua hình ảnh (phạt nguội) đến người vi phạm ở tỉnh khác còn chậm; tỷ lệ nộp phạt chưa cao.',
        ],
        causes: [
          'Địa bàn rộng, địa hình chia cắt, lực lượng tuần tra mỏng; hệ thống camera giám sát mới lắp đặt tại một số nút giao ở phường Tân Phong, Đoàn Kết.',
        ],
        nextTasks:
          'Tiếp tục triển khai đồng bộ các biện pháp bảo đảm TTATGT; tuần tra, kiểm soát, xử lý nghiêm vi phạm nồng độ cồn, tốc độ, ' +
          `chở quá tải trọng trên các tuyến QL4D, QL12, QL32, QL279; bảo đảm TTATGT ${focus}.`,
        proposals: [
          'Đề nghị UBND tỉnh bố trí kinh phí từ nguồn thu xử phạt vi phạm hành chính để lắp đặt bổ sung camera giám sát tại các nút giao trọng điểm và trang bị máy đo nồng độ cồn cho Công an cấp xã.',
        ],
      };
    case 'construction':
      return {
        results:
          `${P}, Sở Xây dựng rà soát hệ thống biển báo, vạch sơn trên các tuyến quốc lộ được ủy thác quản lý và đường tỉnh; ` +
          `xử lý ${v.blackspots_fixed ? `${num(v.blackspots_fixed)} điểm đen và ` : ''}${num(v.hazards_fixed)} điểm tiềm ẩn TNGT ` +
          `(bổ sung biển cảnh báo, tôn lượn sóng, gương cầu lồi); phối hợp chính quyền địa phương giải tỏa ${num(v.corridor_cleared)} trường hợp vi phạm hành lang ATGT đường bộ. ` +
          `Thanh tra Sở kiểm tra hoạt động kinh doanh vận tải, phát hiện ${num(v.violations_detected)} trường hợp vi phạm, xử phạt ` +
          `${num(v.violations_fined)} trường hợp với số tiền ${formatMoneyVi(v.fines_amount ?? 0)}. Tổ chức ${num(v.propaganda_sessions)} ` +
          `buổi tuyên truyền cho lái xe, chủ doanh nghiệp vận tải với ${num(v.propaganda_participants)} lượt người tham dự.` +
          (q3
            ? ' Bố trí lực lượng, máy móc thường trực khắc phục sạt lở trên QL4D (đèo Ô Quy Hồ), QL32 và ĐT128, bảo đảm giao thông thông suốt trong mùa mưa lũ.'
            : ''),
        shortcomings: [
          'Nhiều đoạn trên QL4D, QL279, ĐT128 xuống cấp, sạt lở taluy trong mùa mưa; kinh phí bảo trì chưa đáp ứng yêu cầu.',
          'Tình trạng xe chở quá tải trọng trên các tuyến vào công trình thủy điện, mỏ đá vẫn còn xảy ra.',
        ],
        causes: [
          'Địa hình đồi núi dốc, mưa lớn kéo dài; nguồn vốn bảo trì đường bộ được phân bổ thấp so với nhu cầu.',
        ],
        nextTasks:
          'Tiếp tục rà soát, xử lý điểm đen, điểm tiềm ẩn TNGT; kiểm tra tải trọng phương tiện tại các trạm kiểm tra lưu động; ' +
          `chủ động phương án bảo đảm giao thông ${focus}.`,
        proposals: [
          'Đề nghị Cục Đường bộ Việt Nam bố trí vốn sửa chữa nền, mặt đường QL4D đoạn Km 45 – Km 46 (điểm đen Km 45+200) và xử lý dứt điểm điểm sạt lở trên QL32.',
        ],
      };
    case 'health':
      return {
        results:
          `${P}, Sở Y tế chỉ đạo các cơ sở y tế bố trí đủ nhân lực, trang thiết bị, thường trực cấp cứu 24/24 giờ; Trung tâm Cấp cứu 115 ` +
          'tỉnh tiếp nhận và xử lý kịp thời các ca TNGT; phối hợp Công an tỉnh cập nhật dữ liệu người bị thương, tử vong do TNGT tại cơ ' +
          `sở y tế. Tổ chức ${num(v.propaganda_sessions)} buổi truyền thông về sơ cứu ban đầu nạn nhân TNGT và tác hại của rượu, bia ` +
          `với ${num(v.propaganda_participants)} lượt người tham dự.`,
        shortcomings: [
          'Một số trạm y tế xã vùng sâu thiếu phương tiện vận chuyển cấp cứu; thời gian tiếp cận hiện trường tại các xã thuộc khu vực Mường Tè, Sìn Hồ còn dài.',
        ],
        causes: [
          'Khoảng cách từ trung tâm đến các xã vùng cao lớn, đường đèo dốc, sóng điện thoại chưa phủ hết.',
        ],
        nextTasks: `Duy trì thường trực cấp cứu; tập huấn sơ cấp cứu ban đầu cho lực lượng xung kích ở các xã trọng điểm; bảo đảm công tác y tế ${focus}.`,
        proposals: [
          'Đề nghị bố trí kinh phí mua bổ sung 02 xe cứu thương cho Trung tâm Y tế khu vực Mường Tè và Sìn Hồ.',
        ],
      };
    case 'education':
      return {
        results:
          `${P}, Sở Giáo dục và Đào tạo chỉ đạo các trường tổ chức ${num(v.propaganda_sessions)} buổi tuyên truyền, ngoại khóa về ATGT ` +
          `với ${num(v.propaganda_participants)} lượt người tham dự, trong đó ${num(v.propaganda_students)} lượt học sinh; ` +
          (q3
            ? 'đầu năm học 2026 – 2027, 100 % trường học tổ chức ký cam kết giữa nhà trường, gia đình và học sinh về chấp hành pháp luật giao thông; '
            : 'duy trì việc ký cam kết giữa nhà trường, gia đình và học sinh về chấp hành pháp luật giao thông; ') +
          'tiếp nhận và xử lý thông báo của Công an tỉnh về học sinh vi phạm.',
        shortcomings: [
          'Vẫn còn học sinh THPT chưa đủ tuổi điều khiển xe mô tô, xe gắn máy đến trường, không đội mũ bảo hiểm khi ra khỏi cổng trường.',
        ],
        causes: [
          'Một bộ phận phụ huynh chưa quan tâm, còn giao xe cho con chưa đủ tuổi; đường đến trường ở nhiều bản xa, không có phương tiện công cộng.',
        ],
        nextTasks: `Tiếp tục lồng ghép giáo dục ATGT trong các môn học và hoạt động ngoại khóa; phối hợp Công an tỉnh kiểm tra khu vực cổng trường ${focus}.`,
        proposals: [
          'Đề nghị Ban ATGT tỉnh hỗ trợ mũ bảo hiểm đạt chuẩn cho học sinh lớp 1 năm học 2026 – 2027.',
        ],
      };
    case 'media':
      return {
        results:
          `${P}, Báo và Phát thanh, Truyền hình Lai Châu đăng, phát ${num(v.propaganda_news)} tin, bài, phóng sự về công tác bảo đảm ` +
          'TTATGT trên báo in, báo điện tử, kênh truyền hình và các nền tảng mạng xã hội; duy trì chuyên mục "An toàn giao thông" phát ' +
          'sóng hằng tuần bằng tiếng Việt, tiếng Mông và tiếng Thái.',
        shortcomings: [
          'Tin, bài phản ánh tình hình tại các xã vùng sâu còn ít; chưa có nhiều phóng sự điều tra về nguyên nhân TNGT.',
        ],
        causes: ['Phóng viên ít, địa bàn rộng, việc tác nghiệp tại các xã vùng cao gặp khó khăn.'],
        nextTasks: `Tăng thời lượng tuyên truyền trên các nền tảng số; xây dựng loạt phóng sự về bảo đảm TTATGT ${focus}.`,
        proposals: [],
      };
    case 'border':
      return {
        results:
          `${P}, Bộ Chỉ huy Bộ đội Biên phòng tỉnh chỉ đạo các đồn biên phòng phối hợp Công an xã tổ chức ${num(v.propaganda_sessions)} ` +
          `buổi tuyên truyền tại các bản khu vực biên giới với ${num(v.propaganda_participants)} lượt người tham dự; tuần tra, kiểm soát ` +
          `trên các tuyến đường biên giới, phát hiện ${num(v.violations_detected)} trường hợp vi phạm, xử phạt ${num(v.violations_fined)} ` +
          `trường hợp với số tiền ${formatMoneyVi(v.fines_amount ?? 0)}.`,
        shortcomings: [
          'Người dân khu vực biên giới còn điều khiển xe mô tô không đăng ký, không có giấy phép lái xe.',
        ],
        causes: [
          'Địa bàn biên giới rộng, giao thông đi lại khó khăn; trình độ nhận thức của một bộ phận người dân còn hạn chế.',
        ],
        nextTasks: `Phối hợp Công an các xã biên giới duy trì tuần tra, tuyên truyền tại bản; bảo đảm TTATGT ${focus}.`,
        proposals: [],
      };
    case 'military':
      return {
        results:
          `${P}, Bộ Chỉ huy Quân sự tỉnh quán triệt cán bộ, chiến sĩ chấp hành nghiêm pháp luật về TTATGT; tổ chức ` +
          `${num(v.propaganda_sessions)} buổi tuyên truyền với ${num(v.propaganda_participants)} lượt người tham dự; kiểm tra 100 % xe ` +
          'quân sự trước khi tham gia giao thông, không để xảy ra TNGT liên quan đến xe quân sự.',
        shortcomings: [],
        causes: [],
        nextTasks: `Duy trì kiểm tra kỹ thuật xe quân sự; tuyên truyền cho chiến sĩ mới về chấp hành pháp luật giao thông ${focus}.`,
        proposals: [],
      };
    case 'mass':
      return {
        results:
          `${P}, ${unitName} chỉ đạo các cấp lồng ghép tuyên truyền pháp luật về TTATGT trong sinh hoạt định kỳ, tổ chức ` +
          `${num(v.propaganda_sessions)} buổi với ${num(v.propaganda_participants)} lượt đoàn viên, hội viên và nhân dân tham dự; ` +
          `duy trì và nhân rộng mô hình "${unit.model ?? 'An toàn giao thông'}".`,
        shortcomings: [
          'Việc tuyên truyền ở một số chi hội vùng sâu còn hình thức; tài liệu tuyên truyền bằng tiếng dân tộc còn ít.',
        ],
        causes: [
          'Kinh phí hoạt động hạn hẹp; một bộ phận hội viên là đồng bào dân tộc thiểu số còn hạn chế về tiếng phổ thông.',
        ],
        nextTasks: `Tiếp tục nhân rộng mô hình "${unit.model ?? 'An toàn giao thông'}"; tuyên truyền đến đoàn viên, hội viên về bảo đảm TTATGT ${focus}.`,
        proposals: [],
      };
    case 'finance':
      return {
        results:
          `${P}, Sở Tài chính tham mưu UBND tỉnh phân bổ kinh phí bảo đảm TTATGT năm 2026 từ nguồn thu xử phạt vi phạm hành chính; ` +
          'hướng dẫn các đơn vị lập dự toán, thanh quyết toán kinh phí; tổ chức ' +
          `${num(v.propaganda_sessions)} buổi phổ biến pháp luật về TTATGT cho cán bộ, công chức với ${num(v.propaganda_participants)} lượt người.`,
        shortcomings: ['Việc thanh quyết toán kinh phí của một số đơn vị còn chậm.'],
        causes: [],
        nextTasks: 'Thẩm định dự toán kinh phí bảo đảm TTATGT năm 2027 của các cơ quan, đơn vị.',
        proposals: [],
      };
    case 'science':
      return {
        results:
          `${P}, Sở Khoa học và Công nghệ hướng dẫn các cơ quan báo chí, hệ thống thông tin cơ sở đăng, phát ${num(v.propaganda_news)} ` +
          'tin, bài về ATGT; phối hợp Công an tỉnh, Sở Xây dựng triển khai kết nối cơ sở dữ liệu TNGT dùng chung và hệ thống camera giám sát.',
        shortcomings: [
          'Hạ tầng viễn thông tại một số xã vùng cao chưa bảo đảm cho việc báo tin TNGT qua ứng dụng.',
        ],
        causes: [],
        nextTasks: `Đôn đốc doanh nghiệp viễn thông phủ sóng các tuyến QL4H, ĐT128; tuyên truyền bảo đảm TTATGT ${focus}.`,
        proposals: [],
      };
    case 'culture':
      return {
        results:
          `${P}, Sở Văn hóa, Thể thao và Du lịch tuyên truyền trực quan bằng pa nô, băng rôn tại các tuyến phố, điểm du lịch và lễ hội; ` +
          `tổ chức ${num(v.propaganda_sessions)} buổi tuyên truyền lưu động với ${num(v.propaganda_participants)} lượt người xem; ` +
          'yêu cầu các cơ sở kinh doanh ăn uống treo khẩu hiệu "Đã uống rượu, bia – không lái xe".',
        shortcomings: ['Nội dung tuyên truyền tại một số lễ hội chưa phong phú.'],
        causes: [],
        nextTasks: `Tuyên truyền ATGT tại các lễ hội, điểm du lịch ${focus}.`,
        proposals: [],
      };
    case 'home_affairs':
      return {
        results:
          `${P}, Sở Nội vụ hướng dẫn đưa việc chấp hành pháp luật về TTATGT vào tiêu chí đánh giá, xếp loại cán bộ, công chức, viên chức ` +
          `và bình xét thi đua, khen thưởng; tổ chức ${num(v.propaganda_sessions)} buổi phổ biến pháp luật với ${num(v.propaganda_participants)} lượt người.`,
        shortcomings: [
          'Một số cán bộ, công chức vẫn vi phạm quy định về nồng độ cồn khi tham gia giao thông.',
        ],
        causes: [],
        nextTasks:
          'Tổng hợp danh sách cán bộ, công chức vi phạm do Công an tỉnh thông báo để xem xét khi đánh giá cuối năm.',
        proposals: [],
      };
    default: {
      const { place, name } = placeOf(unitName);
      const hamlets = place === 'phường' ? 'tổ dân phố' : 'thôn, bản';
      return {
        results:
          `${P}, Ban ATGT ${place} ${name} tổ chức ${num(v.propaganda_sessions)} buổi tuyên truyền tại các ${hamlets} và trường học với ` +
          `${num(v.propaganda_participants)} lượt người tham dự (trong đó ${num(v.propaganda_students)} lượt học sinh); phát thanh trên ` +
          `hệ thống loa truyền thanh cơ sở bằng tiếng phổ thông và tiếng dân tộc. Công an ${place} tuần tra, kiểm soát, phát hiện ` +
          `${num(v.violations_detected)} trường hợp vi phạm, xử phạt ${num(v.violations_fined)} trường hợp, số tiền ` +
          `${formatMoneyVi(v.fines_amount ?? 0)}; giải tỏa ${num(v.corridor_cleared)} trường hợp lấn chiếm hành lang ATGT, vỉa hè` +
          (v.hazards_fixed
            ? `; phát quang, cắm biển cảnh báo tại ${num(v.hazards_fixed)} điểm tiềm ẩn TNGT.`
            : '.'),
        shortcomings:
          unit.category === 'ward'
            ? [
                'Thanh thiếu niên điều khiển xe mô tô tốc độ cao, lạng lách vào buổi tối trên các tuyến phố chính còn diễn ra.',
                'Tình trạng kinh doanh, để xe lấn chiếm vỉa hè, lòng đường tái diễn sau khi giải tỏa.',
              ]
            : [
                'Người dân ở các bản vùng cao còn điều khiển xe mô tô không đội mũ bảo hiểm, chở quá số người quy định, nhất là dịp lễ hội, phiên chợ.',
                'Tình trạng họp chợ, phơi nông sản, thả rông gia súc trên đường giao thông nông thôn còn diễn ra.',
                `Lực lượng Công an ${place} mỏng, địa bàn rộng, một số bản cách trung tâm ${place} trên 20 km.`,
              ],
        causes: [
          unit.category === 'ward'
            ? 'Ý thức chấp hành pháp luật của một bộ phận thanh thiếu niên, người kinh doanh ven đường còn hạn chế; lực lượng chức năng chưa duy trì kiểm tra thường xuyên vào buổi tối.'
            : 'Ý thức chấp hành pháp luật của một bộ phận người dân còn hạn chế; địa hình đồi núi, đường hẹp, nhiều đèo dốc, mùa mưa thường xuyên sạt lở.',
          `Kinh phí cho công tác bảo đảm TTATGT cấp ${place} chưa được bố trí riêng; cán bộ làm công tác ATGT kiêm nhiệm nhiều việc.`,
          'Công tác phối hợp giữa Công an, đoàn thể và trưởng thôn, bản trong tuyên truyền, nhắc nhở người vi phạm có lúc chưa chặt chẽ.',
        ],
        nextTasks: [
          `Tăng cường tuyên truyền tại các ${hamlets}; duy trì tuần tra, xử lý vi phạm nồng độ cồn, không đội mũ bảo hiểm; bảo đảm TTATGT ${focus}.`,
          `Phối hợp nhà trường tuyên truyền, nhắc nhở học sinh không điều khiển xe mô tô khi chưa đủ tuổi; ra quân giải tỏa hành lang ATGT; bảo đảm TTATGT ${focus}.`,
        ],
        proposals: [
          `Đề nghị Sở Xây dựng bổ sung biển cảnh báo, gương cầu lồi tại các khúc cua trên tuyến ${unit.road ?? 'đường tỉnh'} qua địa bàn ${place}.`,
          `Đề nghị Ban ATGT tỉnh hỗ trợ kinh phí mua mũ bảo hiểm tặng học sinh và người dân có hoàn cảnh khó khăn trên địa bàn ${place}.`,
        ],
      };
    }
  }
}

/** A unit's complete report for a period: its figures, what it writes, its peak campaigns. */
export function demoReport(
  unit: DemoReportUnit,
  unitName: string,
  period: PeriodInfo,
  rng: Rng,
): SubmissionValues {
  const figures = demoFigures(unit, period, rng);
  const t = textsOf(unit, unitName, period, figures);
  const sections: Record<string, string> = { results: t.results };
  // Not every unit writes every section; the larger ones do.
  const thorough = unit.category === 'police' || unit.category === 'construction' || unit.kind === 'commune';
  if (t.shortcomings.length && (thorough || rng.next() < 0.7))
    sections.shortcomings = rng.pick(t.shortcomings);
  if (t.causes.length && (thorough || rng.next() < 0.5))
    sections.causes =
      unit.kind === 'commune'
        ? t.causes.filter(() => rng.next() < 0.6).join(' ') || t.causes[0]!
        : t.causes.join(' ');
  if (rng.next() < 0.9)
    sections.next_tasks = typeof t.nextTasks === 'string' ? t.nextTasks : rng.pick(t.nextTasks);
  if (t.proposals.length && rng.next() < (unit.kind === 'commune' ? 0.5 : 0.6))
    sections.proposals = rng.pick(t.proposals);
  const tables: SubmissionValues['tables'] = {};
  const detected = figures.violations_detected;
  if (detected && (unit.category === 'police' || unit.kind === 'commune' || unit.category === 'border')) {
    const rows = campaignsIn(period).map((c) => ({
      name: c.name,
      time: `${short(c.from)} – ${short(c.to)}/${c.to.slice(0, 4)}`,
      // Patrols are stepped up during a campaign: about twice the period's daily rate.
      violations: Math.min(
        Math.round(detected * 0.9),
        round(((detected * overlapDays(c, period)) / periodDays(period)) * 1.8 * vary(rng, 0.1)),
      ),
    }));
    if (rows.length) tables.campaigns = rows;
  }
  const indicators: Record<string, number | null> = {};
  for (const [k, x] of Object.entries(figures)) if (x !== null) indicators[k] = x;
  return { indicators, sections, tables };
}

/** What a unit has typed so far in a report it has not sent: the propaganda figures and a first paragraph. */
export function demoDraft(full: SubmissionValues): SubmissionValues {
  const keep = ['propaganda_sessions', 'propaganda_participants', 'propaganda_students'];
  return {
    indicators: Object.fromEntries(Object.entries(full.indicators).filter(([k]) => keep.includes(k))),
    sections: { results: (full.sections.results ?? '').split('. ')[0] ?? '' },
    tables: {},
  };
}

/** The flash report after the holiday; the crash figures are those of the crash records of the unit's area. */
export function demoFlashReport(
  unit: DemoReportUnit,
  unitName: string,
  crashes: { crashes: number; deaths: number; injured: number },
  rng: Rng,
): SubmissionValues {
  const holiday = 'dịp nghỉ lễ Quốc khánh (từ 29/8 đến hết ngày 02/9/2026)';
  const crashText =
    crashes.crashes === 0
      ? 'không xảy ra TNGT'
      : `xảy ra ${num(crashes.crashes)} vụ TNGT, làm chết ${num(crashes.deaths)} người, bị thương ${num(crashes.injured)} người`;
  if (unit.category === 'construction')
    return {
      indicators: {},
      sections: {
        results:
          `Trong ${holiday}, Sở Xây dựng bố trí lực lượng, máy móc thường trực xử lý sạt lở, bảo đảm giao thông thông suốt trên QL4D, QL32, ` +
          'ĐT128; kiểm tra các bến xe, đơn vị vận tải hành khách, không để xảy ra tình trạng nhồi nhét khách, tăng giá vé.',
      },
      tables: {},
    };
  if (unit.category === 'health')
    return {
      indicators: {},
      sections: {
        results:
          `Trong ${holiday}, các bệnh viện, trung tâm y tế bố trí kíp trực cấp cứu 24/24 giờ; Trung tâm Cấp cứu 115 tỉnh tiếp nhận, ` +
          'cấp cứu kịp thời các nạn nhân TNGT, không để xảy ra chậm trễ trong cấp cứu.',
      },
      tables: {},
    };
  const police = unit.category === 'police';
  const detected = police ? rng.int(380, 460) : rng.int(3, 14);
  const alcohol = Math.round(detected * (police ? 0.22 : 0.3));
  const fined = Math.round(detected * 0.93);
  const fines = Math.round((fined * (police ? 2_100_000 : 800_000)) / 50_000) * 50_000;
  const where = police ? 'trên địa bàn tỉnh' : `trên địa bàn ${placeOf(unitName).place}`;
  return {
    indicators: {
      crashes: crashes.crashes,
      crash_deaths: crashes.deaths,
      crash_injured: crashes.injured,
      violations_detected: detected,
      alcohol_violations: alcohol,
      violations_fined: fined,
      fines_amount: fines,
    },
    sections: {
      results:
        `Trong ${holiday}, ${where} ${crashText}. ` +
        (police
          ? `Lực lượng CSGT và Công an các xã, phường bố trí các tổ công tác tuần tra, kiểm soát trên các tuyến QL4D, QL12, QL32, phát hiện ${num(detected)} trường hợp vi phạm (${num(alcohol)} trường hợp vi phạm nồng độ cồn), xử phạt ${num(fined)} trường hợp.`
          : `Công an ${placeOf(unitName).place} phối hợp lực lượng dân quân tuần tra, phát hiện ${num(detected)} trường hợp vi phạm (${num(alcohol)} trường hợp vi phạm nồng độ cồn).`),
      ...(police
        ? {
            proposals:
              'Đề nghị UBND các xã, phường tiếp tục tuyên truyền "Đã uống rượu, bia – không lái xe" tại các đám cưới, lễ hội.',
          }
        : {}),
    },
    tables: {},
  };
}
