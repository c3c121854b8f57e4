/**
 * Crash quick-report and response (báo tin TNGT, ứng cứu trong 30 phút): the names the public page,
 * the dispatch board and the KPI share. Plain data, no framework, so the small public page can
 * import it without pulling the app.
 */

/** Help should reach victims within this many minutes of the first report. */
export const RESPONSE_TARGET_MINUTES = 30;

/** An incident's life (sự cố): received → dispatched → on scene → victims transported → closed. */
export const INCIDENT_STATUSES = [
  { code: 'received', label: 'Đã tiếp nhận', publicLabel: 'Đã tiếp nhận tin báo' },
  { code: 'dispatched', label: 'Đã điều lực lượng', publicLabel: 'Đã điều lực lượng tới hiện trường' },
  { code: 'on_scene', label: 'Đã tới hiện trường', publicLabel: 'Đã có lực lượng tới hiện trường' },
  { code: 'transported', label: 'Đã chuyển nạn nhân', publicLabel: 'Nạn nhân đã được đưa đi cấp cứu' },
  { code: 'closed', label: 'Đã kết thúc', publicLabel: 'Đã xử lý xong' },
  { code: 'dismissed', label: 'Không xác minh được', publicLabel: 'Tin báo đã được kiểm tra' },
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]['code'];
export const INCIDENT_STATUS_CODES = INCIDENT_STATUSES.map((s) => s.code) as [
  IncidentStatus,
  ...IncidentStatus[],
];
/** Statuses in which an incident still needs someone's attention. */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['received', 'dispatched', 'on_scene', 'transported'];

const statusByCode = new Map<string, (typeof INCIDENT_STATUSES)[number]>(
  INCIDENT_STATUSES.map((s) => [s.code, s]),
);
export const incidentStatusLabel = (code: string): string => statusByCode.get(code)?.label ?? code;
export const incidentPublicLabel = (code: string): string => statusByCode.get(code)?.publicLabel ?? code;

/**
 * Which status may follow which. Steps may be skipped forward (a crew that arrives finds no one to
 * carry: on scene → closed), never backwards; a report that cannot be verified is dismissed before
 * anyone reaches the scene.
 */
export const NEXT_STATUSES: Record<IncidentStatus, readonly IncidentStatus[]> = {
  received: ['dispatched', 'on_scene', 'dismissed'],
  dispatched: ['on_scene', 'dismissed'],
  on_scene: ['transported', 'closed'],
  transported: ['closed'],
  closed: [],
  dismissed: [],
};

/** Where help comes from (cơ sở ứng cứu): the registry the board finds the nearest of. */
export const FACILITY_KINDS = [
  { code: 'emergency_115', label: 'Trung tâm/trạm cấp cứu 115', group: 'health' },
  { code: 'hospital', label: 'Bệnh viện, trung tâm y tế', group: 'health' },
  { code: 'health_station', label: 'Trạm y tế xã/phường', group: 'health' },
  { code: 'traffic_police', label: 'Đội/trạm Cảnh sát giao thông', group: 'police' },
  { code: 'police_post', label: 'Công an xã/phường, đồn công an', group: 'police' },
  { code: 'rescue', label: 'Cứu nạn, cứu hộ', group: 'rescue' },
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number]['code'];
export type FacilityGroup = (typeof FACILITY_KINDS)[number]['group'];
export const FACILITY_KIND_CODES = FACILITY_KINDS.map((k) => k.code) as [FacilityKind, ...FacilityKind[]];
const kindByCode = new Map<string, (typeof FACILITY_KINDS)[number]>(FACILITY_KINDS.map((k) => [k.code, k]));
export const facilityKindLabel = (code: string): string => kindByCode.get(code)?.label ?? code;
export const facilityGroupOf = (code: string): FacilityGroup | undefined => kindByCode.get(code)?.group;

/** How the reporter gave the place. */
export const LOCATION_SOURCES = ['gps', 'map'] as const;

/** Limits of a public report, shared by the page (to warn early) and the server (to refuse). */
export const REPORT_LIMITS = {
  maxPhotos: 3,
  /** Bytes of one uploaded photo (the page shrinks photos to well under this). */
  maxPhotoBytes: 5 * 1024 * 1024,
  /** Longest side of a stored photo, in pixels. */
  maxPhotoSide: 1600,
  maxVictims: 200,
  maxDescription: 2000,
  maxPlaceText: 300,
  /** A GPS fix worse than this is shown as poor and the page suggests picking the point on the map. */
  poorAccuracyM: 100,
} as const;
/** Image types a photo may have, by its content (not its name). */
export const PHOTO_TYPES = ['jpeg', 'png', 'webp'] as const;

/** Vietnamese phone numbers after removing spaces, dots and dashes: 0 or +84 and 9–10 digits. */
export const VN_PHONE = /^(?:\+84|0)\d{9,10}$/;
