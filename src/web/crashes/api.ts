import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../platform/api.ts';
import type { CrashesSearch } from './search.ts';

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

export const crashesQuery = (search: CrashesSearch & { page: number; pageSize: number }) =>
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
