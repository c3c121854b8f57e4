import { z } from 'zod';
import { isoDate, optionalText, paged, pageQuery, searchText, trimmed } from '../platform/http.ts';

export const SPOT_KINDS = ['black_spot', 'potential', 'hazard'] as const;
export const HAZARD_TYPES = ['potential_location', 'illegal_crossing', 'landslide', 'other'] as const;
export const SPOT_STATUSES = [
  'candidate',
  'confirmed',
  'dismissed',
  'surveyed',
  'remedy_planned',
  'remedied',
  'evaluated',
] as const;

export const detectBody = z
  .object({
    from: isoDate,
    to: isoDate,
    mode: z.enum(['linear', 'spatial', 'both']).default('both'),
    /** keep the new candidates in the list (status candidate); otherwise only show them */
    save: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.from <= b.to, { path: ['to'], message: 'Ngày kết thúc phải sau ngày bắt đầu.' });

export const candidate = z.object({
  kind: z.enum(['black_spot', 'potential']),
  source: z.enum(['linear', 'spatial']),
  name: z.string(),
  roadId: z.number().nullable(),
  roadCode: z.string().nullable(),
  fromM: z.number().nullable(),
  toM: z.number().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  crashIds: z.array(z.number()),
  crashes: z.number(),
  fatalCrashes: z.number(),
  deaths: z.number(),
  injured: z.number(),
  rule: z.string(),
  criteriaId: z.string(),
  citation: z.string(),
  /** an existing spot at the same place, if any */
  existingSpotId: z.number().nullable(),
});
export const detectResult = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  criteria: z.object({
    id: z.string(),
    citation: z.string(),
    verified: z.boolean(),
    segmentMetres: z.number(),
  }),
  crashesConsidered: z.number(),
  /** all candidates found; `candidates` lists the first 500, black spots first */
  totalCandidates: z.number(),
  /** of all candidates, those with no spot in the list yet (before saving) */
  newCandidates: z.number(),
  candidates: z.array(candidate),
  saved: z.number(),
});

export const spotCreate = z
  .object({
    kind: z.enum(SPOT_KINDS),
    hazardType: z.enum(HAZARD_TYPES).nullish(),
    name: trimmed(300),
    roadId: z.number().int().positive().nullish(),
    fromM: z.number().int().min(0).nullish(),
    toM: z.number().int().min(0).nullish(),
    lat: z.number().min(-90).max(90).nullish(),
    lon: z.number().min(-180).max(180).nullish(),
    adminUnitId: z.string().max(50).nullish(),
    description: optionalText(5000),
  })
  .strict()
  .refine((b) => (b.lat == null) === (b.lon == null), { path: ['lon'], message: 'Cần cả vĩ độ và kinh độ' })
  .refine((b) => b.lat != null || b.roadId != null, {
    path: ['lat'],
    message: 'Cần tọa độ hoặc tuyến đường và lý trình',
  })
  .refine((b) => b.kind !== 'hazard' || b.hazardType != null, {
    path: ['hazardType'],
    message: 'Chọn loại nguy cơ',
  });

export const transitionBody = z
  .object({
    to: z.enum(SPOT_STATUSES),
    reason: optionalText(2000),
    surveyOn: isoDate.nullish(),
    findings: optionalText(5000),
    measures: optionalText(5000),
    costVnd: z.number().int().min(0).max(1e13).nullish(),
    leadUnitId: z.number().int().positive().nullish(),
    dueOn: isoDate.nullish(),
    remediedOn: isoDate.nullish(),
  })
  .strict();

const counts = z.object({
  from: z.string(),
  to: z.string(),
  crashes: z.number(),
  deaths: z.number(),
  injured: z.number(),
});
/** The 12 months before the works against the 12 months after (see domain/blackspots/evaluation.ts). */
export const evaluation = z.object({
  before: counts,
  after: counts,
  expectedBefore: z.number().nullable(),
  change: z.number(),
  percent: z.number().nullable(),
  rtmExpected: z.number().nullable(),
  rtmAdjusted: z.number().nullable(),
  rtmPercent: z.number().nullable(),
  ebWeight: z.number().nullable(),
  significant: z.boolean(),
  pValue: z.number(),
  pValueRtm: z.number().nullable(),
  statement: z.string(),
});

export const spot = z.object({
  id: z.number(),
  kind: z.enum(SPOT_KINDS),
  hazardType: z.string().nullable(),
  source: z.string(),
  status: z.enum(SPOT_STATUSES),
  name: z.string(),
  roadId: z.number().nullable(),
  roadCode: z.string().nullable(),
  fromM: z.number().nullable(),
  toM: z.number().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  adminUnitId: z.string().nullable(),
  criteriaId: z.string().nullable(),
  rule: z.string().nullable(),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  crashes: z.number(),
  fatalCrashes: z.number(),
  deaths: z.number(),
  injured: z.number(),
  dismissReason: z.string().nullable(),
  surveyOn: z.string().nullable(),
  surveyFindings: z.string().nullable(),
  remedyMeasures: z.string().nullable(),
  remedyCostVnd: z.number().nullable(),
  remedyLeadUnitId: z.number().nullable(),
  remedyLeadUnitName: z.string().nullable(),
  remedyDue: z.string().nullable(),
  remedyTaskId: z.number().nullable(),
  remediedOn: z.string().nullable(),
  evaluation: evaluation.nullable(),
});
export const spotPage = paged(spot);
export const spotDetail = spot.extend({
  crashList: z.array(
    z.object({
      id: z.number(),
      occurredAt: z.string(),
      deaths: z.number(),
      injured: z.number(),
      kmM: z.number().nullable(),
    }),
  ),
  photos: z.array(z.object({ id: z.number(), fileName: z.string(), size: z.number() })),
  history: z.array(
    z.object({ at: z.string(), username: z.string().nullable(), action: z.string(), after: z.unknown() }),
  ),
  /** the next statuses allowed from this one */
  next: z.array(z.enum(SPOT_STATUSES)),
});

export const spotQuery = z.object({
  status: z.enum(SPOT_STATUSES).optional(),
  kind: z.enum(SPOT_KINDS).optional(),
  roadId: z.coerce.number().int().positive().optional(),
  /** a commune: the spots in it, or in an old commune that rolled up into it */
  adminUnitId: z.string().trim().max(50).optional(),
  q: searchText,
  ...pageQuery,
});

export const photoBody = z
  .object({
    fileName: trimmed(255),
    mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    contentBase64: z.string().max(Math.ceil((8 * 1024 * 1024) / 3) * 4 + 4, 'Ảnh vượt quá 8 MB'),
  })
  .strict();

export const exportQuery = z.object({
  format: z.enum(['docx', 'xlsx']),
  status: z.enum(SPOT_STATUSES).optional(),
});

export const spotGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({
        id: z.number(),
        kind: z.string(),
        status: z.string(),
        name: z.string(),
        crashes: z.number(),
        deaths: z.number(),
      }),
    }),
  ),
});
