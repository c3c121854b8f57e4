/**
 * Enforcement (xử lý vi phạm): the shapes the server sends — taken from its zod schemas
 * (src/server/enforcement/schemas.ts, types only, nothing of the server is bundled) — the violations
 * query, and the camera batch upload, which goes as raw NDJSON or CSV text rather than JSON.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ingestResult, violationItem, violationPage } from '../../server/enforcement/schemas.ts';
import { ApiError, api, buildUrl, type ErrorDetail } from '../platform/api.ts';
import i18n from '../platform/i18n/index.ts';
import type { ViolationsSearch } from './search.ts';

export type Violation = z.output<typeof violationItem>;
export type ViolationPage = z.output<typeof violationPage>;
export type IngestResult = z.output<typeof ingestResult>;

type Paged<S> = S & { page: number; pageSize: number };

export const VIOLATIONS_KEY = ['violations'] as const;

export const violationsQuery = (search: Paged<ViolationsSearch>) =>
  queryOptions({
    queryKey: [...VIOLATIONS_KEY, 'list', search] as const,
    queryFn: ({ signal }) =>
      api.get<ViolationPage>(
        '/violations',
        {
          plate: search.plate,
          type: search.type,
          source: search.source,
          from: search.from,
          to: search.to,
          page: search.page,
          pageSize: search.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

// ───────────── Raw text POST (camera batches) ─────────────

export const NDJSON = 'application/x-ndjson';
export const CSV = 'text/csv';
export type BatchType = typeof NDJSON | typeof CSV;

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy error page, an empty body)
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string') {
    const details = Array.isArray(err.details)
      ? err.details
          .filter((d): d is ErrorDetail => typeof d?.path === 'string' && typeof d?.message === 'string')
          .map((d) => ({ path: d.path, message: d.message }))
      : [];
    const message = typeof err.message === 'string' && err.message ? err.message : i18n.t('errors.generic');
    return new ApiError(res.status, err.code, message, details);
  }
  return new ApiError(
    res.status,
    `HTTP_${res.status}`,
    res.status >= 500 ? i18n.t('errors.server') : i18n.t('errors.generic'),
  );
}

/**
 * POSTs a text body as it is (the app's client sends JSON only), with the same CSRF header as every
 * write of the app; a stale token is fetched again once, as the app's client does.
 */
export async function postRawText<T>(path: string, body: string, contentType: string): Promise<T> {
  const attempt = async () => {
    const { token } = await api.get<{ token: string }>('/auth/csrf');
    try {
      return await fetch(buildUrl(path), {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': contentType, 'x-csrf-token': token },
        credentials: 'same-origin',
        body,
      });
    } catch {
      throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
    }
  };
  let res = await attempt();
  let error = res.ok ? null : await errorOf(res);
  if (error?.code === 'CSRF_INVALID') {
    res = await attempt();
    error = res.ok ? null : await errorOf(res);
  }
  if (error) throw error;
  return (await res.json()) as T;
}

export const sendCameraBatch = (text: string, type: BatchType) =>
  postRawText<IngestResult>('/camera-events/batch', text, type);

/** The CSV template's columns, in the order of the server's camera fields. */
export const CAMERA_COLUMNS = [
  'cameraId',
  'eventId',
  'occurredAt',
  'violation',
  'plate',
  'vehicleType',
  'speedKmh',
  'speedLimitKmh',
  'lat',
  'lon',
  'place',
  'imageSha256',
  'imageUrl',
] as const;

const EXAMPLE = [
  'CAM-QL4D-KM45',
  'E-000001',
  '2026-11-20T07:15:30+07:00',
  'speed_20_35',
  '25A-123.45',
  'car',
  '78',
  '50',
  '22.3561',
  '103.2443',
  '"Km 45+200, QL4D"',
  '',
  'https://camera.example.vn/anh/E-000001.jpg',
];

/** The downloadable template: the header line and one example event (with a BOM so that Excel reads UTF-8). */
export const CAMERA_TEMPLATE_CSV = `\uFEFF${CAMERA_COLUMNS.join(',')}\r\n${EXAMPLE.join(',')}\r\n`;

/** The type of a chosen file by its name; null when it is neither NDJSON nor CSV. */
export function batchTypeOf(fileName: string): BatchType | null {
  const n = fileName.toLowerCase();
  if (n.endsWith('.ndjson') || n.endsWith('.jsonl') || n.endsWith('.json')) return NDJSON;
  if (n.endsWith('.csv')) return CSV;
  return null;
}

/** Pasted text: NDJSON when its first non-blank character opens a JSON object, CSV otherwise. */
export function guessBatchType(text: string): BatchType {
  return /^\s*\{/.test(text.replace(/^\uFEFF/, '')) ? NDJSON : CSV;
}

/** "dòng 12.plate" → line 12, field "plate"; "dòng 3" → line 3, no field. */
export function problemOf(d: ErrorDetail): { line: number | null; field: string; message: string } {
  const m = /^dòng (\d+)(?:\.(.*))?$/.exec(d.path);
  return m
    ? { line: Number(m[1]), field: m[2] ?? '', message: d.message }
    : { line: null, field: d.path, message: d.message };
}

// ───────────── Patrol campaigns, notices to units, statistics ─────────────
// (src/server/enforcement/patrol-schemas.ts; types only)

import type {
  campaignDetail,
  campaignInput,
  campaignItem,
  campaignPage,
  tallyBody,
  unitNoticeList,
  unitNoticeSummary,
  violationStatsResult,
} from '../../server/enforcement/patrol-schemas.ts';
import type { CampaignsSearch } from './search.ts';

export type Campaign = z.output<typeof campaignItem>;
export type CampaignPage = z.output<typeof campaignPage>;
export type CampaignDetail = z.output<typeof campaignDetail>;
export type CampaignInput = z.input<typeof campaignInput>;
export type TallyBody = z.input<typeof tallyBody>;
export type UnitNoticeSummary = z.output<typeof unitNoticeSummary>;
export type UnitNoticeList = z.output<typeof unitNoticeList>;
export type ViolationStats = z.output<typeof violationStatsResult>;
export type Comparison = ViolationStats['total'];

export const CAMPAIGNS_KEY = ['patrol-campaigns'] as const;

export const campaignsQuery = (search: Paged<CampaignsSearch>) =>
  queryOptions({
    queryKey: [...CAMPAIGNS_KEY, 'list', search] as const,
    queryFn: ({ signal }) =>
      api.get<CampaignPage>(
        '/patrol-campaigns',
        { year: search.year, page: search.page, pageSize: search.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const campaignQuery = (id: number) =>
  queryOptions({
    queryKey: [...CAMPAIGNS_KEY, 'detail', id] as const,
    queryFn: ({ signal }) => api.get<CampaignDetail>(`/patrol-campaigns/${id}`, undefined, signal),
  });

export const createCampaign = (input: CampaignInput) => api.post<CampaignDetail>('/patrol-campaigns', input);
export const updateCampaign = (id: number, input: CampaignInput) =>
  api.put<CampaignDetail>(`/patrol-campaigns/${id}`, input);
export const recordTallies = (id: number, body: TallyBody) =>
  api.post<CampaignDetail>(`/patrol-campaigns/${id}/tallies`, body);

export const unitNoticeSummaryQuery = (month: string) =>
  queryOptions({
    queryKey: ['unit-notices', 'summary', month] as const,
    queryFn: ({ signal }) => api.get<UnitNoticeSummary>('/unit-notices', { month }, signal),
    placeholderData: keepPreviousData,
  });

export const unitNoticeListQuery = (id: number, month: string) =>
  queryOptions({
    queryKey: ['unit-notices', 'list', id, month] as const,
    queryFn: ({ signal }) => api.get<UnitNoticeList>(`/unit-notices/${id}`, { month }, signal),
  });

export const unitNoticeDocumentUrl = (id: number, month: string) =>
  buildUrl(`/unit-notices/${id}/document`, { month, format: 'docx' });

export const violationStatsQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: ['violation-stats', { from, to }] as const,
    queryFn: ({ signal }) => api.get<ViolationStats>('/violation-stats', { from, to }, signal),
    placeholderData: keepPreviousData,
  });
