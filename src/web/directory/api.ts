import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../platform/api.ts';
import type { Role } from '../platform/auth.tsx';
import { todayIso } from '../platform/format.ts';
import type {
  AdminLevel,
  AdminUnitsSearch,
  OrgUnitKind,
  OrgUnitsSearch,
  PeopleSearch,
  UsersSearch,
} from './search.ts';

type Paged<S> = S & { page: number; pageSize: number };

// ───────────── Administrative units (đơn vị hành chính) ─────────────

export interface AdminUnit {
  id: string;
  name: string;
  level: AdminLevel;
  kind: string;
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  successorIds: string[];
  successorNames: string[];
}

export const adminUnitsQuery = (search: Paged<AdminUnitsSearch>) =>
  queryOptions({
    queryKey: ['directory', 'admin-units', search] as const,
    queryFn: ({ signal }) => api.get<Page<AdminUnit>>('/directory/admin-units', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

/** Communes and wards in force today, for pickers. */
export const currentCommunesQuery = () =>
  queryOptions({
    queryKey: [
      'directory',
      'admin-units',
      { level: 'commune', at: todayIso(), page: 1, pageSize: 200 },
    ] as const,
    queryFn: ({ signal }) =>
      api.get<Page<AdminUnit>>(
        '/directory/admin-units',
        { level: 'commune', at: todayIso(), page: 1, pageSize: 200 },
        signal,
      ),
    staleTime: 10 * 60_000,
    select: (page) => page.items,
  });

// ───────────── Org units (đơn vị Ban ATGT) ─────────────

export { ALIAS_KINDS, type AliasKind } from '../../domain/directory/org-units.ts';

import type { AliasKind } from '../../domain/directory/org-units.ts';

export interface OrgUnitAlias {
  id: number;
  alias: string;
  kind: AliasKind;
}

export interface OrgUnit {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKind;
  parentId: number | null;
  parentName: string | null;
  adminUnitId: string | null;
  isMember: boolean;
  validFrom: string;
  validTo: string | null;
  aliases: OrgUnitAlias[];
}

export interface OrgUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrgUnitKind;
  parentId?: number | null;
  isMember: boolean;
}

export const orgUnitsQuery = (search: Paged<OrgUnitsSearch>) =>
  queryOptions({
    queryKey: ['directory', 'org-units', search] as const,
    queryFn: ({ signal }) => api.get<Page<OrgUnit>>('/directory/org-units', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

/** Every org unit (up to 500), for pickers. */
export const allOrgUnitsQuery = () =>
  queryOptions({
    queryKey: ['directory', 'org-units', { page: 1, pageSize: 500 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<OrgUnit>>('/directory/org-units', { page: 1, pageSize: 500 }, signal),
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });

export const createOrgUnit = (input: OrgUnitInput) => api.post<OrgUnit>('/directory/org-units', input);
export const updateOrgUnit = (id: number, input: Partial<OrgUnitInput>) =>
  api.patch<OrgUnit>(`/directory/org-units/${id}`, input);
export const addOrgUnitAlias = (id: number, input: { alias: string; kind: AliasKind }) =>
  api.post<OrgUnit>(`/directory/org-units/${id}/aliases`, input);

// ───────────── People (cán bộ) ─────────────

export interface Person {
  id: number;
  fullName: string;
  position: string | null;
  orgUnitId: number | null;
  orgUnitName: string | null;
  phone: string | null;
  email: string | null;
}

export interface PersonInput {
  fullName: string;
  position?: string | null;
  orgUnitId?: number | null;
  phone?: string | null;
  email?: string | null;
}

export const peopleQuery = (search: Paged<PeopleSearch>) =>
  queryOptions({
    queryKey: ['directory', 'people', search] as const,
    queryFn: ({ signal }) => api.get<Page<Person>>('/directory/people', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

export const createPerson = (input: PersonInput) => api.post<Person>('/directory/people', input);
export const updatePerson = (id: number, input: Partial<PersonInput>) =>
  api.patch<Person>(`/directory/people/${id}`, input);

// ───────────── Users (tài khoản) ─────────────

export interface UserAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null;
  orgUnitName: string | null;
  adminUnitId: string | null;
  adminUnitName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
}

export interface UserCreateInput {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  orgUnitId?: number | null;
  adminUnitId?: string | null;
}

export interface UserPatchInput {
  displayName?: string;
  role?: Role;
  orgUnitId?: number | null;
  adminUnitId?: string | null;
  disabled?: boolean;
  password?: string;
  unlock?: boolean;
}

export const usersQuery = (search: Paged<UsersSearch>) =>
  queryOptions({
    queryKey: ['directory', 'users', search] as const,
    queryFn: ({ signal }) => api.get<Page<UserAccount>>('/directory/users', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

export const createUser = (input: UserCreateInput) => api.post<UserAccount>('/directory/users', input);
export const updateUser = (id: number, input: UserPatchInput) =>
  api.patch<UserAccount>(`/directory/users/${id}`, input);

/** Trimmed text, or null when empty (for optional text fields). */
export const textOrNull = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s === '' ? null : s;
};

/** Org units as picker options: "Name (Short)". */
export const orgUnitOptions = (units: OrgUnit[] = []) =>
  units.map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name }));
