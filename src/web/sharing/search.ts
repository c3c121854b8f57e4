import { optEnum, optString, type Paging, paging } from '../platform/search.ts';

export const CLIENT_STATUSES = ['active', 'revoked'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export interface ClientsSearch extends Paging {
  q?: string;
  status?: ClientStatus;
}

export function validateClientsSearch(s: Record<string, unknown>): ClientsSearch {
  return { ...paging(s), q: optString(s.q), status: optEnum(CLIENT_STATUSES, s.status) };
}
