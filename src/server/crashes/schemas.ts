import { z } from 'zod';
import { CRASH_CAUSES, SEVERITY_CLASSES, VEHICLE_TYPES } from '../../domain/crashes/codes.ts';
import { isoDate, optionalText, paged, pageQuery, searchText } from '../platform/http.ts';

const causeCodes = CRASH_CAUSES.map((c) => c.code) as [string, ...string[]];
const vehicleCodes = VEHICLE_TYPES.map((c) => c.code) as [string, ...string[]];
const severityCodes = SEVERITY_CLASSES.map((c) => c.code) as [string, ...string[]];

export const MODES = ['road', 'rail', 'waterway'] as const;
export const WEATHER = ['clear', 'rain', 'fog', 'storm'] as const;
export const LIGHT = ['day', 'dawn_dusk', 'dark_lit', 'dark_unlit'] as const;
export const SURFACE = ['dry', 'wet', 'muddy', 'damaged'] as const;
export const COLLISION_TYPES = [
  'head_on',
  'rear_end',
  'side',
  'single_vehicle',
  'pedestrian',
  'rollover',
  'other',
] as const;
export const SOURCES = ['police', 'health', 'citizen'] as const;
export const INJURIES = ['died_at_scene', 'died_later', 'serious', 'minor', 'none'] as const;

/** "Km 12+300" ↔ 12300 metres. */
export const KM_MARKER = /^\s*(?:Km\s*)?(\d{1,4})\s*\+\s*(\d{1,3})\s*$/i;

export const person = z
  .object({
    role: z.enum(['driver', 'passenger', 'pedestrian', 'other']),
    age: z.number().int().min(0).max(120).nullish(),
    sex: z.enum(['male', 'female']).nullish(),
    injury: z.enum(INJURIES),
    diedOn: isoDate.nullish(),
    student: z.boolean().default(false),
    vehicle: z.enum(vehicleCodes).nullish(),
    alcohol: z.enum(['positive', 'negative', 'not_tested']).default('not_tested'),
    drugs: z.enum(['positive', 'negative', 'not_tested']).default('not_tested'),
  })
  .strict();

const crashFields = z.object({
  /** ISO date-time with offset, e.g. 2025-03-14T21:30:00+07:00 */
  occurredAt: z.iso.datetime({ offset: true, message: 'Thời điểm phải có dạng yyyy-mm-ddThh:mm+07:00' }),
  adminUnitId: z.string().trim().min(1).max(50),
  roadId: z.number().int().positive().nullish(),
  roadName: optionalText(200),
  place: optionalText(300),
  kmMarker: z.string().regex(KM_MARKER, 'Lý trình phải có dạng Km 12+300').nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
  area: z.enum(['urban', 'rural']).nullish(),
  mode: z.enum(MODES),
  weather: z.enum(WEATHER).nullish(),
  light: z.enum(LIGHT).nullish(),
  surface: z.enum(SURFACE).nullish(),
  collisionType: z.enum(COLLISION_TYPES).nullish(),
  vehicles: z.array(z.enum(vehicleCodes)).max(20),
  commercial: z.boolean(),
  causes: z.array(z.enum(causeCodes)).max(10),
  alcohol: z.boolean(),
  /** Counts; when persons are given, the counts are taken from them. */
  deaths: z.number().int().min(0).max(500),
  injured: z.number().int().min(0).max(500),
  students: z.number().int().min(0).max(500),
  persons: z.array(person).max(100),
  source: z.enum(SOURCES),
  verified: z.boolean(),
  description: optionalText(5000),
});

export const crashInput = crashFields
  .extend({
    roadId: crashFields.shape.roadId,
    vehicles: crashFields.shape.vehicles.default([]),
    commercial: crashFields.shape.commercial.default(false),
    causes: crashFields.shape.causes.default([]),
    alcohol: crashFields.shape.alcohol.default(false),
    deaths: crashFields.shape.deaths.default(0),
    injured: crashFields.shape.injured.default(0),
    students: crashFields.shape.students.default(0),
    persons: crashFields.shape.persons.default([]),
    mode: crashFields.shape.mode.default('road'),
    source: crashFields.shape.source.default('police'),
    verified: crashFields.shape.verified.default(false),
  })
  .strict()
  .refine((c) => (c.lat == null) === (c.lon == null), { path: ['lon'], message: 'Cần cả vĩ độ và kinh độ' });
export const crashPatch = crashFields.partial().strict();

export const crashDetail = z.object({
  id: z.number(),
  occurredAt: z.string(),
  adminUnitId: z.string(),
  adminUnitName: z.string(),
  currentAdminUnitId: z.string(),
  currentAdminUnitName: z.string(),
  roadId: z.number().nullable(),
  roadCode: z.string().nullable(),
  roadName: z.string().nullable(),
  place: z.string().nullable(),
  kmMarker: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  area: z.string().nullable(),
  mode: z.enum(MODES),
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
  severity: z.enum(severityCodes).nullable(),
  severityRule: z.string().nullable(),
  source: z.enum(SOURCES),
  verified: z.boolean(),
  description: z.string().nullable(),
  mergedInto: z.number().nullable(),
  persons: z.array(person.extend({ id: z.number() })),
  history: z.array(
    z.object({
      at: z.string(),
      username: z.string().nullable(),
      action: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  duplicates: z.array(
    z.object({ id: z.number(), occurredAt: z.string(), score: z.number(), reasons: z.array(z.string()) }),
  ),
});

export const mergeBody = z.object({ intoId: z.number().int().positive() }).strict();

export const mapQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    verified: z.enum(['true', 'all']).default('true'),
    minLat: z.coerce.number().min(-90).max(90).optional(),
    maxLat: z.coerce.number().min(-90).max(90).optional(),
    minLon: z.coerce.number().min(-180).max(180).optional(),
    maxLon: z.coerce.number().min(-180).max(180).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Ngày kết thúc phải sau ngày bắt đầu.' });

export const crashGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({
        id: z.number(),
        deaths: z.number(),
        injured: z.number(),
        severity: z.string().nullable(),
        occurredAt: z.string(),
      }),
    }),
  ),
  truncated: z.boolean(),
});

export const roadsGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({
        type: z.literal('LineString'),
        coordinates: z.array(z.tuple([z.number(), z.number()])),
      }),
      properties: z.object({ id: z.number(), code: z.string(), name: z.string() }),
    }),
  ),
});

export const statsQuery = z.object({
  /** month:2025-03 | quarter:2025-1 | half:2025-1 | nine_months:2025 | year:2025 | reporting:… | range:a..b */
  period: z.string().trim().min(4).max(40),
  by: z
    .enum([
      'none',
      'commune',
      'route',
      'cause',
      'vehicle',
      'hour_weekday',
      'mode',
      'alcohol',
      'commercial',
      'student',
      'severity',
    ])
    .default('none'),
  verified: z.enum(['true', 'all']).default('true'),
});

const criteria = z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() });
const change = z.object({ change: z.number(), percent: z.number().nullable() });
export const statsRow = z.object({
  key: z.string(),
  label: z.string(),
  current: criteria,
  previous: criteria,
  change: z.object({ crashes: change, deaths: change, injured: change }),
});
export const statsResult = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  previous: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  by: z.string(),
  verifiedOnly: z.boolean(),
  total: statsRow,
  rows: z.array(statsRow),
  sentence: z.string(),
});

export const targetsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  asOf: isoDate.optional(),
});
export const targetsResult = z.object({
  year: z.number(),
  asOf: z.string(),
  plan: z.object({ id: z.number(), number: z.string() }).nullable(),
  indicators: z.array(
    z.object({
      indicator: z.enum(['crashes', 'deaths', 'injured']),
      ytd: z.number(),
      previousYtd: z.number(),
      previousYear: z.number(),
      projected: z.number(),
      target: z
        .object({
          description: z.string(),
          targetValueMin: z.number(),
          targetValueMax: z.number(),
          status: z.enum(['on_track', 'at_risk', 'off_track']),
          message: z.string(),
        })
        .nullable(),
    }),
  ),
});

export const crashListQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    adminUnitId: z.string().max(50).optional(),
    roadId: z.coerce.number().int().positive().optional(),
    cause: z.enum(causeCodes).optional(),
    severity: z.enum(severityCodes).optional(),
    verified: z.enum(['true', 'false']).optional(),
    q: searchText,
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu.',
  });

export const crashImportBody = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z
      .string()
      .max(Math.ceil((5 * 1024 * 1024) / 3) * 4 + 4, 'Tệp vượt quá dung lượng cho phép (5 MB)'),
  })
  .strict();
export const crashImportResult = z.object({
  rows: z.number(),
  valid: z.boolean(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  duplicates: z.array(z.object({ row: z.number(), crashId: z.number(), reasons: z.array(z.string()) })),
  preview: z.array(z.record(z.string(), z.unknown())),
  created: z.number(),
});

export const crashPageSchema = (item: z.ZodType) =>
  paged(item).extend({ summary: z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() }) });

export const healthImportResult = z.object({
  rows: z.number(),
  created: z.number(),
  linked: z.number(),
  possible: z.number(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
});
export const healthSummaryQuery = z.object({ period: z.string().trim().min(4).max(40) });
export const healthSummary = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  police: z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() }),
  health: z.object({ records: z.number(), died: z.number(), injured: z.number() }),
  linked: z.object({ records: z.number(), died: z.number(), injured: z.number(), possible: z.number() }),
  estimate: z.object({
    deaths: z.object({
      total: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      underReportingPercent: z.number().nullable(),
      reliable: z.boolean(),
    }),
    injured: z.object({
      total: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      underReportingPercent: z.number().nullable(),
      reliable: z.boolean(),
    }),
  }),
  method: z.string(),
});

/** For routes that take no query parameters: anything given is an error, not silently ignored. */
export const noQuery = z.object({}).strict();
