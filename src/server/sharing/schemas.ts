import { z } from 'zod';
import { SCOPES } from '../../domain/sharing/sharing.ts';
import { isoDate, optionalText, pageQuery, searchText, trimmed } from '../platform/http.ts';

// ───────────── Admin: API clients ─────────────

export const scope = z.enum(SCOPES);

export const clientCreate = z
  .object({
    name: trimmed(200),
    partnerOrgUnitId: z.number().int().positive().nullish(),
    contact: optionalText(500),
    scopes: z
      .array(scope)
      .min(1, 'Chọn ít nhất một phạm vi dữ liệu.')
      .max(SCOPES.length)
      .refine((a) => new Set(a).size === a.length, 'Phạm vi bị lặp.'),
    ratePerMinute: z.number().int().min(1).max(6000).default(60),
  })
  .strict();

export const apiClient = z.object({
  id: z.number(),
  name: z.string(),
  partnerOrgUnitId: z.number().nullable(),
  partnerOrgUnitName: z.string().nullable(),
  /** The partner is the provincial police (Công an tỉnh) or one of its divisions: sees violators' names. */
  partnerIsPolice: z.boolean(),
  contact: z.string().nullable(),
  scopes: z.array(z.string()),
  ratePerMinute: z.number(),
  tokenPrefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Calls in the last 24 hours. */
  calls24h: z.number(),
});
export const clientPage = z.object({
  items: z.array(apiClient),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
/** The token is shown once, in this answer only. */
export const clientWithToken = z.object({ client: apiClient, token: z.string() });

export const clientQuery = z.object({
  q: searchText,
  status: z.enum(['active', 'revoked']).optional(),
  ...pageQuery,
});

export const callQuery = z.object({
  outcome: z.enum(['ok', 'refused']).optional(),
  ...pageQuery,
});
export const apiCall = z.object({
  id: z.number(),
  at: z.string(),
  method: z.string(),
  path: z.string(),
  query: z.string().nullable(),
  status: z.number(),
  rowsReturned: z.number().nullable(),
  durationMs: z.number(),
  ip: z.string().nullable(),
});
export const callPage = z.object({
  items: z.array(apiCall),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// ───────────── Partners: datasets ─────────────

const filters = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** A commune or ward: today's (with the old communes merged into it) or an old one. */
  commune: z.string().trim().min(1).max(50).optional(),
};
const sharePaging = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
};
const period = <T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T) =>
  schema.refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu.',
  });

export const crashFilters = z.object({ ...filters, verified: z.enum(['true', 'false']).optional() }).strict();
export const spotFilters = z
  .object({
    ...filters,
    status: z
      .enum(['candidate', 'confirmed', 'dismissed', 'surveyed', 'remedy_planned', 'remedied', 'evaluated'])
      .optional(),
    kind: z.enum(['black_spot', 'potential', 'hazard']).optional(),
  })
  .strict();
export const violationFilters = z
  .object({
    ...filters,
    type: z.string().trim().min(1).max(60).optional(),
    status: z.enum(['recorded', 'notice_issued', 'paid', 'unpaid', 'forwarded', 'cancelled']).optional(),
  })
  .strict();

export const crashExportQuery = period(crashFilters);
export const spotExportQuery = period(spotFilters);
export const violationExportQuery = period(violationFilters);
export const crashPageQuery = period(crashFilters.extend(sharePaging).strict());
export const spotPageQuery = period(spotFilters.extend(sharePaging).strict());
export const violationPageQuery = period(violationFilters.extend(sharePaging).strict());

export type CrashFilters = z.infer<typeof crashFilters>;
export type SpotFilters = z.infer<typeof spotFilters>;
export type ViolationFilters = z.infer<typeof violationFilters>;

export const changesQuery = z
  .object({
    /** The `nextCursor` of the previous answer; none = from the beginning. */
    since: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

const sharedPerson = z.object({
  role: z.string(),
  age: z.number().nullable(),
  sex: z.string().nullable(),
  injury: z.string(),
  diedOn: z.string().nullable(),
  student: z.boolean(),
  vehicle: z.string().nullable(),
});

/** A crash as partners see it: no names, id numbers, phone numbers or free-text description. */
export const sharedCrash = z.object({
  id: z.number(),
  occurredAt: z.string(),
  adminUnitId: z.string(),
  adminUnitName: z.string(),
  currentAdminUnitId: z.string(),
  currentAdminUnitName: z.string(),
  roadCode: z.string().nullable(),
  roadName: z.string().nullable(),
  kmMarker: z.string().nullable(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  area: z.string().nullable(),
  mode: z.string(),
  weather: z.string().nullable(),
  light: z.string().nullable(),
  surface: z.string().nullable(),
  collisionType: z.string().nullable(),
  vehicles: z.array(z.string()),
  commercial: z.boolean(),
  cause: z.string().nullable(),
  causes: z.array(z.string()),
  alcohol: z.boolean(),
  deaths: z.number(),
  injured: z.number(),
  students: z.number(),
  severity: z.string().nullable(),
  source: z.string(),
  verified: z.boolean(),
  updatedAt: z.string(),
  persons: z.array(sharedPerson),
});

export const sharedSpot = z.object({
  id: z.number(),
  kind: z.string(),
  hazardType: z.string().nullable(),
  status: z.string(),
  name: z.string(),
  roadCode: z.string().nullable(),
  fromKm: z.string().nullable(),
  toKm: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  adminUnitId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  criteriaId: z.string().nullable(),
  rule: z.string().nullable(),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  crashes: z.number(),
  fatalCrashes: z.number(),
  deaths: z.number(),
  injured: z.number(),
  remedyDue: z.string().nullable(),
  remediedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A violation: the person's name masked and no id number, unless the partner is the police. */
export const sharedViolation = z.object({
  id: z.number(),
  source: z.string(),
  typeCode: z.string(),
  typeLabel: z.string(),
  ruleSet: z.string(),
  occurredAt: z.string(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  adminUnitId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  plate: z.string().nullable(),
  plateKey: z.string().nullable(),
  vehicleType: z.string().nullable(),
  speedKmh: z.number().nullable(),
  speedLimitKmh: z.number().nullable(),
  fineMin: z.number().nullable(),
  fineMax: z.number().nullable(),
  fineVnd: z.number().nullable(),
  points: z.number().nullable(),
  status: z.string(),
  personName: z.string().nullable(),
  personIdNumber: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** 'full' for the police, 'masked' for everyone else. */
  personalData: z.enum(['full', 'masked']),
  updatedAt: z.string(),
});

export const sharePage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const changesPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(
      z.object({
        op: z.enum(['upsert', 'delete']),
        id: z.number(),
        seq: z.number(),
        data: item.optional(),
      }),
    ),
    nextCursor: z.string(),
    hasMore: z.boolean(),
  });
