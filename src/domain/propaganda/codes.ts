/**
 * Codes of propaganda and education work (tuyên truyền, phổ biến, giáo dục pháp luật về TTATGT): who a
 * session reached (đối tượng) and how (hình thức). Stored as codes; shown with these Vietnamese labels
 * (the web app has its own translations under `propaganda.audiences` and `propaganda.channels`).
 */

export const AUDIENCES = [
  { code: 'students', label: 'Học sinh, sinh viên' },
  { code: 'parents', label: 'Phụ huynh học sinh' },
  { code: 'ethnic_minorities', label: 'Đồng bào dân tộc thiểu số' },
  { code: 'drivers', label: 'Người điều khiển phương tiện' },
  { code: 'commercial_drivers', label: 'Lái xe kinh doanh vận tải' },
  { code: 'officials', label: 'Cán bộ, công chức, viên chức' },
  { code: 'workers', label: 'Công nhân, người lao động' },
  { code: 'residents', label: 'Nhân dân' },
] as const;

export const CHANNELS = [
  { code: 'meeting', label: 'Hội nghị, tọa đàm' },
  { code: 'school', label: 'Tại trường học' },
  { code: 'radio', label: 'Phát thanh – truyền hình' },
  { code: 'loudspeaker', label: 'Loa truyền thanh xã' },
  { code: 'social_media', label: 'Mạng xã hội' },
  { code: 'leaflets', label: 'Tờ rơi, pa nô, áp phích' },
  { code: 'mobile_team', label: 'Đội tuyên truyền lưu động' },
  { code: 'other', label: 'Hình thức khác' },
] as const;

export type AudienceCode = (typeof AUDIENCES)[number]['code'];
export type ChannelCode = (typeof CHANNELS)[number]['code'];

export const AUDIENCE_CODES = AUDIENCES.map((a) => a.code) as [AudienceCode, ...AudienceCode[]];
export const CHANNEL_CODES = CHANNELS.map((c) => c.code) as [ChannelCode, ...ChannelCode[]];

const audienceLabels = new Map<string, string>(AUDIENCES.map((a) => [a.code, a.label]));
const channelLabels = new Map<string, string>(CHANNELS.map((c) => [c.code, c.label]));

export const audienceLabel = (code: string): string => audienceLabels.get(code) ?? code;
export const channelLabel = (code: string): string => channelLabels.get(code) ?? code;

/** A school year "2025-2026": the second year follows the first. */
export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;
export function isSchoolYear(s: string): boolean {
  const m = SCHOOL_YEAR_PATTERN.exec(s);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
}

/** The school year a date falls in: from 1 September (the start of the school year) to 31 August. */
export function schoolYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m >= 9 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** Photos of a session: at most this many, each JPEG or PNG of at most this size. */
export const PHOTO_LIMITS = { maxPhotos: 5, maxPhotoBytes: 10 * 1024 * 1024 } as const;
