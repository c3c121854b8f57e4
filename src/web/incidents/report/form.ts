/**
 * The report form as data: what the citizen filled in, the checks the server would make (so a report is
 * not queued offline only to be refused hours later), the JSON the API takes and the multipart body.
 * Pure: no DOM, no storage.
 */
import type { z } from 'zod';
import { VEHICLE_TYPES } from '../../../domain/crashes/codes.ts';
import { REPORT_LIMITS, VN_PHONE } from '../../../domain/incidents/codes.ts';
// Types only: erased at build, so zod and the server code stay out of the page's bundle.
import type { publicReceipt, publicReportInput } from '../../../server/incidents/schemas.ts';
import { S } from './strings.ts';

/** What POST /api/v1/public/incident-reports takes as the `report` field. */
export type ReportPayload = z.input<typeof publicReportInput>;
/** What the server answers, and what a tracking code shows. */
export type Receipt = z.infer<typeof publicReceipt>;

export interface PickedLocation {
  lat: number;
  lon: number;
  /** Metres; null for a point picked on the map. */
  accuracyM: number | null;
  source: 'gps' | 'map';
}

/** A photo after shrinking on the phone. */
export interface ShrunkPhoto {
  blob: Blob;
  name: string;
  width: number;
  height: number;
  exifLat: number | null;
  exifLon: number | null;
}

export interface Draft {
  location: PickedLocation | null;
  placeText: string;
  /** The value of the datetime-local input: 'yyyy-mm-ddThh:mm' in the phone's time. */
  occurredLocal: string;
  victims: number;
  trapped: number;
  vehicles: string[];
  phone: string;
  phoneConsent: boolean;
  description: string;
  photos: ShrunkPhoto[];
}

export type FieldKey =
  | 'location'
  | 'placeText'
  | 'occurredAt'
  | 'victims'
  | 'trapped'
  | 'phone'
  | 'phoneConsent'
  | 'description'
  | 'photos';
export interface FieldError {
  field: FieldKey;
  message: string;
}

const pad = (v: number) => String(v).padStart(2, '0');

/**
 * An instant written in local time with its offset, as the API wants: 2026-11-23T10:05:00+07:00.
 * `offsetMinutes` is east of UTC (Việt Nam: 420); by default the phone's own offset at that instant.
 */
export function isoWithOffset(d: Date, offsetMinutes = -d.getTimezoneOffset()): string {
  const local = new Date(d.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The value a datetime-local input shows for an instant, in the phone's time. */
export function toLocalInputValue(d: Date): string {
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}`
  );
}

/** The instant a datetime-local value means (the phone's time), or null when it is not one. */
export function fromLocalInputValue(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s);
  // new Date() rolls 31/02 over into March: such a value is not a date.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
}

export const normalizePhone = (s: string) => s.replace(/[\s.-]/g, '');

/** The server refuses a crash more than 5 minutes in the future (a phone clock may run a little ahead). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const VEHICLE_CODES = new Set<string>(VEHICLE_TYPES.map((v) => v.code));
const isCount = (v: number) => Number.isInteger(v) && v >= 0 && v <= REPORT_LIMITS.maxVictims;

/** The checks the server makes, with its messages; an empty list means the report can be queued. */
export function validateDraft(d: Draft, now: Date = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (!d.location && d.placeText.trim() === '') errors.push({ field: 'location', message: S.needLocation });
  if (d.placeText.trim().length > REPORT_LIMITS.maxPlaceText)
    errors.push({ field: 'placeText', message: S.placeTooLong });
  const occurred = fromLocalInputValue(d.occurredLocal);
  if (!occurred) errors.push({ field: 'occurredAt', message: S.whenInvalid });
  else if (occurred.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    errors.push({ field: 'occurredAt', message: S.whenFuture });
  if (!isCount(d.victims)) errors.push({ field: 'victims', message: S.countInvalid(S.victims) });
  if (!isCount(d.trapped)) errors.push({ field: 'trapped', message: S.countInvalid(S.trapped) });
  else if (isCount(d.victims) && d.trapped > d.victims)
    errors.push({ field: 'trapped', message: S.trappedTooMany });
  const phone = normalizePhone(d.phone);
  if (phone !== '') {
    if (!VN_PHONE.test(phone)) errors.push({ field: 'phone', message: S.phoneInvalid });
    else if (!d.phoneConsent) errors.push({ field: 'phoneConsent', message: S.phoneNeedsConsent });
  }
  if (d.description.trim().length > REPORT_LIMITS.maxDescription)
    errors.push({ field: 'description', message: S.descriptionTooLong });
  if (d.photos.length > REPORT_LIMITS.maxPhotos) errors.push({ field: 'photos', message: S.photoTooMany });
  return errors;
}

/** The `report` JSON of a valid draft. */
export function buildPayload(d: Draft, clientId: string, createdAt: Date): ReportPayload {
  const occurred = fromLocalInputValue(d.occurredLocal) ?? createdAt;
  const phone = normalizePhone(d.phone);
  const placeText = d.placeText.trim();
  const description = d.description.trim();
  return {
    clientId,
    occurredAt: isoWithOffset(occurred),
    createdAt: isoWithOffset(createdAt),
    location: d.location
      ? {
          lat: d.location.lat,
          lon: d.location.lon,
          accuracyM: d.location.accuracyM,
          source: d.location.source,
        }
      : null,
    placeText: placeText === '' ? null : placeText,
    victims: d.victims,
    trapped: d.trapped,
    vehicles: d.vehicles.filter((v) => VEHICLE_CODES.has(v)),
    phone: phone === '' ? null : phone,
    phoneConsent: phone !== '' && d.phoneConsent,
    description: description === '' ? null : description,
    photoMeta: d.photos.map((p) => ({ exifLat: p.exifLat, exifLon: p.exifLon })),
  };
}

/** The multipart body: the field `report` (JSON) first, then one `photos` file per photo, in order. */
export function buildFormData(payload: ReportPayload, photos: readonly Pick<ShrunkPhoto, 'blob' | 'name'>[]) {
  const body = new FormData();
  const meta = payload.photoMeta ?? [];
  // photoMeta must describe exactly the files sent, in their order.
  const report: ReportPayload = {
    ...payload,
    photoMeta: photos.map((_, i) => meta[i] ?? { exifLat: null, exifLon: null }),
  };
  body.append('report', JSON.stringify(report));
  photos.forEach((p, i) => {
    const blob = p.blob.type === 'image/jpeg' ? p.blob : new Blob([p.blob], { type: 'image/jpeg' });
    body.append('photos', blob, jpegName(p.name, i));
  });
  return body;
}

/** A safe file name ending in .jpg (the photo was re-encoded as JPEG). */
export function jpegName(name: string, index: number): string {
  const base = name
    .replace(/\.[\p{L}\p{N}]{1,5}$/u, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || `anh-${index + 1}`}.jpg`;
}

/** The server's error body, if the answer is one. */
export interface ApiError {
  code: string;
  message: string;
  details: { path: string; message: string }[];
}
export function parseApiError(body: unknown): ApiError | null {
  const e = (body as { error?: unknown } | null)?.error as Partial<ApiError> | undefined;
  if (!e || typeof e !== 'object' || typeof e.message !== 'string') return null;
  return {
    code: typeof e.code === 'string' ? e.code : 'ERROR',
    message: e.message,
    details: Array.isArray(e.details)
      ? e.details
          .filter((x): x is { path: string; message: string } => typeof x?.message === 'string')
          .map((x) => ({ path: String(x.path ?? ''), message: x.message }))
      : [],
  };
}

/** Whether a JSON answer looks like a receipt. */
export function isReceipt(body: unknown): body is Receipt {
  const r = body as Partial<Receipt> | null;
  return (
    !!r &&
    typeof r.trackingCode === 'string' &&
    r.trackingCode !== '' &&
    typeof r.status === 'string' &&
    Array.isArray(r.timeline)
  );
}

export const TRACKING_CODE = /^[A-Z0-9-]{4,20}$/;
export const normalizeTrackingCode = (s: string) => s.trim().toUpperCase();
