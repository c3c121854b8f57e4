/**
 * Dispatch (điều phối ứng cứu): the shapes the server sends — taken from its zod schemas
 * (src/server/incidents/schemas.ts, types only, nothing of the server is bundled) — and the queries
 * and writes the pages use.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assignmentInput,
  crashFromIncidentResult,
  facility,
  facilityInput,
  incidentDetail,
  incidentItem,
  incidentPage,
  kpiResult,
  kpiRow,
  nearestFacility,
  statusInput,
  streamEvent,
} from '../../server/incidents/schemas.ts';
import { api, buildUrl, type Page } from '../platform/api.ts';
import type { DispatchSearch, FacilitiesSearch } from './search.ts';

export type IncidentItem = z.output<typeof incidentItem>;
export type IncidentPage = z.output<typeof incidentPage>;
export type IncidentDetail = z.output<typeof incidentDetail>;
export type IncidentReport = IncidentDetail['reports'][number];
export type IncidentPhoto = IncidentReport['photos'][number];
export type IncidentEvent = IncidentDetail['timeline'][number];
export type Assignment = IncidentDetail['assignments'][number];
export type NearestFacility = z.output<typeof nearestFacility>;
export type Facility = z.output<typeof facility>;
export type FacilityInput = z.input<typeof facilityInput>;
export type AssignmentInput = z.input<typeof assignmentInput>;
export type StatusInput = z.input<typeof statusInput>;
export type KpiResult = z.output<typeof kpiResult>;
export type KpiRow = z.output<typeof kpiRow>;
export type StreamEvent = z.output<typeof streamEvent>;
export type IncidentStatus = IncidentItem['status'];

type Paged<S> = S & { page: number; pageSize: number };

/** Every query of this capability starts with this key: one invalidation refreshes the board. */
export const INCIDENTS_KEY = ['incidents'] as const;

// ───────────── The board ─────────────

export const incidentsQuery = (search: Paged<DispatchSearch>) =>
  queryOptions({
    queryKey: [...INCIDENTS_KEY, 'list', search] as const,
    queryFn: ({ signal }) =>
      api.get<IncidentPage>(
        '/incidents',
        {
          status: search.status ?? 'open',
          adminUnitId: search.adminUnitId,
          from: search.from,
          to: search.to,
          page: search.page,
          pageSize: search.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    // The live stream refreshes the board; this is the safety net when it is down.
    refetchInterval: 60_000,
  });

export const incidentQuery = (id: number) =>
  queryOptions({
    queryKey: [...INCIDENTS_KEY, 'detail', id] as const,
    queryFn: ({ signal }) => api.get<IncidentDetail>(`/incidents/${id}`, undefined, signal),
    refetchInterval: 60_000,
  });

export const assignFacility = (id: number, input: AssignmentInput) =>
  api.post<IncidentDetail>(`/incidents/${id}/assignments`, input);

export const changeStatus = (id: number, input: StatusInput) =>
  api.post<IncidentDetail>(`/incidents/${id}/status`, input);

export const createCrashFromIncident = (id: number) =>
  api.post<z.output<typeof crashFromIncidentResult>>(`/incidents/${id}/crash`, {});

export const STREAM_URL = buildUrl('/incidents/stream');

// ───────────── KPI ─────────────

export const kpiQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: [...INCIDENTS_KEY, 'kpi', { from, to }] as const,
    queryFn: ({ signal }) => api.get<KpiResult>('/incident-kpi', { from, to }, signal),
    placeholderData: keepPreviousData,
  });

export const kpiExcelUrl = (from: string, to: string) => buildUrl('/incident-kpi.xlsx', { from, to });

// ───────────── Facilities ─────────────

export const FACILITIES_KEY = ['response-facilities'] as const;

export const facilitiesQuery = (search: Paged<FacilitiesSearch>) =>
  queryOptions({
    queryKey: [...FACILITIES_KEY, search] as const,
    queryFn: ({ signal }) =>
      api.get<Page<Facility>>(
        '/response-facilities',
        { kind: search.kind, page: search.page, pageSize: search.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const createFacility = (input: FacilityInput) => api.post<Facility>('/response-facilities', input);
export const updateFacility = (id: number, input: FacilityInput) =>
  api.put<Facility>(`/response-facilities/${id}`, input);
