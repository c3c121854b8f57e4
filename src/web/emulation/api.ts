/**
 * Emulation campaigns (phong trào thi đua, khen thưởng): the shapes the server sends — taken from its zod
 * schemas (src/server/emulation/schemas.ts, types only, nothing of the server is bundled) — the queries, the
 * writes, evidence files and the download links.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assessment,
  assessmentRow,
  awardLevel,
  awardsBody,
  campaignDetail,
  campaignInput,
  campaignItem,
  campaignPage,
  campaignTemplate,
  criterion,
  criterionGroup,
  evidence,
  participant,
  ranking,
  rankingRow,
  reviewBody,
  selfBody,
} from '../../server/emulation/schemas.ts';
import { api, buildUrl } from '../platform/api.ts';
import type { CampaignStatus, CampaignsSearch } from './search.ts';

export type Campaign = z.output<typeof campaignItem>;
export type CampaignPage = z.output<typeof campaignPage>;
export type CampaignDetail = z.output<typeof campaignDetail>;
export type CampaignTemplate = z.output<typeof campaignTemplate>;
export type CampaignInput = z.input<typeof campaignInput>;
export type Criterion = z.output<typeof criterion>;
export type CriterionGroup = z.output<typeof criterionGroup>;
export type AwardLevel = z.output<typeof awardLevel>;
export type Participant = z.output<typeof participant>;
export type Assessment = z.output<typeof assessment>;
export type AssessmentRow = z.output<typeof assessmentRow>;
export type Evidence = z.output<typeof evidence>;
export type Ranking = z.output<typeof ranking>;
export type RankingRow = z.output<typeof rankingRow>;
export type SelfBody = z.input<typeof selfBody>;
export type ReviewBody = z.input<typeof reviewBody>;
export type AwardsBody = z.input<typeof awardsBody>;
export type Metric = CampaignTemplate['metrics'][number];

type Paged<S> = S & { page: number; pageSize: number };

/** Every emulation query starts with this key (invalidate it after any write). */
export const EMULATION_KEY = ['emulation'] as const;

export const campaignsQuery = (search: Paged<CampaignsSearch>) =>
  queryOptions({
    queryKey: [...EMULATION_KEY, 'list', search] as const,
    queryFn: ({ signal }) =>
      api.get<CampaignPage>(
        '/emulation-campaigns',
        {
          year: search.year,
          status: search.status,
          q: search.q,
          page: search.page,
          pageSize: search.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const campaignTemplateQuery = (year: number) =>
  queryOptions({
    queryKey: [...EMULATION_KEY, 'template', year] as const,
    queryFn: ({ signal }) => api.get<CampaignTemplate>('/emulation-campaigns/template', { year }, signal),
    staleTime: 10 * 60_000,
  });

export const campaignQuery = (id: number) =>
  queryOptions({
    queryKey: [...EMULATION_KEY, 'detail', id] as const,
    queryFn: ({ signal }) => api.get<CampaignDetail>(`/emulation-campaigns/${id}`, undefined, signal),
  });

export const createCampaign = (input: CampaignInput) =>
  api.post<CampaignDetail>('/emulation-campaigns', input);
export const updateCampaign = (id: number, input: CampaignInput) =>
  api.put<CampaignDetail>(`/emulation-campaigns/${id}`, input);
export const changeCampaignStatus = (id: number, status: CampaignStatus, comment: string | null) =>
  api.post<CampaignDetail>(`/emulation-campaigns/${id}/status`, { status, comment });
export const computeCampaign = (id: number) => api.post<CampaignDetail>(`/emulation-campaigns/${id}/compute`);

// ───────────── One unit's assessment ─────────────

const unitPath = (id: number, unitId: number) => `/emulation-campaigns/${id}/units/${unitId}`;

export const assessmentQuery = (id: number, unitId: number) =>
  queryOptions({
    queryKey: [...EMULATION_KEY, 'assessment', id, unitId] as const,
    queryFn: ({ signal }) => api.get<Assessment>(unitPath(id, unitId), undefined, signal),
  });

export const saveSelfAssessment = (id: number, unitId: number, body: SelfBody) =>
  api.put<Assessment>(`${unitPath(id, unitId)}/self`, body);
export const computeUnit = (id: number, unitId: number) =>
  api.post<Assessment>(`${unitPath(id, unitId)}/compute`);
export const submitAssessment = (id: number, unitId: number) =>
  api.post<Assessment>(`${unitPath(id, unitId)}/submit`);
export const returnAssessment = (id: number, unitId: number, comment: string) =>
  api.post<Assessment>(`${unitPath(id, unitId)}/return`, { comment });
export const saveReview = (id: number, unitId: number, body: ReviewBody) =>
  api.put<Assessment>(`${unitPath(id, unitId)}/review`, body);

export const uploadEvidence = (
  id: number,
  unitId: number,
  body: { criterionCode: string; fileName: string; contentBase64: string },
) => api.post<Evidence>(`${unitPath(id, unitId)}/evidence`, body);
export const deleteEvidence = (evidenceId: number) => api.delete(`/emulation-evidence/${evidenceId}`);
/** A plain link: the session cookie goes along, the server sets the file name. */
export const evidenceUrl = (evidenceId: number) => buildUrl(`/emulation-evidence/${evidenceId}`);

/** Evidence files: at most 10 MB; PDF, JPEG/PNG images, Word (DOCX) and Excel (XLSX), as the server takes them. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EVIDENCE_EXTENSIONS = /\.(pdf|jpe?g|png|docx|xlsx)$/i;

/** Why a chosen file cannot be evidence ('size' or 'type'), or null when it can. */
export function evidenceFileProblem(file: { name: string; size: number }): 'size' | 'type' | 'empty' | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_EVIDENCE_BYTES) return 'size';
  if (!EVIDENCE_EXTENSIONS.test(file.name)) return 'type';
  return null;
}

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

// ───────────── Ranking and awards ─────────────

export const rankingQuery = (id: number) =>
  queryOptions({
    queryKey: [...EMULATION_KEY, 'ranking', id] as const,
    queryFn: ({ signal }) => api.get<Ranking>(`/emulation-campaigns/${id}/ranking`, undefined, signal),
  });

export const saveAwards = (id: number, body: AwardsBody) =>
  api.put<Ranking>(`/emulation-campaigns/${id}/awards`, body);

export const rankingXlsxUrl = (id: number) => buildUrl(`/emulation-campaigns/${id}/ranking.xlsx`);
export const awardsDocxUrl = (id: number) => buildUrl(`/emulation-campaigns/${id}/awards.docx`);
export const awardDecisionDocxUrl = (id: number) =>
  buildUrl(`/emulation-campaigns/${id}/award-decision.docx`);
