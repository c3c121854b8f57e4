import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../domain/directory/org-units.ts';
import { optDate, optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

export const ADMIN_LEVELS = ['province', 'district', 'commune'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export { ORG_UNIT_KINDS, type OrgUnitKind } from '../../domain/directory/org-units.ts';

export interface AdminUnitsSearch extends Paging {
  level?: AdminLevel;
  at?: string;
  q?: string;
}
export const validateAdminUnitsSearch = (s: Record<string, unknown>): AdminUnitsSearch => ({
  level: optEnum(ADMIN_LEVELS, s.level),
  at: optDate(s.at),
  q: optString(s.q),
  ...paging(s),
});

export interface OrgUnitsSearch extends Paging {
  q?: string;
  kind?: OrgUnitKind;
}
export const validateOrgUnitsSearch = (s: Record<string, unknown>): OrgUnitsSearch => ({
  q: optString(s.q),
  kind: optEnum(ORG_UNIT_KINDS, s.kind),
  ...paging(s),
});

export interface PeopleSearch extends Paging {
  q?: string;
  orgUnitId?: number;
}
export const validatePeopleSearch = (s: Record<string, unknown>): PeopleSearch => ({
  q: optString(s.q),
  orgUnitId: optPositiveInt(s.orgUnitId),
  ...paging(s),
});

export interface UsersSearch extends Paging {
  q?: string;
}
export const validateUsersSearch = (s: Record<string, unknown>): UsersSearch => ({
  q: optString(s.q),
  ...paging(s),
});
