import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../platform/api.ts';
import type { ClientsSearch } from './search.ts';

export { SCOPES, type Scope } from '../../domain/sharing/sharing.ts';

import type { Scope } from '../../domain/sharing/sharing.ts';

export interface ApiClient {
  id: number;
  name: string;
  partnerOrgUnitId: number | null;
  partnerOrgUnitName: string | null;
  partnerIsPolice: boolean;
  contact: string | null;
  scopes: string[];
  ratePerMinute: number;
  tokenPrefix: string;
  createdBy: string | null;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  calls24h: number;
}

export interface ClientCreateInput {
  name: string;
  partnerOrgUnitId?: number | null;
  contact?: string | null;
  scopes: Scope[];
  ratePerMinute: number;
}

/** The answer of create and rotate: the token appears here once and nowhere else. */
export interface IssuedToken {
  client: ApiClient;
  token: string;
}

export interface ApiCall {
  id: number;
  at: string;
  method: string;
  path: string;
  query: string | null;
  status: number;
  rowsReturned: number | null;
  durationMs: number;
  ip: string | null;
}

type Paged<S> = S & { page: number; pageSize: number };

export const clientsQuery = (search: Paged<ClientsSearch>) =>
  queryOptions({
    queryKey: ['sharing', 'clients', search] as const,
    queryFn: ({ signal }) => api.get<Page<ApiClient>>('/api-clients', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

export const callsQuery = (clientId: number, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['sharing', 'calls', clientId, page, pageSize] as const,
    queryFn: ({ signal }) =>
      api.get<Page<ApiCall>>(`/api-clients/${clientId}/calls`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

export const createClient = (input: ClientCreateInput) => api.post<IssuedToken>('/api-clients', input);
export const revokeClient = (id: number) => api.post<ApiClient>(`/api-clients/${id}/revoke`, {});
export const rotateClient = (id: number) => api.post<IssuedToken>(`/api-clients/${id}/rotate`, {});
