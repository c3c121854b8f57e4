import { optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

/** Kept here (not imported from api.ts) so that the router does not load the pages' code. */
export const SPOT_STATUS_CODES = [
  'candidate',
  'confirmed',
  'dismissed',
  'surveyed',
  'remedy_planned',
  'remedied',
  'evaluated',
] as const;
export const SPOT_KIND_CODES = ['black_spot', 'potential', 'hazard'] as const;

export interface SpotsSearch extends Paging {
  status?: (typeof SPOT_STATUS_CODES)[number];
  kind?: (typeof SPOT_KIND_CODES)[number];
  roadId?: number;
  /** a commune (its spots and those of the old communes merged into it) */
  adminUnitId?: string;
  q?: string;
}

export const validateSpotsSearch = (s: Record<string, unknown>): SpotsSearch => ({
  status: optEnum(SPOT_STATUS_CODES, s.status),
  kind: optEnum(SPOT_KIND_CODES, s.kind),
  roadId: optPositiveInt(s.roadId),
  adminUnitId: optString(s.adminUnitId, 50),
  q: optString(s.q),
  ...paging(s),
});
