/**
 * The violation catalogue (danh mục hành vi vi phạm) as dated data: each rule set is in force over a period,
 * and a violation is priced by the set in force on its date — Nghị định 100/2019/NĐ-CP (as amended by
 * 123/2021) until 31/12/2024, Nghị định 168/2024/NĐ-CP from 1/1/2025, which also deducts points from the
 * 12-point licence. Groups follow the violations the plans name as causes of crashes (seed 004: speed,
 * lane, overtaking, no licence, red light, alcohol, drugs, helmet, phone, seat belt, overload …).
 * Amounts are VND. `verified: false`: the figures are to be checked against the decree's text before use.
 */

export type VehicleClass = 'car' | 'motorbike';

export interface ViolationType {
  code: string;
  group: ViolationGroup;
  label: string;
  /** Fine range per vehicle class; a class missing here does not commit this violation. */
  fines: Partial<Record<VehicleClass, { min: number; max: number; points: number | null; revoke?: string }>>;
  /** The crash cause the violation leads to (src/domain/crashes/codes.ts), for statistics side by side. */
  crashCause: string | null;
}

export const VIOLATION_GROUPS = [
  { code: 'alcohol_drugs', label: 'Nồng độ cồn, ma túy' },
  { code: 'speed', label: 'Tốc độ' },
  { code: 'lane_overtaking', label: 'Phần đường, làn đường, vượt xe' },
  { code: 'signals', label: 'Tín hiệu đèn, biển báo' },
  { code: 'licence', label: 'Giấy phép lái xe, độ tuổi' },
  { code: 'protective', label: 'Mũ bảo hiểm, dây an toàn' },
  { code: 'phone', label: 'Sử dụng điện thoại khi lái xe' },
  { code: 'load', label: 'Tải trọng, kích thước, chở quá số người' },
  { code: 'dangerous', label: 'Lạng lách, đánh võng, đua xe' },
] as const;
export type ViolationGroup = (typeof VIOLATION_GROUPS)[number]['code'];

export interface RuleSet {
  id: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  note: string;
  types: ViolationType[];
}

const REVOKE = 'tước GPLX 22–24 tháng';
const t = (
  code: string,
  group: ViolationGroup,
  label: string,
  crashCause: string | null,
  fines: ViolationType['fines'],
): ViolationType => ({ code, group, label, fines, crashCause });

const M = 1_000_000;
const K = 1_000;

export const RULE_SETS: RuleSet[] = [
  {
    id: 'ND100-2019',
    title: 'Nghị định 100/2019/NĐ-CP (sửa đổi bởi Nghị định 123/2021/NĐ-CP)',
    validFrom: '2020-01-01',
    validTo: '2024-12-31',
    verified: false,
    note: 'Mức phạt tóm tắt để thống kê; cần đối chiếu văn bản trước khi dùng để ra quyết định.',
    types: [
      t(
        'alcohol_1',
        'alcohol_drugs',
        'Nồng độ cồn mức 1 (chưa vượt 50 mg/100 ml máu hoặc 0,25 mg/l khí thở)',
        'alcohol',
        {
          car: { min: 6 * M, max: 8 * M, points: null },
          motorbike: { min: 2 * M, max: 3 * M, points: null },
        },
      ),
      t(
        'alcohol_2',
        'alcohol_drugs',
        'Nồng độ cồn mức 2 (50–80 mg/100 ml máu hoặc 0,25–0,4 mg/l khí thở)',
        'alcohol',
        {
          car: { min: 16 * M, max: 18 * M, points: null },
          motorbike: { min: 4 * M, max: 5 * M, points: null },
        },
      ),
      t(
        'alcohol_3',
        'alcohol_drugs',
        'Nồng độ cồn mức 3 (vượt 80 mg/100 ml máu hoặc 0,4 mg/l khí thở)',
        'alcohol',
        {
          car: { min: 30 * M, max: 40 * M, points: null, revoke: REVOKE },
          motorbike: { min: 6 * M, max: 8 * M, points: null, revoke: REVOKE },
        },
      ),
      t('drugs', 'alcohol_drugs', 'Trong cơ thể có chất ma túy', 'alcohol', {
        car: { min: 30 * M, max: 40 * M, points: null, revoke: REVOKE },
        motorbike: { min: 4 * M, max: 5 * M, points: null, revoke: REVOKE },
      }),
      t('speed_5_10', 'speed', 'Chạy quá tốc độ từ 5 đến dưới 10 km/h', 'speed', {
        car: { min: 800 * K, max: 1 * M, points: null },
        motorbike: { min: 300 * K, max: 400 * K, points: null },
      }),
      t('speed_10_20', 'speed', 'Chạy quá tốc độ từ 10 đến 20 km/h', 'speed', {
        car: { min: 3 * M, max: 5 * M, points: null },
        motorbike: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('speed_20_35', 'speed', 'Chạy quá tốc độ trên 20 đến 35 km/h', 'speed', {
        car: { min: 6 * M, max: 8 * M, points: null },
        motorbike: { min: 4 * M, max: 5 * M, points: null },
      }),
      t('speed_over_35', 'speed', 'Chạy quá tốc độ trên 35 km/h', 'speed', {
        car: { min: 10 * M, max: 12 * M, points: null },
      }),
      t('red_light', 'signals', 'Không chấp hành hiệu lệnh của đèn tín hiệu giao thông', 'other', {
        car: { min: 4 * M, max: 6 * M, points: null },
        motorbike: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('wrong_lane', 'lane_overtaking', 'Đi không đúng phần đường, làn đường', 'wrong_lane', {
        car: { min: 3 * M, max: 5 * M, points: null },
        motorbike: { min: 400 * K, max: 600 * K, points: null },
      }),
      t('overtaking', 'lane_overtaking', 'Vượt xe không đúng quy định', 'overtaking', {
        car: { min: 3 * M, max: 5 * M, points: null },
        motorbike: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('no_licence', 'licence', 'Không có giấy phép lái xe', 'no_licence', {
        car: { min: 10 * M, max: 12 * M, points: null },
        motorbike: { min: 800 * K, max: 1_200 * K, points: null },
      }),
      t('no_helmet', 'protective', 'Không đội mũ bảo hiểm', null, {
        motorbike: { min: 400 * K, max: 600 * K, points: null },
      }),
      t('no_seat_belt', 'protective', 'Không thắt dây an toàn', null, {
        car: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('phone', 'phone', 'Dùng điện thoại di động khi đang lái xe', 'other', {
        car: { min: 2 * M, max: 3 * M, points: null },
        motorbike: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('overload', 'load', 'Chở hàng vượt trọng tải cho phép trên 10 % đến 30 %', 'vehicle_defect', {
        car: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('reckless', 'dangerous', 'Lạng lách, đánh võng; đua xe trái phép', 'other', {
        motorbike: { min: 6 * M, max: 8 * M, points: null, revoke: 'tước GPLX 2–4 tháng' },
      }),
    ],
  },
  {
    id: 'ND168-2024',
    title: 'Nghị định 168/2024/NĐ-CP',
    validFrom: '2025-01-01',
    validTo: null,
    verified: false,
    note: 'Mức phạt và điểm trừ tóm tắt để thống kê; cần đối chiếu văn bản trước khi dùng để ra quyết định.',
    types: [
      t(
        'alcohol_1',
        'alcohol_drugs',
        'Nồng độ cồn mức 1 (chưa vượt 50 mg/100 ml máu hoặc 0,25 mg/l khí thở)',
        'alcohol',
        {
          car: { min: 6 * M, max: 8 * M, points: 2 },
          motorbike: { min: 2 * M, max: 3 * M, points: 4 },
        },
      ),
      t(
        'alcohol_2',
        'alcohol_drugs',
        'Nồng độ cồn mức 2 (50–80 mg/100 ml máu hoặc 0,25–0,4 mg/l khí thở)',
        'alcohol',
        {
          car: { min: 18 * M, max: 20 * M, points: 10 },
          motorbike: { min: 6 * M, max: 8 * M, points: 10 },
        },
      ),
      t(
        'alcohol_3',
        'alcohol_drugs',
        'Nồng độ cồn mức 3 (vượt 80 mg/100 ml máu hoặc 0,4 mg/l khí thở)',
        'alcohol',
        {
          car: { min: 30 * M, max: 40 * M, points: null, revoke: REVOKE },
          motorbike: { min: 8 * M, max: 10 * M, points: null, revoke: REVOKE },
        },
      ),
      t('drugs', 'alcohol_drugs', 'Trong cơ thể có chất ma túy', 'alcohol', {
        car: { min: 30 * M, max: 40 * M, points: null, revoke: REVOKE },
        motorbike: { min: 8 * M, max: 10 * M, points: null, revoke: REVOKE },
      }),
      t('speed_5_10', 'speed', 'Chạy quá tốc độ từ 5 đến dưới 10 km/h', 'speed', {
        car: { min: 800 * K, max: 1 * M, points: null },
        motorbike: { min: 400 * K, max: 600 * K, points: null },
      }),
      t('speed_10_20', 'speed', 'Chạy quá tốc độ từ 10 đến 20 km/h', 'speed', {
        car: { min: 4 * M, max: 6 * M, points: 2 },
        motorbike: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('speed_20_35', 'speed', 'Chạy quá tốc độ trên 20 đến 35 km/h', 'speed', {
        car: { min: 6 * M, max: 8 * M, points: 4 },
        motorbike: { min: 6 * M, max: 8 * M, points: 4 },
      }),
      t('speed_over_35', 'speed', 'Chạy quá tốc độ trên 35 km/h', 'speed', {
        car: { min: 12 * M, max: 14 * M, points: 6 },
      }),
      t('red_light', 'signals', 'Không chấp hành hiệu lệnh của đèn tín hiệu giao thông', 'other', {
        car: { min: 18 * M, max: 20 * M, points: 4 },
        motorbike: { min: 4 * M, max: 6 * M, points: 4 },
      }),
      t('wrong_lane', 'lane_overtaking', 'Đi không đúng phần đường, làn đường', 'wrong_lane', {
        car: { min: 4 * M, max: 6 * M, points: 2 },
        motorbike: { min: 600 * K, max: 800 * K, points: null },
      }),
      t('overtaking', 'lane_overtaking', 'Vượt xe không đúng quy định', 'overtaking', {
        car: { min: 4 * M, max: 6 * M, points: 2 },
        motorbike: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('no_licence', 'licence', 'Không có giấy phép lái xe', 'no_licence', {
        car: { min: 18 * M, max: 20 * M, points: null },
        motorbike: { min: 2 * M, max: 4 * M, points: null },
      }),
      t('no_helmet', 'protective', 'Không đội mũ bảo hiểm', null, {
        motorbike: { min: 400 * K, max: 600 * K, points: null },
      }),
      t('no_seat_belt', 'protective', 'Không thắt dây an toàn', null, {
        car: { min: 800 * K, max: 1 * M, points: null },
      }),
      t('phone', 'phone', 'Dùng điện thoại di động khi đang lái xe', 'other', {
        car: { min: 4 * M, max: 6 * M, points: 4 },
        motorbike: { min: 800 * K, max: 1 * M, points: 2 },
      }),
      t('overload', 'load', 'Chở hàng vượt trọng tải cho phép trên 10 % đến 30 %', 'vehicle_defect', {
        car: { min: 800 * K, max: 1 * M, points: 2 },
      }),
      t('reckless', 'dangerous', 'Lạng lách, đánh võng; đua xe trái phép', 'other', {
        motorbike: { min: 8 * M, max: 10 * M, points: 10 },
      }),
    ],
  },
];

/** The rule set in force on a local date (yyyy-mm-dd), or null before the first. */
export function ruleSetOn(date: string): RuleSet | null {
  return RULE_SETS.find((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo)) ?? null;
}

/** The type of violation `code` on `date`, or null when the catalogue then had no such type. */
export function violationTypeOn(
  code: string,
  date: string,
): { ruleSet: RuleSet; type: ViolationType } | null {
  const ruleSet = ruleSetOn(date);
  const type = ruleSet?.types.find((x) => x.code === code);
  return ruleSet && type ? { ruleSet, type } : null;
}

/** Every code any rule set knows. */
export const VIOLATION_CODES = [...new Set(RULE_SETS.flatMap((r) => r.types.map((x) => x.code)))];

/** The vehicle class a vehicle type of the crash codes falls in for fines. */
export function vehicleClassOf(vehicleType: string): VehicleClass | null {
  if (vehicleType === 'motorbike') return 'motorbike';
  if (['car', 'truck', 'container', 'bus'].includes(vehicleType)) return 'car';
  return null;
}

/** Points left on a 12-point licence after deductions within its period (never below 0). */
export function pointsLeft(deducted: readonly (number | null)[]): number {
  return Math.max(0, 12 - deducted.reduce<number>((a, p) => a + (p ?? 0), 0));
}
