/**
 * The crash database and statistics: the shapes the server sends (see src/server/crashes/schemas.ts)
 * and the queries and writes the pages use.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, buildUrl, type Page } from '../platform/api.ts';
import type { CrashesSearch } from './search.ts';

type Paged<S> = S & { page: number; pageSize: number };

// ───────────── Enumerations (labels live in i18n: crashes.enums.*) ─────────────

export const MODES = ['road', 'rail', 'waterway'] as const;
export const AREAS = ['urban', 'rural'] as const;
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
export const PERSON_ROLES = ['driver', 'passenger', 'pedestrian', 'other'] as const;
export const SEXES = ['male', 'female'] as const;
export const TESTS = ['positive', 'negative', 'not_tested'] as const;
export const SEVERITIES = [
  'dac_biet_nghiem_trong',
  'rat_nghiem_trong',
  'nghiem_trong',
  'it_nghiem_trong',
  'va_cham',
] as const;

export type Mode = (typeof MODES)[number];
export type Area = (typeof AREAS)[number];
export type Weather = (typeof WEATHER)[number];
export type Light = (typeof LIGHT)[number];
export type Surface = (typeof SURFACE)[number];
export type CollisionType = (typeof COLLISION_TYPES)[number];
export type Source = (typeof SOURCES)[number];
export type Injury = (typeof INJURIES)[number];
export type PersonRole = (typeof PERSON_ROLES)[number];
export type Sex = (typeof SEXES)[number];
export type TestResult = (typeof TESTS)[number];
export type Severity = (typeof SEVERITIES)[number];

// ───────────── List ─────────────

export interface CrashItem {
  id: number;
  occurredAt: string;
  adminUnitId: string;
  adminUnitName: string;
  currentAdminUnitId: string;
  currentAdminUnitName: string;
  roadCode: string | null;
  kmM: number | null;
  deaths: number;
  injured: number;
  cause: string | null;
  causeLabel: string | null;
  severity: string | null;
  severityLabel?: string | null;
  verified: boolean;
  description: string | null;
}

export interface CrashSummary {
  crashes: number;
  deaths: number;
  injured: number;
}

export interface CrashPage extends Page<CrashItem> {
  summary: CrashSummary;
}

export const crashesQuery = (search: Paged<CrashesSearch>) =>
  queryOptions({
    queryKey: ['crashes', 'list', search] as const,
    queryFn: ({ signal }) => api.get<CrashPage>('/crashes', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

/** The three criteria (vụ, chết, bị thương) for a period; only the summary is used. */
export const crashSummaryQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: ['crashes', 'summary', from, to] as const,
    queryFn: ({ signal }) => api.get<CrashPage>('/crashes', { from, to, pageSize: 1 }, signal),
    select: (page) => page.summary,
  });

// ───────────── One crash ─────────────

export interface CrashPerson {
  role: PersonRole;
  age?: number | null;
  sex?: Sex | null;
  injury: Injury;
  diedOn?: string | null;
  student: boolean;
  vehicle?: string | null;
  alcohol: TestResult;
  drugs: TestResult;
}

/** What POST /crashes takes and PATCH /crashes/:id takes in part. */
export interface CrashInput {
  occurredAt: string;
  adminUnitId: string;
  roadId?: number | null;
  roadName?: string | null;
  place?: string | null;
  kmMarker?: string | null;
  lat?: number | null;
  lon?: number | null;
  area?: Area | null;
  mode: Mode;
  weather?: Weather | null;
  light?: Light | null;
  surface?: Surface | null;
  collisionType?: CollisionType | null;
  vehicles: string[];
  commercial: boolean;
  causes: string[];
  alcohol: boolean;
  deaths: number;
  injured: number;
  students: number;
  persons: CrashPerson[];
  source: Source;
  verified: boolean;
  description?: string | null;
}

export interface CrashHistoryEntry {
  at: string;
  username: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface CrashDuplicate {
  id: number;
  occurredAt: string;
  score: number;
  reasons: string[];
}

export interface CrashDetail {
  id: number;
  occurredAt: string;
  adminUnitId: string;
  adminUnitName: string;
  currentAdminUnitId: string;
  currentAdminUnitName: string;
  roadId: number | null;
  roadCode: string | null;
  roadName: string | null;
  place: string | null;
  kmMarker: string | null;
  lat: number | null;
  lon: number | null;
  area: string | null;
  mode: Mode;
  weather: string | null;
  light: string | null;
  surface: string | null;
  collisionType: string | null;
  vehicles: string[];
  commercial: boolean;
  cause: string | null;
  causes: string[];
  alcohol: boolean;
  deaths: number;
  injured: number;
  students: number;
  severity: Severity | null;
  severityRule: string | null;
  source: Source;
  verified: boolean;
  description: string | null;
  mergedInto: number | null;
  persons: (CrashPerson & { id: number })[];
  history: CrashHistoryEntry[];
  duplicates: CrashDuplicate[];
}

export const crashQuery = (id: number) =>
  queryOptions({
    queryKey: ['crashes', 'detail', id] as const,
    queryFn: ({ signal }) => api.get<CrashDetail>(`/crashes/${id}`, undefined, signal),
  });

export const createCrash = (input: CrashInput) => api.post<CrashDetail>('/crashes', input);
export const updateCrash = (id: number, input: Partial<CrashInput>) =>
  api.patch<CrashDetail>(`/crashes/${id}`, input);
export const deleteCrash = (id: number) => api.delete(`/crashes/${id}`);
/** Merges crash `id` into `intoId`; answers with the record that was kept. */
export const mergeCrash = (id: number, intoId: number) =>
  api.post<CrashDetail>(`/crashes/${id}/merge`, { intoId });

// ───────────── Reference lists: communes on a date, roads ─────────────

export interface CommuneOption {
  id: string;
  name: string;
  kind?: string;
  parentName?: string | null;
}

/** Communes and wards in force on a date (a crash is filed under the unit of its day). */
export const communesOnQuery = (at: string) =>
  queryOptions({
    queryKey: ['directory', 'admin-units', { level: 'commune', at, page: 1, pageSize: 500 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<CommuneOption>>(
        '/directory/admin-units',
        { level: 'commune', at, page: 1, pageSize: 500 },
        signal,
      ),
    select: (page) => page.items,
    staleTime: 10 * 60_000,
  });

export interface RoadFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { id: number; code: string; name: string };
}

export interface RoadsGeoJson {
  type: 'FeatureCollection';
  features: RoadFeature[];
}

export const roadsQuery = () =>
  queryOptions({
    queryKey: ['roads', 'geojson'] as const,
    queryFn: ({ signal }) => api.get<RoadsGeoJson>('/roads/geojson', undefined, signal),
    staleTime: 30 * 60_000,
  });

/** Roads as options, national roads (QL) first. */
export const roadOptions = (roads: RoadsGeoJson | undefined) =>
  (roads?.features ?? [])
    .map((f) => f.properties)
    .sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }))
    .map((r) => ({ value: r.id, label: `${r.code} — ${r.name}`, code: r.code }));

// ───────────── Map ─────────────

export interface CrashPointProps {
  id: number;
  deaths: number;
  injured: number;
  severity: string | null;
  occurredAt: string;
}

export interface CrashGeoJson {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: CrashPointProps;
  }[];
  truncated: boolean;
}

export const crashMapQuery = (q: { from: string; to: string; verified: 'true' | 'all' }) =>
  queryOptions({
    queryKey: ['crashes', 'map', q] as const,
    queryFn: ({ signal }) => api.get<CrashGeoJson>('/crashes/map', { ...q }, signal),
    placeholderData: keepPreviousData,
  });

// ───────────── Statistics ─────────────

export const BREAKDOWNS = [
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
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const CRITERIA = ['crashes', 'deaths', 'injured'] as const;
export type Criterion = (typeof CRITERIA)[number];

export type Criteria = Record<Criterion, number>;

export interface Change {
  change: number;
  /** In percent units (−10 = −10 %); null when the previous value is 0. */
  percent: number | null;
}

export interface StatsRow {
  key: string;
  label: string;
  current: Criteria;
  previous: Criteria;
  change: Record<Criterion, Change>;
}

export interface PeriodRange {
  from: string;
  to: string;
  label: string;
}

export interface StatsResult {
  period: PeriodRange;
  previous: PeriodRange;
  by: string;
  verifiedOnly: boolean;
  total: StatsRow;
  rows: StatsRow[];
  sentence: string;
}

export interface StatsParams {
  period: string;
  by: Breakdown;
  verified: 'true' | 'all';
}

export const crashStatsQuery = (q: StatsParams) =>
  queryOptions({
    queryKey: ['crash-stats', q] as const,
    queryFn: ({ signal }) => api.get<StatsResult>('/crash-stats', { ...q }, signal),
    placeholderData: keepPreviousData,
  });

export const statsExportUrl = (q: StatsParams) => buildUrl('/crash-stats/export', { ...q });

export type TargetStatus = 'on_track' | 'at_risk' | 'off_track';

export interface TargetIndicator {
  indicator: Criterion;
  ytd: number;
  previousYtd: number;
  previousYear: number;
  projected: number;
  target: {
    description: string;
    targetValueMin: number;
    targetValueMax: number;
    status: TargetStatus;
    message: string;
  } | null;
}

export interface TargetsResult {
  year: number;
  asOf: string;
  plan: { id: number; number: string } | null;
  indicators: TargetIndicator[];
}

export const crashTargetsQuery = (year: number) =>
  queryOptions({
    queryKey: ['crash-stats', 'targets', year] as const,
    queryFn: ({ signal }) => api.get<TargetsResult>('/crash-stats/targets', { year }, signal),
  });

// ───────────── Import ─────────────

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  rows: number;
  valid: boolean;
  problems: ImportProblem[];
  duplicates: { row: number; crashId: number; reasons: string[] }[];
  preview: Record<string, unknown>[];
  created: number;
}

export interface ImportBody {
  fileName: string;
  contentBase64: string;
}

export const previewCrashImport = (body: ImportBody) =>
  api.post<ImportResult>('/crashes/import/preview', body);
export const commitCrashImport = (body: ImportBody) => api.post<ImportResult>('/crashes/import', body);
export const importTemplateUrl = buildUrl('/crashes/import/template');

// ───────────── Health records (ngành Y tế) ─────────────

export interface HealthEstimate {
  total: number | null;
  low: number | null;
  high: number | null;
  underReportingPercent: number | null;
  reliable: boolean;
}

export interface HealthSummary {
  period: PeriodRange;
  police: Criteria;
  health: { records: number; died: number; injured: number };
  linked: { records: number; died: number; injured: number; possible: number };
  estimate: { deaths: HealthEstimate; injured: HealthEstimate };
  method: string;
}

export const healthSummaryQuery = (period: string) =>
  queryOptions({
    queryKey: ['health-records', 'summary', period] as const,
    queryFn: ({ signal }) => api.get<HealthSummary>('/health-records/summary', { period }, signal),
    placeholderData: keepPreviousData,
  });

export interface HealthImportResult {
  rows: number;
  created: number;
  linked: number;
  possible: number;
  problems: ImportProblem[];
}

export const importHealthRecords = (body: ImportBody) =>
  api.post<HealthImportResult>('/health-records/import', body);
