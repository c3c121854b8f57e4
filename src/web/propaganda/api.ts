/**
 * Propaganda and education: the shapes the server sends — taken from its zod schemas
 * (src/server/propaganda/schemas.ts, types only, nothing of the server is bundled) — and the queries.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  commitmentInput,
  commitmentItem,
  commitmentPage,
  sessionDetail,
  sessionInput,
  sessionItem,
  sessionPage,
  sessionUpdate,
  statsResult,
  writableUnits,
} from '../../server/propaganda/schemas.ts';
import { api, buildUrl, type Page } from '../platform/api.ts';
import type { CommitmentsSearch, SessionsSearch } from './search.ts';

export type Session = z.output<typeof sessionItem>;
export type SessionPage = z.output<typeof sessionPage>;
export type SessionDetail = z.output<typeof sessionDetail>;
export type SessionInput = z.input<typeof sessionInput>;
export type SessionUpdate = z.input<typeof sessionUpdate>;
export type PhotoInput = NonNullable<SessionInput['photos']>[number];
export type PropagandaStats = z.output<typeof statsResult>;
export type Commitment = z.output<typeof commitmentItem>;
export type CommitmentPage = z.output<typeof commitmentPage>;
export type CommitmentInput = z.input<typeof commitmentInput>;
export type WritableUnit = z.output<typeof writableUnits>['items'][number];

type Paged<S> = S & { page: number; pageSize: number };

export const SESSIONS_KEY = ['propaganda-sessions'] as const;
export const STATS_KEY = ['propaganda-stats'] as const;
export const COMMITMENTS_KEY = ['school-commitments'] as const;

export const sessionsQuery = (search: Paged<SessionsSearch>) =>
  queryOptions({
    queryKey: [...SESSIONS_KEY, 'list', search] as const,
    queryFn: ({ signal }) =>
      api.get<SessionPage>(
        '/propaganda-sessions',
        {
          from: search.from,
          to: search.to,
          orgUnitId: search.orgUnitId,
          channel: search.channel,
          audience: search.audience,
          q: search.q,
          page: search.page,
          pageSize: search.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const sessionQuery = (id: number) =>
  queryOptions({
    queryKey: [...SESSIONS_KEY, 'detail', id] as const,
    queryFn: ({ signal }) => api.get<SessionDetail>(`/propaganda-sessions/${id}`, undefined, signal),
  });

export const createSession = (input: SessionInput) => api.post<SessionDetail>('/propaganda-sessions', input);
export const updateSession = (id: number, input: SessionUpdate) =>
  api.put<SessionDetail>(`/propaganda-sessions/${id}`, input);
export const deleteSession = (id: number) => api.delete(`/propaganda-sessions/${id}`);
export const photoUrl = (id: number) => buildUrl(`/propaganda-photos/${id}`);

/** The units the signed-in user may record for (every unit for the office). */
export const writableUnitsQuery = () =>
  queryOptions({
    queryKey: ['propaganda-units'] as const,
    queryFn: ({ signal }) => api.get<{ items: WritableUnit[] }>('/propaganda-units', undefined, signal),
    select: (r) => r.items,
    staleTime: 10 * 60_000,
  });

/** Every unit of the directory, for the filters (a unit filter takes its divisions too). */
export const orgUnitsQuery = () =>
  queryOptions({
    queryKey: ['directory', 'org-units', { page: 1, pageSize: 500 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; name: string; kind: string }>>(
        '/directory/org-units',
        { page: 1, pageSize: 500 },
        signal,
      ),
    select: (page) => page.items,
    staleTime: 10 * 60_000,
  });

export interface CommuneOption {
  id: string;
  name: string;
  kind?: string;
}

/** Communes and wards in force on a date (a session is filed under the commune of its day). */
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

export const statsQuery = (from: string, to: string, orgUnitId: number | undefined) =>
  queryOptions({
    queryKey: [...STATS_KEY, { from, to, orgUnitId }] as const,
    queryFn: ({ signal }) => api.get<PropagandaStats>('/propaganda-stats', { from, to, orgUnitId }, signal),
    placeholderData: keepPreviousData,
  });

export const statsExcelUrl = (from: string, to: string, orgUnitId: number | undefined) =>
  buildUrl('/propaganda-stats.xlsx', { from, to, orgUnitId });

export const commitmentsQuery = (search: Paged<CommitmentsSearch>) =>
  queryOptions({
    queryKey: [...COMMITMENTS_KEY, 'list', search] as const,
    queryFn: ({ signal }) =>
      api.get<CommitmentPage>(
        '/school-commitments',
        { schoolYear: search.schoolYear, q: search.q, page: search.page, pageSize: search.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const createCommitment = (input: CommitmentInput) =>
  api.post<Commitment>('/school-commitments', input);
export const updateCommitment = (id: number, input: CommitmentInput) =>
  api.put<Commitment>(`/school-commitments/${id}`, input);

/** A browser File as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : url);
    };
    reader.readAsDataURL(file);
  });
}
