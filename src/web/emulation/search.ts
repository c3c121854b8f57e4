/**
 * The emulation pages' URL search params (phong trào thi đua). Kept apart from api.ts so that the router
 * does not load the pages' code.
 */
import { optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

/** The campaign's life: draft → self-assessment → review → closed (as the server's CAMPAIGN_STATUSES). */
export const CAMPAIGN_STATUSES = ['draft', 'self_assessment', 'review', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A unit's assessment: nothing saved, saved, sent to the office, reviewed (as ASSESSMENT_STATUSES). */
export const ASSESSMENT_STATUSES = ['not_started', 'draft', 'submitted', 'reviewed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export interface CampaignsSearch extends Paging {
  year?: number;
  status?: CampaignStatus;
  q?: string;
}

const yearOf = (v: unknown): number | undefined => {
  const y = optPositiveInt(v);
  return y && y >= 2000 && y <= 2100 ? y : undefined;
};

export const validateCampaignsSearch = (s: Record<string, unknown>): CampaignsSearch => ({
  year: yearOf(s.year),
  status: optEnum(CAMPAIGN_STATUSES, s.status),
  q: optString(s.q, 200),
  ...paging(s),
});

export const CAMPAIGN_TABS = ['participants', 'criteria', 'ranking'] as const;
export type CampaignTab = (typeof CAMPAIGN_TABS)[number];

export interface CampaignSearch {
  /** the open tab; absent = participants */
  tab?: CampaignTab;
}

export const validateCampaignSearch = (s: Record<string, unknown>): CampaignSearch => {
  const tab = optEnum(CAMPAIGN_TABS, s.tab);
  return { tab: tab === 'participants' ? undefined : tab };
};

export interface CampaignNewSearch {
  /** the year the template is made for; absent = this year */
  year?: number;
}

export const validateCampaignNewSearch = (s: Record<string, unknown>): CampaignNewSearch => ({
  year: yearOf(s.year),
});

/** A positive integer route param, else null (a page shows "not found"). */
export const idParam = (v: string): number | null => optPositiveInt(v) ?? null;
