/** Schemas of propaganda sessions (with photos), their statistics and schools' three-party commitments. */
import { z } from 'zod';
import { AUDIENCE_CODES, CHANNEL_CODES, PHOTO_LIMITS } from '../../domain/propaganda/codes.ts';
import { isoDate, optionalText, paged, pageQuery, searchText, trimmed } from '../platform/http.ts';

/** A message for a value outside a list; a missing value keeps the platform's "required" message. */
const notListed = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'Trường này là bắt buộc.' : message;
const audience = z.enum(AUDIENCE_CODES, { error: notListed('Đối tượng không nằm trong danh sách.') });
const channel = z.enum(CHANNEL_CODES, { error: notListed('Hình thức không nằm trong danh sách.') });
const count = (max: number) =>
  z
    .number()
    .int('Cần một số nguyên.')
    .min(0, 'Không được âm.')
    .max(max, `Tối đa ${max.toLocaleString('vi-VN')}.`);

/** Base64 of at most `bytes` bytes (the exact size is checked once decoded). */
const base64Of = (bytes: number) =>
  z
    .string()
    .max(
      Math.ceil(bytes / 3) * 4 + 4,
      `Ảnh vượt quá dung lượng cho phép (${Math.round(bytes / 1024 / 1024)} MB).`,
    )
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'Nội dung ảnh không hợp lệ (cần mã hóa base64).');

export const photoInput = z
  .object({
    fileName: trimmed(255),
    mediaType: z.enum(['image/jpeg', 'image/png'], { error: notListed('Chỉ nhận ảnh JPEG hoặc PNG.') }),
    contentBase64: base64Of(PHOTO_LIMITS.maxPhotoBytes),
  })
  .strict();

const sessionFields = {
  heldOn: isoDate,
  /** The unit that held it. */
  orgUnitId: z.number().int().positive(),
  /** Commune or ward where it was held (valid on the day). */
  adminUnitId: z.string().trim().max(50).nullish(),
  place: trimmed(300),
  topic: trimmed(500),
  audiences: z.array(audience).min(1, 'Chọn ít nhất một đối tượng.').max(20),
  channel,
  participants: count(10_000_000),
  materials: optionalText(1000),
  materialsCount: count(10_000_000).nullish(),
  note: optionalText(2000),
};

export const sessionInput = z
  .object({
    ...sessionFields,
    photos: z.array(photoInput).max(PHOTO_LIMITS.maxPhotos, 'Tối đa 5 ảnh.').default([]),
  })
  .strict();

/** PUT: every field again; `photos` are added, `removePhotoIds` removed (at most 5 kept). */
export const sessionUpdate = z
  .object({
    ...sessionFields,
    photos: z.array(photoInput).max(PHOTO_LIMITS.maxPhotos, 'Tối đa 5 ảnh.').default([]),
    removePhotoIds: z.array(z.number().int().positive()).max(50).default([]),
  })
  .strict();

export const sessionListQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    orgUnitId: z.coerce.number().int().positive().optional(),
    channel: channel.optional(),
    audience: audience.optional(),
    q: searchText,
    ...pageQuery,
  })
  .strict();

export const photoItem = z.object({
  id: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
});

export const sessionItem = z.object({
  id: z.number(),
  heldOn: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  adminUnitId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  place: z.string(),
  topic: z.string(),
  audiences: z.array(z.string()),
  channel: z.string(),
  participants: z.number(),
  materials: z.string().nullable(),
  materialsCount: z.number().nullable(),
  note: z.string().nullable(),
  photoCount: z.number(),
  /** May the caller edit or delete it (the office; the unit that held it). */
  editable: z.boolean(),
});
export const sessionPage = paged(sessionItem);

export const sessionDetail = sessionItem.extend({
  photos: z.array(photoItem),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The units the caller may record sessions and commitments for. */
export const writableUnits = z.object({
  items: z.array(
    z.object({ id: z.number(), name: z.string(), kind: z.string(), adminUnitId: z.string().nullable() }),
  ),
});
export const writableUnitsQuery = z.object({}).strict();

// ── statistics ──────────────────────────────────────────────────────────────────────────────────

export const statsQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    /** A unit and every unit under it. */
    orgUnitId: z.coerce.number().int().positive().optional(),
  })
  .strict();

const tally = { sessions: z.number(), participants: z.number() };
export const statsResult = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  orgUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  totals: z.object({ ...tally, materials: z.number(), units: z.number() }),
  byUnit: z.array(z.object({ orgUnitId: z.number(), name: z.string(), ...tally })),
  byChannel: z.array(z.object({ code: z.string(), label: z.string(), ...tally })),
  byAudience: z.array(z.object({ code: z.string(), label: z.string(), ...tally })),
  byMonth: z.array(z.object({ month: z.string(), ...tally })),
});

// ── school three-party commitments ──────────────────────────────────────────────────────────────

const schoolYear = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}$/, 'Năm học có dạng yyyy-yyyy, ví dụ 2025-2026.')
  .refine(
    (s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1,
    'Năm sau phải liền năm trước, ví dụ 2025-2026.',
  );

export const commitmentInput = z
  .object({
    orgUnitId: z.number().int().positive(),
    school: trimmed(300),
    schoolYear,
    students: count(1_000_000),
    signed: count(1_000_000),
    signedOn: isoDate.nullish(),
    note: optionalText(2000),
  })
  .strict();

export const commitmentListQuery = z
  .object({
    schoolYear: schoolYear.optional(),
    orgUnitId: z.coerce.number().int().positive().optional(),
    q: searchText,
    ...pageQuery,
  })
  .strict();

export const commitmentItem = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  school: z.string(),
  schoolYear: z.string(),
  students: z.number(),
  signed: z.number(),
  signedOn: z.string().nullable(),
  note: z.string().nullable(),
  editable: z.boolean(),
});
export const commitmentPage = paged(commitmentItem).extend({
  /** Over every row the filters match, not just this page. */
  summary: z.object({ schools: z.number(), students: z.number(), signed: z.number() }),
});
