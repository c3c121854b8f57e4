/**
 * The incidents API (báo tin TNGT và điều phối ứng cứu): one zod schema per input and output, reused by
 * the routes, the OpenAPI document and the web pages.
 */
import { z } from 'zod';
import { VEHICLE_TYPES } from '../../domain/crashes/codes.ts';
import {
  FACILITY_KIND_CODES,
  INCIDENT_STATUS_CODES,
  LOCATION_SOURCES,
  REPORT_LIMITS,
  VN_PHONE,
} from '../../domain/incidents/codes.ts';
import { isoDate, paged, pageQuery } from '../platform/http.ts';

const vehicleCodes = VEHICLE_TYPES.map((c) => c.code) as [string, ...string[]];
const instant = z.iso.datetime({ offset: true, message: 'Thời điểm phải có dạng yyyy-mm-ddThh:mm+07:00' });

// ---------------------------------------------------------------------------------------------------
// Public report (no login). Sent as multipart/form-data: a field `report` holding the JSON below and
// 0–3 files named `photos` (JPEG, PNG or WebP by content, each ≤ 5 MB). Idempotent on `clientId`.

export const publicReportInput = z
  .object({
    /** Made on the phone when the report is first saved; a resend with the same id returns the same receipt. */
    clientId: z.uuid({ message: 'Mã báo tin trên máy không hợp lệ' }),
    /** When the crash happened, as the reporter says (default: when the report was made). */
    occurredAt: instant,
    /** When the phone saved the report (it may be sent much later). */
    createdAt: instant,
    location: z
      .object({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        /** GPS accuracy in metres; absent for a point picked on the map. */
        accuracyM: z.number().min(0).max(100000).nullish(),
        source: z.enum(LOCATION_SOURCES),
      })
      .strict()
      .nullish(),
    /** A typed place ("Km 45 QL4D, dốc Cổng Trời"), for when there is no GPS fix or map. */
    placeText: z.string().trim().max(REPORT_LIMITS.maxPlaceText).nullish(),
    /** Số người bị nạn */
    victims: z.number().int().min(0).max(REPORT_LIMITS.maxVictims),
    /** Số người mắc kẹt */
    trapped: z.number().int().min(0).max(REPORT_LIMITS.maxVictims),
    vehicles: z.array(z.enum(vehicleCodes)).max(10).default([]),
    phone: z
      .string()
      .transform((s) => s.replace(/[\s.-]/g, ''))
      .pipe(z.string().regex(VN_PHONE, 'Số điện thoại không hợp lệ'))
      .nullish(),
    /** The reporter agrees to be called back; a phone without consent is refused. */
    phoneConsent: z.boolean().default(false),
    description: z.string().trim().max(REPORT_LIMITS.maxDescription).nullish(),
    /** Per photo, in the order of the files: the location the camera wrote, read on the phone before shrinking. */
    photoMeta: z
      .array(
        z
          .object({
            exifLat: z.number().min(-90).max(90).nullish(),
            exifLon: z.number().min(-180).max(180).nullish(),
          })
          .strict(),
      )
      .max(REPORT_LIMITS.maxPhotos)
      .default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.location && !r.placeText)
      ctx.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'Cần vị trí: bật định vị, chọn điểm trên bản đồ hoặc nhập địa điểm.',
      });
    if (r.trapped > r.victims)
      ctx.addIssue({
        code: 'custom',
        path: ['trapped'],
        message: 'Số người mắc kẹt không thể lớn hơn số người bị nạn.',
      });
    if (r.phone && !r.phoneConsent)
      ctx.addIssue({
        code: 'custom',
        path: ['phoneConsent'],
        message: 'Cần đồng ý cho liên hệ lại khi để lại số điện thoại.',
      });
  });
export type PublicReportInput = z.infer<typeof publicReportInput>;

export const timelineEntry = z.object({
  status: z.enum(INCIDENT_STATUS_CODES),
  label: z.string(),
  at: z.string(),
});

/** The receipt and what a reporter sees behind a tracking code: no personal data. */
export const publicReceipt = z.object({
  trackingCode: z.string(),
  receivedAt: z.string(),
  status: z.enum(INCIDENT_STATUS_CODES),
  statusLabel: z.string(),
  /** True when this clientId had already been received (a resend). */
  duplicate: z.boolean(),
  timeline: z.array(timelineEntry),
});
export const trackingParam = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{4,20}$/, 'Mã theo dõi không hợp lệ'),
});

// ---------------------------------------------------------------------------------------------------
// Dispatch board (police and health).

export const incidentListQuery = z
  .object({
    /** 'open' = received, dispatched, on scene or transported */
    status: z.enum(['open', 'all', ...INCIDENT_STATUS_CODES]).default('open'),
    adminUnitId: z.string().trim().max(50).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pageQuery,
  })
  .strict();

export const incidentItem = z.object({
  id: z.number(),
  code: z.string(),
  status: z.enum(INCIDENT_STATUS_CODES),
  statusLabel: z.string(),
  firstReportedAt: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  accuracyM: z.number().nullable(),
  placeText: z.string().nullable(),
  adminUnitId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  victims: z.number(),
  trapped: z.number(),
  reportCount: z.number(),
  photoCount: z.number(),
  dispatchedAt: z.string().nullable(),
  onSceneAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Minutes from the first report to on scene; null while nobody is there. */
  responseMinutes: z.number().nullable(),
  crashId: z.number().nullable(),
});
export const incidentPage = paged(incidentItem);

export const incidentPhoto = z.object({
  id: z.number(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  sha256: z.string(),
  exifLat: z.number().nullable(),
  exifLon: z.number().nullable(),
});

export const incidentReport = z.object({
  id: z.number(),
  receivedAt: z.string(),
  createdAt: z.string(),
  occurredAt: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  accuracyM: z.number().nullable(),
  locationSource: z.string().nullable(),
  placeText: z.string().nullable(),
  victims: z.number(),
  trapped: z.number(),
  vehicles: z.array(z.string()),
  /** Shown only to dispatchers, to call the reporter back. */
  phone: z.string().nullable(),
  description: z.string().nullable(),
  photos: z.array(incidentPhoto),
});

export const facility = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(FACILITY_KIND_CODES),
  kindLabel: z.string(),
  group: z.string(),
  adminUnitId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  lat: z.number(),
  lon: z.number(),
  phone: z.string().nullable(),
  active: z.boolean(),
});
export const nearestFacility = facility.extend({ distanceKm: z.number() });

export const assignment = z.object({
  id: z.number(),
  facilityId: z.number(),
  facilityName: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  note: z.string().nullable(),
  assignedAt: z.string(),
  assignedBy: z.string().nullable(),
  distanceKm: z.number().nullable(),
});

export const incidentEvent = z.object({
  status: z.enum(INCIDENT_STATUS_CODES),
  label: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
});

export const incidentDetail = incidentItem.extend({
  reports: z.array(incidentReport),
  timeline: z.array(incidentEvent),
  assignments: z.array(assignment),
  /** The nearest active facilities: up to 3 health and 3 police, nearest first. */
  nearest: z.array(nearestFacility),
  /** Statuses the board may move this incident to now. */
  nextStatuses: z.array(z.enum(INCIDENT_STATUS_CODES)),
  /** May this user change the incident (assign, move status, make the crash record)? */
  canDispatch: z.boolean(),
});
export type IncidentDetail = z.infer<typeof incidentDetail>;

export const assignmentInput = z
  .object({
    facilityId: z.number().int().positive(),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();

export const statusInput = z
  .object({
    status: z.enum(INCIDENT_STATUS_CODES),
    /** When it happened, if logged afterwards (default: now). Not in the future, not before the report. */
    at: instant.nullish(),
    note: z.string().trim().max(1000).nullish(),
  })
  .strict();

export const crashFromIncidentResult = z.object({ crashId: z.number() });

export const facilityInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(FACILITY_KIND_CODES),
    adminUnitId: z.string().trim().max(50).nullish(),
    orgUnitId: z.number().int().positive().nullish(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    phone: z.string().trim().max(30).nullish(),
    active: z.boolean().default(true),
  })
  .strict();
export const facilityListQuery = z
  .object({ kind: z.enum(FACILITY_KIND_CODES).optional(), ...pageQuery })
  .strict();
export const facilityPage = paged(facility);

// ---------------------------------------------------------------------------------------------------
// Response KPI: share of incidents reached within 30 minutes, by month and commune.

export const kpiQuery = z.object({ from: isoDate, to: isoDate }).strict();
export const kpiRow = z.object({
  /** 'yyyy-mm' for months, the commune id for communes, 'total' for the whole. */
  key: z.string(),
  label: z.string(),
  /** Incidents that needed a response (dismissed ones and those still under 30 minutes old and unreached excluded). */
  incidents: z.number(),
  reached: z.number(),
  /** reached / incidents, 0..1; null when there were none. */
  share: z.number().nullable(),
  medianMinutes: z.number().nullable(),
});
export const kpiResult = z.object({
  from: z.string(),
  to: z.string(),
  targetMinutes: z.number(),
  total: kpiRow,
  months: z.array(kpiRow),
  communes: z.array(kpiRow),
});

/** What the live stream (server-sent events, `GET /api/v1/incidents/stream`) sends as `data`. */
export const streamEvent = z.object({
  kind: z.enum(['created', 'updated', 'report_added']),
  incidentId: z.number(),
  status: z.enum(INCIDENT_STATUS_CODES),
  at: z.string(),
});
