/**
 * Black spots and hazardous locations: the shapes the server sends (see src/server/blackspots/schemas.ts)
 * and the queries and writes the pages use.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, buildUrl, type Page } from '../platform/api.ts';
import { SPOT_KIND_CODES, SPOT_STATUS_CODES, type SpotsSearch } from './search.ts';

type Paged<S> = S & { page: number; pageSize: number };

export const SPOT_STATUSES = SPOT_STATUS_CODES;
export const SPOT_KINDS = SPOT_KIND_CODES;
export const HAZARD_TYPES = ['potential_location', 'illegal_crossing', 'landslide', 'other'] as const;
export const DETECT_MODES = ['both', 'linear', 'spatial'] as const;

export type SpotStatus = (typeof SPOT_STATUSES)[number];
export type SpotKind = (typeof SPOT_KINDS)[number];
export type HazardType = (typeof HAZARD_TYPES)[number];
export type DetectMode = (typeof DETECT_MODES)[number];

/** The lifecycle as shown in the steps (a dismissed spot leaves it after the candidate step). */
export const LIFECYCLE: SpotStatus[] = [
  'candidate',
  'confirmed',
  'surveyed',
  'remedy_planned',
  'remedied',
  'evaluated',
];

// ───────────── Detection ─────────────

export interface Candidate {
  kind: 'black_spot' | 'potential';
  source: 'linear' | 'spatial';
  name: string;
  roadId: number | null;
  roadCode: string | null;
  fromM: number | null;
  toM: number | null;
  lat: number | null;
  lon: number | null;
  crashIds: number[];
  crashes: number;
  fatalCrashes: number;
  deaths: number;
  injured: number;
  rule: string;
  criteriaId: string;
  citation: string;
  existingSpotId: number | null;
}

export interface DetectResult {
  window: { from: string; to: string };
  criteria: { id: string; citation: string; verified: boolean; segmentMetres: number };
  crashesConsidered: number;
  totalCandidates: number;
  newCandidates: number;
  candidates: Candidate[];
  saved: number;
}

export interface DetectBody {
  from: string;
  to: string;
  mode: DetectMode;
  save: boolean;
}

export const detectSpots = (body: DetectBody) => api.post<DetectResult>('/black-spots/detect', body);

// ───────────── List ─────────────

export interface Evaluation {
  before?: unknown;
  after?: unknown;
  percent?: number | null;
  pValue?: number | null;
  significant?: boolean | null;
  statement?: string | null;
  [key: string]: unknown;
}

export interface Spot {
  id: number;
  kind: SpotKind;
  hazardType: string | null;
  source: string;
  status: SpotStatus;
  name: string;
  roadId: number | null;
  roadCode: string | null;
  fromM: number | null;
  toM: number | null;
  lat: number | null;
  lon: number | null;
  adminUnitId: string | null;
  criteriaId: string | null;
  rule: string | null;
  windowFrom: string | null;
  windowTo: string | null;
  crashes: number;
  fatalCrashes: number;
  deaths: number;
  injured: number;
  dismissReason: string | null;
  surveyOn: string | null;
  surveyFindings: string | null;
  remedyMeasures: string | null;
  remedyCostVnd: number | null;
  remedyLeadUnitId: number | null;
  remedyLeadUnitName: string | null;
  remedyDue: string | null;
  remedyTaskId: number | null;
  remediedOn: string | null;
  evaluation: Evaluation | null;
}

export const spotsQuery = (search: Paged<SpotsSearch>) =>
  queryOptions({
    queryKey: ['black-spots', 'list', search] as const,
    queryFn: ({ signal }) => api.get<Page<Spot>>('/black-spots', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

export const spotsExportUrl = (format: 'docx' | 'xlsx', status?: SpotStatus) =>
  buildUrl('/black-spots/export', { format, status });

// ───────────── One spot ─────────────

export interface SpotCrash {
  id: number;
  occurredAt: string;
  deaths: number;
  injured: number;
  kmM: number | null;
}

export interface SpotPhoto {
  id: number;
  fileName: string;
  size: number;
}

export interface SpotHistoryEntry {
  at: string;
  username: string | null;
  action: string;
  after: unknown;
}

export interface SpotDetail extends Spot {
  crashList: SpotCrash[];
  photos: SpotPhoto[];
  history: SpotHistoryEntry[];
  next: SpotStatus[];
}

export const spotQuery = (id: number) =>
  queryOptions({
    queryKey: ['black-spots', 'detail', id] as const,
    queryFn: ({ signal }) => api.get<SpotDetail>(`/black-spots/${id}`, undefined, signal),
  });

export interface SpotCreate {
  kind: SpotKind;
  hazardType?: HazardType | null;
  name: string;
  roadId?: number | null;
  fromM?: number | null;
  toM?: number | null;
  lat?: number | null;
  lon?: number | null;
  adminUnitId?: string | null;
  description?: string | null;
}

export const createSpot = (body: SpotCreate) => api.post<SpotDetail>('/black-spots', body);

export interface TransitionBody {
  to: SpotStatus;
  reason?: string | null;
  surveyOn?: string | null;
  findings?: string | null;
  measures?: string | null;
  costVnd?: number | null;
  leadUnitId?: number | null;
  dueOn?: string | null;
  remediedOn?: string | null;
}

export const transitionSpot = (id: number, body: TransitionBody) =>
  api.post<SpotDetail>(`/black-spots/${id}/transition`, body);

export interface PhotoBody {
  fileName: string;
  mediaType: 'image/jpeg' | 'image/png' | 'image/webp';
  contentBase64: string;
}

export const uploadSpotPhoto = (id: number, body: PhotoBody) =>
  api.post<SpotDetail>(`/black-spots/${id}/photos`, body);

export const photoUrl = (photoId: number) => buildUrl(`/black-spots/photos/${photoId}`);

// ───────────── Map ─────────────

export interface SpotPointProps {
  id: number;
  kind: string;
  status: string;
  name: string;
  crashes: number;
  deaths: number;
}

export interface SpotGeoJson {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: SpotPointProps;
  }[];
}

export const spotsGeoJsonQuery = () =>
  queryOptions({
    queryKey: ['black-spots', 'geojson'] as const,
    queryFn: ({ signal }) => api.get<SpotGeoJson>('/black-spots/geojson', undefined, signal),
  });
