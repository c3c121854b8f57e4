/** Main causes of crashes (nguyên nhân), as the plans name the violations that cause them. */
export const CRASH_CAUSES = [
  { code: 'speed', label: 'Chạy quá tốc độ quy định' },
  { code: 'alcohol', label: 'Vi phạm nồng độ cồn' },
  { code: 'wrong_lane', label: 'Đi không đúng phần đường, làn đường' },
  { code: 'overtaking', label: 'Vượt xe không đúng quy định' },
  { code: 'turning', label: 'Chuyển hướng không chú ý quan sát' },
  { code: 'no_licence', label: 'Không có giấy phép lái xe' },
  { code: 'fatigue', label: 'Buồn ngủ, mệt mỏi khi lái xe' },
  { code: 'road_condition', label: 'Điều kiện đường, thời tiết' },
  { code: 'vehicle_defect', label: 'Phương tiện không bảo đảm an toàn kỹ thuật' },
  { code: 'pedestrian', label: 'Người đi bộ vi phạm' },
  { code: 'other', label: 'Nguyên nhân khác' },
] as const;

/** Vehicle types (loại phương tiện). */
export const VEHICLE_TYPES = [
  { code: 'motorbike', label: 'Xe mô tô, xe gắn máy' },
  { code: 'car', label: 'Ô tô con' },
  { code: 'truck', label: 'Ô tô tải' },
  { code: 'container', label: 'Xe container, đầu kéo' },
  { code: 'bus', label: 'Ô tô khách' },
  { code: 'bicycle', label: 'Xe đạp' },
  { code: 'pedestrian', label: 'Người đi bộ' },
  { code: 'tractor', label: 'Xe tự chế, máy kéo' },
  { code: 'boat', label: 'Phương tiện thủy nội địa' },
] as const;

export type CrashCauseCode = (typeof CRASH_CAUSES)[number]['code'];
export type VehicleTypeCode = (typeof VEHICLE_TYPES)[number]['code'];

const causeLabels = new Map<string, string>(CRASH_CAUSES.map((c) => [c.code, c.label]));
export const crashCauseLabel = (code: string): string => causeLabels.get(code) ?? code;

/**
 * Severity classes (phân loại mức độ vụ TNGT). The thresholds that assign a class are dated rules that the
 * crashes capability keeps as data; these are only the names.
 */
export const SEVERITY_CLASSES = [
  { code: 'dac_biet_nghiem_trong', label: 'Đặc biệt nghiêm trọng' },
  { code: 'rat_nghiem_trong', label: 'Rất nghiêm trọng' },
  { code: 'nghiem_trong', label: 'Nghiêm trọng' },
  { code: 'it_nghiem_trong', label: 'Ít nghiêm trọng' },
  { code: 'va_cham', label: 'Va chạm giao thông' },
] as const;

const severityLabels = new Map<string, string>(SEVERITY_CLASSES.map((c) => [c.code, c.label]));
export const severityLabel = (code: string): string => severityLabels.get(code) ?? code;
